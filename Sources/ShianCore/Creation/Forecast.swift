import Foundation

/// The readiness forecast: the score the county would get now against the standard's pass rules, what
/// fails it, the gaps that can still be won and who must act. `GET /api/v1/creation/forecast` answers
/// it as JSON. Build it with `Forecast.make(standard:states:options:)`.
public struct Forecast: Codable, Sendable, Equatable {
    public let projectedScore: Double
    public let maxScore: Double
    public let passes: Bool
    /// Why the forecast fails, veto items first; empty when it passes.
    public let failedRules: [PassRuleFailure]
    /// Veto items failed, without data, or met by a thin margin — failed first.
    public let vetoRisks: [VetoRisk]
    /// Key items projected below their required share.
    public let keyItemShortfalls: [KeyItemShortfall]
    /// Items ranked by the points that can still be won.
    public let topGaps: [IndicatorGap]
    /// Every indicator that loses points, with each point lost explained, in the standard's order.
    public let explanations: [IndicatorExplanation]
}

/// A pass rule the forecast does not meet.
public struct PassRuleFailure: Codable, Sendable, Equatable {
    public enum Rule: String, Codable, Sendable {
        case vetoFailed
        case keyItemBelowShare
        case totalBelowThreshold
    }

    public let rule: Rule
    /// The indicator at fault; nil for the total.
    public let indicatorId: String?
}

/// A veto item at risk.
public struct VetoRisk: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable, Comparable {
        /// A threshold is not met: the city fails.
        case failed
        /// A threshold has no value yet.
        case noData
        /// Every threshold is met, one by less than the forecast's margin.
        case nearThreshold

        private var rank: Int { self == .failed ? 0 : self == .noData ? 1 : 2 }
        public static func < (lhs: State, rhs: State) -> Bool { lhs.rank < rhs.rank }
    }

    public let indicatorId: String
    public let title: String
    public let state: State
    public let unit: String?
    public let conditions: [ConditionCheck]
}

/// One threshold of a veto item against the current value.
public struct ConditionCheck: Codable, Sendable, Equatable {
    public let metric: MetricID
    public let comparison: Comparison
    public let target: Double
    public let value: Double?
    /// nil when there is no value.
    public let met: Bool?
}

/// A key item below its share: the city fails until it reaches `requiredPoints`.
public struct KeyItemShortfall: Codable, Sendable, Equatable {
    public let indicatorId: String
    public let projectedPoints: Double
    public let requiredPoints: Double
    public let unit: String?
}

/// Points that can still be won on one item, and the unit that must act.
public struct IndicatorGap: Codable, Sendable, Equatable {
    public let indicatorId: String
    public let title: String
    public let kind: IndicatorKind
    public let status: IndicatorStatus
    public let pointsAtRisk: Double
    public let unit: String?
    public let deadline: Date?
    /// Past its deadline with points still open.
    public let overdue: Bool
    /// A key item below its share: winning these points is needed to pass.
    public let keyItemBelowShare: Bool
    /// On the showcase indicator: the projects whose review can still win these points, each with
    /// its unit. nil on every other item.
    public var showcaseProjects: [ShowcaseProjectSummary]? = nil
}

/// How an indicator loses points.
public struct IndicatorExplanation: Codable, Sendable, Equatable {
    public let indicatorId: String
    public let kind: IndicatorKind
    public let status: IndicatorStatus
    public let maxPoints: Double
    public let projectedPoints: Double
    /// Sums to maxPoints − projectedPoints.
    public let losses: [PointLoss]
}

/// Points lost, and why.
public struct PointLoss: Codable, Sendable, Equatable {
    public enum Reason: String, Codable, Sendable {
        /// No evidence yet.
        case notStarted
        /// Evidence returned by the reviewer; nothing counts until it is submitted again.
        case returned
        /// A deduction with its reason (in `detail`).
        case deduction
        /// The self-score is below what the deductions leave.
        case selfScore
        /// A computed item's metric below its target (`detail`: value and target).
        case metricBelowTarget
        /// A computed item's metric has no value yet.
        case metricMissing
        /// Showcase points no reviewed project has won yet (`detail`: how many projects await review).
        case showcaseNotWon
    }

    public let points: Double
    public let reason: Reason
    public let detail: String?
}

/// Settings of a forecast. Time is passed in, never read from the clock.
public struct ForecastOptions: Sendable, Equatable {
    public var now: Date
    /// A veto threshold met by less than this share of its target is flagged `nearThreshold` (0.05:
    /// satisfaction 73 against 70 is near, 74 is not). Targets at the top of their metric's range
    /// (100 %) are never near: meeting them leaves no margin to keep.
    public var vetoMargin: Double
    /// How many gaps `topGaps` lists; nil lists them all.
    public var topGapLimit: Int?

    public init(now: Date, vetoMargin: Double = 0.05, topGapLimit: Int? = 10) {
        self.now = now
        self.vetoMargin = vetoMargin
        self.topGapLimit = topGapLimit
    }
}
