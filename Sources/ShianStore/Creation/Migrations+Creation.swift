import FluentKit

/// Standards, the counties' indicator assignments, evidence and recorded metric values.
public struct CreateCreation: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(StandardRecord.schema)
            .id()
            .field("code", .string, .required)
            .field("version", .string, .required)
            .field("name", .string, .required)
            .field("is_demo", .bool, .required)
            .field("document", .string, .required)
            .field("indicator_count", .int, .required)
            .field("max_score", .double, .required)
            .field("region_code", .string, .required)
            .field("imported_at", .datetime, .required)
            .field("imported_by", .string, .required)
            .field("superseded_at", .datetime)
            .unique(on: "code", "version")
            .create()

        try await database.schema(IndicatorAssignment.schema)
            .id()
            .field("updated_at", .datetime, .required)
            .field("region_code", .string, .required)
            .field("standard_code", .string, .required)
            .field("indicator_number", .string, .required)
            .field("sort_key", .string, .required)
            .field("lead_unit", .string)
            .field("supporting_units", .string, .required)
            .field("deadline", .datetime)
            .field("status", .string, .required)
            .field("self_score", .double)
            .field("deductions", .string, .required)
            .field("return_reason", .string)
            .field("approved_at", .datetime)
            .field("approved_by", .string)
            .field("unlock_reason", .string)
            .field("changes_since_approval", .int, .required)
            .unique(on: "region_code", "standard_code", "indicator_number")
            .create()
        try await SchemaIndex.create(
            "indicator_assignments_region_sort", on: IndicatorAssignment.schema,
            columns: ["region_code", "standard_code", "sort_key"], in: database)

        try await database.schema(EvidenceSubmission.schema)
            .id()
            .field("assignment_id", .uuid, .required, .references(IndicatorAssignment.schema, "id"))
            .field("region_code", .string, .required)
            .field("text", .string, .required)
            .field("links", .string, .required)
            .field("file_name", .string)
            .field("content_type", .string)
            .field("stored_name", .string)
            .field("byte_count", .int)
            .field("self_score", .double)
            .field("deductions", .string, .required)
            .field("submitted_by", .string, .required)
            .field("submitted_at", .datetime, .required)
            .field("decision", .string)
            .field("reason", .string)
            .field("reviewed_by", .string)
            .field("reviewed_at", .datetime)
            .create()
        try await SchemaIndex.create(
            "evidence_submissions_assignment", on: EvidenceSubmission.schema, columns: ["assignment_id", "submitted_at"],
            in: database)

        try await database.schema(MetricObservation.schema)
            .id()
            .field("region_code", .string, .required)
            .field("metric", .string, .required)
            .field("year", .int, .required)
            .field("numerator", .double, .required)
            .field("denominator", .double)
            .field("source", .string, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "region_code", "metric", "year")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(MetricObservation.schema).delete()
        try await database.schema(EvidenceSubmission.schema).delete()
        try await database.schema(IndicatorAssignment.schema).delete()
        try await database.schema(StandardRecord.schema).delete()
    }
}
