import ShianStore
import Vapor

/// The one way lists are paged and searched, in pages and in the API: `limit` (default 50, at most
/// 500), `cursor` (opaque), `q` (text search) and `active`.
struct ListParameters: Sendable {
    let limit: Int
    let cursor: PageCursor?
    let query: String?
    let active: Bool?
    /// The filters as given, to build the next page's link.
    let rawQuery: [String: String]

    init(_ request: Request, defaultLimit: Int = 50) throws {
        let raw = (try? request.query.decode([String: String].self)) ?? [:]
        if let text = raw["limit"], !text.isEmpty {
            guard let value = Int(text), (1...500).contains(value) else {
                throw ShianError(.badRequest, "limitOutOfRange", field: "limit", arguments: ["1", "500"])
            }
            limit = value
        } else {
            limit = defaultLimit
        }
        if let text = raw["cursor"], !text.isEmpty {
            guard let cursor = PageCursor(encoded: text) else { throw ShianError(.badRequest, "cursorInvalid", field: "cursor") }
            self.cursor = cursor
        } else {
            cursor = nil
        }
        let text = raw["q"]?.trimmingCharacters(in: .whitespaces) ?? ""
        guard text.count <= 100 else { throw ShianError(.badRequest, "queryTooLong", field: "q", arguments: ["100"]) }
        query = text.isEmpty ? nil : text
        switch raw["active"] {
        case "true": active = true
        case "false": active = false
        case nil, "", "all": active = nil
        default: throw ShianError(.badRequest, "activeInvalid", field: "active")
        }
        rawQuery = raw
    }
}
