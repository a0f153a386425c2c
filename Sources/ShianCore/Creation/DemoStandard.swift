import Foundation

/// The demo standard: 94 indicators (the seed's local plan fixes 94) in the structure the research
/// found (research/domain-cn.md §b): the Zhejiang draft rules' four veto items with their thresholds,
/// Jiangsu's key / basic / bonus classes and points, and the seed's 40 showcase points. Invented in its
/// details and marked as a demo; never to be shown as the official text.
///
/// Points: key items 58 and basic items 42 — a base of 100 — plus bonus items 16 (Jiangsu rules:
/// 19 key items / 58, 22 basic / 42, 9 bonus / 16, max 116), plus the showcase indicator, 40 (speech):
/// 156 in all. Pass rules as Jiangsu's: each key item ≥ 60 %, total ≥ 90, no veto failed.
public enum DemoStandard {
    public static let code = "demo-standard"

    /// The standard as the interchange document.
    public static let document = StandardDocument(
        code: code, version: "2021-demo.1", name: "国家食品安全示范城市评价细则（演示版）", isDemo: true,
        source: "演示标准：结构参照江苏、浙江两省评价细则（关键项、基本项、鼓励项的分值与否决项），条目为示范县虚构，非官方文本",
        parts: parts, indicators: statusAndResponsibility + capacityAndProcess + societyAndShowcase,
        passRules: PassRules(keyItemShare: 0.6, totalAtLeast: 90), showcaseIndicator: "8.1")

    static let parts: [StandardPart] = [
        StandardPart(number: 1, title: "食品安全状况"),
        StandardPart(number: 2, title: "党政同责"),
        StandardPart(number: 3, title: "能力建设"),
        StandardPart(number: 4, title: "过程控制"),
        StandardPart(number: 5, title: "主体责任落实"),
        StandardPart(number: 6, title: "社会共治"),
        StandardPart(number: 7, title: "创新发展（鼓励项）"),
        StandardPart(number: 8, title: "示范引领"),
    ]

    /// One demo indicator; its part is the first component of its number.
    static func item(
        _ number: String, _ kind: IndicatorKind, _ points: Double, _ title: String, standard: String, rule: String,
        methods: [EvaluationMethod], lead: String, support: [String] = [], deduction: DeductionRule? = nil,
        metric: MetricBinding? = nil, thresholds: [MetricCondition] = []
    ) -> Indicator {
        Indicator(
            number: number, part: IndicatorNumber.components(number)?.first ?? 0, title: title, standardText: standard,
            ruleText: rule, evaluationMethods: methods, points: points, kind: kind, deduction: deduction,
            thresholds: thresholds, metric: metric, leadUnit: lead, supportingUnits: support)
    }

    /// 每发现一处扣 `per` 分，扣完为止.
    static func per(_ per: Double, _ unit: String) -> DeductionRule { DeductionRule(per: per, unit: unit, floor: 0) }

    static func atLeast(_ metric: MetricID, _ target: Double, _ scoring: MetricBinding.Scoring? = nil) -> MetricBinding {
        MetricBinding(
            metric: metric, factor: MetricDefinition.byID[metric]?.factor, comparison: .greaterOrEqual, target: target,
            scoring: scoring)
    }

    static func condition(_ metric: MetricID, _ comparison: Comparison, _ target: Double) -> MetricCondition {
        MetricCondition(metric: metric, factor: MetricDefinition.byID[metric]?.factor, comparison: comparison, target: target)
    }
}
