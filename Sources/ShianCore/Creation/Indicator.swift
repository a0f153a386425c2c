import Foundation

/// One evaluation item (评价项目) of a standard.
public struct Indicator: Codable, Sendable, Equatable {
    /// Number such as "3.2.1", unique in the standard; the indicator's id in forecasts and gaps.
    public var number: String
    /// The number of the part it belongs to.
    public var part: Int
    public var title: String
    /// 评价标准: what the city must achieve.
    public var standardText: String
    /// 评价细则: how points are given and taken.
    public var ruleText: String
    public var evaluationMethods: [EvaluationMethod]
    /// 0 for veto items, which pass or fail.
    public var points: Double
    public var kind: IndicatorKind
    public var deduction: DeductionRule?
    /// Veto items: every condition must hold.
    public var thresholds: [MetricCondition]
    /// A computed item: its points come from a metric instead of evidence.
    public var metric: MetricBinding?
    /// The suggested lead unit (a department code); the county's assignment may change it.
    public var leadUnit: String?
    public var supportingUnits: [String]

    public init(
        number: String, part: Int, title: String, standardText: String, ruleText: String,
        evaluationMethods: [EvaluationMethod], points: Double, kind: IndicatorKind, deduction: DeductionRule? = nil,
        thresholds: [MetricCondition] = [], metric: MetricBinding? = nil, leadUnit: String? = nil,
        supportingUnits: [String] = []
    ) {
        self.number = number
        self.part = part
        self.title = title
        self.standardText = standardText
        self.ruleText = ruleText
        self.evaluationMethods = evaluationMethods
        self.points = points
        self.kind = kind
        self.deduction = deduction
        self.thresholds = thresholds
        self.metric = metric
        self.leadUnit = leadUnit
        self.supportingUnits = supportingUnits
    }

    enum CodingKeys: String, CodingKey {
        case number, part, title, standardText, ruleText, evaluationMethods, points, kind, deduction, thresholds, metric
        case leadUnit, supportingUnits
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = try container.decode(String.self, forKey: .number)
        part = try container.decode(Int.self, forKey: .part)
        title = try container.decode(String.self, forKey: .title)
        standardText = try container.decodeIfPresent(String.self, forKey: .standardText) ?? ""
        ruleText = try container.decodeIfPresent(String.self, forKey: .ruleText) ?? ""
        evaluationMethods = try container.decodeIfPresent([EvaluationMethod].self, forKey: .evaluationMethods) ?? []
        points = try container.decode(Double.self, forKey: .points)
        kind = try container.decode(IndicatorKind.self, forKey: .kind)
        deduction = try container.decodeIfPresent(DeductionRule.self, forKey: .deduction)
        thresholds = try container.decodeIfPresent([MetricCondition].self, forKey: .thresholds) ?? []
        metric = try container.decodeIfPresent(MetricBinding.self, forKey: .metric)
        leadUnit = try container.decodeIfPresent(String.self, forKey: .leadUnit)
        supportingUnits = try container.decodeIfPresent([String].self, forKey: .supportingUnits) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(part, forKey: .part)
        try container.encode(title, forKey: .title)
        try container.encode(standardText, forKey: .standardText)
        try container.encode(ruleText, forKey: .ruleText)
        try container.encode(evaluationMethods, forKey: .evaluationMethods)
        try container.encode(points, forKey: .points)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(deduction, forKey: .deduction)
        if !thresholds.isEmpty { try container.encode(thresholds, forKey: .thresholds) }
        try container.encodeIfPresent(metric, forKey: .metric)
        try container.encodeIfPresent(leadUnit, forKey: .leadUnit)
        if !supportingUnits.isEmpty { try container.encode(supportingUnits, forKey: .supportingUnits) }
    }

    /// Whether the item's points come from a metric.
    public var isComputed: Bool { metric != nil }
}
