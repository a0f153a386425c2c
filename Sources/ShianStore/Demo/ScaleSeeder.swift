import FluentKit
import Foundation
import SQLKit
import ShianCore

/// Deterministic, clearly synthetic data at the sizes Shian must hold, for the benchmarks.
/// Province scale: 100 counties, 1,500 townships, 25,000 villages (and a grid per village).
public enum ScaleSeeder {
    public enum Scale: String, Sendable, CaseIterable {
        case county, prefecture, province

        var counties: Int {
            switch self {
            case .county: 1
            case .prefecture: 10
            case .province: 100
            }
        }
    }

    /// Adds the synthetic region tree under the demo province 22, in prefectures 2290–2299 (codes
    /// no real prefecture uses), so the demo's administrator sees it. Returns the regions written.
    public static func seedRegions(_ scale: Scale, on database: any Database) async throws -> Int {
        let province = RegionCode(literal: "22")
        var rows: [(code: String, name: String, level: RegionLevel, parent: String?)] = []
        if try await Region.query(on: database).filter(\.$code == province.rawValue).first() == nil {
            rows.append((province.rawValue, "吉林省", .province, nil))
        }
        var generator = SeededGenerator(seed: 2290)
        for countyIndex in 0..<scale.counties {
            let prefecture = province.rawValue + String(format: "%02d", 90 + countyIndex / 10)
            if countyIndex % 10 == 0 { rows.append((prefecture, "基准测试市\(countyIndex / 10 + 1)", .prefecture, province.rawValue)) }
            let county = prefecture + String(format: "%02d", countyIndex % 10 + 1)
            rows.append((county, "基准测试县\(countyIndex + 1)", .county, prefecture))
            for townshipIndex in 1...15 {
                let township = county + String(format: "%03d", townshipIndex)
                rows.append((township, "测试乡镇\(countyIndex + 1)-\(townshipIndex)", .township, county))
                let villages = 15 + Int(generator.next() % 5)
                for villageIndex in 1...villages {
                    let village = township + String(format: "%03d", villageIndex)
                    rows.append((village, "测试村\(townshipIndex)-\(villageIndex)", .village, township))
                    rows.append((village + "001", "测试网格\(villageIndex)", .grid, village))
                }
            }
        }
        let now = Date()
        let finalRows = rows
        try await database.transaction { db in
            guard let sql = db as? any SQLDatabase else { return }
            for chunk in stride(from: 0, to: finalRows.count, by: 500) {
                var insert = sql.insert(into: Region.schema)
                    .columns("id", "code", "name", "level", "parent_code", "active", "created_at", "updated_at")
                for row in finalRows[chunk..<min(chunk + 500, finalRows.count)] {
                    insert = insert.values(
                        SQLBind(UUID()), SQLBind(row.code), SQLBind(row.name), SQLBind(row.level.rawValue),
                        SQLBind(row.parent), SQLBind(true), SQLBind(now), SQLBind(now))
                }
                try await insert.run()
            }
        }
        return rows.count
    }

    /// Adds `count` synthetic businesses spread over the grids of the benchmark prefectures
    /// (2290–2299), in bulk. Names and addresses are numbered, credit codes valid; all fictional.
    public static func seedBusinesses(_ count: Int, on database: any Database) async throws -> Int {
        let grids = try await Region.query(on: database).filter(\.$level == .grid).filter(\.$code >= "2290").filter(\.$code < "2300")
            .sort(\.$code).all().map(\.code)
        guard !grids.isEmpty else { return 0 }
        let categories = BusinessCategory.allCases
        let stems = ["冷面馆", "米线店", "超市", "食杂店", "烧烤店", "饺子馆", "豆腐坊", "面包房", "食堂", "批发部"]
        let now = Date()
        try await database.transaction { db in
            guard let sql = db as? any SQLDatabase else { return }
            var generator = SeededGenerator(seed: 100_000)
            for start in stride(from: 0, to: count, by: 400) {
                var insert = sql.insert(into: Business.schema).columns(BulkRow.columns)
                for index in start..<min(start + 400, count) {
                    let grid = grids[index % grids.count]
                    let category = categories[Int(generator.next() % UInt64(categories.count))]
                    let name = "基准\(stems[index % stems.count])\(index)"
                    let business = Business(
                        id: UUID(), name: name, creditCode: CreditCode.completing("9122\(String(format: "%04d", index % 10000))MA\(String(format: "%07d", index))")?.rawValue,
                        category: category, regionCode: grid, address: "基准测试路\(index)号",
                        permitKind: SmallBusinessRules.jilin.permit(for: category))
                    business.permitValidUntil = now.addingTimeInterval(Double(Int(generator.next() % 1500) - 200) * 86400)
                    insert = insert.values(BulkRow.values(business, now: now))
                }
                try await insert.run()
            }
        }
        // Fresh statistics, as autovacuum would gather later: without them a planner picks the
        // plans of an empty table.
        if let sql = database as? any SQLDatabase {
            try await sql.raw("ANALYZE").run()
        }
        return count
    }
}
