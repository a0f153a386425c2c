/// The roles a user can hold. Each user has one role and one scope (`UserScope`).
public enum Role: String, Codable, Sendable, CaseIterable {
    case systemAdmin
    case foodSafetyOffice
    case leader
    case departmentOfficer
    case townshipOfficer
    case inspector
    case gridStaff
    case businessOperator

    /// The region level a user of this role is normally scoped to (the lowest one allowed).
    public var narrowestLevel: RegionLevel {
        switch self {
        case .systemAdmin, .foodSafetyOffice, .leader, .departmentOfficer: .county
        case .townshipOfficer, .inspector: .township
        case .gridStaff, .businessOperator: .grid
        }
    }

    /// The region level a user of this role may be scoped to at the widest.
    public var widestLevel: RegionLevel {
        switch self {
        case .systemAdmin, .foodSafetyOffice, .leader, .inspector: .province
        case .departmentOfficer: .province
        case .townshipOfficer: .township
        case .gridStaff: .township
        case .businessOperator: .grid
        }
    }

    /// Department officers act for one department.
    public var needsDepartment: Bool { self == .departmentOfficer }

    /// Business operators act for one business.
    public var needsBusiness: Bool { self == .businessOperator }

    /// What the role may do, beyond reading within its scope.
    public func may(_ permission: Permission) -> Bool {
        switch permission {
        case .manageRegions: self == .systemAdmin
        case .manageDepartments: self == .systemAdmin || self == .foodSafetyOffice
        case .manageUsers: self == .systemAdmin || self == .foodSafetyOffice || self == .townshipOfficer
        case .readAudit: self == .systemAdmin || self == .foodSafetyOffice
        case .readRegions: self != .businessOperator && self != .departmentOfficer
        case .readDepartments: self != .businessOperator && self != .townshipOfficer
            && self != .inspector && self != .gridStaff
        case .readUsers: self == .systemAdmin || self == .foodSafetyOffice || self == .townshipOfficer
        case .readBusinesses: self != .businessOperator
        case .manageBusinesses: [.systemAdmin, .foodSafetyOffice, .townshipOfficer, .inspector].contains(self)
        case .readGrids: self != .businessOperator && self != .departmentOfficer
        case .manageGrids: [.systemAdmin, .foodSafetyOffice, .townshipOfficer].contains(self)
        case .readInspections: self != .businessOperator
        case .recordInspections: [.systemAdmin, .foodSafetyOffice, .inspector].contains(self)
        case .readCreation: self != .businessOperator && self != .gridStaff
        case .manageCreation: self == .systemAdmin || self == .foodSafetyOffice
        case .submitEvidence: [.systemAdmin, .foodSafetyOffice, .departmentOfficer, .townshipOfficer].contains(self)
        }
    }

    /// The roles a user with this role may create or edit (never one with more reach than its own).
    public var assignableRoles: [Role] {
        switch self {
        case .systemAdmin: Role.allCases
        case .foodSafetyOffice:
            [.foodSafetyOffice, .leader, .departmentOfficer, .townshipOfficer, .inspector, .gridStaff, .businessOperator]
        case .townshipOfficer: [.townshipOfficer, .gridStaff, .businessOperator]
        default: []
        }
    }
}

/// Actions guarded beyond region scope.
public enum Permission: String, Sendable, CaseIterable {
    case readRegions, manageRegions
    case readDepartments, manageDepartments
    case readUsers, manageUsers
    case readAudit
    case readBusinesses, manageBusinesses
    case readGrids, manageGrids
    case readInspections, recordInspections
    case readCreation, manageCreation, submitEvidence
}
