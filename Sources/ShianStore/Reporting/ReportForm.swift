import FluentKit
import Foundation

/// A report form (数据报送) the county's townships fill in each month, quarter or year: its fields,
/// validation rules (`ReportValidationRule`, as JSON), outlier check, assigned townships and due
/// offset.
public final class ReportForm: Model, @unchecked Sendable {
    public static let schema = "report_forms"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    /// The county whose townships report.
    @Field(key: "region_code") public var regionCode: String
    /// JSON: `[{"code", "label"}]`.
    @Field(key: "fields") public var fields: String
    /// JSON: `[ReportValidationRule]`.
    @Field(key: "rules") public var rules: String
    /// Days after the period's last day the report is due (10: October's report by 10 November).
    /// The column's name is from when forms were monthly only and this was a day of the next month,
    /// which is the same number.
    @Field(key: "due_day") public var dueDays: Int
    /// `monthly`, `quarterly` or `yearly` (`ReportPeriodType`).
    @Field(key: "period_type") public var periodType: String
    /// JSON: the township codes the form is assigned to; `[]` is every township of the county.
    @Field(key: "units") public var units: String
    /// JSON `OutlierRule`, or nil when values are not checked against the unit's history.
    @OptionalField(key: "outlier_rule") public var outlierRule: String?

    public init() {}
}

extension ReportForm: RegionScoped {
    public static var regionCodeKey: KeyPath<ReportForm, FieldProperty<ReportForm, String>> { \.$regionCode }
}

/// One unit's report for one period.
public final class ReportSubmission: Model, @unchecked Sendable {
    public static let schema = "report_submissions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "form_id") public var form: ReportForm
    /// The reporting unit: a township's region code.
    @Field(key: "region_code") public var regionCode: String
    /// `yyyy-MM`.
    @Field(key: "period") public var period: String
    /// JSON: `{"field": number}`.
    @Field(key: "values") public var values: String
    /// Violations of rules of medium or low importance, kept as warnings (JSON `[ReportViolation]`).
    @Field(key: "warnings") public var warnings: String
    /// Values far from the unit's previous periods (JSON `[OutlierFlag]`).
    @Field(key: "outliers") public var outliers: String
    @Field(key: "submitted_at") public var submittedAt: Date
    @Parent(key: "submitted_by") public var submittedBy: User

    public init() {}
}

extension ReportForm: Auditable {
    public static let auditEntityType = "reportForm"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        [
            "code": code, "name": name, "periodType": periodType, "fields": fields, "rules": rules, "units": units,
            "outlierRule": outlierRule ?? "", "dueDays": String(dueDays),
        ]
    }
}

extension ReportSubmission: RegionScoped {
    public static var regionCodeKey: KeyPath<ReportSubmission, FieldProperty<ReportSubmission, String>> { \.$regionCode }
}

extension ReportSubmission: Auditable {
    public static let auditEntityType = "reportSubmission"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] { ["formId": $form.id.uuidString, "period": period, "values": values] }
}

public struct CreateReporting: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(ReportForm.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("region_code", .string, .required)
            .field("fields", .string, .required)
            .field("rules", .string, .required)
            .field("due_day", .int, .required)
            .unique(on: "region_code", "code")
            .create()
        try await database.schema(ReportSubmission.schema)
            .id()
            .field("form_id", .uuid, .required, .references(ReportForm.schema, "id"))
            .field("region_code", .string, .required)
            .field("period", .string, .required)
            .field("values", .string, .required)
            .field("warnings", .string, .required)
            .field("submitted_at", .datetime, .required)
            .field("submitted_by", .uuid, .required, .references(User.schema, "id"))
            .unique(on: "form_id", "region_code", "period")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ReportSubmission.schema).delete()
        try await database.schema(ReportForm.schema).delete()
    }
}
