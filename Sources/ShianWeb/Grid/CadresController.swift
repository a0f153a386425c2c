import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Responsible cadres (包保干部) and the businesses each answers for.
enum CadresController {
    struct Row: Sendable {
        let cadre: ResponsibleCadre
        let businesses: [Business]
    }

    static func index(request: Request) async throws -> Response {
        let principal = try request.require(.readGrids)
        let list = try ListParameters(request)
        let query = principal.scope.query(ResponsibleCadre.self, on: request.db)
        if let text = list.query { query.group(.or) { $0.filter(\.$name ~~ text).filter(\.$position ~~ text) } }
        let page = try await query.keysetPage(sortedBy: \.$name, after: list.cursor, limit: list.limit)
        let ids = page.items.compactMap(\.id)
        let links = ids.isEmpty ? [] : try await CadreBusiness.query(on: request.db).filter(\.$cadre.$id ~~ ids).with(\.$business).all()
        let byCadre = Dictionary(grouping: links, by: { $0.$cadre.id })
        let rows = page.items.map { cadre in Row(cadre: cadre, businesses: (byCadre[cadre.id ?? UUID()] ?? []).map(\.business)) }
        return .html(CadreListPage(context: request.pageContext, rows: rows, nextCursor: page.nextCursor, rawQuery: list.rawQuery).render())
    }
}
