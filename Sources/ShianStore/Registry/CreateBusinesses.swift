import FluentKit
import SQLKit

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
            .field("identity_key", .string, .required)
            .field("legal_representative", .string)
            .field("contact_phone", .string)
            .field("safety_director", .string)
            .field("safety_officer", .string)
            .field("status", .string, .required)
            .field("permit_kind", .string, .required)
            .field("permit_number", .string)
            .field("permit_valid_from", .datetime)
            .field("permit_valid_until", .datetime)
            .field("permit_cancelled_at", .datetime)
            .field("area_square_metres", .double)
            .field("risk_grade", .string)
            .field("credit_rating", .string)
            .field("credit_score", .int)
            .field("last_inspected_at", .datetime)
            .field("next_inspection_due", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await SchemaIndex.create("businesses_region_code", on: Business.schema, columns: ["region_code", "name"], in: database)
        try await SchemaIndex.create("businesses_permit_valid_until", on: Business.schema, columns: ["permit_valid_until"], in: database)
        // The list order (name, then id for the keyset): the index serves ORDER BY … LIMIT directly.
        try await SchemaIndex.create("businesses_name", on: Business.schema, columns: ["name", "id"], in: database)
        // One business per credit code; one per name + address among those without a code. Partial
        // unique indexes, which SQLite and PostgreSQL both support.
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE UNIQUE INDEX businesses_credit_code ON businesses (credit_code) WHERE credit_code IS NOT NULL").run()
            try await sql.raw("CREATE UNIQUE INDEX businesses_identity_key ON businesses (identity_key) WHERE credit_code IS NULL").run()
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Business.schema).delete()
    }
}
