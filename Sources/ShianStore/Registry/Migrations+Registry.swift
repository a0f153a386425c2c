import FluentKit

public struct CreateVendorZones: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(VendorZone.schema)
            .id()
            .field("region_code", .string, .required)
            .field("name", .string, .required)
            .field("location", .string, .required)
            .field("stalls", .int, .required)
            .field("hours", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await SchemaIndex.create("vendor_zones_region", on: VendorZone.schema, columns: ["region_code"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(VendorZone.schema).delete()
    }
}

public struct CreateWorkshopProducts: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(WorkshopProduct.schema)
            .id()
            .field("business_id", .uuid, .required, .references(Business.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("catalogue_category", .string, .required)
            .create()
        try await SchemaIndex.create("workshop_products_business", on: WorkshopProduct.schema, columns: ["business_id"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(WorkshopProduct.schema).delete()
    }
}
