import Foundation

/// A reported value that departs from the unit's previous periods: the field, the value and the
/// range the history expected (median ± the allowed deviation). A flag asks for a second look; it
/// does not refuse the report.
public struct OutlierFlag: Codable, Sendable, Equatable {
    public let field: String
    public let value: Double
    public let median: Double
    public let low: Double
    public let high: Double

    public init(field: String, value: Double, median: Double, low: Double, high: Double) {
        self.field = field
        self.value = value
        self.median = median
        self.low = low
        self.high = high
    }
}

extension OutlierRule {
    /// The flags of one report: every field of `values` that is an outlier against the same field
    /// in `history` (the unit's previous reports, any order), by field code.
    public func flags(_ values: [String: Double], history: [[String: Double]]) -> [OutlierFlag] {
        values.keys.sorted().compactMap { field in
            guard let value = values[field] else { return nil }
            let past = history.compactMap { $0[field] }
            guard let check = check(value, history: past), check.isOutlier else { return nil }
            return OutlierFlag(
                field: field, value: value, median: check.median, low: check.median - check.allowedDeviation,
                high: check.median + check.allowedDeviation)
        }
    }

    /// Problems of the rule's settings, as paths under `path`.
    public func problems(path: String = "outlierRule") -> [ValidationFailure] {
        var problems: [ValidationFailure] = []
        if !(madMultiple > 0 && madMultiple <= 100) {
            problems.append(ValidationFailure(code: "reportingOutlierSettingInvalid", field: "\(path).madMultiple", arguments: ["madMultiple"]))
        }
        if !(relativeShare > 0 && relativeShare <= 100) {
            problems.append(
                ValidationFailure(code: "reportingOutlierSettingInvalid", field: "\(path).relativeShare", arguments: ["relativeShare"]))
        }
        if !(1...60).contains(minimumHistory) {
            problems.append(
                ValidationFailure(code: "reportingOutlierSettingInvalid", field: "\(path).minimumHistory", arguments: ["minimumHistory"]))
        }
        return problems
    }
}
