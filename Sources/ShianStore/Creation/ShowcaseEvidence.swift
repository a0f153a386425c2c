import FluentKit
import Foundation

/// Evidence of a showcase project's results: text, links, optionally one file in the shared
/// `FileStore`. Its own table because `EvidenceSubmission` belongs to an indicator assignment and
/// carries self-scores a project does not have. Never changed once added, so it is the history.
public final class ShowcaseEvidence: Model, @unchecked Sendable {
    public static let schema = "showcase_evidence"

    // managed fields
    @ID(key: .id) public var id: UUID?

    // data fields
    @Parent(key: "project_id") public var project: ShowcaseProject
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "text") public var text: String
    /// One link per line.
    @Field(key: "links") public var linkList: String
    @OptionalField(key: "file_name") public var fileName: String?
    @OptionalField(key: "content_type") public var contentType: String?
    @OptionalField(key: "stored_name") public var storedName: String?
    @OptionalField(key: "byte_count") public var byteCount: Int?
    @Field(key: "submitted_by") public var submittedBy: String
    @Field(key: "submitted_at") public var submittedAt: Date

    public init() {}

    public var links: [String] { linkList.split(separator: "\n").map(String.init) }
}

extension ShowcaseEvidence: Auditable {
    public static let auditEntityType = "showcaseEvidence"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["projectId": $project.id.uuidString, "text": text, "links": linkList, "fileName": fileName ?? ""]
    }
}
