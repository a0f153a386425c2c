import FluentKit
import Foundation
import ShianCore

/// A versioned checklist template for some business categories. A new version is a new template;
/// inspections keep pointing at the version they used.
public final class ChecklistTemplate: Model, @unchecked Sendable {
    public static let schema = "checklist_templates"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// Stable key shared by the versions of one checklist (for example `catering`).
    @Field(key: "code") public var code: String
    @Field(key: "version") public var version: Int
    @Field(key: "name") public var name: String
    /// Category code names this checklist applies to, comma separated.
    @Field(key: "categories") public var categories: String
    @Field(key: "active") public var active: Bool
    @Children(for: \.$template) public var items: [ChecklistItem]

    public init() {}

    public init(code: String, version: Int, name: String, categories: [BusinessCategory]) {
        self.code = code
        self.version = version
        self.name = name
        self.categories = categories.map(\.rawValue).joined(separator: ",")
        self.active = true
    }

    public var categoryList: [BusinessCategory] {
        categories.split(separator: ",").compactMap { BusinessCategory(rawValue: String($0)) }
    }
}

/// One item of a checklist template.
public final class ChecklistItem: Model, @unchecked Sendable {
    public static let schema = "checklist_items"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "template_id") public var template: ChecklistTemplate
    @Field(key: "number") public var number: Int
    @Field(key: "text") public var text: String
    @Enum(key: "severity") public var severity: Severity
    @Field(key: "points") public var points: Int

    public init() {}

    public init(templateID: UUID, number: Int, text: String, severity: Severity, points: Int) {
        self.$template.id = templateID
        self.number = number
        self.text = text
        self.severity = severity
        self.points = points
    }
}
