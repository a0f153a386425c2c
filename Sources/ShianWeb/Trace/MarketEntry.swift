import FluentKit
import Foundation
import SQLKit
import ShianCore
import ShianStore
import Vapor

/// Markets' entry checks (市场准入 / 入场查验) of incoming farm produce, and the share of lots that
/// arrive with a certificate — per market, township and month — as a metric creation indicators use
/// (`certificateCoverageAtMarketEntry`).
enum MarketEntry {
    struct Input: Content {
        var marketBusinessId: UUID?
        /// The seller's file at the market; `seller` may then be left out.
        var sellerId: UUID?
        var seller: String?
        var productName: String?
        var quantity: Decimal?
        var unit: String?
        /// The lot's certificate code; absent when the lot came without one (recorded as a finding).
        var certificateCode: String?
    }

    struct DTO: Content {
        let id: UUID
        let marketBusinessId: UUID
        let sellerId: UUID?
        let seller: String
        let productName: String
        let quantity: Decimal?
        let unit: String
        let hasCertificate: Bool
        let certificateId: UUID?
        let checkedAt: Date
        let month: String

        init(_ check: MarketEntryCheck) throws {
            id = try check.requireID()
            marketBusinessId = check.$market.id
            sellerId = check.sellerID
            seller = check.seller
            productName = check.productName
            quantity = check.quantity.flatMap { Decimal(string: $0) }
            unit = check.unit
            hasCertificate = check.hasCertificate
            certificateId = check.$certificate.id
            checkedAt = check.checkedAt
            month = check.month
        }
    }

    /// `POST /api/v1/market-entry-checks`: the market's operator, or an officer in its scope.
    static func recordAPI(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let input = try APIBody.decode(Input.self, from: request)
        return try await DTO(try await record(input, by: principal, on: request.db)).encodeResponse(status: .created, for: request)
    }

