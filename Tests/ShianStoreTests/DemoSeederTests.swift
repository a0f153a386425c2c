import Foundation
import FluentKit
import ShianCore
import ShianTestSupport
import Testing

@testable import ShianStore

@Suite("Demo seeding")
struct DemoSeederTests {
    @Test(arguments: TestDatabase.all)
    func seedsOnceIntoAnEmptyDatabase(database: TestDatabase) async throws {
        try await withMigratedDatabase(database) { db in
            #expect(try await DemoSeeder.isEmpty(db))
            try await DemoSeeder.seed(on: db, passwordHash: "hash")
            #expect(try await Region.query(on: db).filter(\.$level == .village).count() == 150)
            #expect(try await Region.query(on: db).filter(\.$level == .township).count() == 12)
            #expect(try await Department.query(on: db).count() == 20)
            let users = try await User.query(on: db).all()
            #expect(Set(users.map(\.role)) == Set(Role.allCases))
            #expect(users.first { $0.role == .businessOperator }?.$business.id != nil)
            #expect(users.first { $0.role == .departmentOfficer }?.$department.id != nil)
            await #expect(throws: DemoSeeder.SeedError.databaseNotEmpty) {
                try await DemoSeeder.seed(on: db, passwordHash: "hash")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func provinceScaleTree(database: TestDatabase) async throws {
        try await withMigratedDatabase(database) { db in
            let count = try await ScaleSeeder.seedRegions(.county, on: db)
            #expect(try await Region.query(on: db).count() == count)
            #expect(try await Region.query(on: db).filter(\.$level == .township).count() == 15)
        }
    }

    @Test(arguments: TestDatabase.all)
    func creationCampaignsAtScaleWithHistory(database: TestDatabase) async throws {
        try await withMigratedDatabase(database) { db in
            try await DemoSeeder.seed(on: db, passwordHash: "hash")
            _ = try await ScaleSeeder.seedRegions(.county, on: db)
            #expect(try await ScaleSeeder.seedCreation(years: 3, on: db) == 1)
            #expect(try await ScaleSeeder.seedCreation(years: 3, on: db) == 0, "a county with a campaign is left alone")
            let county = try #require(try await Region.query(on: db).filter(\.$level == .county).filter(\.$code >= "2290").first()?.code)
            #expect(try await IndicatorAssignment.query(on: db).filter(\.$regionCode == county).count() == 94)
            let standard = DemoStandard.document
            let evidenceItems = standard.indicators.filter(standard.takesEvidence).count
            let history = try await EvidenceSubmission.query(on: db).filter(\.$submittedBy == "bench").count()
            #expect(history == evidenceItems * 4 * 2, "four a year for each of the two past years")
            #expect(try await MetricObservation.query(on: db).filter(\.$regionCode == county).count() == 3 * DemoCreation.observations.count)
            #expect(try await ShowcaseProject.query(on: db).filter(\.$regionCode == county).count() == DemoShowcase.projects.count + 2)
            // 15 townships, 36 months and 12 quarters, less the two lagging townships' missing periods.
            let reports = try await ReportSubmission.query(on: db).filter(\.$regionCode >= county).filter(\.$regionCode < county + "~").count()
            #expect(reports > 15 * 45 && reports <= 15 * 48)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aYearOfDemoInspections(database: TestDatabase) async throws {
        try await withMigratedDatabase(database) { db in
            let today = Date()
            try await DemoSeeder.seed(on: db, passwordHash: "hash", now: today)
            let count = try await DemoInspections.seed(on: db, today: today)
            #expect(count > 1500)
            #expect(try await Inspection.query(on: db).count() == count)
            #expect(try await Inspection.query(on: db).filter(\.$result == .fail).count() > 50)
            #expect(try await RectificationOrder.query(on: db).filter(\.$status == .closed).count() > 100)
            #expect(try await RectificationOrder.query(on: db).filter(\.$status == .open).filter(\.$deadline < today).count() > 10)
            #expect(try await Business.query(on: db).filter(\.$riskGrade == "D").count() > 10)
        }
    }
}
