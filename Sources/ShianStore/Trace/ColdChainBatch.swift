import FluentKit
import Foundation
import ShianCore

/// A batch of imported chilled or frozen food (进口冷链食品), registered by its first stop in the
/// province, which gets its trace code (首站赋码). Quantities are kept as decimal text so that the
/// ledger replays exactly what was recorded.
public final class ColdChainBatch: Model, @unchecked Sendable {
    public static let schema = "cold_chain_batches"

    @ID(key: .id) public var id: UUID?
    @Field(key: "trace_code") public var traceCode: String
    @Field(key: "product") public var product: String
    @OptionalField(key: "specification") public var specification: String?
    @Field(key: "batch_number") public var batchNumber: String
    @Field(key: "quantity") public var quantity: String
    /// UN/ECE Recommendation 20 code (KGM, TNE, CT, H87).
    @Field(key: "unit") public var unit: String
    @Field(key: "origin_country") public var originCountry: String
    @OptionalField(key: "customs_declaration") public var customsDeclaration: String?
    /// The importer, the batch's first stop.
    @Parent(key: "importer_id") public var importer: Business
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "registered_at") public var registeredAt: Date
    @Parent(key: "registered_by") public var registeredBy: User
    @OptionalField(key: "recalled_at") public var recalledAt: Date?
    @OptionalField(key: "recall_reason") public var recallReason: String?
    /// The batch this one was split from (分装); nil for a batch registered at its first stop.
    @OptionalParent(key: "parent_id") public var parent: ColdChainBatch?

    @Children(for: \.$batch) public var documents: [ImportDocument]

    public init() {}
}

extension ColdChainBatch: RegionScoped {
    public static var regionCodeKey: KeyPath<ColdChainBatch, FieldProperty<ColdChainBatch, String>> { \.$regionCode }
}

extension ColdChainBatch: Auditable {
    public static let auditEntityType = "coldChainBatch"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["traceCode": traceCode, "product": product, "batchNumber": batchNumber, "quantity": quantity, "unit": unit,
         "originCountry": originCountry, "importerId": $importer.id.uuidString, "recalledAt": recalledAt.map { $0.formatted(.iso8601) } ?? ""]
    }
}

/// One of the batch's certificates (检验检疫证明、核酸检测证明、消毒证明).
public final class ImportDocument: Model, @unchecked Sendable {
    public static let schema = "import_documents"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "batch_id") public var batch: ColdChainBatch
    @Enum(key: "kind") public var kind: ImportDocumentKind
    @Field(key: "number") public var number: String
    @Field(key: "issuer") public var issuer: String
    @Field(key: "issued_on") public var issuedOn: Date

    public init() {}
}

/// A step of a batch through the chain: who did what with how much, and with whom.
public final class TraceEvent: Model, @unchecked Sendable {
    public static let schema = "trace_events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "batch_id") public var batch: ColdChainBatch
    @Enum(key: "type") public var type: TraceEventType
    @Parent(key: "business_id") public var business: Business
    @OptionalParent(key: "counterparty_id") public var counterparty: Business?
    @Field(key: "quantity") public var quantity: String
    @Field(key: "occurred_at") public var occurredAt: Date
    /// The event's business's region, for scoped lists.
    @Field(key: "region_code") public var regionCode: String
    @Parent(key: "recorded_by") public var recordedBy: User
    /// Orders the events of one batch as they were recorded.
    @Field(key: "sequence") public var sequence: Int

    public init() {}
}

/// An event the four-no gate refused: kept against the business, as a finding for its inspectors.
public final class TraceRefusal: Model, @unchecked Sendable {
    public static let schema = "trace_refusals"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "batch_id") public var batch: ColdChainBatch
    @Parent(key: "business_id") public var business: Business
    @Field(key: "region_code") public var regionCode: String
    @Enum(key: "event_type") public var eventType: TraceEventType
    /// The missing requirements, comma-separated, in the gate's order.
    @Field(key: "missing") public var missing: String
    @Field(key: "attempted_at") public var attemptedAt: Date
    @Parent(key: "attempted_by") public var attemptedBy: User

    public init() {}
}

