import FluentKit
import Foundation
import ShianCore

/// Evidence (佐证材料) a unit submits for an indicator: text, links (to Shian records or elsewhere),
/// optionally one file, and the self-score claimed with its deductions; then the reviewer's decision.
/// Submissions are never changed except to record the review, so they are the item's history.
public final class EvidenceSubmission: Model, @unchecked Sendable {
    public static let schema = "evidence_submissions"

    public enum Decision: String, Codable, Sendable, CaseIterable { case approved, returned }

    // managed fields
    @ID(key: .id) public var id: UUID?

    // data fields
    @Parent(key: "assignment_id") public var assignment: IndicatorAssignment
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "text") public var text: String
    /// One link per line.
    @Field(key: "links") public var linkList: String
    @OptionalField(key: "file_name") public var fileName: String?
    @OptionalField(key: "content_type") public var contentType: String?
    @OptionalField(key: "stored_name") public var storedName: String?
    @OptionalField(key: "byte_count") public var byteCount: Int?
    @OptionalField(key: "self_score") public var selfScore: Double?
    @Field(key: "deductions") public var deductionList: String
    @Field(key: "submitted_by") public var submittedBy: String
    @Field(key: "submitted_at") public var submittedAt: Date

    // review
    @OptionalEnum(key: "decision") public var decision: Decision?
    @OptionalField(key: "reason") public var reason: String?
    @OptionalField(key: "reviewed_by") public var reviewedBy: String?
    @OptionalField(key: "reviewed_at") public var reviewedAt: Date?

    public init() {}

    public var links: [String] { linkList.split(separator: "\n").map(String.init) }

    public var deductions: [ScoreDeduction] {
        (try? JSONDecoder().decode([ScoreDeduction].self, from: Data(deductionList.utf8))) ?? []
    }
}

extension EvidenceSubmission: RegionScoped {
    public static var regionCodeKey: KeyPath<EvidenceSubmission, FieldProperty<EvidenceSubmission, String>> { \.$regionCode }
}

extension EvidenceSubmission: Auditable {
    public static let auditEntityType = "evidenceSubmission"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["assignmentId": $assignment.id.uuidString, "text": text, "links": linkList, "fileName": fileName ?? "",
         "selfScore": selfScore.map { String($0) } ?? "", "deductions": deductionList,
         "decision": decision?.rawValue ?? "", "reason": reason ?? ""]
    }
}

/// A metric value recorded by hand for a region and year, where no module computes it yet (a
/// third-party survey's satisfaction score, incidents, sampling volumes): DHIS2's "reported value".
/// A value computed from Shian's records always wins over a recorded one.
public final class MetricObservation: Model, @unchecked Sendable {
    public static let schema = "metric_observations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "metric") public var metric: String
    @Field(key: "year") public var year: Int
    @Field(key: "numerator") public var numerator: Double
    @OptionalField(key: "denominator") public var denominator: Double?
    /// Where the figure comes from (the survey, the report).
    @Field(key: "source") public var source: String
    @Field(key: "recorded_by") public var recordedBy: String
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}
}

extension MetricObservation: RegionScoped {
    public static var regionCodeKey: KeyPath<MetricObservation, FieldProperty<MetricObservation, String>> { \.$regionCode }
}

extension MetricObservation: Auditable {
    public static let auditEntityType = "metricObservation"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["metric": metric, "year": String(year), "numerator": String(numerator),
         "denominator": denominator.map { String($0) } ?? "", "source": source]
    }
}
