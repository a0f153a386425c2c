import FluentKit
import Foundation
import ShianCore

/// A regulator's check of a business against a checklist (日常监督检查).
public final class Inspection: Model, @unchecked Sendable {
    public static let schema = "inspections"

    public enum Kind: String, Codable, Sendable, CaseIterable { case planned, adHoc, randomDraw, followUp }

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // data fields
    @Parent(key: "business_id") public var business: Business
    /// The business's region when inspected, for scoped lists and metrics.
    @Field(key: "region_code") public var regionCode: String
    @Parent(key: "template_id") public var template: ChecklistTemplate
    @Enum(key: "kind") public var kind: Kind
    @Field(key: "inspected_at") public var inspectedAt: Date
    @Field(key: "score") public var score: Int
    @Enum(key: "result") public var result: InspectionResult
    @OptionalField(key: "notes") public var notes: String?
    /// The inspector who signed it, and when.
    @Parent(key: "inspector_id") public var inspector: User
    @Field(key: "signed_at") public var signedAt: Date
    /// The business's acknowledgement (name of the person and time), when given.
    @OptionalField(key: "acknowledged_by") public var acknowledgedBy: String?
    @OptionalField(key: "acknowledged_at") public var acknowledgedAt: Date?

    public init() {}
}

extension Inspection: RegionScoped {
    public static var regionCodeKey: KeyPath<Inspection, FieldProperty<Inspection, String>> { \.$regionCode }
}

/// How one item was found in one inspection.
public final class InspectionItemResult: Model, @unchecked Sendable {
    public static let schema = "inspection_item_results"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "inspection_id") public var inspection: Inspection
    @Parent(key: "item_id") public var item: ChecklistItem
    @Enum(key: "outcome") public var outcome: ItemOutcome
    @Field(key: "corrected_on_site") public var correctedOnSite: Bool
    /// The same item was out of compliance at the business's previous inspection.
    @Field(key: "repeat") public var repeatFinding: Bool
    @OptionalField(key: "note") public var note: String?

    public init() {}
}

/// A non-compliant item: what the business must fix.
public final class Finding: Model, @unchecked Sendable {
    public static let schema = "findings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "at") public var at: Date
    @Parent(key: "inspection_id") public var inspection: Inspection
    @Parent(key: "business_id") public var business: Business
    @Field(key: "region_code") public var regionCode: String
    @Parent(key: "item_id") public var item: ChecklistItem
    @Enum(key: "severity") public var severity: Severity
    @Field(key: "description") public var description: String
    @Field(key: "corrected_on_site") public var correctedOnSite: Bool
    @Field(key: "repeat") public var repeatFinding: Bool
    @OptionalParent(key: "order_id") public var order: RectificationOrder?

    public init() {}
}

extension Finding: RegionScoped {
    public static var regionCodeKey: KeyPath<Finding, FieldProperty<Finding, String>> { \.$regionCode }
}
