import FluentKit

/// Showcase projects, their milestones and evidence.
public struct CreateShowcaseProjects: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(ShowcaseProject.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("region_code", .string, .required)
            .field("standard_code", .string, .required)
            .field("theme", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("lead_unit", .string, .required)
            .field("plan", .string, .required)
            .field("status", .string, .required)
            .field("created_by", .string, .required)
            .field("review_score", .double)
            .field("review_reason", .string)
            .field("reviewed_by", .string)
            .field("reviewed_at", .datetime)
            .create()
        // The list pages a county's projects by title.
        try await SchemaIndex.create(
            "showcase_projects_region_title", on: ShowcaseProject.schema, columns: ["region_code", "standard_code", "title"],
            in: database)

        try await database.schema(ShowcaseMilestone.schema)
            .id()
            .field("project_id", .uuid, .required, .references(ShowcaseProject.schema, "id"))
            .field("region_code", .string, .required)
            .field("title", .string, .required)
            .field("due_at", .datetime, .required)
            .field("done_at", .datetime)
            .field("done_by", .string)
            .create()
        try await SchemaIndex.create(
            "showcase_milestones_project", on: ShowcaseMilestone.schema, columns: ["project_id", "due_at"], in: database)

        try await database.schema(ShowcaseEvidence.schema)
            .id()
            .field("project_id", .uuid, .required, .references(ShowcaseProject.schema, "id"))
            .field("region_code", .string, .required)
            .field("text", .string, .required)
            .field("links", .string, .required)
            .field("file_name", .string)
            .field("content_type", .string)
            .field("stored_name", .string)
            .field("byte_count", .int)
            .field("submitted_by", .string, .required)
            .field("submitted_at", .datetime, .required)
            .create()
        try await SchemaIndex.create(
            "showcase_evidence_project", on: ShowcaseEvidence.schema, columns: ["project_id", "submitted_at"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ShowcaseEvidence.schema).delete()
        try await database.schema(ShowcaseMilestone.schema).delete()
        try await database.schema(ShowcaseProject.schema).delete()
    }
}
