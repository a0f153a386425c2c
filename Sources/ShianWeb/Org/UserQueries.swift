import FluentKit
import ShianCore
import ShianStore

/// Reads of users.
enum UserQueries {
    struct Filter: Sendable {
        var query: String?
        var role: Role?
        var regionCode: String?
        var active: Bool?
    }

    static func list(_ filter: Filter, scope: Scope, cursor: PageCursor?, limit: Int, on database: any Database)
        async throws -> RecordPage<User>
    {
        let query = scope.query(User.self, on: database, under: filter.regionCode)
        if let role = filter.role { query.filter(\.$role == role) }
        if let active = filter.active { query.filter(\.$active == active) }
        if let text = filter.query, !text.isEmpty {
            query.group(.or) { $0.filter(\.$username ~~ text.lowercased()).filter(\.$displayName ~~ text) }
        }
        return try await query.keysetPage(sortedBy: \.$username, after: cursor, limit: limit)
    }
}
