import FluentKit
import Foundation

/// A milestone of a showcase project's plan: what is due by when, and when it was done.
public final class ShowcaseMilestone: Model, @unchecked Sendable {
    public static let schema = "showcase_milestones"

    // managed fields
    @ID(key: .id) public var id: UUID?

    // data fields
    @Parent(key: "project_id") public var project: ShowcaseProject
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "title") public var title: String
    @Field(key: "due_at") public var dueAt: Date
    @OptionalField(key: "done_at") public var doneAt: Date?
    @OptionalField(key: "done_by") public var doneBy: String?

    public init() {}

    /// Past its due date and not done.
    public func isOverdue(now: Date) -> Bool { doneAt == nil && dueAt < now }
}

extension ShowcaseMilestone: Auditable {
    public static let auditEntityType = "showcaseMilestone"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["projectId": $project.id.uuidString, "title": title, "dueAt": dueAt.formatted(.iso8601),
         "doneAt": doneAt.map { $0.formatted(.iso8601) } ?? ""]
    }
}
