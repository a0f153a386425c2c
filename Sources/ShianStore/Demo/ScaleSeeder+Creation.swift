import FluentKit
import Foundation
import ShianCore

/// The creation campaign at benchmark scale: every county of the synthetic province runs the demo
/// county's campaign (`DemoCreation.seedCampaign`), with `years` years of history behind it —
/// four evidence submissions a year for each item that takes evidence (returned, resubmitted,
/// approved, one more after approval), last years' recorded figures, earlier showcase projects, and
/// every township's monthly and quarterly reports over those years (`DemoReporting`).
extension ScaleSeeder {
    /// Returns the number of counties seeded (those that had no campaign yet).
    public static func seedCreation(years: Int, now: Date = Date(), on database: any Database) async throws -> Int {
        let standard = DemoStandard.document
        if try await StandardRecord.query(on: database).filter(\.$code == standard.code).count() == 0 {
            _ = try await StandardRecord.store(standard, regionCode: "22", actor: .system, now: now, on: database)
        }
        let counties = try await Region.query(on: database).filter(\.$level == .county)
            .filter(\.$code >= "2290").filter(\.$code < "2300").sort(\.$code).all().map(\.code)
        guard let author = try await User.query(on: database).sort(\.$username).first()?.id else { return 0 }
        var seeded = 0
        for county in counties {
            let started = try await IndicatorAssignment.query(on: database).filter(\.$regionCode == county).count()
            guard started == 0 else { continue }
            try await database.transaction { db in
                try await DemoCreation.seedCampaign(county: county, townshipLeads: [:], now: now, on: db)
                try await seedHistory(county: county, years: years, now: now, on: db)
                try await DemoReporting.seed(county: county, by: author, years: years, now: now, on: db)
            }
            seeded += 1
        }
        return seeded
    }

    private static func seedHistory(county: String, years: Int, now: Date, on db: any Database) async throws {
        let standard = DemoStandard.document
        let evidenceItems = Set(standard.indicators.filter(standard.takesEvidence).map(\.number))
        let assignments = try await IndicatorAssignment.query(on: db).filter(\.$regionCode == county).all()
            .filter { evidenceItems.contains($0.indicatorNumber) }
        let year = Calendar(identifier: .gregorian).component(.year, from: now)
        let day: TimeInterval = 86_400
        for back in 1..<max(1, years) {
            var rows: [EvidenceSubmission] = []
            for assignment in assignments {
                for step in 0..<4 {
                    let row = EvidenceSubmission()
                    row.$assignment.id = try assignment.requireID()
                    row.regionCode = county
                    row.text = "\(year - back)年度佐证材料（基准测试数据）第\(step + 1)次提交"
                    row.linkList = ""
                    row.deductionList = "[]"
                    row.submittedBy = "bench"
                    row.submittedAt = now.addingTimeInterval(-Double(back * 365 - step * 30) * day).storageRounded
                    row.decision = step == 0 ? .returned : step == 3 ? nil : .approved
                    row.reason = step == 0 ? "材料不全（基准测试数据）" : nil
                    row.reviewedBy = step == 3 ? nil : "office"
                    row.reviewedAt = step == 3 ? nil : row.submittedAt.addingTimeInterval(5 * day)
                    rows.append(row)
                }
            }
            for chunk in stride(from: 0, to: rows.count, by: 500) { try await Array(rows[chunk..<min(chunk + 500, rows.count)]).create(on: db) }
            for (metric, numerator, denominator, source) in DemoCreation.observations {
                let observation = MetricObservation()
                observation.regionCode = county
                observation.metric = metric.rawValue
                observation.year = year - back
                observation.numerator = numerator
                observation.denominator = denominator
                observation.source = source
                observation.recordedBy = "bench"
                observation.recordedAt = now.addingTimeInterval(-Double(back * 365) * day).storageRounded
                try await observation.create(on: db)
            }
            // An earlier year's showcase project, reviewed: the list and the forecast read them all.
            let project = ShowcaseProject()
            project.createdAt = now.addingTimeInterval(-Double(back * 365) * day).storageRounded
            project.updatedAt = project.createdAt
            project.regionCode = county
            project.standardCode = standard.code
            project.theme = ShowcaseTheme.allCases[back % ShowcaseTheme.allCases.count]
            project.title = "\(year - back)年度示范项目（基准测试数据）"
            project.summary = "基准测试数据"
            project.leadUnit = "market"
            project.plan = "1. 方案\n2. 实施\n3. 验收"
            project.status = .reviewed
            project.createdBy = "bench"
            project.reviewScore = 2
            project.reviewReason = "基准测试数据"
            project.reviewedBy = "office"
            project.reviewedAt = project.createdAt
            try await project.create(on: db)
        }
    }
}
