import FluentKit
import Foundation
import ShianCore

/// A showcase project (示范引领项目) of a county's campaign under one of the ten themes: its plan, the
/// unit that leads it (a department code or a township's region code, as assignments name units),
/// where it stands, and the review score that counts toward the standard's showcase indicator.
public final class ShowcaseProject: Model, @unchecked Sendable {
    public static let schema = "showcase_projects"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    // data fields
    /// The campaign region (a county).
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "standard_code") public var standardCode: String
    @Enum(key: "theme") public var theme: ShowcaseTheme
    @Field(key: "title") public var title: String
    @Field(key: "summary") public var summary: String
    @Field(key: "lead_unit") public var leadUnit: String
    @Field(key: "plan") public var plan: String
    @Enum(key: "status") public var status: ShowcaseProjectStatus
    @Field(key: "created_by") public var createdBy: String

    // review
    @OptionalField(key: "review_score") public var reviewScore: Double?
    @OptionalField(key: "review_reason") public var reviewReason: String?
    @OptionalField(key: "reviewed_by") public var reviewedBy: String?
    @OptionalField(key: "reviewed_at") public var reviewedAt: Date?

    // relationships
    @Children(for: \.$project) public var milestones: [ShowcaseMilestone]
    @Children(for: \.$project) public var evidence: [ShowcaseEvidence]

    public init() {}
}

extension ShowcaseProject: RegionScoped {
    public static var regionCodeKey: KeyPath<ShowcaseProject, FieldProperty<ShowcaseProject, String>> { \.$regionCode }
}

extension ShowcaseProject: Auditable {
    public static let auditEntityType = "showcaseProject"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["standardCode": standardCode, "theme": theme.rawValue, "title": title, "summary": summary, "leadUnit": leadUnit,
         "plan": plan, "status": status.rawValue, "reviewScore": reviewScore.map { String($0) } ?? "",
         "reviewReason": reviewReason ?? ""]
    }
}
