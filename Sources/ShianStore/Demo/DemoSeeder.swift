import FluentKit
import Foundation
import ShianCore

/// Writes the demo county (`DemoCounty`) into an empty database, in one transaction.
public enum DemoSeeder {
    public enum SeedError: Error, Equatable {
        /// The database already holds regions; the demo is seeded only into an empty one.
        case databaseNotEmpty
    }

    /// True when no region exists yet: the first start of a new installation.
    public static func isEmpty(_ database: any Database) async throws -> Bool {
        try await Region.query(on: database).count() == 0
    }

    /// Seeds the region tree, departments, a few businesses and one account per demo user.
    /// `hashPassword` turns the demo password into a stored hash (Bcrypt, in the web layer).
    public static func seed(
        on database: any Database, passwordHash: String, now: Date = Date()
    ) async throws {
        guard try await isEmpty(database) else { throw SeedError.databaseNotEmpty }
        try await database.transaction { db in
            let regions = DemoCounty.regions().map { Region(code: $0.code, name: $0.name) }
            try await regions.create(on: db)

            var departmentIDs: [String: UUID] = [:]
            for seed in DemoCounty.departments {
                let department = Department(
                    regionCode: DemoCounty.countyCode.rawValue, code: seed.code, name: seed.name, duties: seed.duties)
                try await department.create(on: db)
                departmentIDs[seed.code] = department.id
            }

            let businessIDs = try await seedRegistry(on: db, today: now)

            for seed in DemoCounty.accounts() {
                let scope = UserScope(
                    regionCode: seed.regionCode,
                    departmentID: seed.departmentCode.flatMap { departmentIDs[$0] },
                    businessID: seed.businessKey.flatMap { businessIDs[$0] })
                let user = User(
                    username: seed.username, displayName: seed.displayName, passwordHash: passwordHash,
                    role: seed.role, scope: scope, isDemo: true)
                user.passwordChangedAt = now
                try await user.create(on: db)
            }
            try await AuditEntry(
                at: now, actorID: nil, actorUsername: AuditActor.system.username, action: .create,
                entityType: "demoCounty", entityID: DemoCounty.countyCode.rawValue,
                regionCode: DemoCounty.countyCode.rawValue, before: nil,
                after: #"{"regions":"\#(regions.count)","accounts":"\#(DemoCounty.accounts().count)"}"#
            ).create(on: db)
        }
    }

    /// Gives every demo account the same password hash (when `SHIAN_DEMO_PASSWORD` is set).
    public static func resetDemoPasswords(on database: any Database, passwordHash: String) async throws {
        try await User.query(on: database)
            .filter(\.$isDemo == true)
            .set(\.$passwordHash, to: passwordHash)
            .update()
    }
}