    static func record(_ input: Input, by principal: Principal, on database: any Database) async throws -> MarketEntryCheck {
        guard let marketID = input.marketBusinessId else {
            throw ShianError(.unprocessableEntity, "fieldRequired", field: "marketBusinessId", arguments: ["marketBusinessId"])
        }
        let market = try await MarketSellers.market(marketID, by: principal, on: database)
        var filed: MarketSeller?
        if let sellerID = input.sellerId { filed = try await MarketSellers.filed(sellerID, at: marketID, on: database) }
        let seller = try filed.map { "\($0.stall) \($0.name)" } ?? ColdChainWrites.text(input.seller, "seller", max: 50)
        let product = try ColdChainWrites.text(input.productName, "productName", max: 50)
        let unit = try ColdChainWrites.text(input.unit, "unit", max: 10)
        if let quantity = input.quantity, quantity <= 0 { throw ShianError(.unprocessableEntity, "quantityInvalid", field: "quantity") }
        var certificate: ProduceCertificate?
        if let typed = input.certificateCode, !typed.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let code = ProduceCertificateCode(validating: typed),
                let found = try await ProduceCertificate.query(on: database).filter(\.$code == code.rawValue).first()
            else { throw ShianError(.unprocessableEntity, "certificateUnknown", field: "certificateCode", arguments: [typed]) }
            guard found.voidedAt == nil else { throw ShianError(.unprocessableEntity, "certificateVoided", field: "certificateCode") }
            certificate = found
        }
        let now = Date().storageRounded
        let check = MarketEntryCheck()
        check.$market.id = marketID
        check.regionCode = market.regionCode
        check.seller = seller
        check.sellerID = filed?.id
        check.productName = product
        check.quantity = input.quantity.map { "\($0)" }
        check.unit = unit
        check.$certificate.id = certificate?.id
        check.hasCertificate = certificate != nil
        check.checkedAt = now
        check.month = MarketEntryLot.month(of: now)
        check.$checkedBy.id = try principal.user.requireID()
        try await check.create(on: database)
        return check
    }

    /// `GET /api/v1/market-entry-checks?marketId=&hasCertificate=&regionCode=`: newest first.
    static func list(request: Request) async throws -> ListDTO<DTO> {
        let principal = try request.requirePrincipal()
        guard principal.role.may(.readInspections) || principal.role == .businessOperator else { throw ShianError.forbidden }
        let list = try ListParameters(request)
        let region = list.rawQuery["regionCode"].flatMap { $0.isEmpty ? nil : $0 }
        if let region { try principal.scope.require(covers: region) }
        let query = principal.scope.query(MarketEntryCheck.self, on: request.db, under: region)
        if let text = list.rawQuery["marketId"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw ShianError(.badRequest, "malformedRequest", field: "marketId") }
            query.filter(\.$market.$id == id)
        }
        switch list.rawQuery["hasCertificate"] {
        case "true": query.filter(\.$hasCertificate == true)
        case "false": query.filter(\.$hasCertificate == false)
        case nil, "": break
        default: throw ShianError(.badRequest, "malformedRequest", field: "hasCertificate")
        }
        let page = try await query.keysetPage(sortedBy: \.$checkedAt, descending: true, after: list.cursor, limit: list.limit)
        return ListDTO(try page.map(DTO.init))
    }

    struct Coverage: Content {
        struct Row: Content {
            let key: String
            let name: String
            let lots: Int
            let withCertificate: Int
            /// 0–1; null when no lots were checked.
            let share: Double?
        }

        let regionCode: String
        let month: String
        let total: Row
        let markets: [Row]
        let townships: [Row]
    }

    /// `GET /api/v1/market-entry-coverage?regionCode=&month=yyyy-MM`: grouped counts over the
    /// (region, month) index.
    static func coverage(request: Request) async throws -> Coverage {
        let principal = try request.require(.readInspections)
        let text = (try? request.query.get(String.self, at: "regionCode")).flatMap { $0.isEmpty ? nil : $0 } ?? principal.user.regionCode
        guard let place = RegionCode(validating: text) else { throw ShianError(.badRequest, "regionCodeInvalid", field: "regionCode") }
        try principal.scope.require(covers: place.rawValue)
        let month = (try? request.query.get(String.self, at: "month")).flatMap { $0.isEmpty ? nil : $0 } ?? MarketEntryLot.month(of: Date())
        guard month.count == 7, month.dropFirst(4).first == "-", Int(month.prefix(4)) != nil, let m = Int(month.suffix(2)), (1...12).contains(m) else {
            throw ShianError(.badRequest, "monthInvalid", field: "month")
        }
        return try await coverage(under: place, month: month, on: request.db)
    }

    static func coverage(under place: RegionCode, month: String, on database: any Database) async throws -> Coverage {
        guard let sql = database as? any SQLDatabase else { throw ShianError(.internalServerError, "internalError") }
        let range = place.descendantRange
        struct Count: Decodable {
            let market: UUID
            let township: String
            let has: Bool
            let count: Int
        }
        let counts = try await sql.raw("""
            SELECT market_id AS market, substr(region_code, 1, 9) AS township, has_certificate AS has, COUNT(*) AS count
            FROM market_entry_checks WHERE region_code >= \(bind: range.lower) AND region_code < \(bind: range.upper ?? "~")
                AND month = \(bind: month)
            GROUP BY 1, 2, 3
            """).all(decoding: Count.self)
        let marketIDs = Array(Set(counts.map(\.market)))
        let townshipCodes = Array(Set(counts.map(\.township)))
        async let markets = marketIDs.isEmpty ? [] : Business.query(on: database).filter(\.$id ~~ marketIDs).all()
        async let regions = townshipCodes.isEmpty ? [] : Region.query(on: database).filter(\.$code ~~ townshipCodes).all()
        let marketNames = Dictionary(try await markets.compactMap { b in b.id.map { ($0.uuidString, b.name) } }, uniquingKeysWith: { a, _ in a })
        let townshipNames = Dictionary(try await regions.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        func rows(_ key: (Count) -> String, _ names: [String: String]) -> [Coverage.Row] {
            Dictionary(grouping: counts, by: key).map { key, group in
                let lots = group.reduce(0) { $0 + $1.count }, with = group.filter(\.has).reduce(0) { $0 + $1.count }
                return Coverage.Row(key: key, name: names[key] ?? key, lots: lots, withCertificate: with, share: lots == 0 ? nil : Double(with) / Double(lots))
            }
            .sorted { ($0.share ?? 0, $0.name) < ($1.share ?? 0, $1.name) }
        }
        let lots = counts.reduce(0) { $0 + $1.count }, with = counts.filter(\.has).reduce(0) { $0 + $1.count }
        return Coverage(
            regionCode: place.rawValue, month: month,
            total: .init(key: place.rawValue, name: place.rawValue, lots: lots, withCertificate: with, share: lots == 0 ? nil : Double(with) / Double(lots)),
            markets: rows({ $0.market.uuidString }, marketNames), townships: rows({ $0.township }, townshipNames))
    }
}
