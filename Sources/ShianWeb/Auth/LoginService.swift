import FluentKit
import ShianCore
import ShianStore
import Vapor

/// Checks a username and password, with throttling and the login log. Shared by the login page and
/// `POST /api/v1/auth/token`.
enum LoginService {
    static func authenticate(username rawUsername: String, password: String, on request: Request) async throws -> User {
        let username = rawUsername.trimmingCharacters(in: .whitespaces).lowercased()
        let now = Date()
        let ip = request.remoteAddress?.ipAddress ?? "-"
        let throttle = LoginThrottle(maxFailures: request.application.shian.loginMaxFailures,
                                     lockout: request.application.shian.loginLockout)
        let recent = try await LoginAttempt.query(on: request.db)
            .filter(\.$username == username)
            .filter(\.$at > now.addingTimeInterval(-throttle.lockout))
            .sort(\.$at, .descending)
            .limit(throttle.maxFailures + 1)
            .all()
        let failuresSinceSuccess = Array(recent.prefix { !$0.succeeded }.map(\.at))
        if let until = throttle.lockedUntil(recentFailures: failuresSinceSuccess, now: now) {
            try await LoginAttempt(username: username, ip: ip, succeeded: false, outcome: "locked", at: now).create(on: request.db)
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            throw ShianError(.tooManyRequests, "loginLocked", arguments: [String(minutes)])
        }

        let user = try await User.query(on: request.db).filter(\.$username == username).first()
        let verified: Bool
        if let user {
            verified = (try? await request.password.async.verify(password, created: user.passwordHash)) ?? false
        } else {
            // Spend the same Bcrypt time for an unknown username, so timing does not reveal which exist.
            _ = try await request.password.async.hash(password)
            verified = false
        }
        guard let user, verified, user.active else {
            let outcome = user != nil && verified ? "inactive" : "badCredentials"
            try await LoginAttempt(username: username, ip: ip, succeeded: false, outcome: outcome, at: now).create(on: request.db)
            throw ShianError(.unauthorized, "badCredentials", field: "password")
        }
        try await request.db.transaction { db in
            try await LoginAttempt(username: username, ip: ip, succeeded: true, outcome: "ok", at: now).create(on: db)
            user.lastLoginAt = now
            try await user.update(on: db)
        }
        return user
    }
}
