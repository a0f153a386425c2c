import FluentKit
import SQLKit

/// Creates the audit log with triggers that refuse UPDATE and DELETE, so the log stays append-only
/// even against a mistaken query (等保 2.0: audit records protected from deletion and modification).
public struct CreateAuditEntries: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_username", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .string, .required)
            .field("region_code", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .create()
        try await SchemaIndex.create(
            "audit_entries_entity", on: AuditEntry.schema, columns: ["entity_type", "entity_id", "at"], in: database)
        try await SchemaIndex.create(
            "audit_entries_region_at", on: AuditEntry.schema, columns: ["region_code", "at"], in: database)
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER audit_entries_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation)
                    ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END
                    """).run()
            }
        } else {
            try await sql.raw("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()
                """).run()
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
        if let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" {
            try await sql.raw("DROP FUNCTION IF EXISTS audit_entries_append_only()").run()
        }
    }
}
