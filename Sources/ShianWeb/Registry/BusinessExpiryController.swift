import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// What expires in 30/60/90 days and what has expired, per township (or per child of the chosen
/// region), with links to the lists.
enum BusinessExpiryController {
    struct Row: Sendable {
        let region: Region
        let counts: [PermitExpiry: Int]
    }

    static func show(request: Request) async throws -> Response {
        let principal = try request.require(.readBusinesses)
        let placeCode = (try? request.query.get(String.self, at: "regionCode")).flatMap { $0.isEmpty ? nil : $0 } ?? principal.user.regionCode
        guard RegionCode(validating: placeCode) != nil else { throw ShianError(.badRequest, "regionCodeInvalid", field: "regionCode") }
        try principal.scope.require(covers: placeCode)
        let today = Date()
        let children = try await RegionQueries.list(.init(parent: placeCode, active: true), scope: principal.scope, cursor: nil, limit: 300, on: request.db)
        let bands: [PermitExpiry] = [.expired, .within30Days, .within60Days, .within90Days]
        var rows: [Row] = []
        for region in children.items {
            var counts: [PermitExpiry: Int] = [:]
            for band in bands {
                counts[band] = try await BusinessQueries.count(
                    .init(regionCode: region.code, status: .active, expiry: band), scope: principal.scope, today: today, on: request.db)
            }
            rows.append(Row(region: region, counts: counts))
        }
        return .html(BusinessExpiryPage(context: request.pageContext, place: placeCode, rows: rows, bands: bands).render())
    }
}
