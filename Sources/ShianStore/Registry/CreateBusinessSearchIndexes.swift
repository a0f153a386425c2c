import FluentKit
import SQLKit

/// Trigram indexes for the registry's text search on PostgreSQL: `name`, `address` and
/// `credit_code` are searched with LIKE '%…%', which a B-tree cannot serve; at a million
/// businesses a sequential scan takes a quarter of a second, a trigram GIN index a few
/// milliseconds. pg_trgm is a trusted extension (PostgreSQL 13+), so a database owner may create it.
/// SQLite scans; at county and prefecture sizes that stays within a few tens of milliseconds.
public struct CreateBusinessSearchIndexes: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
        for column in ["name", "address", "credit_code"] {
            try await sql.raw("CREATE INDEX businesses_\(unsafeRaw: column)_trgm ON businesses USING gin (\(unsafeRaw: column) gin_trgm_ops)").run()
        }
    }

    public func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        for column in ["name", "address", "credit_code"] {
            try await sql.raw("DROP INDEX IF EXISTS businesses_\(unsafeRaw: column)_trgm").run()
        }
    }
}
