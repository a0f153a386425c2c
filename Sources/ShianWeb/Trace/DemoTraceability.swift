import FluentKit
import Foundation
import ShianCore
import ShianStore

/// Traceability in the demo county, written through the same code as the pages and the API (so
/// every record passes the four-no gate and the ledger): imported batches from five countries
/// through the central warehouse to wholesalers, restaurants and shops; one batch stopped for its
/// missing disinfection certificate; one recall; produce certificates, and markets whose lots arrive
/// with certificates from poorly to well.
enum DemoTraceability {
    static func seed(by office: Principal, on database: any Database) async throws {
        func businesses(_ category: BusinessCategory) async throws -> [Business] {
            try await Business.query(on: database).filter(\.$category == category).filter(\.$status == .active)
                .filter(\.$regionCode >= DemoCounty.countyCode.rawValue).filter(\.$regionCode < DemoCounty.countyCode.rawValue + "~")
                .sort(\.$name).limit(6).all()
        }
        let importers = try await businesses(.coldStore), warehouses = try await businesses(.centralWarehouse)
        let wholesalers = try await businesses(.wholesaleMarket), caterers = try await businesses(.caterer)
        let retailers = try await businesses(.retailer), farmers = try await businesses(.farmProducer), markets = try await businesses(.farmersMarket)
        guard !importers.isEmpty, let warehouse = warehouses.first, !wholesalers.isEmpty, !caterers.isEmpty, !retailers.isEmpty else { return }

        let goods: [(product: String, country: String, unit: String, quantity: Decimal)] = [
            ("冷冻牛腱", "巴西", "CT", 200), ("冷冻牛肉块", "阿根廷", "CT", 150), ("冰鲜三文鱼", "挪威", "KGM", 800),
            ("冷冻白虾", "厄瓜多尔", "CT", 300), ("冷冻羊排", "新西兰", "CT", 120), ("冷冻猪肘", "西班牙", "CT", 90),
        ]
        var batches: [ColdChainBatch] = []
        for (index, item) in goods.enumerated() {
            let importer = importers[index % importers.count]
            // The last batch came without its disinfection certificate.
            let kinds = index == goods.count - 1 ? [ImportDocumentKind.inspectionQuarantine, .nucleicAcidTest] : ImportDocumentKind.allCases
            let batch = try await ColdChainWrites.register(
                .init(
                    product: item.product, specification: nil, batchNumber: "DEMO-\(index + 1)", quantity: item.quantity, unit: item.unit,
                    originCountry: item.country, customsDeclaration: "2224\(2026_1100 + index)", importerBusinessId: importer.id,
                    documents: kinds.map { .init(kind: $0.rawValue, number: "\($0.rawValue.prefix(2).uppercased())-2026-\(100 + index)", issuer: "大连海关", issuedOn: "2026-11-01") }),
                by: office, on: database)
            batches.append(batch)
            guard kinds.count == 3 else { continue }
            let wholesaler = wholesalers[index % wholesalers.count], caterer = caterers[index % caterers.count], shop = retailers[index % retailers.count]
            let toCaterer = item.quantity / Decimal(10), toShop = item.quantity / Decimal(5)
            func step(_ type: String, _ at: Business, _ quantity: Decimal, _ other: Business? = nil) -> ColdChainIngest.Item {
                .init(traceCode: batch.traceCode, type: type, businessId: at.id, quantity: quantity, counterpartyBusinessId: other?.id)
            }
            _ = try await ColdChainIngest.ingest([
                step("ship", importer, item.quantity, warehouse), step("receive", warehouse, item.quantity, importer),
                step("ship", warehouse, item.quantity, wholesaler), step("receive", wholesaler, item.quantity, warehouse),
                step("ship", wholesaler, toCaterer, caterer), step("receive", caterer, toCaterer, wholesaler), step("process", caterer, 1),
                step("ship", wholesaler, toShop, shop), step("receive", shop, toShop, wholesaler), step("sell", shop, 2),
            ], by: office, on: database)
        }
        try await bookWarehouse(warehouse, for: Array(batches.prefix(3)), importers: importers, by: office, on: database)
        // A shop tries to sell the batch without its disinfection certificate: refused and kept.
        if let stopped = batches.last {
            _ = try? await ColdChainIngest.ingest(
                [.init(traceCode: stopped.traceCode, type: "sell", businessId: retailers[0].id, quantity: 1)], by: office, on: database)
        }
        // The Argentine beef is recalled; one holder has confirmed.
        if batches.count > 1 {
            let recall = try await Recalls.recall(batches[1], reason: "出口国通报同批次产品核酸检测阳性，暂停销售并封存", by: office, on: database)
            if let first = recall.notices.first, let notice = try await RecallNotice.find(first.id, on: database) {
                _ = try await Recalls.confirm(notice, note: "已全部下架封存，待监管部门处置", by: office, on: database)
            }
        }

        // Produce certificates and the markets' entry checks: coverage from poor to good.
        var codes: [String] = []
        for (index, farmer) in farmers.prefix(3).enumerated() {
            for (n, product) in ["黄瓜", "西红柿", "芹菜", "大白菜"].enumerated() {
                let certificate = try await ProduceCertificates.issue(
                    .init(businessId: farmer.id, style: "producer", productName: product, quantity: Decimal(100 + 50 * n), unit: "公斤",
                          contact: nil, origin: nil, issuedOn: nil, bases: [index == 0 ? "ownTest" : "qualityControl"], sourceCertificateCodes: nil),
                    by: office, on: database)
                codes.append(certificate.code)
            }
        }
        for (index, market) in markets.prefix(3).enumerated() {
            let sellers = try await fileSellers(at: market, number: index, by: office, on: database)
            let withCertificate = [9, 6, 2][index]
            for lot in 0..<10 {
                let code = lot < withCertificate && !codes.isEmpty ? codes[(index * 10 + lot) % codes.count] : nil
                // Stalls 1–6 are filed; the rest are day traders recorded by name.
                let seller = lot < sellers.count ? sellers[lot] : nil
                _ = try await MarketEntry.record(
                    .init(marketBusinessId: market.id, sellerId: seller?.id, seller: "临时摊位\(lot + 1)",
                          productName: ["黄瓜", "西红柿", "芹菜", "大白菜"][lot % 4], quantity: 50, unit: "公斤", certificateCode: code),
                    by: office, on: database)
            }
        }
    }

