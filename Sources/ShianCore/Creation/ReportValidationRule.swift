import Foundation

/// How much a broken validation rule matters (DHIS2's importance, research/anchors-intl.md §1).
public enum Importance: String, Codable, Sendable, CaseIterable, Comparable {
    case high
    case medium
    case low

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    /// High before medium before low.
    public static func < (lhs: Importance, rhs: Importance) -> Bool { lhs.rank < rhs.rank }
}

/// A side of a rule: the sum of some report fields plus a constant. `{"fields": [], "constant": 0}`
/// is the number 0; `{"fields": ["schools"]}` is one field.
public struct ReportExpression: Codable, Sendable, Equatable {
    public var fields: [String]
    public var constant: Double

    public init(fields: [String] = [], constant: Double = 0) {
        self.fields = fields
        self.constant = constant
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fields = try container.decodeIfPresent([String].self, forKey: .fields) ?? []
        constant = try container.decodeIfPresent(Double.self, forKey: .constant) ?? 0
    }

    /// The sum, with missing fields counted as 0, and how many fields were missing.
    public func evaluate(_ values: [String: Double]) -> (value: Double, missing: Int) {
        var sum = constant
        var missing = 0
        for field in fields {
            if let value = values[field] { sum += value } else { missing += 1 }
        }
        return (sum, missing)
    }
}

/// When a rule is checked although fields are missing (DHIS2's missing value strategy).
public enum MissingValueStrategy: String, Codable, Sendable, CaseIterable {
    /// Skip when any field of either side is missing.
    case skipIfAnyValueMissing
    /// Skip when every field of a side that has fields is missing (DHIS2's default).
    case skipIfAllValuesMissing
    /// Always check; missing fields count as 0.
    case neverSkip
}

/// A check on one unit's report for one period: left side, operator, right side, importance —
/// e.g. "schools with open kitchens ≤ schools" (high).
public struct ReportValidationRule: Codable, Sendable, Equatable {
    public var code: String
    public var title: String
    public var leftSide: ReportExpression
    public var comparison: Comparison
    public var rightSide: ReportExpression
    public var importance: Importance
    public var missingValues: MissingValueStrategy

    public init(
        code: String, title: String, leftSide: ReportExpression, comparison: Comparison, rightSide: ReportExpression,
        importance: Importance, missingValues: MissingValueStrategy = .skipIfAllValuesMissing
    ) {
        self.code = code
        self.title = title
        self.leftSide = leftSide
        self.comparison = comparison
        self.rightSide = rightSide
        self.importance = importance
        self.missingValues = missingValues
    }

    /// `missingValues` may be left out: DHIS2's default, skip when all of a side's values are missing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        title = try container.decode(String.self, forKey: .title)
        leftSide = try container.decode(ReportExpression.self, forKey: .leftSide)
        comparison = try container.decode(Comparison.self, forKey: .comparison)
        rightSide = try container.decode(ReportExpression.self, forKey: .rightSide)
        importance = try container.decode(Importance.self, forKey: .importance)
        missingValues = try container.decodeIfPresent(MissingValueStrategy.self, forKey: .missingValues) ?? .skipIfAllValuesMissing
    }

    /// Problems of the rule itself against the form's fields, as paths under `path`.
    public func problems(knownFields: Set<String>, path: String = "rule") -> [ValidationFailure] {
        var problems: [ValidationFailure] = []
        if code.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(ValidationFailure(code: "fieldRequired", field: "\(path).code", arguments: ["code"]))
        }
        if leftSide.fields.isEmpty && rightSide.fields.isEmpty {
            problems.append(ValidationFailure(code: "ruleWithoutFields", field: path))
        }
        for (side, expression) in [("leftSide", leftSide), ("rightSide", rightSide)] {
            for (index, field) in expression.fields.enumerated() where !knownFields.contains(field) {
                problems.append(
                    ValidationFailure(
                        code: "reportFieldUnknown", field: "\(path).\(side).fields[\(index)]", arguments: [field]))
            }
        }
        return problems
    }

    /// The violation of this rule by a report's values, or nil when it holds or is skipped.
    public func violation(_ values: [String: Double]) -> ReportViolation? {
        let left = leftSide.evaluate(values)
        let right = rightSide.evaluate(values)
        switch missingValues {
        case .skipIfAnyValueMissing where left.missing > 0 || right.missing > 0:
            return nil
        case .skipIfAllValuesMissing
        where (!leftSide.fields.isEmpty && left.missing == leftSide.fields.count)
            || (!rightSide.fields.isEmpty && right.missing == rightSide.fields.count):
            return nil
        default:
            break
        }
        guard !comparison.holds(left.value, right.value) else { return nil }
        return ReportViolation(
            ruleCode: code, title: title, importance: importance, leftValue: left.value, comparison: comparison,
            rightValue: right.value)
    }

    /// Every violation of the rules by one report, high importance first, then in the rules' order.
    public static func violations(_ rules: [ReportValidationRule], values: [String: Double]) -> [ReportViolation] {
        rules.enumerated()
            .compactMap { index, rule in rule.violation(values).map { (index, $0) } }
            .sorted { ($0.1.importance, $0.0) < ($1.1.importance, $1.0) }
            .map(\.1)
    }
}

/// A rule a report breaks, with the values of both sides.
public struct ReportViolation: Codable, Sendable, Equatable {
    public let ruleCode: String
    public let title: String
    public let importance: Importance
    public let leftValue: Double
    public let comparison: Comparison
    public let rightValue: Double
}
