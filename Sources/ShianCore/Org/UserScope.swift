import Foundation

/// Where a user may act: a region and everything under it, narrowed to a department or a business
/// for the roles that need one. Every query and every write goes through `Scope` checks built on this.
public struct UserScope: Codable, Equatable, Sendable {
    public var regionCode: RegionCode
    public var departmentID: UUID?
    public var businessID: UUID?

    public init(regionCode: RegionCode, departmentID: UUID? = nil, businessID: UUID? = nil) {
        self.regionCode = regionCode
        self.departmentID = departmentID
        self.businessID = businessID
    }

    /// True when the region `code` lies within this scope.
    public func covers(_ code: RegionCode) -> Bool { regionCode.contains(code) }

    /// True when the raw region code lies within this scope.
    public func covers(rawCode code: String) -> Bool { regionCode.contains(rawCode: code) }

    /// True when this scope is the same as or inside `other`: a user may hand out only such scopes.
    public func isWithin(_ other: UserScope) -> Bool {
        guard other.regionCode.contains(regionCode) else { return false }
        if let department = other.departmentID, department != departmentID { return false }
        if let business = other.businessID, business != businessID { return false }
        return true
    }

    /// Checks that a role and a scope fit together.
    public static func validate(role: Role, scope: UserScope) throws(ValidationFailure) {
        let level = scope.regionCode.level
        guard level >= role.widestLevel, level <= role.narrowestLevel else {
            throw ValidationFailure(
                code: "scopeLevelNotAllowed", field: "regionCode",
                arguments: ["level." + role.widestLevel.rawValue, "level." + role.narrowestLevel.rawValue])
        }
        if role.needsDepartment, scope.departmentID == nil {
            throw ValidationFailure(code: "departmentRequired", field: "departmentId")
        }
        if role.needsBusiness, scope.businessID == nil {
            throw ValidationFailure(code: "businessRequired", field: "businessId")
        }
    }
}
