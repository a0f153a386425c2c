import FluentKit

public struct CreateChecklists: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(ChecklistTemplate.schema)
            .id()
            .field("code", .string, .required)
            .field("version", .int, .required)
            .field("name", .string, .required)
            .field("categories", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "code", "version")
            .create()
        try await database.schema(ChecklistItem.schema)
            .id()
            .field("template_id", .uuid, .required, .references(ChecklistTemplate.schema, "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("text", .string, .required)
            .field("severity", .string, .required)
            .field("points", .int, .required)
            .unique(on: "template_id", "number")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ChecklistItem.schema).delete()
        try await database.schema(ChecklistTemplate.schema).delete()
    }
}

public struct CreateInspections: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Inspection.schema)
            .id()
            .field("business_id", .uuid, .required, .references(Business.schema, "id"))
            .field("region_code", .string, .required)
            .field("template_id", .uuid, .required, .references(ChecklistTemplate.schema, "id"))
            .field("kind", .string, .required)
            .field("inspected_at", .datetime, .required)
            .field("score", .int, .required)
            .field("result", .string, .required)
            .field("notes", .string)
            .field("inspector_id", .uuid, .required, .references(User.schema, "id"))
            .field("signed_at", .datetime, .required)
            .field("acknowledged_by", .string)
            .field("acknowledged_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await SchemaIndex.create("inspections_business_at", on: Inspection.schema, columns: ["business_id", "inspected_at"], in: database)
        try await SchemaIndex.create("inspections_region_at", on: Inspection.schema, columns: ["region_code", "inspected_at"], in: database)
        try await database.schema(InspectionItemResult.schema)
            .id()
            .field("inspection_id", .uuid, .required, .references(Inspection.schema, "id", onDelete: .cascade))
            .field("item_id", .uuid, .required, .references(ChecklistItem.schema, "id"))
            .field("outcome", .string, .required)
            .field("corrected_on_site", .bool, .required)
            .field("repeat", .bool, .required)
            .field("note", .string)
            .unique(on: "inspection_id", "item_id")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(InspectionItemResult.schema).delete()
        try await database.schema(Inspection.schema).delete()
    }
}

public struct CreateRectificationOrders: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(RectificationOrder.schema)
            .id()
            .field("number", .string, .required)
            .field("business_id", .uuid, .required, .references(Business.schema, "id"))
            .field("region_code", .string, .required)
            .field("inspection_id", .uuid, .references(Inspection.schema, "id"))
            .field("severity", .string, .required)
            .field("issued_at", .datetime, .required)
            .field("deadline", .datetime, .required)
            .field("status", .string, .required)
            .field("answer", .string)
            .field("answered_at", .datetime)
            .field("rejection_reason", .string)
            .field("rejections", .int, .required)
            .field("closed_at", .datetime)
            .field("escalated_at", .datetime)
            .field("issued_by", .uuid, .required, .references(User.schema, "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "number")
            .create()
        // The overdue list: open orders by place and deadline.
        try await SchemaIndex.create(
            "rectification_orders_status_region_deadline", on: RectificationOrder.schema, columns: ["status", "region_code", "deadline"],
            in: database)
        try await SchemaIndex.create("rectification_orders_business", on: RectificationOrder.schema, columns: ["business_id"], in: database)
        try await database.schema(Finding.schema)
            .id()
            .field("at", .datetime, .required)
            .field("inspection_id", .uuid, .required, .references(Inspection.schema, "id", onDelete: .cascade))
            .field("business_id", .uuid, .required, .references(Business.schema, "id"))
            .field("region_code", .string, .required)
            .field("item_id", .uuid, .required, .references(ChecklistItem.schema, "id"))
            .field("severity", .string, .required)
            .field("description", .string, .required)
            .field("corrected_on_site", .bool, .required)
            .field("repeat", .bool, .required)
            .field("order_id", .uuid, .references(RectificationOrder.schema, "id"))
            .create()
        try await SchemaIndex.create("findings_business_at", on: Finding.schema, columns: ["business_id", "at"], in: database)
        try await SchemaIndex.create("findings_region_at", on: Finding.schema, columns: ["region_code", "at"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Finding.schema).delete()
        try await database.schema(RectificationOrder.schema).delete()
    }
}
