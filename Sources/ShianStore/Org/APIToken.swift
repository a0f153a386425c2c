import FluentKit
import Foundation

/// A bearer token for machine clients. Only the SHA-256 hash of the token is stored; a token acts
/// with its owner's role and scope, narrowed by its own access (`read` or `readWrite`).
public final class APIToken: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    public enum Access: String, Codable, Sendable, CaseIterable {
        case read
        case readWrite
    }

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // data fields
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    @Enum(key: "access") public var access: Access
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "expires_at") public var expiresAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    // relationships
    @Parent(key: "user_id") public var user: User

    public init() {}

    public init(userID: UUID, name: String, tokenHash: String, access: Access, expiresAt: Date?) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.access = access
        self.expiresAt = expiresAt
    }

    public func isUsable(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > now } ?? true)
    }
}
