import FluentKit
import ShianStore
import Vapor

/// Authenticates API requests by `Authorization: Bearer <token>`. The token is looked up by its
/// hash; a revoked or expired token, or an inactive owner, is refused with 401. A read-only token
/// is refused (403) on any method that writes.
struct BearerAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            let now = Date()
            guard
                let token = try await APIToken.query(on: request.db)
                    .filter(\.$tokenHash == SecretToken.hash(bearer.token))
                    .with(\.$user)
                    .first(),
                token.isUsable(at: now), token.user.active, let id = token.id
            else { throw ShianError(.unauthorized, "tokenInvalid") }
            if token.access == .read, ![.GET, .HEAD].contains(request.method) {
                throw ShianError(.forbidden, "tokenReadOnly")
            }
            if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
                token.lastUsedAt = now
                try await token.update(on: request.db)
            }
            request.principal = Principal(user: token.user, credential: .token(id: id, access: token.access))
        }
        return try await next.respond(to: request)
    }
}
