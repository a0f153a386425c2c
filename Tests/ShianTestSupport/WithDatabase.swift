import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import ShianStore
import Vapor

/// Runs `body` with a freshly migrated database (all of Shian's migrations), then reverts the
/// migrations, shuts down and drops the database.
public func withMigratedDatabase(
    _ kind: TestDatabase, _ body: (any Database) async throws -> Void
) async throws {
    let (url, drop) = try await kind.makeFresh()
    let app = try await Application.make(.testing)
    do {
        if let url {
            app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url), maxConnectionsPerEventLoop: 2), as: .psql)
        } else {
            app.databases.use(.sqlite(.memory), as: .sqlite)
        }
        app.logger.logLevel = .warning
        app.migrations.add(ShianMigrations.all)
        try await app.autoMigrate()
        try await body(app.db)
        try await app.autoRevert()
    } catch {
        try? await app.asyncShutdown()
        try? await drop()
        throw error
    }
    try await app.asyncShutdown()
    try await drop()
}
