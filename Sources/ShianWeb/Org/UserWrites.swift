import FluentKit
import ShianCore
import ShianStore
import Vapor

/// Creating and changing users, shared by the pages and the API. A user may hand out only roles
/// below their reach (`Role.assignableRoles`) and scopes inside their own.
enum UserWrites {
    struct Input: Content {
        var username: String?
        var displayName: String?
        var password: String?
        var role: String?
        var regionCode: String?
        var departmentId: UUID?
        var businessId: UUID?
        var phone: String?
        var active: Bool?
    }

    static func create(
        _ input: Input, by principal: Principal, passwords: AsyncPasswordHasher, on database: any Database
    ) async throws -> User {
        guard principal.role.may(.manageUsers) else { throw ShianError.forbidden }
        let username = try Username.normalize(input.username ?? "")
        let displayName = try validDisplayName(input.displayName)
        let role = try validRole(input.role, by: principal)
        try PasswordPolicy().check(input.password ?? "", username: username)
        let phone = try validPhone(input.phone)
        let scope = try await validScope(
            role: role, regionCode: input.regionCode, departmentID: input.departmentId, businessID: input.businessId,
            by: principal, on: database)
        let hash = try await passwords.hash(input.password ?? "")
        return try await database.transaction { db in
            guard try await User.query(on: db).filter(\.$username == username).first() == nil else {
                throw ShianError(.conflict, "usernameTaken", field: "username", arguments: [username])
            }
            let user = User(username: username, displayName: displayName, passwordHash: hash, role: role, scope: scope)
            user.phone = phone
            user.passwordChangedAt = Date()
            try await user.create(on: db)
            try await AuditLog.record(.create, user, before: nil, actor: principal.actor, on: db)
            return user
        }
    }

    static func update(
        _ user: User, with input: Input, by principal: Principal, passwords: AsyncPasswordHasher, on database: any Database
    ) async throws -> User {
        guard principal.role.may(.manageUsers), principal.role.assignableRoles.contains(user.role) else {
            throw ShianError.forbidden
        }
        let displayName = try input.displayName.map(validDisplayName)
        let phone = try input.phone.map(validPhone)
        let role = try input.role.map { try validRole($0, by: principal) } ?? user.role
        let scopeChanged = input.role != nil || input.regionCode != nil || input.departmentId != nil || input.businessId != nil
        let scope = scopeChanged
            ? try await validScope(
                role: role, regionCode: input.regionCode ?? user.regionCode,
                departmentID: role.needsDepartment ? (input.departmentId ?? user.$department.id) : nil,
                businessID: role.needsBusiness ? (input.businessId ?? user.$business.id) : nil, by: principal, on: database)
            : user.scope
        let hash: String?
        if let password = input.password, !password.isEmpty {
            try PasswordPolicy().check(password, username: user.username)
            hash = try await passwords.hash(password)
        } else {
            hash = nil
        }
        if input.active == false, user.id == principal.user.id {
            throw ShianError(.unprocessableEntity, "cannotDeactivateSelf", field: "active")
        }
        return try await database.transaction { db in
            let before = user.auditFields
            if let displayName { user.displayName = displayName }
            if let phone { user.phone = phone }
            user.role = role
            user.regionCode = scope.regionCode.rawValue
            user.$department.id = scope.departmentID
            user.$business.id = scope.businessID
            if let hash {
                user.passwordHash = hash
                user.passwordChangedAt = Date()
            }
            var action = AuditEntry.Action.update
            if let active = input.active, active != user.active {
                user.active = active
                action = active ? .reactivate : .deactivate
                if !active {
                    try await UserSession.query(on: db).filter(\.$user.$id == (try user.requireID())).delete()
                }
            }
            guard user.auditFields != before || hash != nil else { return user }
            try await user.update(on: db)
            try await AuditLog.record(hash != nil && action == .update && before == user.auditFields ? .passwordChange : action,
                                      user, before: before, actor: principal.actor, on: db)
            return user
        }
    }

    private static func validRole(_ raw: String?, by principal: Principal) throws(ShianError) -> Role {
        guard let raw, let role = Role(rawValue: raw) else { throw ShianError(.unprocessableEntity, "roleInvalid", field: "role") }
        guard principal.role.assignableRoles.contains(role) else {
            throw ShianError(.forbidden, "roleNotAssignable", field: "role")
        }
        return role
    }

    private static func validScope(
        role: Role, regionCode rawCode: String?, departmentID: UUID?, businessID: UUID?, by principal: Principal,
        on database: any Database
    ) async throws -> UserScope {
        var code = try RegionCode((rawCode ?? "").trimmingCharacters(in: .whitespaces))
        if let businessID {
            guard let business = try await principal.scope.query(Business.self, on: database).filter(\.$id == businessID).first(),
                  let businessRegion = RegionCode(validating: business.regionCode)
            else { throw ShianError(.unprocessableEntity, "businessMissing", field: "businessId") }
            code = businessRegion
        }
        let scope = UserScope(
            regionCode: code, departmentID: role.needsDepartment ? departmentID : nil, businessID: role.needsBusiness ? businessID : nil)
        try UserScope.validate(role: role, scope: scope)
        guard principal.scope.covers(code.rawValue) else { throw ShianError(.forbidden, "scopeOutsideOwn", field: "regionCode") }
        guard try await Region.query(on: database).filter(\.$code == code.rawValue).first() != nil else {
            throw ShianError(.unprocessableEntity, "regionMissing", field: "regionCode", arguments: [code.rawValue])
        }
        if let departmentID = scope.departmentID {
            guard try await principal.scope.query(Department.self, on: database).filter(\.$id == departmentID).first() != nil else {
                throw ShianError(.unprocessableEntity, "departmentMissing", field: "departmentId")
            }
        }
        return scope
    }

    private static func validDisplayName(_ raw: String?) throws(ShianError) -> String {
        let name = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw ShianError(.unprocessableEntity, "nameMissing", field: "displayName") }
        guard name.count <= 60 else {
            throw ShianError(.unprocessableEntity, "nameTooLong", field: "displayName", arguments: ["60"])
        }
        return name
    }

    /// Mainland mobile numbers: 11 digits starting with 1 (research/ecosystem-cn.md §2.4); empty clears it.
    private static func validPhone(_ raw: String?) throws(ShianError) -> String? {
        let phone = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !phone.isEmpty else { return nil }
        guard phone.count == 11, phone.first == "1", phone.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ShianError(.unprocessableEntity, "phoneInvalid", field: "phone")
        }
        return phone
    }
}
