import FluentKit
import ShianCore
import ShianStore
import Vapor

/// The one scoping function of the web layer: every query of region-scoped records and every
/// look-up by id goes through a `Scope`, built from the principal's role and `UserScope`.
struct Scope: Sendable {
    let role: Role
    let userScope: UserScope

    /// The records of `Record` that this scope may read.
    func query<Record: RegionScoped>(_ type: Record.Type, on database: any Database) -> QueryBuilder<Record> {
        let query = Record.query(on: database).within(userScope)
        if let departmentID = userScope.departmentID, Record.self == Department.self {
            // A department officer sees their own department only.
            query.filter(.path([FieldKey.id], schema: Department.schema), .equal, .bind(departmentID))
        }
        return query
    }

    /// One record by id, or 404 when it does not exist or lies outside the scope (existence itself
    /// is private).
    func find<Record: RegionScoped>(_ type: Record.Type, _ id: UUID?, on database: any Database) async throws
        -> Record where Record.IDValue == UUID
    {
        guard let id, let record = try await query(type, on: database).filter(\._$id == id).first() else {
            throw ShianError.notFound
        }
        return record
    }

    /// 403 unless `code` lies inside the scope (for pages of places, whose existence is public).
    func require(covers code: String) throws {
        guard userScope.covers(rawCode: code) else { throw ShianError.forbidden }
    }

    func covers(_ code: String) -> Bool { userScope.covers(rawCode: code) }
}
