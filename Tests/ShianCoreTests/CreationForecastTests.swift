import Foundation
import Testing

@testable import ShianCore

@Suite("Creation forecast: projected score, pass rules, veto risks, gaps, explanations")
struct CreationForecastTests {
    let standard = CreationFixtures.standard
    let options = ForecastOptions(now: CreationFixtures.now)

    @Test func fixtureIsValid() {
        #expect(standard.validate().isEmpty)
        #expect(standard.maxScore == 40)
    }

    @Test func passes() {
        // MUT
        let forecast = Forecast.make(standard: standard, states: CreationFixtures.passingStates, options: options)
        // 9 + 9 + 4 + 1 + 4 + 5.5
        #expect(forecast.projectedScore == 32.5)
        #expect(forecast.maxScore == 40)
        #expect(forecast.passes)
        #expect(forecast.failedRules.isEmpty)
        #expect(forecast.vetoRisks.isEmpty)
        #expect(forecast.keyItemShortfalls.isEmpty)
        // Approved items have nothing left to win; the computed key item and the submitted item do.
        #expect(forecast.topGaps.map(\.indicatorId) == ["1.3", "2.1"])
        #expect(forecast.topGaps.map(\.pointsAtRisk) == [1, 1])
        #expect(forecast.topGaps.map(\.unit) == ["market", "health"])
    }

    @Test func failsByVetoWhateverTheScore() throws {
        var states = CreationFixtures.passingStates
        states["1.1"]?.metricValues[.publicSatisfaction] = MetricValue(numerator: 65)
        // MUT
        let forecast = Forecast.make(standard: standard, states: states, options: options)
        #expect(forecast.projectedScore == 32.5)
        #expect(!forecast.passes)
        #expect(forecast.failedRules == [PassRuleFailure(rule: .vetoFailed, indicatorId: "1.1")])
        let risk = try #require(forecast.vetoRisks.first)
        #expect(risk.state == .failed)
        #expect(risk.conditions.map(\.met) == [false, true])
        #expect(risk.conditions.map(\.value) == [65, 5])
    }

