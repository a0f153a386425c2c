import Fluent
import Foundation
import ShianCore
import ShianStore
import Vapor

/// What `shian serve` does before it listens: migrate, seed the demo county on the first start of
/// an empty database, and give the demo accounts `SHIAN_DEMO_PASSWORD` when it is set.
public enum Startup {
    /// True when the command line runs the server (Vapor's default command).
    public static func isServe(_ arguments: [String]) -> Bool {
        guard arguments.count > 1 else { return true }
        let command = arguments[1]
        return command == "serve" || command.hasPrefix("-")
    }

    public static func prepareToServe(_ app: Application) async throws {
        try await prepareDatabase(app)
        let configuration = app.shian
        if configuration.seedDemoOnFirstStart, try await DemoSeeder.isEmpty(app.db) {
            try await seedDemo(app)
        } else if let password = configuration.demoPassword {
            try await DemoSeeder.resetDemoPasswords(on: app.db, passwordHash: try await app.password.async.hash(password))
        }
    }

    /// Seeds the demo county; the password is `SHIAN_DEMO_PASSWORD`, or a random one that is logged
    /// once and written to `demo-password.txt` in the data folder.
    public static func seedDemo(_ app: Application) async throws {
        let password = app.shian.demoPassword ?? generatedPassword()
        try await DemoSeeder.seed(on: app.db, passwordHash: try await app.password.async.hash(password))
        let inspections = try await DemoInspections.seed(on: app.db, today: Date())
        try await DemoCreation.seed(on: app.db, now: Date())
        try await DemoReporting.seed(on: app.db, now: Date())
        // The reminders the demo's missing reports are owed, so they show before the job's first run.
        try await ReportReminderJob.run(on: app.db, leadDays: app.shian.reportReminderDays)
        if let office = try await User.query(on: app.db).filter(\.$username == "office").first(), let id = office.id {
            // A published random draw (双随机、一公开) of this quarter's catering checks.
            let principal = Principal(user: office, credential: .token(id: id, access: .readWrite))
            _ = try await RandomDraws.create(
                .init(name: "示范县第四季度餐饮服务“双随机”抽查", regionCode: DemoCounty.countyCode.rawValue, category: "caterer", count: 20),
                by: principal, on: app.db)
            try await DemoTraceability.seed(by: principal, on: app.db)
        }
        app.logger.notice("Seeded the demo county 示范县 (222499): \(DemoCounty.accounts().count) demo accounts, \(inspections) inspections")
        if app.shian.demoPassword == nil {
            let path = (app.shian.dataDirectory as NSString).appendingPathComponent("demo-password.txt")
            try? FileManager.default.createDirectory(atPath: app.shian.dataDirectory, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path, contents: Data((password + "\n").utf8), attributes: [.posixPermissions: 0o600])
            app.logger.notice("Demo accounts' password: \(password) (also in \(path)); set SHIAN_DEMO_PASSWORD to choose one")
        }
    }

    private static func generatedPassword() -> String {
        "Demo-" + String(SecretToken.generate().filter { $0.isLetter || $0.isNumber }.prefix(10)) + "-1"
    }
}
