import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The seller files page: a market's operator files sellers and marks those who leave; officers
/// read the files of the markets in their scope. Writes go through `MarketSellers` as the API does.
enum MarketSellerPages {
    static func index(request: Request) async throws -> Response {
        try await render(request, fields: [:], error: nil)
    }

    private static func render(_ request: Request, fields: [String: String], error: String?, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        let principal = try request.requirePrincipal()
        let list = try ListParameters(request)
        let page = try await MarketSellers.query(list, by: principal, on: request.db)
            .keysetPage(sortedBy: \.$registeredAt, descending: true, after: list.cursor, limit: list.limit)
        let marketNames = try await Business.names(of: page.items.map { $0.$market.id }, on: request.db)
        // Officers file for any market in scope; an operator only when its business is a market.
        var mayFile = principal.role.may(.manageBusinesses)
        if let own = principal.user.$business.id, let business = try await Business.find(own, on: request.db) {
            mayFile = business.category == .farmersMarket || business.category == .wholesaleMarket
        }
        let view = MarketSellerListPage(
            context: request.pageContext, sellers: page.items, marketNames: marketNames,
            nextCursor: page.nextCursor, rawQuery: list.rawQuery, fields: fields, error: error, ownBusiness: principal.user.$business.id != nil,
            mayFile: mayFile)
        return .html(view.render(), status: status)
    }

    static func register(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = try request.content.decode([String: String].self)
        do {
            let market = try await ColdChainPages.acting(form["market"], field: "market", principal: principal, on: request.db)
            _ = try await MarketSellers.register(
                .init(marketBusinessId: market.id, stall: form["stall"], name: form["name"], phone: form["phone"], identityNumber: form["identityNumber"],
                      address: form["address"], products: form["products"], supplyChannel: form["supplyChannel"], origin: form["origin"]),
                by: principal, on: request.db)
            return request.redirect(to: SiteURL.marketSellers.path)
        } catch let error as ShianError where error.status == .unprocessableEntity || error.status == .conflict {
            return try await render(request, fields: form, error: request.t("error.\(error.code)", error.arguments), status: error.status)
        }
    }

    static func depart(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        _ = try await MarketSellers.depart(try request.idParameter(), by: principal, on: request.db)
        return request.redirect(to: SiteURL.marketSellers.path)
    }
}
