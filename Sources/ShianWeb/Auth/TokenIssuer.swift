import FluentKit
import ShianStore
import Vapor

/// Issues and revokes API tokens. The secret is returned once and stored only as a hash.
enum TokenIssuer {
    static let defaultLifetimeDays = 90

    static func issue(
        to user: User, name rawName: String?, access: APIToken.Access, days: Int?, on database: any Database
    ) async throws -> (token: APIToken, secret: String) {
        let name = (rawName ?? "").trimmingCharacters(in: .whitespaces)
        guard name.count <= 100 else { throw ShianError(.unprocessableEntity, "nameTooLong", field: "name", arguments: ["100"]) }
        let lifetime = days ?? defaultLifetimeDays
        guard (1...365).contains(lifetime) else {
            throw ShianError(.unprocessableEntity, "tokenLifetimeOutOfRange", field: "expiresInDays", arguments: ["1", "365"])
        }
        let secret = "shian_" + SecretToken.generate()
        let token = APIToken(
            userID: try user.requireID(), name: name.isEmpty ? "api" : name, tokenHash: SecretToken.hash(secret),
            access: access, expiresAt: Date().addingTimeInterval(TimeInterval(lifetime) * 86400))
        token.$user.value = user
        try await database.transaction { db in
            try await token.create(on: db)
            try await AuditLog.record(.tokenIssue, token, before: nil, actor: AuditActor(id: user.id, username: user.username), on: db)
        }
        return (token, secret)
    }

    /// Revokes one of the user's own tokens; 404 for anyone else's.
    static func revoke(_ id: UUID, of user: User, on database: any Database) async throws {
        guard let token = try await APIToken.query(on: database)
            .filter(\.$id == id).filter(\.$user.$id == (try user.requireID())).first()
        else { throw ShianError.notFound }
        guard token.revokedAt == nil else { return }
        token.$user.value = user
        let before = token.auditFields
        token.revokedAt = Date()
        try await database.transaction { db in
            try await token.update(on: db)
            try await AuditLog.record(.tokenRevoke, token, before: before, actor: AuditActor(id: user.id, username: user.username), on: db)
        }
    }
}
