import FluentKit
import ShianCore
import ShianStore
import Vapor

/// The one scoping function of the web layer: every query of region-scoped records and every
/// look-up by id goes through a `Scope`, built from the principal's role and `UserScope`.
struct Scope: Sendable {
    let role: Role
    let userScope: UserScope

    /// The records of `Record` that this scope may read, narrowed to those under `place` when given.
    /// Only the narrower of the two code ranges goes into the query: given two ranges on the same
    /// column with bound values, a planner cannot tell which is tighter and may scan the wider one.
    func query<Record: RegionScoped>(_ type: Record.Type, on database: any Database, under place: String? = nil) -> QueryBuilder<Record> {
        let query = Record.query(on: database)
        let scopeCode = userScope.regionCode
        if let place, let code = RegionCode(validating: place) {
            if scopeCode.contains(code) {
                query.within(code)  // narrower or equal: it is the intersection
            } else if code.contains(scopeCode) {
                query.within(scopeCode)  // wider: the scope is the intersection
            } else {
                query.within(RegionCode.nowhere)  // disjoint: nothing
            }
        } else {
            query.within(scopeCode)
        }
        if let businessID = userScope.businessID {
            // A business operator sees their own business, and only what belongs to it.
            if Record.self == Business.self {
                query.filter(.path([FieldKey.id], schema: Business.schema), .equal, .bind(businessID))
            } else if let owned = Record.self as? any BusinessOwned.Type {
                query.filter(.path([owned.businessIDColumn], schema: Record.schema), .equal, .bind(businessID))
            }
        }
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
