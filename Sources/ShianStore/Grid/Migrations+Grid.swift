import FluentKit

public struct CreateGridCharters: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(GridCharter.schema)
            .id()
            .field("region_code", .string, .required)
            .field("area_description", .string, .required)
            .field("targets", .string, .required)
            .field("duties", .string, .required)
            .field("rewards_and_penalties", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "region_code")
            .create()
        try await database.schema(GridCharterRecord.schema)
            .id()
            .field("region_code", .string, .required)
            .field("kind", .string, .required)
            .field("occurred_on", .datetime, .required)
            .field("description", .string, .required)
            .field("recipient", .string, .required)
            .field("amount_fen", .int)
            .field("created_at", .datetime)
            .create()
        try await SchemaIndex.create(
            "grid_charter_records_region", on: GridCharterRecord.schema, columns: ["region_code", "occurred_on"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(GridCharterRecord.schema).delete()
        try await database.schema(GridCharter.schema).delete()
    }
}

public struct CreateGrassrootsStaff: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(GrassrootsStaff.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("region_code", .string, .required)
            .field("phone", .string, .required)
            .field("annual_subsidy_fen", .int, .required)
            .field("appointed_on", .datetime, .required)
            .field("trained_on", .datetime)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await SchemaIndex.create("grassroots_staff_region", on: GrassrootsStaff.schema, columns: ["region_code", "name"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(GrassrootsStaff.schema).delete()
    }
}

public struct CreateResponsibleCadres: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(ResponsibleCadre.schema)
            .id()
            .field("name", .string, .required)
            .field("position", .string, .required)
            .field("region_code", .string, .required)
            .field("phone", .string, .required)
            .field("duties", .string, .required)
            .field("pledge_signed_on", .datetime)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(CadreBusiness.schema)
            .id()
            .field("cadre_id", .uuid, .required, .references(ResponsibleCadre.schema, "id", onDelete: .cascade))
            .field("business_id", .uuid, .required, .references(Business.schema, "id", onDelete: .cascade))
            .unique(on: "cadre_id", "business_id")
            .create()
        try await SchemaIndex.create("responsible_cadres_region", on: ResponsibleCadre.schema, columns: ["region_code", "name"], in: database)
        try await SchemaIndex.create("cadre_businesses_business", on: CadreBusiness.schema, columns: ["business_id"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(CadreBusiness.schema).delete()
        try await database.schema(ResponsibleCadre.schema).delete()
    }
}
