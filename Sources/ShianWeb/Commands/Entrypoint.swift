import Foundation
import Logging
import Metrics
import Prometheus
import Vapor

/// Boots Shian from the command line: reads the configuration (failing fast on bad values), sets
/// up logging and metrics, configures the application and runs the command (`serve` by default).
public enum ShianMain {
    public static func run() async throws {
        let configuration: ShianConfiguration
        do {
            configuration = try ShianConfiguration.load(from: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            exit(1)
        }
        var environment = try Environment.detect()
        let level = configuration.logLevel
        if configuration.logFormat == .json {
            LoggingSystem.bootstrap { JSONLogHandler(label: $0, level: level) }
        } else {
            try LoggingSystem.bootstrap(from: &environment) { _ in
                { label in var handler = StreamLogHandler.standardError(label: label); handler.logLevel = level; return handler }
            }
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

        let app = try await Application.make(environment)
        app.metricsRegistry = registry
        do {
            try await configure(app, configuration)
            app.asyncCommands.use(SeedCommand(), as: "seed")
            app.asyncCommands.use(DemoAccountsCommand(), as: "demo-accounts")
            app.asyncCommands.use(JobsCommand(), as: "jobs")
            if Startup.isServe(environment.arguments) {
                try await Startup.prepareToServe(app)
                EscalationJob.schedule(on: app)
                ReportReminderJob.schedule(on: app)
            }
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        do {
            // Vapor reports a failing command's error itself.
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
