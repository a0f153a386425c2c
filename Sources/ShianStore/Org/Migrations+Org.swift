import FluentKit
import SQLKit

/// Creates the region tree. The unique index on `code` serves the range queries of scoping.
public struct CreateRegions: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Region.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("level", .string, .required)
            .field("parent_code", .string)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await SchemaIndex.create("regions_parent_code", on: Region.schema, columns: ["parent_code", "code"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Region.schema).delete()
    }
}

public struct CreateDepartments: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Department.schema)
            .id()
            .field("region_code", .string, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("duties", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "region_code", "code")
            .create()
        try await SchemaIndex.create("departments_name", on: Department.schema, columns: ["name"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Department.schema).delete()
    }
}

public struct CreateUsers: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("active", .bool, .required)
            .field("phone", .string)
            .field("password_changed_at", .datetime)
            .field("last_login_at", .datetime)
            .field("is_demo", .bool, .required)
            .field("region_code", .string, .required)
            .field("department_id", .uuid, .references(Department.schema, "id"))
            .field("business_id", .uuid, .references(Business.schema, "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
        try await SchemaIndex.create("users_region_code", on: User.schema, columns: ["region_code"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}

public struct CreateUserSessions: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(UserSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("csrf_token", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await SchemaIndex.create("user_sessions_user_id", on: UserSession.schema, columns: ["user_id"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(UserSession.schema).delete()
    }
}

public struct CreateAPITokens: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(APIToken.schema)
            .id()
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("access", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("last_used_at", .datetime)
            .field("expires_at", .datetime)
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await SchemaIndex.create("api_tokens_user_id", on: APIToken.schema, columns: ["user_id"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(APIToken.schema).delete()
    }
}

public struct CreateLoginAttempts: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(LoginAttempt.schema)
            .id()
            .field("username", .string, .required)
            .field("ip", .string, .required)
            .field("succeeded", .bool, .required)
            .field("outcome", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await SchemaIndex.create(
            "login_attempts_username_at", on: LoginAttempt.schema, columns: ["username", "at"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(LoginAttempt.schema).delete()
    }
}
