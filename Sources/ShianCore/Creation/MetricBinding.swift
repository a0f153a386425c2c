import Foundation

/// Binds a computed indicator to a metric and a target: `{"metric": "samplesPerThousandPeople",
/// "factor": 1000, "comparison": ">=", "target": 4}`.
///
/// Points: the full points when the target is met. Otherwise, under `.proportional`, the share of
/// the target reached (value ÷ target × points, rounded to 0.01); under `.allOrNothing`, zero. No value
/// (no data, or a zero denominator) gives zero. When `scoring` is absent, a floor target (`>=`, `>`)
/// above zero scores proportionally and every other target all or nothing.
public struct MetricBinding: Codable, Sendable, Equatable {
    public enum Scoring: String, Codable, Sendable, CaseIterable {
        case proportional
        case allOrNothing
    }

    public var metric: MetricID
    /// The metric's factor, written for readers of the file; must match the metric's definition.
    public var factor: Double?
    public var comparison: Comparison
    public var target: Double
    public var scoring: Scoring?

    public init(metric: MetricID, factor: Double? = nil, comparison: Comparison, target: Double, scoring: Scoring? = nil) {
        self.metric = metric
        self.factor = factor
        self.comparison = comparison
        self.target = target
        self.scoring = scoring
    }

    /// The scoring that applies, after the default for an absent `scoring`.
    public var effectiveScoring: Scoring {
        scoring ?? (comparison.isLowerBound && target > 0 ? .proportional : .allOrNothing)
    }

    /// The target as a condition.
    public var condition: MetricCondition {
        MetricCondition(metric: metric, factor: factor, comparison: comparison, target: target)
    }

    /// The points an indicator worth `points` earns for this metric value.
    public func evaluate(_ value: MetricValue?, points: Double) -> MetricEvaluation {
        guard let measured = value?.value else { return MetricEvaluation(earned: 0, met: nil, value: nil) }
        if comparison.holds(measured, target) {
            return MetricEvaluation(earned: points, met: true, value: measured)
        }
        switch effectiveScoring {
        case .proportional where comparison.isLowerBound && target > 0:
            let share = min(1, max(0, measured / target))
            return MetricEvaluation(earned: (points * share).roundedToHundredths, met: false, value: measured)
        case .proportional, .allOrNothing:
            return MetricEvaluation(earned: 0, met: false, value: measured)
        }
    }
}

/// What a metric value earns for a computed indicator.
public struct MetricEvaluation: Sendable, Equatable {
    public let earned: Double
    /// nil when there is no value to judge.
    public let met: Bool?
    public let value: Double?
}

extension MetricCondition {
    /// Whether the value meets the condition; nil when there is no value.
    public func isMet(by value: MetricValue?) -> Bool? {
        guard let measured = value?.value else { return nil }
        return comparison.holds(measured, target)
    }
}
