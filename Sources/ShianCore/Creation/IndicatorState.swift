import Foundation

/// One indicator's state in one county (or other region) when a forecast is made: the review status of
/// its evidence, the self-score and deductions, the metric values it reads, who leads it and by when.
public struct IndicatorState: Sendable, Equatable {
    public var status: IndicatorStatus
    /// The unit's own score (自评); nil means the unit claims the item in full.
    public var selfScore: Double?
    public var deductions: [ScoreDeduction]
    /// Values of the metrics the indicator binds or thresholds; missing means no data.
    public var metricValues: [MetricID: MetricValue]
    /// The name of the lead unit, shown in gaps; nil falls back to the standard's suggestion.
    public var leadUnit: String?
    public var deadline: Date?
    /// Set on the standard's showcase indicator when its projects are known: the item then scores
    /// what the reviewed projects earn, not its evidence.
    public var showcase: ShowcaseStanding?

    public init(
        status: IndicatorStatus = .notStarted, selfScore: Double? = nil, deductions: [ScoreDeduction] = [],
        metricValues: [MetricID: MetricValue] = [:], leadUnit: String? = nil, deadline: Date? = nil,
        showcase: ShowcaseStanding? = nil
    ) {
        self.status = status
        self.selfScore = selfScore
        self.deductions = deductions
        self.metricValues = metricValues
        self.leadUnit = leadUnit
        self.deadline = deadline
        self.showcase = showcase
    }
}

/// Points taken off an item, with the reason (扣分及理由).
public struct ScoreDeduction: Codable, Sendable, Equatable {
    public var points: Double
    public var reason: String
    /// How many units of the deduction rule were counted, when a rule gave the points.
    public var count: Int?

    public init(points: Double, reason: String, count: Int? = nil) {
        self.points = points
        self.reason = reason
        self.count = count
    }
}
