import FluentKit
import ShianStore
import Vapor

/// Reads the session cookie and, when it names a live session of an active user, sets the request's
/// principal. Sessions live in the database, so any app server can serve any request.
struct SessionAuthenticator: AsyncMiddleware {
    static let cookieName = "shian_session"
    let settings: SessionSettings

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[Self.cookieName]?.string, !token.isEmpty {
            try await authenticate(token: token, request: request)
        }
        return try await next.respond(to: request)
    }

    private func authenticate(token: String, request: Request) async throws {
        let now = Date()
        guard
            let session = try await UserSession.query(on: request.db)
                .filter(\.$tokenHash == SecretToken.hash(token))
                .with(\.$user)
                .first()
        else { return }
        let idle = now.timeIntervalSince(session.lastSeenAt)
        guard session.expiresAt > now, idle < settings.idleTimeout, session.user.active, let id = session.id else {
            try await session.delete(on: request.db)
            return
        }
        // Touch at most once a minute: a page view should not always cost a write.
        if idle > 60 {
            session.lastSeenAt = now
            try await session.update(on: request.db)
        }
        request.principal = Principal(user: session.user, credential: .session(id: id, csrfToken: session.csrfToken))
    }
}

/// Session lifetimes, from the configuration.
struct SessionSettings: Sendable {
    let lifetime: TimeInterval
    let idleTimeout: TimeInterval
    let secureCookies: Bool

    func cookie(_ value: String, expires: Date?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: expires, maxAge: expires == nil ? 0 : nil, path: "/", isSecure: secureCookies,
            isHTTPOnly: true, sameSite: .lax)
    }
}
