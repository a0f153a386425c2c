import Foundation

/// Where one unit's report for one period stands.
public enum ReportSubmissionStatus: String, Codable, Sendable, CaseIterable {
    /// Submitted by the due time.
    case onTime
    /// Submitted after the due time.
    case late
    /// Not submitted, and the due time has passed.
    case missing
    /// Not submitted, not yet due: not expected yet.
    case pending

    public static func of(dueAt: Date, submittedAt: Date?, now: Date) -> ReportSubmissionStatus {
        if let submittedAt { return submittedAt <= dueAt ? .onTime : .late }
        return now > dueAt ? .missing : .pending
    }
}

/// One report a unit owes: its form's period and due time, and when it came in.
public struct ReportExpectation: Sendable, Equatable {
    public var unit: String
    /// The period's label, e.g. "2023-05" or "2023-Q2".
    public var period: String
    public var dueAt: Date
    public var submittedAt: Date?

    public init(unit: String, period: String, dueAt: Date, submittedAt: Date?) {
        self.unit = unit
        self.period = period
        self.dueAt = dueAt
        self.submittedAt = submittedAt
    }
}

/// Completeness and timeliness of one unit's reports (DHIS2 reporting rates, research/anchors-intl.md
/// §1): expected reports are those due by now or already submitted; completeness = submitted ÷
/// expected × 100, timeliness = on time ÷ expected × 100; both nil while nothing is expected.
public struct ReportingRates: Codable, Sendable, Equatable {
    public let unit: String
    public let expected: Int
    public let submitted: Int
    public let onTime: Int
    /// Periods due and not submitted, in the order given.
    public let missingPeriods: [String]
    public let completeness: Double?
    public let timeliness: Double?

    /// The rates of every unit, lagging units first: lowest completeness, then lowest timeliness, then
    /// by unit. A unit with nothing expected comes last.
    public static func compute(_ expectations: [ReportExpectation], now: Date) -> [ReportingRates] {
        let byUnit = Dictionary(grouping: expectations, by: \.unit)
        let rates = byUnit.map { unit, reports in
            var submitted = 0
            var onTime = 0
            var expected = 0
            var missing: [String] = []
            for report in reports {
                switch ReportSubmissionStatus.of(dueAt: report.dueAt, submittedAt: report.submittedAt, now: now) {
                case .onTime: expected += 1; submitted += 1; onTime += 1
                case .late: expected += 1; submitted += 1
                case .missing: expected += 1; missing.append(report.period)
                case .pending: break
                }
            }
            func rate(_ count: Int) -> Double? {
                expected == 0 ? nil : (Double(count) * 100 / Double(expected)).roundedToHundredths
            }
            return ReportingRates(
                unit: unit, expected: expected, submitted: submitted, onTime: onTime, missingPeriods: missing,
                completeness: rate(submitted), timeliness: rate(onTime))
        }
        return rates.sorted { lhs, rhs in
            let left = (lhs.completeness ?? .infinity, lhs.timeliness ?? .infinity)
            let right = (rhs.completeness ?? .infinity, rhs.timeliness ?? .infinity)
            return left != right ? left < right : lhs.unit < rhs.unit
        }
    }

    /// The rates as the metrics `reportingCompleteness` and `reportingTimeliness`.
    public var metricValues: [MetricID: MetricValue] {
        [
            .reportingCompleteness: MetricValue(numerator: Double(submitted), denominator: Double(expected), factor: 100),
            .reportingTimeliness: MetricValue(numerator: Double(onTime), denominator: Double(expected), factor: 100),
        ]
    }
}
