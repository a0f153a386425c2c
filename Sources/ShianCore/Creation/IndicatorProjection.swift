import Foundation

/// What one indicator is projected to score, what can still be won on it, and every point it loses.
///
/// The rules, by kind and status:
/// - **Veto** items score nothing; their thresholds pass or fail the city (see `Forecast`).
/// - **Computed** items (bound to a metric) score what the metric earns, whatever their evidence status:
///   the data speaks. Everything short of full points can still be won.
/// - **Not started** and **returned** items are projected at 0: nothing counts until evidence is in.
/// - **Submitted** items are projected at their assessed score — the points left after deductions, or
///   the self-score if lower (no self-score claims full points). What the assessment concedes can
///   still be won before approval.
/// - The **showcase** indicator, when its projects are known, scores the sum of the reviewed projects'
///   scores, capped at its points; the rest can still be won by the projects awaiting review.
/// - **Approved** items count their assessed score. Their evidence is locked, so nothing more can be
///   won on them; the points they lost still show in the explanation.
public struct IndicatorProjection: Sendable, Equatable {
    public let projectedPoints: Double
    public let winnablePoints: Double
    public let losses: [PointLoss]
}

extension Indicator {
    public func project(_ state: IndicatorState) -> IndicatorProjection {
        if kind == .veto { return IndicatorProjection(projectedPoints: 0, winnablePoints: 0, losses: []) }
        if let showcase = state.showcase {
            let earned = showcase.points(cap: points)
            let open = (points - earned).roundedToHundredths
            let losses = open > 0 ? [PointLoss(points: open, reason: .showcaseNotWon, detail: String(showcase.awaitingReview.count))] : []
            return IndicatorProjection(projectedPoints: earned, winnablePoints: open, losses: losses)
        }
        if let binding = metric {
            let evaluation = binding.evaluate(state.metricValues[binding.metric], points: points)
            let lost = (points - evaluation.earned).roundedToHundredths
            var losses: [PointLoss] = []
            if let value = evaluation.value {
                if lost > 0 {
                    let detail =
                        "\(binding.metric.rawValue) \(value.roundedToHundredths.plainText) \(binding.comparison.rawValue) "
                        + binding.target.plainText
                    losses.append(PointLoss(points: lost, reason: .metricBelowTarget, detail: detail))
                }
            } else if lost > 0 {
                losses.append(PointLoss(points: lost, reason: .metricMissing, detail: binding.metric.rawValue))
            }
            return IndicatorProjection(projectedPoints: evaluation.earned, winnablePoints: lost, losses: losses)
        }
        switch state.status {
        case .notStarted, .returned:
            let reason: PointLoss.Reason = state.status == .notStarted ? .notStarted : .returned
            return IndicatorProjection(
                projectedPoints: 0, winnablePoints: points, losses: [PointLoss(points: points, reason: reason, detail: nil)])
        case .submitted, .approved:
            let (score, losses) = assessedScore(state)
            let winnable = state.status == .submitted ? (points - score).roundedToHundredths : 0
            return IndicatorProjection(projectedPoints: score, winnablePoints: winnable, losses: losses)
        }
    }

    /// Full points less the deductions (never below the deduction rule's floor), or the self-score when
    /// it is lower; each deduction explained with its reason, in the order recorded.
    func assessedScore(_ state: IndicatorState) -> (score: Double, losses: [PointLoss]) {
        let floor = min(points, max(0, deduction?.floor ?? 0))
        var deductible = points - floor
        var losses: [PointLoss] = []
        for item in state.deductions where item.points > 0 && deductible > 0 {
            let taken = min(item.points, deductible).roundedToHundredths
            deductible -= taken
            losses.append(PointLoss(points: taken, reason: .deduction, detail: item.reason))
        }
        let afterDeductions = (points - losses.reduce(0) { $0 + $1.points }).roundedToHundredths
        let claimed = min(points, max(0, state.selfScore ?? points)).roundedToHundredths
        guard claimed < afterDeductions else { return (afterDeductions, losses) }
        losses.append(PointLoss(points: (afterDeductions - claimed).roundedToHundredths, reason: .selfScore, detail: nil))
        return (claimed, losses)
    }
}
