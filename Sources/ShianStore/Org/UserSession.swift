import FluentKit
import Foundation

/// A logged-in browser session. Kept in the database so that any number of app servers can serve
/// the same user; the cookie holds a random token and only its SHA-256 hash is stored here.
public final class UserSession: Model, @unchecked Sendable {
    public static let schema = "user_sessions"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // data fields
    @Field(key: "token_hash") public var tokenHash: String
    /// The per-session CSRF token every form carries.
    @Field(key: "csrf_token") public var csrfToken: String
    @Field(key: "last_seen_at") public var lastSeenAt: Date
    @Field(key: "expires_at") public var expiresAt: Date

    // relationships
    @Parent(key: "user_id") public var user: User

    public init() {}

    public init(userID: UUID, tokenHash: String, csrfToken: String, now: Date, expiresAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.csrfToken = csrfToken
        self.lastSeenAt = now
        self.expiresAt = expiresAt
    }
}
