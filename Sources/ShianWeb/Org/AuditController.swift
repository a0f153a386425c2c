import FluentKit
import ShianStore
import Vapor

/// The operation log (操作日志): every change in the user's scope, newest first, with filters.
/// Read-only: no route changes or deletes an entry.
enum AuditController {
    struct Filter: Sendable {
        var entityType: String?
        var entityID: String?
        var actor: String?
        var action: AuditEntry.Action?
    }

    static func index(request: Request) async throws -> Response {
        let principal = try request.require(.readAudit)
        let list = try ListParameters(request)
        let filter = try filter(from: request)
        let page = try await AuditQueries.list(filter, scope: principal.scope, cursor: list.cursor, limit: list.limit, on: request.db)
        let model = AuditPage.Model(filter: filter, entries: page.items, nextCursor: page.nextCursor, rawQuery: list.rawQuery)
        return .html(AuditPage(context: request.pageContext, model: model).render())
    }

    static func filter(from request: Request) throws -> Filter {
        let raw = (try? request.query.decode([String: String].self)) ?? [:]
        var filter = Filter()
        filter.entityType = raw["entityType"].flatMap { $0.isEmpty ? nil : $0 }
        filter.entityID = raw["entityId"].flatMap { $0.isEmpty ? nil : $0 }
        filter.actor = raw["actor"].flatMap { $0.isEmpty ? nil : $0.lowercased() }
        if let action = raw["action"], !action.isEmpty {
            guard let value = AuditEntry.Action(rawValue: action) else { throw ShianError(.badRequest, "actionInvalid", field: "action") }
            filter.action = value
        }
        return filter
    }
}

enum AuditQueries {
    /// Newest first.
    static func list(
        _ filter: AuditController.Filter, scope: Scope, cursor: PageCursor?, limit: Int, on database: any Database
    ) async throws -> RecordPage<AuditEntry> {
        let query = scope.query(AuditEntry.self, on: database)
        if let type = filter.entityType { query.filter(\.$entityType == type) }
        if let id = filter.entityID { query.filter(\.$entityID == id) }
        if let actor = filter.actor { query.filter(\.$actorUsername == actor) }
        if let action = filter.action { query.filter(\.$action == action) }
        return try await query.keysetPage(sortedBy: \.$at, descending: true, after: cursor, limit: limit)
    }
}
