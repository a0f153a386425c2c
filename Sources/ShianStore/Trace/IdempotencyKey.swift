import FluentKit
import Foundation

/// A request made with an `Idempotency-Key` header: the answer it got, so that the same request sent
/// again (a retry after a timeout) gets the same answer and writes nothing twice.
public final class IdempotencyKey: Model, @unchecked Sendable {
    public static let schema = "idempotency_keys"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Field(key: "key") public var key: String
    /// SHA-256 of the request's method, path and body: the same key with another body is refused.
    @Field(key: "request_hash") public var requestHash: String
    @Field(key: "status") public var status: Int
    @Field(key: "body") public var body: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

public struct CreateIdempotencyKeys: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(IdempotencyKey.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("key", .string, .required)
            .field("request_hash", .string, .required)
            .field("status", .int, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "key")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(IdempotencyKey.schema).delete()
    }
}
