import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Public disclosure (公示), without login: a business's rating sticker page, the published random
/// draws, and the open-data list of ratings — paged and filtered, never an unfiltered dump.
enum PublicController {
    struct OpenRating: Content {
        let businessId: UUID
        let name: String
        let category: String
        let address: String
        let creditRating: String?
        let lastInspectedOn: String?
    }

    static func businessPage(request: Request) async throws -> Response {
        let rating = try await InspectionsAPIController.publicRating(request: request)
        return .html(PublicBusinessPage(context: request.pageContext, rating: rating).render())
    }

    static func drawsPage(request: Request) async throws -> Response {
        let page = try await RandomDraws.publicList(request: request)
        return .html(PublicDrawsPage(context: request.pageContext, draws: page.items, nextCursor: page.nextCursor).render())
    }

    /// `GET /api/v1/public/businesses`: needs `regionCode` (at least a county), `category` or `q`.
    static func openData(request: Request) async throws -> ListDTO<OpenRating> {
        let list = try ListParameters(request, defaultLimit: 50)
        let raw = list.rawQuery
        var filter = BusinessQueries.Filter(query: list.query, status: .active)
        if let code = raw["regionCode"], !code.isEmpty {
            guard let region = RegionCode(validating: code), region.level >= .county else {
                throw ShianError(.badRequest, "regionCodeInvalid", field: "regionCode")
            }
            filter.regionCode = code
        }
        if let text = raw["category"], !text.isEmpty {
            guard let category = BusinessCategory(rawValue: text) else { throw ShianError(.badRequest, "categoryInvalid", field: "category", arguments: [text]) }
            filter.category = category
        }
        guard filter.regionCode != nil || filter.category != nil || filter.query != nil else {
            throw ShianError(.badRequest, "openDataNeedsFilter", field: "regionCode")
        }
        // The whole country is public: a scope of every province.
        let everything = Scope(role: .leader, userScope: UserScope(regionCode: RegionCode.everywhere))
        let page = try await BusinessQueries.list(filter, scope: everything, cursor: list.cursor, limit: min(list.limit, 100), today: Date(), on: request.db)
        return ListDTO(page.map { business in
            OpenRating(
                businessId: business.id ?? UUID(), name: business.name, category: business.category.rawValue, address: business.address,
                creditRating: business.lastInspectedAt == nil ? nil : business.creditRating, lastInspectedOn: business.lastInspectedAt.map(Formatting.day))
        })
    }
}
