import Foundation

@testable import ShianCore

/// A small hand-built standard whose forecast numbers can be worked out by hand: max 40 (key 20,
/// basic 16, bonus 4), pass = no veto failed, each key item ≥ 60 %, total ≥ 25.
enum CreationFixtures {
    static let standard = StandardDocument(
        code: "test-standard", version: "1", name: "测试标准",
        parts: [StandardPart(number: 1, title: "状况与关键"), StandardPart(number: 2, title: "基础工作")],
        indicators: [
            Indicator(
                number: "1.1", part: 1, title: "否决项", standardText: "", ruleText: "", evaluationMethods: [.thirdPartySurvey],
                points: 0, kind: .veto,
                thresholds: [
                    MetricCondition(metric: .publicSatisfaction, comparison: .greaterOrEqual, target: 70),
                    MetricCondition(metric: .samplesPerThousandPeople, factor: 1000, comparison: .greaterOrEqual, target: 4),
                ],
                leadUnit: "market"),
            Indicator(
                number: "1.2", part: 1, title: "关键项（佐证）", standardText: "", ruleText: "", evaluationMethods: [.documentReview],
                points: 10, kind: .key, deduction: DeductionRule(per: 1, unit: "finding"), leadUnit: "education"),
            Indicator(
                number: "1.3", part: 1, title: "关键项（计算）", standardText: "", ruleText: "", evaluationMethods: [.dataComputation],
                points: 10, kind: .key,
                metric: MetricBinding(metric: .rectificationClosureRate, factor: 100, comparison: .greaterOrEqual, target: 100),
                leadUnit: "market"),
            Indicator(
                number: "2.1", part: 2, title: "基本项甲", standardText: "", ruleText: "", evaluationMethods: [.documentReview],
                points: 5, kind: .basic, leadUnit: "health"),
            Indicator(
                number: "2.2", part: 2, title: "基本项乙", standardText: "", ruleText: "", evaluationMethods: [.onSiteCheck],
                points: 5, kind: .basic, deduction: DeductionRule(per: 2, unit: "finding", floor: 1), leadUnit: "commerce",
                supportingUnits: ["market"]),
            Indicator(
                number: "2.3", part: 2, title: "鼓励项", standardText: "", ruleText: "", evaluationMethods: [.documentReview],
                points: 4, kind: .bonus, leadUnit: "industry"),
            Indicator(
                number: "2.10", part: 2, title: "基本项丙", standardText: "", ruleText: "", evaluationMethods: [.documentReview],
                points: 6, kind: .basic, leadUnit: "finance"),
        ],
        passRules: PassRules(keyItemShare: 0.6, totalAtLeast: 25), showcaseIndicator: "2.10")

    static let now = Date(timeIntervalSince1970: 1_685_000_000)

    /// States under which the standard passes with 32.5 of 40.
    static var passingStates: [String: IndicatorState] {
        [
            "1.1": IndicatorState(metricValues: [
                .publicSatisfaction: MetricValue(numerator: 80),
                .samplesPerThousandPeople: MetricValue(numerator: 500, denominator: 100_000, factor: 1000),
            ]),
            // 10 − 1 deduction = 9.
            "1.2": IndicatorState(status: .approved, deductions: [ScoreDeduction(points: 1, reason: "两所学校未公示")]),
            // 45 of 50 orders closed = 90 % → 9 of 10.
            "1.3": IndicatorState(metricValues: [
                .rectificationClosureRate: MetricValue(numerator: 45, denominator: 50, factor: 100)
            ]),
            // Self-scored 4 of 5, awaiting review.
            "2.1": IndicatorState(status: .submitted, selfScore: 4),
            // Three deductions of 2 would take 6, but the floor keeps 1.
            "2.2": IndicatorState(
                status: .approved,
                deductions: [
                    ScoreDeduction(points: 2, reason: "甲", count: 1), ScoreDeduction(points: 2, reason: "乙", count: 1),
                    ScoreDeduction(points: 2, reason: "丙", count: 1),
                ]),
            // Submitted without a self-score: claims all 4.
            "2.3": IndicatorState(status: .submitted),
            "2.10": IndicatorState(status: .approved, selfScore: 5.5),
        ]
    }
}
