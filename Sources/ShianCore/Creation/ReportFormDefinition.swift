import Foundation

/// One figure a report form asks for.
public struct ReportField: Codable, Sendable, Equatable {
    public var code: String
    public var label: String

    public init(code: String, label: String) {
        self.code = code
        self.label = label
    }
}

/// What defines a report form (DHIS2's data set, research/anchors-intl.md §1): its fields, how
/// often it is due and by when, the rules its values must meet and the outlier check.
public struct ReportFormDefinition: Sendable, Equatable {
    public var code: String
    public var name: String
    public var periodType: ReportPeriodType
    public var fields: [ReportField]
    public var rules: [ReportValidationRule]
    public var outlierRule: OutlierRule?
    /// Days after the period's last day the report is due (DHIS2's `timelyDays`).
    public var dueDays: Int

    public init(
        code: String, name: String, periodType: ReportPeriodType, fields: [ReportField], rules: [ReportValidationRule],
        outlierRule: OutlierRule?, dueDays: Int
    ) {
        self.code = code
        self.name = name
        self.periodType = periodType
        self.fields = fields
        self.rules = rules
        self.outlierRule = outlierRule
        self.dueDays = dueDays
    }

    /// The longest a report may be due after its period: a quarter for yearly forms, a month otherwise.
    public static func maximumDueDays(_ type: ReportPeriodType) -> Int { type == .yearly ? 90 : 31 }

    /// Every problem of the definition, in the order of its parts.
    public func problems() -> [ValidationFailure] {
        var problems: [ValidationFailure] = []
        if !Self.isCode(code) { problems.append(ValidationFailure(code: "reportingCodeInvalid", field: "code")) }
        if name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 100 {
            problems.append(ValidationFailure(code: "reportingNameInvalid", field: "name", arguments: ["100"]))
        }
        if fields.isEmpty || fields.count > 100 {
            problems.append(ValidationFailure(code: "reportingFieldsCount", field: "fields", arguments: ["1", "100"]))
        }
        var seen = Set<String>()
        for (index, field) in fields.enumerated() {
            if !Self.isCode(field.code) {
                problems.append(ValidationFailure(code: "reportingCodeInvalid", field: "fields[\(index)].code"))
            } else if !seen.insert(field.code).inserted {
                problems.append(ValidationFailure(code: "reportingFieldDuplicate", field: "fields[\(index)].code", arguments: [field.code]))
            }
            if field.label.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(ValidationFailure(code: "fieldRequired", field: "fields[\(index)].label", arguments: ["label"]))
            }
        }
        var ruleCodes = Set<String>()
        for (index, rule) in rules.enumerated() {
            problems += rule.problems(knownFields: seen, path: "rules[\(index)]")
            if !rule.code.isEmpty && !ruleCodes.insert(rule.code).inserted {
                problems.append(ValidationFailure(code: "reportingFieldDuplicate", field: "rules[\(index)].code", arguments: [rule.code]))
            }
        }
        if let outlierRule { problems += outlierRule.problems() }
        let maximum = Self.maximumDueDays(periodType)
        if !(0...maximum).contains(dueDays) {
            problems.append(ValidationFailure(code: "reportingDueDaysOutOfRange", field: "dueDays", arguments: ["0", String(maximum)]))
        }
        return problems
    }

    /// Codes are short identifiers a client can put in a URL: a letter, then letters, digits and
    /// hyphens, at most 40.
    public static func isCode(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter, text.count <= 40 else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
}
