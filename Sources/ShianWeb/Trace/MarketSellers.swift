import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Markets' seller files (入场销售者档案, research/domain-cn.md §c-4): the market operator files each
/// seller before they sell; entry checks link to the file; a seller who leaves is marked, never
/// deleted, so the file outlives them by the six months the rule asks.
enum MarketSellers {
    struct Input: Content {
        var marketBusinessId: UUID?
        var stall: String?
        var name: String?
        var phone: String?
        var identityNumber: String?
        var address: String?
        var products: String?
        var supplyChannel: String?
        var origin: String?
    }

    struct DTO: Content {
        let id: UUID
        let marketBusinessId: UUID
        let stall: String
        let name: String
        let phone: String
        /// A resident identity number shows only its first six and last two characters.
        let identityNumber: String
        let address: String
        let products: String
        let supplyChannel: String
        let origin: String
        let registeredAt: Date
        let leftAt: Date?

        init(_ seller: MarketSeller) throws {
            id = try seller.requireID()
            marketBusinessId = seller.$market.id
            stall = seller.stall
            name = seller.name
            phone = seller.phone
            identityNumber = SellerIdentity(seller.identityNumber)?.masked ?? ""
            address = seller.address
            products = seller.products
            supplyChannel = seller.supplyChannel
            origin = seller.origin
            registeredAt = seller.registeredAt
            leftAt = seller.leftAt
        }
    }

    /// The market a seller file belongs to: a farmers' or wholesale market the caller may act for.
    static func market(_ id: UUID?, by principal: Principal, on database: any Database) async throws -> Business {
        guard let id else { throw ShianError(.unprocessableEntity, "fieldRequired", field: "marketBusinessId", arguments: ["marketBusinessId"]) }
        let market = try await principal.scope.find(Business.self, id, on: database)
        guard ColdChainWrites.mayActFor(market, principal) else { throw ShianError.forbidden }
        guard market.category == .farmersMarket || market.category == .wholesaleMarket else {
            throw ShianError(.unprocessableEntity, "notAMarket", field: "marketBusinessId")
        }
        return market
    }

    static func register(_ input: Input, by principal: Principal, on database: any Database) async throws -> MarketSeller {
        let market = try await market(input.marketBusinessId, by: principal, on: database)
        let text = ColdChainWrites.text
        let stall = try text(input.stall, "stall", 20)
        let name = try text(input.name, "name", 50)
        let phone = try text(input.phone, "phone", 20)
        guard BusinessDraft.isPhone(phone) else { throw ShianError(.unprocessableEntity, "phoneInvalid", field: "phone") }
        guard let identity = SellerIdentity(try text(input.identityNumber, "identityNumber", 18)) else {
            throw ShianError(.unprocessableEntity, "identityNumberInvalid", field: "identityNumber")
        }
        let seller = MarketSeller()
        seller.$market.id = try market.requireID()
        seller.regionCode = market.regionCode
        seller.stall = stall
        seller.name = name
        seller.phone = phone
        seller.identityNumber = identity.rawValue
        seller.address = try text(input.address, "address", 100)
        seller.products = try text(input.products, "products", 100)
        seller.supplyChannel = try text(input.supplyChannel, "supplyChannel", 100)
        seller.origin = try text(input.origin, "origin", 100)
        seller.registeredAt = Date().storageRounded
        seller.$registeredBy.id = try principal.user.requireID()
        try await database.transaction { db in
            guard try await present(at: seller.$market.id, stall: stall, on: db) == nil else {
                throw ShianError(.conflict, "stallTaken", field: "stall", arguments: [stall])
            }
            try await seller.create(on: db)
            try await AuditLog.record(.create, seller, before: nil, actor: principal.actor, on: db)
        }
        return seller
    }

    /// The seller now at a stall of a market, if any.
    static func present(at market: UUID, stall: String, on database: any Database) async throws -> MarketSeller? {
        try await MarketSeller.query(on: database).filter(\.$market.$id == market).filter(\.$stall == stall).filter(\.$leftAt == nil).first()
    }

    /// Marks that the seller has left the market; the file stays.
    static func depart(_ id: UUID, by principal: Principal, on database: any Database) async throws -> MarketSeller {
        let seller = try await principal.scope.find(MarketSeller.self, id, on: database)
        _ = try await market(seller.$market.id, by: principal, on: database)
        guard seller.leftAt == nil else { throw ShianError(.conflict, "sellerLeft", field: "id") }
        let before = seller.auditFields
        seller.leftAt = Date().storageRounded
        try await database.transaction { db in
            try await seller.update(on: db)
            try await AuditLog.record(.update, seller, before: before, actor: principal.actor, on: db)
        }
        return seller
    }

    /// A filed seller an entry check names: present at that market, or the check is refused.
    static func filed(_ id: UUID, at market: UUID, on database: any Database) async throws -> MarketSeller {
        guard let seller = try await MarketSeller.find(id, on: database), seller.$market.id == market, seller.leftAt == nil else {
            throw ShianError(.unprocessableEntity, "sellerUnknown", field: "sellerId")
        }
        return seller
    }

    /// The files in the caller's scope: `marketId`, `present=true|false` and `q` (stall, name or products).
    static func query(_ list: ListParameters, by principal: Principal, on database: any Database) throws -> QueryBuilder<MarketSeller> {
        guard principal.role.may(.readInspections) || principal.role == .businessOperator else { throw ShianError.forbidden }
        let query = principal.scope.query(MarketSeller.self, on: database)
        if let text = list.rawQuery["marketId"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw ShianError(.badRequest, "malformedRequest", field: "marketId") }
            query.filter(\.$market.$id == id)
        }
        switch list.rawQuery["present"] {
        case "true": query.filter(\.$leftAt == nil)
        case "false": query.filter(\.$leftAt != nil)
        case nil, "": break
        default: throw ShianError(.badRequest, "malformedRequest", field: "present")
        }
        if let q = list.query {
            query.group(.or) {
                $0.filter(\.$stall == q).filter(\.$name, .custom("LIKE"), "%\(q)%").filter(\.$products, .custom("LIKE"), "%\(q)%")
            }
        }
        return query
    }

    /// `GET /api/v1/market-sellers`.
    static func list(request: Request) async throws -> ListDTO<DTO> {
        let principal = try request.requirePrincipal()
        let list = try ListParameters(request)
        let page = try await query(list, by: principal, on: request.db)
            .keysetPage(sortedBy: \.$registeredAt, descending: true, after: list.cursor, limit: list.limit)
        return ListDTO(try page.map(DTO.init))
    }

    /// `POST /api/v1/market-sellers`.
    static func registerAPI(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let input = try APIBody.decode(Input.self, from: request)
        return try await DTO(try await register(input, by: principal, on: request.db)).encodeResponse(status: .created, for: request)
    }

    /// `POST /api/v1/market-sellers/{id}/departure`.
    static func departAPI(request: Request) async throws -> DTO {
        let principal = try request.requirePrincipal()
        return try DTO(try await depart(try request.idParameter(), by: principal, on: request.db))
    }
}