    /// The central warehouse's week: loads tested, disinfected and released with their certificates
    /// (the batches that then went on to the wholesalers), one load held for a positive test, and
    /// one booked for the day after tomorrow.
    private static func bookWarehouse(
        _ warehouse: Business, for batches: [ColdChainBatch], importers: [Business], by office: Principal, on database: any Database
    ) async throws {
        let now = Date()
        var loads: [(batch: ColdChainBatch?, goods: String, quantity: Decimal, unit: String, result: String?)] = batches.map {
            ($0, $0.product, Decimal(string: $0.quantity) ?? 1, $0.unit, "negative")
        }
        loads.append((nil, "冷冻鸡翅中", 60, "CT", "positive"))
        loads.append((nil, "冷冻鸡爪", 180, "CT", nil))
        for (index, load) in loads.enumerated() {
            // Past slots a day apart; the last one ahead, booked now.
            let slot = load.result == nil ? now.addingTimeInterval(2 * 86_400 + 3600) : now.addingTimeInterval(TimeInterval(index - loads.count) * 86_400)
            let booking = try await WarehouseWrites.book(
                .init(warehouseBusinessId: warehouse.id, ownerBusinessId: importers[index % importers.count].id, vehicle: "吉H\(52_310 + index)",
                      driver: ["孙立军", "周文海", "吴长青", "郑国庆"][index % 4], goods: load.goods, quantity: load.quantity, unit: load.unit, slotAt: slot),
                by: office, leadHours: 48, now: min(now, slot.addingTimeInterval(-72 * 3600)), on: database)
            guard let result = load.result else { continue }
            let id = try booking.requireID()
            _ = try await WarehouseWrites.intake(
                id, .init(nucleicAcidResult: result, disinfectant: "含氯消毒剂 500mg/L", traceCode: load.batch?.traceCode), by: office, on: database)
            if result == "negative" { _ = try await WarehouseWrites.release(id, by: office, on: database) }
        }
    }

    /// Six filed sellers at a market: farmers with resident numbers and two trading companies.
    private static func fileSellers(at market: Business, number: Int, by office: Principal, on database: any Database) async throws -> [MarketSeller] {
        let people = ["李桂兰", "王强", "张秀英", "刘建国", "陈玉梅", "赵德顺"]
        var sellers: [MarketSeller] = []
        for (stall, name) in people.enumerated() {
            let trading = stall >= 4
            let identity = trading
                ? CreditCode.completing("92222401MA\(String(format: "%06d", number * 10 + stall))0")?.rawValue
                : SellerIdentity.completingResidentID("2224011968\(String(format: "%02d", stall + 1))1\(number)\(stall)12")?.rawValue
            sellers.append(try await MarketSellers.register(
                .init(marketBusinessId: market.id, stall: String(stall + 1), name: trading ? "\(name)蔬菜经营部" : name,
                      phone: "1390433\(String(format: "%04d", number * 100 + stall))", identityNumber: identity,
                      address: "示范县城关镇\(["和平", "新民", "东风", "向阳", "红旗", "前进"][stall])村",
                      products: ["黄瓜、西红柿", "芹菜、菠菜", "大白菜、萝卜", "土豆、洋葱", "时令蔬菜", "食用菌"][stall],
                      supplyChannel: trading ? "示范县农产品批发市场" : "自产", origin: trading ? "山东寿光" : "示范县"),
                by: office, on: database))
        }
        return sellers
    }
}
