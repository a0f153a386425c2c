import ConsoleKit
import Fluent
import Foundation
import ShianCore
import ShianStore
import Vapor

/// `shian seed --demo` seeds the demo county into an empty database;
/// `shian seed --scale province` adds a province-sized region tree for the benchmarks;
/// `--creation-years 5` then gives each of its counties a creation campaign with that much history.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "demo", help: "Seed the demo county (the database must be empty).")
        var demo: Bool

        @Option(name: "scale", help: "Generate benchmark data: county, prefecture or province.")
        var scale: String?

        @Option(name: "businesses", help: "With --scale: also add this many synthetic businesses to its grids.")
        var businesses: Int?

        @Option(name: "creation-years", help: "Give every benchmark county a creation campaign with this many years of evidence, figures and reports.")
        var creationYears: Int?
    }

    var help: String { "Seeds the demo county or benchmark data." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        if signature.demo {
            guard try await DemoSeeder.isEmpty(app.db) else {
                throw SeedRefusal("The database is not empty: the demo county is seeded only into an empty database.")
            }
            try await Startup.seedDemo(app)
            context.console.info("Seeded the demo county.")
        }
        if let scaleName = signature.scale {
            guard let scale = ScaleSeeder.Scale(rawValue: scaleName) else {
                throw SeedRefusal("--scale must be county, prefecture or province")
            }
            let count = try await ScaleSeeder.seedRegions(scale, on: app.db)
            context.console.info("Added \(count) regions at \(scale.rawValue) scale.")
            if let businesses = signature.businesses, businesses > 0 {
                let added = try await ScaleSeeder.seedBusinesses(businesses, on: app.db)
                context.console.info("Added \(added) businesses.")
            }
        }
        if let years = signature.creationYears {
            guard (1...20).contains(years) else { throw SeedRefusal("--creation-years must be between 1 and 20") }
            let counties = try await ScaleSeeder.seedCreation(years: years, on: app.db)
            context.console.info("Seeded the creation campaign of \(counties) benchmark counties over \(years) years.")
        }
        if !signature.demo && signature.scale == nil && signature.creationYears == nil {
            throw SeedRefusal("Say what to seed: --demo, --scale county|prefecture|province or --creation-years N")
        }
    }
}

/// Why a seed command did nothing; printed as the command's error.
struct SeedRefusal: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `shian demo-accounts --json` prints the demo accounts: `[{"username", "role", "scope": {...}}]`.
struct DemoAccountsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "json", help: "Print JSON.")
        var json: Bool
    }

    struct Account: Encodable {
        let username: String
        let role: String
        let displayName: String
        let scope: Scope

        struct Scope: Encodable {
            let regionCode: String
            let departmentId: UUID?
            let businessId: UUID?
        }
    }

    var help: String { "Lists the demo accounts." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let stored = (try? await ShianStore.User.query(on: app.db).filter(\ShianStore.User.$isDemo == true).sort(\.$username).all()) ?? []
        let accounts: [Account] =
            stored.isEmpty
            ? DemoCounty.accounts().map {
                Account(username: $0.username, role: $0.role.rawValue, displayName: $0.displayName,
                        scope: .init(regionCode: $0.regionCode.rawValue, departmentId: nil, businessId: nil))
            }
            : stored.map {
                Account(username: $0.username, role: $0.role.rawValue, displayName: $0.displayName,
                        scope: .init(regionCode: $0.regionCode, departmentId: $0.$department.id, businessId: $0.$business.id))
            }
        if signature.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(accounts), as: UTF8.self))
        } else {
            for account in accounts {
                print("\(account.username)\t\(account.role)\t\(account.scope.regionCode)\t\(account.displayName)")
            }
        }
    }
}
