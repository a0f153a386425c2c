import FluentKit
import Foundation
import SQLKit
import ShianCore

extension DemoSeeder {
    /// Seeds the demo registry: about 3,000 businesses, the grid rosters, responsible cadres and
    /// their businesses, a few grid charters and vendor zones. Returns the ids of the businesses by
    /// their demo key (the operator accounts are bound to two of them).
    static func seedRegistry(on db: any Database, today: Date) async throws -> [String: UUID] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        var ids: [String: UUID] = [:]
        let businesses = DemoRegistry.businesses(today: today)
        for start in stride(from: 0, to: businesses.count, by: 400) {
            var insert = sql.insert(into: Business.schema).columns(BulkRow.columns)
            for seed in businesses[start..<min(start + 400, businesses.count)] {
                let business = Business()
                business.id = UUID()
                business.apply(seed.draft(rules: .jilin))
                ids[seed.key] = business.id
                insert = insert.values(BulkRow.values(business, now: today))
            }
            try await insert.run()
        }

        let staff = DemoRegistry.staff(today: today).map {
            GrassrootsStaff(
                name: $0.name, kind: $0.kind, regionCode: $0.regionCode.rawValue, phone: $0.phone,
                annualSubsidyFen: $0.annualSubsidyFen, appointedOn: $0.appointedOn, trainedOn: $0.trainedOn)
        }
        for chunk in stride(from: 0, to: staff.count, by: 300) {
            try await Array(staff[chunk..<min(chunk + 300, staff.count)]).create(on: db)
        }

        for seed in DemoRegistry.cadres(today: today) {
            let cadre = ResponsibleCadre(
                name: seed.name, position: seed.position, regionCode: seed.regionCode.rawValue, phone: seed.phone,
                duties: seed.duties, pledgeSignedOn: seed.pledgeSignedOn)
            try await cadre.create(on: db)
            let links = seed.businessKeys.compactMap { key in ids[key].map { CadreBusiness(cadreID: cadre.id ?? UUID(), businessID: $0) } }
            try await links.create(on: db)
        }

        // Charters for the first township's grids; the rest are left for the township to write.
        let grids = DemoCounty.regions().filter { $0.code.level == .grid && $0.code.rawValue.hasPrefix("222499101") }
        for grid in grids {
            try await GridCharter(
                regionCode: grid.code.rawValue, areaDescription: "\(grid.name)：村委会周边、主街两侧及集贸点",
                targets: "辖区食品经营主体登记建档率100%；每月巡查不少于2次；隐患发现后24小时内上报",
                duties: "协管员负责日常巡查、隐患报告和农村集体聚餐备案指导；信息员负责信息收集与宣传",
                rewardsAndPenalties: "年度考评优秀的给予奖励；漏报、瞒报隐患的扣减补贴并通报"
            ).create(on: db)
        }
        try await VendorZone(
            regionCode: "222499101001", name: "人民路夜市", location: "人民路与新华街交叉口东侧", stalls: 40, hours: "17:00–22:30"
        ).create(on: db)
        try await VendorZone(regionCode: "222499102001", name: "东盛早市", location: "迎宾街农贸市场北侧", stalls: 25, hours: "05:30–09:00")
            .create(on: db)
        for template in DemoChecklists.all {
            let stored = ChecklistTemplate(code: template.code, version: 1, name: template.name, categories: template.categories)
            try await stored.create(on: db)
            let id = stored.id ?? UUID()
            try await template.items.enumerated().map {
                ChecklistItem(templateID: id, number: $0.offset + 1, text: $0.element.text, severity: $0.element.severity, points: $0.element.points)
            }.create(on: db)
        }
        return ids
    }
}
