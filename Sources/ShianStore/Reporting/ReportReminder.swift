import FluentKit
import SQLKit
import Foundation

/// A reminder to a township about a report it has not sent: "due in N days" before the due time,
/// "overdue" after it. At most one of each kind per form, township and period (the unique key is
/// what makes the reminder job idempotent, also when two servers run it at once).
public final class ReportReminder: Model, @unchecked Sendable {
    public static let schema = "report_reminders"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Field(key: "created_at") public var createdAt: Date

    // data fields
    /// The township reminded.
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "period") public var period: String
    /// `dueSoon` or `overdue` (`ReportReminderKind`).
    @Field(key: "kind") public var kind: String
    @Field(key: "due_at") public var dueAt: Date

    // relationships
    @Parent(key: "form_id") public var form: ReportForm

    public init() {}
}

extension ReportReminder: RegionScoped {
    public static var regionCodeKey: KeyPath<ReportReminder, FieldProperty<ReportReminder, String>> { \.$regionCode }
}

/// Forms of any period type, with assigned townships and an outlier check; submissions with
/// outlier flags. Existing forms were monthly and assigned to every township.
public struct UpdateReportFormsAddPeriodTypeUnitsOutlierRule: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        // One column per statement: SQLite alters a table one column at a time. SQLKit, because a
        // required column added to rows that exist needs a default.
        guard let sql = database as? any SQLDatabase else { return }
        for (table, column, value) in [
            (ReportForm.schema, "period_type", "monthly"), (ReportForm.schema, "units", "[]"), (ReportSubmission.schema, "outliers", "[]"),
        ] {
            try await sql.alter(table: table).column(column, type: .text, .notNull, .default(SQLLiteral.string(value))).run()
        }
        try await database.schema(ReportForm.schema).field("outlier_rule", .string).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ReportSubmission.schema).deleteField("outliers").update()
        try await database.schema(ReportForm.schema).deleteField("outlier_rule").update()
        try await database.schema(ReportForm.schema).deleteField("units").update()
        try await database.schema(ReportForm.schema).deleteField("period_type").update()
    }
}

public struct CreateReportReminders: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(ReportReminder.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("region_code", .string, .required)
            .field("period", .string, .required)
            .field("kind", .string, .required)
            .field("due_at", .datetime, .required)
            .field("form_id", .uuid, .required, .references(ReportForm.schema, "id"))
            .unique(on: "form_id", "region_code", "period", "kind")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ReportReminder.schema).delete()
    }
}
