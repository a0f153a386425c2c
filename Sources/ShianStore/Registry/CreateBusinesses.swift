import FluentKit

public struct CreateBusinesses: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Business.schema)
            .id()
            .field("name", .string, .required)
            .field("credit_code", .string)
            .field("category", .string, .required)
            .field("region_code", .string, .required)
            .field("address", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await SchemaIndex.create("businesses_region_code", on: Business.schema, columns: ["region_code"], in: database)
        try await SchemaIndex.create("businesses_credit_code", on: Business.schema, columns: ["credit_code"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Business.schema).delete()
    }
}
