import FluentKit
import Foundation
import ShianCore

/// An order to fix findings by a deadline (限期整改), issued by an inspection or a supervision visit.
/// open → answered (the business sends proof) → closed (accepted) or back to open (rejected, with a
/// reason). Past its deadline and not closed it is overdue, and escalates to the township office.
public final class RectificationOrder: Model, @unchecked Sendable {
    public static let schema = "rectification_orders"

    public enum Status: String, Codable, Sendable, CaseIterable { case open, answered, closed }

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    /// The notice number, e.g. 示范市监整改〔2026〕12号.
    @Field(key: "number") public var number: String
    @Parent(key: "business_id") public var business: Business
    @Field(key: "region_code") public var regionCode: String
    @OptionalParent(key: "inspection_id") public var inspection: Inspection?
    @Enum(key: "severity") public var severity: Severity
    @Field(key: "issued_at") public var issuedAt: Date
    @Field(key: "deadline") public var deadline: Date
    @Enum(key: "status") public var status: Status
    @OptionalField(key: "answer") public var answer: String?
    @OptionalField(key: "answered_at") public var answeredAt: Date?
    @OptionalField(key: "rejection_reason") public var rejectionReason: String?
    @Field(key: "rejections") public var rejections: Int
    @OptionalField(key: "closed_at") public var closedAt: Date?
    @OptionalField(key: "escalated_at") public var escalatedAt: Date?
    @Parent(key: "issued_by") public var issuedBy: User

    public init() {}

    public func isOverdue(at now: Date) -> Bool { status != .closed && deadline < now }
}

extension RectificationOrder: RegionScoped {
    public static var regionCodeKey: KeyPath<RectificationOrder, FieldProperty<RectificationOrder, String>> { \.$regionCode }
}
