import Foundation

extension Forecast {
    /// The forecast of a standard given each indicator's state (keyed by indicator number; an
    /// indicator without a state has not started). See `IndicatorProjection` for how each item is
    /// projected. The city passes when no veto threshold fails, every key item reaches the pass rules'
    /// share of its points, and the total reaches the threshold. A veto threshold without data does
    /// not fail the forecast, but is listed as a risk. Every list is in a fixed order.
    public static func make(
        standard: StandardDocument, states: [String: IndicatorState], options: ForecastOptions,
        metrics: [MetricID: MetricDefinition] = MetricDefinition.byID
    ) -> Forecast {
        var projectedScore = 0.0
        var vetoRisks: [VetoRisk] = []
        var shortfalls: [KeyItemShortfall] = []
        var gaps: [IndicatorGap] = []
        var explanations: [IndicatorExplanation] = []

        for indicator in standard.indicatorsInOrder {
            let state = states[indicator.number] ?? IndicatorState()
            let unit = state.leadUnit ?? indicator.leadUnit
            if indicator.kind == .veto {
                if let risk = vetoRisk(indicator, state: state, unit: unit, margin: options.vetoMargin, metrics: metrics) {
                    vetoRisks.append(risk)
                }
                continue
            }
            let projection = indicator.project(state)
            projectedScore += projection.projectedPoints
            let required = standard.passRules.keyItemShare * indicator.points
            let belowShare = indicator.kind == .key && !Comparison.greaterOrEqual.holds(projection.projectedPoints, required)
            if belowShare {
                shortfalls.append(
                    KeyItemShortfall(
                        indicatorId: indicator.number, projectedPoints: projection.projectedPoints,
                        requiredPoints: required.roundedToHundredths, unit: unit))
            }
            if projection.winnablePoints > 0 {
                let overdue = state.deadline.map { $0 < options.now } ?? false
                gaps.append(
                    IndicatorGap(
                        indicatorId: indicator.number, title: indicator.title, kind: indicator.kind, status: state.status,
                        pointsAtRisk: projection.winnablePoints, unit: unit, deadline: state.deadline, overdue: overdue,
                        keyItemBelowShare: belowShare, showcaseProjects: state.showcase?.awaitingReview))
            }
            if !projection.losses.isEmpty {
                explanations.append(
                    IndicatorExplanation(
                        indicatorId: indicator.number, kind: indicator.kind, status: state.status, maxPoints: indicator.points,
                        projectedPoints: projection.projectedPoints, losses: projection.losses))
            }
        }

        // Stable: risks of one state keep the standard's order.
        vetoRisks = vetoRisks.enumerated().sorted { ($0.element.state, $0.offset) < ($1.element.state, $1.offset) }.map(\.element)
        gaps.sort(by: rankedBefore)
        if let limit = options.topGapLimit { gaps = Array(gaps.prefix(max(0, limit))) }

        let score = projectedScore.roundedToHundredths
        var failed = vetoRisks.filter { $0.state == .failed }.map {
            PassRuleFailure(rule: .vetoFailed, indicatorId: $0.indicatorId)
        }
        failed += shortfalls.map { PassRuleFailure(rule: .keyItemBelowShare, indicatorId: $0.indicatorId) }
        if !Comparison.greaterOrEqual.holds(score, standard.passRules.totalAtLeast) {
            failed.append(PassRuleFailure(rule: .totalBelowThreshold, indicatorId: nil))
        }
        return Forecast(
            projectedScore: score, maxScore: standard.maxScore.roundedToHundredths, passes: failed.isEmpty,
            failedRules: failed, vetoRisks: vetoRisks, keyItemShortfalls: shortfalls, topGaps: gaps,
            explanations: explanations)
    }

    /// Most points first; then key before basic before bonus, the earliest deadline (so overdue items
    /// first; no deadline last), and the standard's order.
    static func rankedBefore(_ lhs: IndicatorGap, _ rhs: IndicatorGap) -> Bool {
        if lhs.pointsAtRisk != rhs.pointsAtRisk { return lhs.pointsAtRisk > rhs.pointsAtRisk }
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        switch (lhs.deadline, rhs.deadline) {
        case let (left?, right?) where left != right: return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        default: return IndicatorNumber.areInIncreasingOrder(lhs.indicatorId, rhs.indicatorId)
        }
    }

    /// The veto item's risk, or nil when every threshold is met with room to spare.
    static func vetoRisk(
        _ indicator: Indicator, state: IndicatorState, unit: String?, margin: Double,
        metrics: [MetricID: MetricDefinition]
    ) -> VetoRisk? {
        var checks: [ConditionCheck] = []
        var near = false
        for condition in indicator.thresholds {
            let value = state.metricValues[condition.metric]?.value
            let met = condition.isMet(by: state.metricValues[condition.metric])
            checks.append(
                ConditionCheck(
                    metric: condition.metric, comparison: condition.comparison, target: condition.target,
                    value: value?.roundedToHundredths, met: met))
            if let value, met == true {
                near =
                    near || isNear(value, condition, margin: margin, ceiling: metrics[condition.metric]?.targetRange?.upperBound)
            }
        }
        let state: VetoRisk.State
        if checks.contains(where: { $0.met == false }) {
            state = .failed
        } else if checks.contains(where: { $0.met == nil }) {
            state = .noData
        } else if near {
            state = .nearThreshold
        } else {
            return nil
        }
        return VetoRisk(indicatorId: indicator.number, title: indicator.title, state: state, unit: unit, conditions: checks)
    }

    /// Met, but by less than `margin` of the target. A floor at the top of the metric's range (100 %)
    /// has no margin to keep.
    static func isNear(_ value: Double, _ condition: MetricCondition, margin: Double, ceiling: Double?) -> Bool {
        let target = condition.target
        guard target > 0, margin > 0 else { return false }
        if condition.comparison.isLowerBound {
            if let ceiling, ceiling <= target { return false }
            return value < target * (1 + margin)
        }
        if condition.comparison.isUpperBound { return value > target * (1 - margin) }
        return false
    }
}
