import Foundation

/// Severity of a checklist item, as the FDA Food Code's priority / priority foundation / core tiers
/// (research/anchors-intl.md §2.3).
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case critical
    case major
    case general

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank > rhs.rank }
}

/// How one checklist item was found (FDA model form: IN / OUT / N/O / N/A).
public enum ItemOutcome: String, Codable, Sendable, CaseIterable {
    case compliant
    case nonCompliant
    case notObserved
    case notApplicable
}

/// The result of an inspection.
public enum InspectionResult: String, Codable, Sendable, CaseIterable {
    case pass
    case passWithConditions
    case fail
}

/// Scoring of a checklist inspection. Items not applicable or not observed leave the denominator;
/// a critical item out of compliance and not corrected on site fails the inspection whatever the
/// score (as an FHRS element cap keeps one bad element from being averaged away).
public enum InspectionScoring {
    public struct Item: Sendable, Equatable {
        public let severity: Severity
        public let points: Int
        public let outcome: ItemOutcome
        public let correctedOnSite: Bool

        public init(severity: Severity, points: Int, outcome: ItemOutcome, correctedOnSite: Bool = false) {
            self.severity = severity
            self.points = points
            self.outcome = outcome
            self.correctedOnSite = correctedOnSite
        }
    }

    /// Score 0–100 (rounded) and the result. Thresholds: below 60 fails; below 85, or any item out of
    /// compliance, passes with conditions (the 2011 catering grading: 优秀 ≥90, 良好 75–90, 一般 60–75).
    public static func evaluate(_ items: [Item]) -> (score: Int, result: InspectionResult) {
        let applicable = items.filter { $0.outcome == .compliant || $0.outcome == .nonCompliant }
        let possible = applicable.reduce(0) { $0 + $1.points }
        let earned = applicable.filter { $0.outcome == .compliant }.reduce(0) { $0 + $1.points }
        let score = possible == 0 ? 100 : Int((Double(earned) * 100 / Double(possible)).rounded())
        let criticalOpen = applicable.contains { $0.outcome == .nonCompliant && $0.severity == .critical && !$0.correctedOnSite }
        if criticalOpen || score < 60 { return (score, .fail) }
        if score < 85 || applicable.contains(where: { $0.outcome == .nonCompliant }) { return (score, .passWithConditions) }
        return (score, .pass)
    }
}

/// Days allowed to rectify a finding, by severity. Defaults follow the FDA correction windows
/// (priority items within 72 hours, priority foundation within 10 days); general items 30 days.
public struct RectificationPolicy: Sendable, Equatable, Codable {
    public var days: [Severity: Int]

    public init(days: [Severity: Int] = [.critical: 3, .major: 10, .general: 30]) {
        self.days = days
    }

    /// The deadline of an order for findings of this severity issued on `issued`.
    public func deadline(for severity: Severity, issued: Date, calendar: Calendar = .shanghai) -> Date {
        let start = calendar.startOfDay(for: issued)
        let days = self.days[severity] ?? 30
        // The last day counts in full: the deadline is the end of that day.
        return calendar.date(byAdding: .day, value: days + 1, to: start)?.addingTimeInterval(-1) ?? issued
    }
}

extension Severity: CodingKeyRepresentable {}
