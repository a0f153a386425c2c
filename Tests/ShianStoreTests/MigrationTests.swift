import FluentKit
import SQLKit
import ShianCore
import ShianTestSupport
import Testing

@testable import ShianStore

@Suite("Migrations and the audit log")
struct MigrationTests {
    @Test(arguments: TestDatabase.all)
    func migrateUpAndDown(database: TestDatabase) async throws {
        // withMigratedDatabase reverts every migration after the body; a revert that fails throws.
        try await withMigratedDatabase(database) { db in
            let count = try await Region.query(on: db).count()
            #expect(count == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func auditEntriesAreAppendOnly(database: TestDatabase) async throws {
        try await withMigratedDatabase(database) { db in
            let region = Region(code: RegionCode(literal: "222499"), name: "示范县")
            try await region.create(on: db)
            try await AuditLog.record(.create, region, before: nil, actor: .system, on: db)
            let entry = try #require(try await AuditEntry.query(on: db).first())
            #expect(entry.entityType == "region")
            #expect(AuditLog.decode(entry.after)["name"] == "示范县")

            entry.actorUsername = "someone-else"
            await #expect(throws: (any Error).self) { try await entry.update(on: db) }
            await #expect(throws: (any Error).self) { try await AuditEntry.query(on: db).delete() }
            #expect(try await AuditEntry.query(on: db).first()?.actorUsername == "system")
        }
    }
}
