import Foundation

/// A standard (评价标准 / 评价细则) in Shian's versioned interchange format (docs/standard-format.md):
/// what `POST /api/v1/standards/import` accepts and what export writes. Decode it with
/// `StandardDocument.parse(json:)`, which refuses a malformed file with every problem at once.
public struct StandardDocument: Codable, Sendable, Equatable {
    /// The version of this file format, not of the standard.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    /// Stable code of the standard, e.g. "demo-2021"; with `version`, identifies one set of indicators.
    public var code: String
    /// The standard's own version, e.g. "2021.1".
    public var version: String
    public var name: String
    /// Demo data, shown as such in the UI.
    public var isDemo: Bool
    /// Where the standard comes from (the document number, or "demo").
    public var source: String?
    public var parts: [StandardPart]
    public var indicators: [Indicator]
    public var passRules: PassRules
    /// The indicator that showcase projects (示范引领) score into.
    public var showcaseIndicator: String?

    public init(
        formatVersion: Int = StandardDocument.currentFormatVersion, code: String, version: String, name: String,
        isDemo: Bool = false, source: String? = nil, parts: [StandardPart], indicators: [Indicator],
        passRules: PassRules, showcaseIndicator: String? = nil
    ) {
        self.formatVersion = formatVersion
        self.code = code
        self.version = version
        self.name = name
        self.isDemo = isDemo
        self.source = source
        self.parts = parts
        self.indicators = indicators
        self.passRules = passRules
        self.showcaseIndicator = showcaseIndicator
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        code = try container.decode(String.self, forKey: .code)
        version = try container.decode(String.self, forKey: .version)
        name = try container.decode(String.self, forKey: .name)
        isDemo = try container.decodeIfPresent(Bool.self, forKey: .isDemo) ?? false
        source = try container.decodeIfPresent(String.self, forKey: .source)
        parts = try container.decode([StandardPart].self, forKey: .parts)
        indicators = try container.decode([Indicator].self, forKey: .indicators)
        passRules = try container.decode(PassRules.self, forKey: .passRules)
        showcaseIndicator = try container.decodeIfPresent(String.self, forKey: .showcaseIndicator)
    }

    /// The highest score the standard can give: every key, basic and bonus point.
    public var maxScore: Double { indicators.filter { $0.kind != .veto }.reduce(0) { $0 + $1.points } }

    /// Key and basic points: what a city can earn without bonus items.
    public var basePoints: Double { indicators.filter(\.kind.isBase).reduce(0) { $0 + $1.points } }

    /// Whether an item is scored from submitted evidence: not a veto item (its thresholds decide), not
    /// a computed one (its metric decides), not the showcase indicator (its projects' reviews decide).
    public func takesEvidence(_ indicator: Indicator) -> Bool {
        indicator.kind != .veto && !indicator.isComputed && indicator.number != showcaseIndicator
    }

    /// The indicators in the standard's order ("4.10" after "4.9").
    public var indicatorsInOrder: [Indicator] {
        indicators.sorted { IndicatorNumber.areInIncreasingOrder($0.number, $1.number) }
    }
}

/// A part (heading) of the standard, such as 一、食品安全状况.
public struct StandardPart: Codable, Sendable, Equatable {
    public var number: Int
    public var title: String

    public init(number: Int, title: String) {
        self.number = number
        self.title = title
    }
}

/// The rules a city's score must meet (Jiangsu rules: no veto failed, each key item ≥ 60 % of its
/// points, total ≥ 90; research/domain-cn.md §b.2). A failed veto item always fails the city.
public struct PassRules: Codable, Sendable, Equatable {
    /// The share of its points each key item must reach, 0–1.
    public var keyItemShare: Double
    /// The total (key, basic and bonus points) the city must reach.
    public var totalAtLeast: Double

    public init(keyItemShare: Double, totalAtLeast: Double) {
        self.keyItemShare = keyItemShare
        self.totalAtLeast = totalAtLeast
    }
}

/// "0.5 per finding, down to zero" (每发现一处扣0.5分，扣完为止): the points one counted unit costs, and
/// the score the item cannot fall below.
public struct DeductionRule: Codable, Sendable, Equatable {
    public var per: Double
    /// What is counted: "finding", "school", "township" … free text, shown beside the count.
    public var unit: String
    public var floor: Double

    public init(per: Double, unit: String, floor: Double = 0) {
        self.per = per
        self.unit = unit
        self.floor = floor
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        per = try container.decode(Double.self, forKey: .per)
        unit = try container.decode(String.self, forKey: .unit)
        floor = try container.decodeIfPresent(Double.self, forKey: .floor) ?? 0
    }

    /// The deduction for `count` units, with its reason, as a self-assessment or a review records it.
    public func deduction(count: Int, reason: String) -> ScoreDeduction {
        ScoreDeduction(points: (per * Double(count)).roundedToHundredths, reason: reason, count: count)
    }
}

/// A condition on a metric: a veto threshold such as `publicSatisfaction >= 70`.
public struct MetricCondition: Codable, Sendable, Equatable {
    public var metric: MetricID
    /// The metric's factor, written for readers of the file; must match the metric's definition.
    public var factor: Double?
    public var comparison: Comparison
    public var target: Double

    public init(metric: MetricID, factor: Double? = nil, comparison: Comparison, target: Double) {
        self.metric = metric
        self.factor = factor
        self.comparison = comparison
        self.target = target
    }
}
