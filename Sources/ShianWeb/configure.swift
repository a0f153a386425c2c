import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Prometheus
import ShianCore
import ShianStore
import Vapor

/// Configures an application: database, migrations, middleware, routes. Tests call it with their
/// own configuration (an in-memory SQLite database or a throwaway PostgreSQL one).
public func configure(_ app: Application, _ configuration: ShianConfiguration) async throws {
    app.shian = configuration
    app.logger.logLevel = configuration.logLevel
    try configureDatabase(app, configuration.database, dataDirectory: configuration.dataDirectory)
    app.migrations.add(ShianMigrations.all)
    app.passwords.use(.bcrypt(cost: configuration.bcryptCost))
    app.routes.defaultMaxBodySize = "1mb"
    // API dates are ISO 8601 in UTC with `Z` (DESIGN.md, API conventions).
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.withoutEscapingSlashes]
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    ContentConfiguration.global.use(encoder: encoder, for: .json)
    ContentConfiguration.global.use(decoder: decoder, for: .json)

    // Middleware, outermost first: errors are rendered after everything inside has run.
    app.middleware = Middlewares()
    app.middleware.use(RequestLoggingMiddleware())
    app.middleware.use(ErrorRenderingMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))

    app.metricsRegistry = app.metricsRegistry ?? PrometheusCollectorRegistry()
    try routes(app)
}

extension Application {
    private struct ConfigurationKey: StorageKey {
        typealias Value = ShianConfiguration
    }

    private struct RegistryKey: StorageKey {
        typealias Value = PrometheusCollectorRegistry
    }

    /// The configuration this application was configured with.
    public var shian: ShianConfiguration {
        get { storage[ConfigurationKey.self] ?? .testing() }
        set { storage[ConfigurationKey.self] = newValue }
    }

    /// The Prometheus registry `/metrics` reports from. The entry point bootstraps swift-metrics with
    /// it, so Vapor's request metrics land here too.
    public var metricsRegistry: PrometheusCollectorRegistry? {
        get { storage[RegistryKey.self] }
        set { storage[RegistryKey.self] = newValue }
    }
}

private func configureDatabase(_ app: Application, _ database: ShianConfiguration.Database, dataDirectory: String) throws {
    switch database {
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .sqlite(let path):
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .postgres(let url):
        // TLS follows the URL's sslmode; without one, TLS is used when the server offers it.
        let postgres = try SQLPostgresConfiguration(url: url)
        app.databases.use(.postgres(configuration: postgres, maxConnectionsPerEventLoop: 4), as: .psql)
    }
}

/// Prepares the database for serving: WAL mode on SQLite (readers never wait for the writer), then
/// every pending migration.
public func prepareDatabase(_ app: Application) async throws {
    if let sql = app.db as? any SQLDatabase, sql.dialect.name == "sqlite" {
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
    try await app.autoMigrate()
}
