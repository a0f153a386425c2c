import ShianCore
import ShianStore
import Vapor

/// Who is making a request: a user, through a browser session or an API token.
struct Principal: Sendable {
    enum Credential: Sendable {
        case session(id: UUID, csrfToken: String)
        case token(id: UUID, access: APIToken.Access)
    }

    let user: User
    let credential: Credential

    var role: Role { user.role }
    var scope: Scope { Scope(role: user.role, userScope: user.scope) }
    var actor: AuditActor { AuditActor(id: user.id, username: user.username) }

    var csrfToken: String? {
        if case .session(_, let token) = credential { return token }
        return nil
    }
}

extension Request {
    private struct PrincipalKey: StorageKey {
        typealias Value = Principal
    }

    /// The authenticated principal, if any (set by the session and bearer middleware).
    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The principal, or 401.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw ShianError.unauthorized }
        return principal
    }

    /// The principal if the role grants `permission`; 401 without login, 403 without the permission.
    func require(_ permission: Permission) throws -> Principal {
        let principal = try requirePrincipal()
        guard principal.role.may(permission) else { throw ShianError.forbidden }
        return principal
    }
}