extension TraceRefusal: RegionScoped {
    public static var regionCodeKey: KeyPath<TraceRefusal, FieldProperty<TraceRefusal, String>> { \.$regionCode }
}

extension TraceRefusal: BusinessOwned {
    public static var businessIDColumn: FieldKey { "business_id" }
}

public struct CreateColdChain: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(ColdChainBatch.schema)
            .id()
            .field("trace_code", .string, .required)
            .field("product", .string, .required)
            .field("specification", .string)
            .field("batch_number", .string, .required)
            .field("quantity", .string, .required)
            .field("unit", .string, .required)
            .field("origin_country", .string, .required)
            .field("customs_declaration", .string)
            .field("importer_id", .uuid, .required, .references(Business.schema, "id"))
            .field("region_code", .string, .required)
            .field("registered_at", .datetime, .required)
            .field("registered_by", .uuid, .required, .references(User.schema, "id"))
            .field("recalled_at", .datetime)
            .unique(on: "trace_code")
            .create()
        try await SchemaIndex.create("cold_chain_batches_region", on: ColdChainBatch.schema, columns: ["region_code", "registered_at"], in: database)
        try await database.schema(ImportDocument.schema)
            .id()
            .field("batch_id", .uuid, .required, .references(ColdChainBatch.schema, "id"))
            .field("kind", .string, .required)
            .field("number", .string, .required)
            .field("issuer", .string, .required)
            .field("issued_on", .datetime, .required)
            .unique(on: "batch_id", "kind")
            .create()
        try await database.schema(TraceEvent.schema)
            .id()
            .field("batch_id", .uuid, .required, .references(ColdChainBatch.schema, "id"))
            .field("type", .string, .required)
            .field("business_id", .uuid, .required, .references(Business.schema, "id"))
            .field("counterparty_id", .uuid, .references(Business.schema, "id"))
            .field("quantity", .string, .required)
            .field("occurred_at", .datetime, .required)
            .field("region_code", .string, .required)
            .field("recorded_by", .uuid, .required, .references(User.schema, "id"))
            .field("sequence", .int, .required)
            .unique(on: "batch_id", "sequence")
            .create()
        try await SchemaIndex.create("trace_events_business", on: TraceEvent.schema, columns: ["business_id", "occurred_at"], in: database)
        try await database.schema(TraceRefusal.schema)
            .id()
            .field("batch_id", .uuid, .required, .references(ColdChainBatch.schema, "id"))
            .field("business_id", .uuid, .required, .references(Business.schema, "id"))
            .field("region_code", .string, .required)
            .field("event_type", .string, .required)
            .field("missing", .string, .required)
            .field("attempted_at", .datetime, .required)
            .field("attempted_by", .uuid, .required, .references(User.schema, "id"))
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(TraceRefusal.schema).delete()
        try await database.schema(TraceEvent.schema).delete()
        try await database.schema(ImportDocument.schema).delete()
        try await database.schema(ColdChainBatch.schema).delete()
    }
}

/// Batches split from another keep a link to it, for tracing back and forward.
public struct AddBatchParents: AsyncMigration {
    public init() {}

    // No foreign-key clause: SQLite cannot drop a column that has one, and the migration must
    // revert; batches are never deleted, so the link cannot dangle.
    public func prepare(on database: any Database) async throws {
        try await database.schema(ColdChainBatch.schema).field("parent_id", .uuid).update()
        try await SchemaIndex.create("cold_chain_batches_parent", on: ColdChainBatch.schema, columns: ["parent_id"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await SchemaIndex.drop("cold_chain_batches_parent", in: database)
        try await database.schema(ColdChainBatch.schema).deleteField("parent_id").update()
    }
}
