import Foundation
import Testing

@testable import ShianCore

@Suite("Metrics: definitions, values and the points a binding earns")
struct CreationMetricTests {
    @Test func theCatalogueNamesTheMetricsOfIssue5() {
        let names: [MetricID] = [
            .inspectionsDoneVsRequired, .rectificationClosureRate, .overdueRectificationOrders, .licenceCoverage,
            .samplesPerThousandPeople, .residueTestsPerThousandPeople, .certificateCoverageAtMarketEntry,
            .coldChainDocumentCompleteness, .reportingCompleteness, .reportingTimeliness,
        ]
        #expect(names.allSatisfy { MetricDefinition.byID[$0] != nil })
        #expect(Set(MetricDefinition.catalogue.map(\.id)).count == MetricDefinition.catalogue.count)
        for definition in MetricDefinition.catalogue {
            switch definition.unit {
            case .percent: #expect(definition.factor == 100 && definition.denominator != nil, "\(definition.id)")
            case .perThousandPeople: #expect(definition.factor == 1000 && definition.denominator != nil, "\(definition.id)")
            case .count, .score: #expect(definition.factor == 1 && definition.denominator == nil, "\(definition.id)")
            }
        }
    }

    @Test(arguments: [
        (412.0, 100_000.0 as Double?, 1000.0, 4.12 as Double?),
        (45, 50, 100, 90),
        (0, 0, 100, nil),  // nothing to measure yet: no value, not 0 %
        (3, nil, 1, 3),
    ])
    func values(numerator: Double, denominator: Double?, factor: Double, value: Double?) {
        let metric = MetricValue(numerator: numerator, denominator: denominator, factor: factor)
        if let value, let computed = metric.value {
            #expect(abs(computed - value) < 1e-9)
        } else {
            #expect(metric.value == value)
        }
    }

    static let samples = MetricBinding(metric: .samplesPerThousandPeople, factor: 1000, comparison: .greaterOrEqual, target: 4)
    static let passRate = MetricBinding(
        metric: .evaluativeSamplingPassRate, comparison: .greaterOrEqual, target: 98, scoring: .allOrNothing)
    static let overdue = MetricBinding(metric: .overdueRectificationOrders, comparison: .lessOrEqual, target: 0)

    @Test(arguments: [
        // Proportional (the default for a floor above 0): 3 of 4 earns 75 %.
        (samples, 3.0 as Double?, 4.0, 3.0),
        (samples, 4.0, 4, 4),
        (samples, 5.5, 4, 4),
        (samples, 1, 2, 0.5),
        (samples, 0, 2, 0),
        (samples, nil, 4, 0),
        // All or nothing.
        (passRate, 97.9, 2, 0),
        (passRate, 98, 2, 2),
        // A ceiling: no overdue orders.
        (overdue, 0, 1, 1),
        (overdue, 2, 1, 0),
    ])
    func bindingPoints(binding: MetricBinding, value: Double?, points: Double, earned: Double) {
        let metric = value.map { MetricValue(numerator: $0) }
        #expect(binding.evaluate(metric, points: points).earned == earned)
    }

    @Test func proportionalPointsAreRoundedToHundredths() {
        // 2 × 2.9 / 3 = 1.9333…
        let binding = MetricBinding(metric: .samplesPerThousandPeople, comparison: .greaterOrEqual, target: 3)
        #expect(binding.evaluate(MetricValue(numerator: 2.9), points: 2).earned == 1.93)
    }

    @Test func defaultScoring() {
        #expect(Self.samples.effectiveScoring == .proportional)
        #expect(Self.overdue.effectiveScoring == .allOrNothing)
        #expect(MetricBinding(metric: .licenceCoverage, comparison: .greaterOrEqual, target: 0).effectiveScoring == .allOrNothing)
        #expect(MetricBinding(metric: .licenceCoverage, comparison: .equal, target: 100).effectiveScoring == .allOrNothing)
    }

    @Test(arguments: [
        (Comparison.equal, 0.1 + 0.2, 0.3, true),
        (.greaterOrEqual, 0.1 + 0.2, 0.3, true),
        (.greater, 0.1 + 0.2, 0.3, false),
        (.less, 2, 3, true),
        (.lessOrEqual, 3, 3, true),
        (.notEqual, 3, 3, false),
    ])
    func comparisons(comparison: Comparison, lhs: Double, rhs: Double, holds: Bool) {
        #expect(comparison.holds(lhs, rhs) == holds)
    }

    @Test(arguments: [
        ("4.9", "4.10", true), ("4.10", "4.9", false), ("3", "3.1", true), ("10.1", "9.9", false), ("x", "1.1", false),
    ])
    func indicatorNumberOrder(lhs: String, rhs: String, before: Bool) {
        #expect(IndicatorNumber.areInIncreasingOrder(lhs, rhs) == before)
    }

    @Test(arguments: ["", "1.", ".1", "1..2", "0.1", "a.1", "1.-2", "１.1"])
    func invalidIndicatorNumbers(number: String) {
        #expect(IndicatorNumber.components(number) == nil)
    }

    @Test func deductionRuleAndShowcasePoints() {
        #expect(
            DeductionRule(per: 0.5, unit: "finding").deduction(count: 3, reason: "三处")
                == ScoreDeduction(points: 1.5, reason: "三处", count: 3))
        #expect(ShowcaseScoring.points(reviewScores: [15, 20, 10], cap: 40) == 40)
        #expect(ShowcaseScoring.points(reviewScores: [15, -5, 7.5], cap: 40) == 22.5)
        #expect(ShowcaseTheme.allCases.count == 10)
    }
}
