import FluentKit
import ShianCore
import ShianStore
import Vapor

/// The home page of each role: where the user stands, what they can open, and for the offices that
/// oversee a region, the size of the tree and the latest changes in it.
enum HomeController {
    static func show(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let scope = principal.scope
        let root = try await Region.query(on: request.db).filter(\.$code == principal.user.regionCode).first()
        var counts: [RegionLevel: Int] = [:]
        if let root, principal.role.may(.readRegions) {
            counts = try await RegionQueries.descendantCounts(of: root, on: request.db)
        }
        var recent: [AuditEntry] = []
        if principal.role.may(.readAudit) {
            recent = try await scope.query(AuditEntry.self, on: request.db).sort(\.$at, .descending).limit(10).all()
        }
        async let department = principal.user.$department.get(on: request.db)
        async let business = principal.user.$business.get(on: request.db)
        let model = HomePage.Model(
            user: principal.user, role: principal.role, scopeName: root?.name ?? principal.user.regionCode,
            departmentName: try await department?.name, businessName: try await business?.name, counts: counts,
            recent: recent)
        return .html(HomePage(context: request.pageContext, model: model).render())
    }
}
