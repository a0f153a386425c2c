import FluentKit
import Foundation

extension Business {
    /// The names of the businesses with these ids, for pages and answers that show who did what.
    /// Ids may repeat; unknown ones are left out; no ids reads nothing.
    public static func names(of ids: some Collection<UUID>, on database: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let businesses = try await Business.query(on: database).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(businesses.compactMap { business in business.id.map { ($0, business.name) } }, uniquingKeysWith: { first, _ in first })
    }
}