    @Test func failsByKeyItemShare() {
        var states = CreationFixtures.passingStates
        // 25 of 50 closed: 5 of 10 points, below 60 %.
        states["1.3"]?.metricValues[.rectificationClosureRate] = MetricValue(numerator: 25, denominator: 50, factor: 100)
        // MUT
        let forecast = Forecast.make(standard: standard, states: states, options: options)
        #expect(forecast.projectedScore == 28.5)
        #expect(!forecast.passes)
        #expect(forecast.failedRules == [PassRuleFailure(rule: .keyItemBelowShare, indicatorId: "1.3")])
        #expect(
            forecast.keyItemShortfalls == [
                KeyItemShortfall(indicatorId: "1.3", projectedPoints: 5, requiredPoints: 6, unit: "market")
            ])
        #expect(forecast.topGaps.first?.indicatorId == "1.3")
        #expect(forecast.topGaps.first?.keyItemBelowShare == true)
    }

    @Test func keyItemExactlyAtItsShareIsEnough() {
        var states = CreationFixtures.passingStates
        states["1.3"]?.metricValues[.rectificationClosureRate] = MetricValue(numerator: 30, denominator: 50, factor: 100)
        let forecast = Forecast.make(standard: standard, states: states, options: options)
        #expect(forecast.keyItemShortfalls.isEmpty)
        #expect(forecast.projectedScore == 29.5)
        #expect(forecast.passes)
    }

    @Test func failsByTotal() {
        var states = CreationFixtures.passingStates
        states["2.3"] = IndicatorState(status: .notStarted)
        states["2.10"] = IndicatorState(status: .returned, selfScore: 5.5)
        // MUT
        let forecast = Forecast.make(standard: standard, states: states, options: options)
        #expect(forecast.projectedScore == 23)
        #expect(!forecast.passes)
        #expect(forecast.failedRules == [PassRuleFailure(rule: .totalBelowThreshold, indicatorId: nil)])
        // Most points first; equal points: key before basic.
        #expect(forecast.topGaps.map(\.indicatorId) == ["2.10", "2.3", "1.3", "2.1"])
        #expect(forecast.topGaps.map(\.pointsAtRisk) == [6, 4, 1, 1])
    }

    @Test func nothingStartedProjectsZeroAndFailsEveryRule() {
        let forecast = Forecast.make(standard: standard, states: [:], options: options)
        #expect(forecast.projectedScore == 0)
        #expect(forecast.vetoRisks.map(\.state) == [.noData])
        #expect(forecast.failedRules.map(\.rule) == [.keyItemBelowShare, .keyItemBelowShare, .totalBelowThreshold])
        #expect(forecast.explanations.count == 6)
        #expect(forecast.explanations.first?.losses == [PointLoss(points: 10, reason: .notStarted, detail: nil)])
        #expect(
            forecast.explanations[1].losses == [PointLoss(points: 10, reason: .metricMissing, detail: "rectificationClosureRate")]
        )
    }

    @Test func vetoWithoutDataOrNearItsThresholdIsARiskNotAFailure() {
        var states = CreationFixtures.passingStates
        states["1.1"]?.metricValues[.samplesPerThousandPeople] = nil
        var forecast = Forecast.make(standard: standard, states: states, options: options)
        #expect(forecast.passes)
        #expect(forecast.vetoRisks.map(\.state) == [.noData])
        #expect(forecast.vetoRisks.first?.conditions.map(\.met) == [true, nil])

        // 72 meets 70 by less than 5 % (73.5); 74 does not count as near.
        states = CreationFixtures.passingStates
        states["1.1"]?.metricValues[.publicSatisfaction] = MetricValue(numerator: 72)
        forecast = Forecast.make(standard: standard, states: states, options: options)
        #expect(forecast.passes)
        #expect(forecast.vetoRisks.map(\.state) == [.nearThreshold])
        states["1.1"]?.metricValues[.publicSatisfaction] = MetricValue(numerator: 74)
        #expect(Forecast.make(standard: standard, states: states, options: options).vetoRisks.isEmpty)
    }

    @Test func aHundredPercentTargetIsNeverNear() {
        let condition = MetricCondition(metric: .caseHandlingRate, comparison: .greaterOrEqual, target: 100)
        #expect(!Forecast.isNear(100, condition, margin: 0.05, ceiling: 100))
        let samples = MetricCondition(metric: .samplesPerThousandPeople, comparison: .greaterOrEqual, target: 4)
        #expect(Forecast.isNear(4.1, samples, margin: 0.05, ceiling: 1000))
        #expect(!Forecast.isNear(4.2, samples, margin: 0.05, ceiling: 1000))
        let incidents = MetricCondition(metric: .majorIncidentsInThreeYears, comparison: .lessOrEqual, target: 0)
        #expect(!Forecast.isNear(0, incidents, margin: 0.05, ceiling: nil))
    }

    @Test func failedVetoItemsComeBeforeOtherRisks() {
        var standard = self.standard
        var second = standard.indicators[0]
        second.number = "1.0"
        second.thresholds = [MetricCondition(metric: .creationAwareness, comparison: .greaterOrEqual, target: 75)]
        standard.indicators.append(second)
        var states = CreationFixtures.passingStates
        states["1.1"]?.metricValues[.publicSatisfaction] = MetricValue(numerator: 71)  // near
        states["1.0"] = IndicatorState(metricValues: [
            .creationAwareness: MetricValue(numerator: 60, denominator: 100, factor: 100)
        ])
        let forecast = Forecast.make(standard: standard, states: states, options: options)
        #expect(forecast.vetoRisks.map(\.indicatorId) == ["1.0", "1.1"])
        #expect(forecast.vetoRisks.map(\.state) == [.failed, .nearThreshold])
    }

    @Test func everyLostPointIsExplained() throws {
        let forecast = Forecast.make(standard: standard, states: CreationFixtures.passingStates, options: options)
        #expect(forecast.explanations.map(\.indicatorId) == ["1.2", "1.3", "2.1", "2.2", "2.10"])
        for explanation in forecast.explanations {
            let lost = explanation.losses.reduce(0) { $0 + $1.points }
            #expect(abs(lost - (explanation.maxPoints - explanation.projectedPoints)) < 1e-9, "\(explanation.indicatorId)")
        }
        let floor = try #require(forecast.explanations.first { $0.indicatorId == "2.2" })
        #expect(
            floor.losses == [
                PointLoss(points: 2, reason: .deduction, detail: "甲"), PointLoss(points: 2, reason: .deduction, detail: "乙"),
            ])
        let computed = try #require(forecast.explanations.first { $0.indicatorId == "1.3" })
        #expect(
            computed.losses == [PointLoss(points: 1, reason: .metricBelowTarget, detail: "rectificationClosureRate 90 >= 100")])
        let selfScored = try #require(forecast.explanations.first { $0.indicatorId == "2.10" })
        #expect(selfScored.losses == [PointLoss(points: 0.5, reason: .selfScore, detail: nil)])
    }

    @Test func gapsRankByPointsThenKindThenDeadlineThenNumber() {
        let indicators = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.10", "1.6"].map { number in
            Indicator(
                number: number, part: 1, title: number, standardText: "", ruleText: "", evaluationMethods: [.documentReview],
                points: number == "1.6" ? 3 : 2, kind: number == "1.5" ? .key : .basic)
        }
        let standard = StandardDocument(
            code: "gaps", version: "1", name: "gaps", parts: [StandardPart(number: 1, title: "一")], indicators: indicators,
            passRules: PassRules(keyItemShare: 0.6, totalAtLeast: 1))
        let now = CreationFixtures.now
        let states: [String: IndicatorState] = [
            "1.2": IndicatorState(leadUnit: "乙", deadline: now.addingTimeInterval(30 * 86_400)),
            "1.3": IndicatorState(leadUnit: "丙", deadline: now.addingTimeInterval(-86_400)),
            "1.4": IndicatorState(leadUnit: "丁", deadline: now.addingTimeInterval(86_400)),
        ]
        // MUT
        let forecast = Forecast.make(standard: standard, states: states, options: ForecastOptions(now: now, topGapLimit: nil))
        #expect(forecast.topGaps.map(\.indicatorId) == ["1.6", "1.5", "1.3", "1.4", "1.2", "1.1", "1.10"])
        #expect(forecast.topGaps.map(\.overdue) == [false, false, true, false, false, false, false])
        let limited = Forecast.make(standard: standard, states: states, options: ForecastOptions(now: now, topGapLimit: 3))
        #expect(limited.topGaps.map(\.indicatorId) == ["1.6", "1.5", "1.3"])
    }

    @Test func theAPIContractKeys() throws {
        let forecast = Forecast.make(standard: standard, states: CreationFixtures.passingStates, options: options)
        let data = try JSONEncoder().encode(forecast)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["projectedScore", "maxScore", "passes", "vetoRisks", "topGaps"] {
            #expect(object[key] != nil, "\(key)")
        }
        let gap = try #require((object["topGaps"] as? [[String: Any]])?.first)
        #expect(gap["indicatorId"] as? String == "1.3")
        #expect(gap["pointsAtRisk"] as? Double == 1)
        #expect(gap["unit"] as? String == "market")
    }

    @Test func deterministic() {
        let first = Forecast.make(standard: standard, states: CreationFixtures.passingStates, options: options)
        let second = Forecast.make(standard: standard, states: CreationFixtures.passingStates, options: options)
        #expect(first == second)
    }
}
