import Foundation

/// The name of a metric Shian computes from operational records per region and period. A string, so
/// that later modules add theirs without changing the standard's format; `MetricDefinition.catalogue`
/// lists the names a standard may bind.
public struct MetricID: RawRepresentable, Hashable, Codable, Sendable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: MetricID, rhs: MetricID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How a metric's value reads.
public enum MetricUnit: String, Codable, Sendable, CaseIterable {
    /// numerator ÷ denominator × 100
    case percent
    /// numerator ÷ resident population × 1000
    case perThousandPeople
    /// a count, no denominator
    case count
    /// a survey score 0–100, no denominator
    case score
}

/// A metric as DHIS2 defines an indicator (research/anchors-intl.md §1): value = numerator ÷
/// denominator × factor, or numerator × factor when there is no denominator. Computing the numerator
/// and denominator from the database is the owning module's job; the rules here only read values.
public struct MetricDefinition: Sendable, Equatable, Identifiable {
    public let id: MetricID
    /// Chinese name shown in the UI.
    public let title: String
    /// What the numerator counts.
    public let numerator: String
    /// What the denominator counts; nil for counts and scores.
    public let denominator: String?
    public let factor: Double
    public let unit: MetricUnit
    /// The module whose records produce the metric (DESIGN.md module names).
    public let module: String
    /// The range a target may take; nil when any non-negative target makes sense.
    public let targetRange: ClosedRange<Double>?

    public init(
        id: MetricID, title: String, numerator: String, denominator: String?, factor: Double, unit: MetricUnit,
        module: String, targetRange: ClosedRange<Double>?
    ) {
        self.id = id
        self.title = title
        self.numerator = numerator
        self.denominator = denominator
        self.factor = factor
        self.unit = unit
        self.module = module
        self.targetRange = targetRange
    }

    /// The value of this metric from its numerator and denominator.
    public func value(numerator: Double, denominator: Double? = nil) -> MetricValue {
        MetricValue(numerator: numerator, denominator: denominator, factor: factor)
    }

    /// The definitions by name.
    public static let byID: [MetricID: MetricDefinition] = Dictionary(
        catalogue.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
}

/// One computed value: numerator, denominator and the value they give. `value` is nil when the
/// denominator is zero (nothing to measure yet), which scoring treats as missing data, never as 0 %.
public struct MetricValue: Codable, Sendable, Equatable {
    public let numerator: Double
    public let denominator: Double?
    public let value: Double?

    public init(numerator: Double, denominator: Double? = nil, factor: Double = 1) {
        self.numerator = numerator
        self.denominator = denominator
        if let denominator {
            value = denominator > 0 ? numerator / denominator * factor : nil
        } else {
            value = numerator * factor
        }
    }
}
