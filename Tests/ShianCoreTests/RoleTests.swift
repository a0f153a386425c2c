import Foundation
import Testing

@testable import ShianCore

@Suite("Roles and scopes")
struct RoleTests {
    /// Which role may do what: the table the navigation and every guarded route follow.
    @Test(arguments: [
        (Role.systemAdmin, [Permission.readRegions, .manageRegions, .readDepartments, .manageDepartments, .readUsers, .manageUsers, .readAudit,
                            .readBusinesses, .manageBusinesses, .readGrids, .manageGrids, .readInspections, .recordInspections,
                            .readCreation, .manageCreation, .submitEvidence]),
        (.foodSafetyOffice, [.readRegions, .readDepartments, .manageDepartments, .readUsers, .manageUsers, .readAudit,
                             .readBusinesses, .manageBusinesses, .readGrids, .manageGrids, .readInspections, .recordInspections,
                             .readCreation, .manageCreation, .submitEvidence]),
        (.leader, [.readRegions, .readDepartments, .readBusinesses, .readGrids, .readInspections, .readCreation]),
        (.departmentOfficer, [.readDepartments, .readBusinesses, .readInspections, .readCreation, .submitEvidence]),
        (.townshipOfficer, [.readRegions, .readUsers, .manageUsers, .readBusinesses, .manageBusinesses, .readGrids, .manageGrids,
                            .readInspections, .readCreation, .submitEvidence]),
        (.inspector, [.readRegions, .readBusinesses, .manageBusinesses, .readGrids, .readInspections, .recordInspections,
                      .readCreation]),
        (.gridStaff, [.readRegions, .readBusinesses, .readGrids, .readInspections]),
        (.businessOperator, []),
    ])
    func permissions(role: Role, granted: [Permission]) {
        for permission in Permission.allCases {
            #expect(role.may(permission) == granted.contains(permission), "\(role) \(permission)")
        }
    }

    @Test func noRoleHandsOutMoreReachThanItHas() {
        #expect(Role.townshipOfficer.assignableRoles.allSatisfy { $0.widestLevel >= RegionLevel.township || $0 == .townshipOfficer })
        #expect(!Role.foodSafetyOffice.assignableRoles.contains(.systemAdmin))
        #expect(Role.inspector.assignableRoles.isEmpty)
    }

    @Test(arguments: [
        (Role.townshipOfficer, "222499101", true), (.townshipOfficer, "222499", false), (.gridStaff, "222499101001001", true),
        (.gridStaff, "222499", false), (.leader, "222499", true), (.leader, "222499101", false), (.businessOperator, "222499101001001", true),
    ])
    func scopeLevelFitsRole(role: Role, code: String, fits: Bool) throws {
        let scope = UserScope(
            regionCode: try RegionCode(code), departmentID: role.needsDepartment ? UUID() : nil,
            businessID: role.needsBusiness ? UUID() : nil)
        if fits {
            try UserScope.validate(role: role, scope: scope)
        } else {
            #expect(throws: ValidationFailure.self) { try UserScope.validate(role: role, scope: scope) }
        }
    }

    @Test func departmentOfficerNeedsDepartment() throws {
        let scope = UserScope(regionCode: try RegionCode("222499"))
        #expect(throws: ValidationFailure(code: "departmentRequired", field: "departmentId")) {
            try UserScope.validate(role: .departmentOfficer, scope: scope)
        }
    }

    @Test func scopeContainment() throws {
        let county = UserScope(regionCode: try RegionCode("222499"))
        let township = UserScope(regionCode: try RegionCode("222499101"))
        #expect(township.isWithin(county))
        #expect(!county.isWithin(township))
        #expect(county.covers(try RegionCode("222499102001")))
        #expect(!township.covers(try RegionCode("222499102001")))
    }
}
