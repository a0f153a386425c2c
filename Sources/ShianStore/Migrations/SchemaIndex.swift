import FluentKit
import SQLKit

/// Secondary indexes, which Fluent's schema builder does not create. Dropping a table drops its
/// indexes, so migrations revert by dropping the table.
enum SchemaIndex {
    static func create(_ name: String, on table: String, columns: [String], in database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        var builder = sql.create(index: name).on(table)
        for column in columns {
            builder = builder.column(column)
        }
        try await builder.run()
    }

    static func drop(_ name: String, in database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: name).run()
    }
}
