import Foundation

/// The operators of metric targets, veto thresholds and data-report validation rules (DHIS2's
/// validation-rule operators, research/anchors-intl.md §1), written as their symbols in JSON.
public enum Comparison: String, Codable, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// Whether `lhs <op> rhs` holds. Values closer than a billionth of their size count as equal, so a
    /// rate computed as 0.1 + 0.2 meets a target of 0.3.
    public func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        let tolerance = 1e-9 * max(1, abs(lhs), abs(rhs))
        let equal = abs(lhs - rhs) <= tolerance
        switch self {
        case .equal: return equal
        case .notEqual: return !equal
        case .less: return lhs < rhs && !equal
        case .lessOrEqual: return lhs < rhs || equal
        case .greater: return lhs > rhs && !equal
        case .greaterOrEqual: return lhs > rhs || equal
        }
    }

    /// `>=` and `>`: the target is a floor to reach (the only comparisons proportional scoring accepts).
    public var isLowerBound: Bool { self == .greater || self == .greaterOrEqual }

    /// `<=` and `<`: the target is a ceiling not to pass.
    public var isUpperBound: Bool { self == .less || self == .lessOrEqual }
}

extension Double {
    /// Rounded to two decimals, as scores are shown and compared.
    var roundedToHundredths: Double { (self * 100).rounded() / 100 }

    /// "90" rather than "90.0", "0.5" as is: numbers as messages and explanations show them.
    var plainText: String {
        guard isFinite else { return String(self) }
        return self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
