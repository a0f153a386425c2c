import Foundation
import Testing

@testable import ShianCore

@Suite("Showcase projects: status moves, and the points they win in the forecast")
struct ShowcaseScoringTests {
    struct Move: Sendable, CustomStringConvertible {
        let from: ShowcaseProjectStatus
        let to: ShowcaseProjectStatus
        let allowed: Bool
        var description: String { "\(from) → \(to)" }
    }

    static let moves: [Move] = [
        Move(from: .draft, to: .proposed, allowed: true),
        Move(from: .proposed, to: .draft, allowed: true),
        Move(from: .proposed, to: .underway, allowed: true),
        Move(from: .underway, to: .completed, allowed: true),
        Move(from: .draft, to: .underway, allowed: false),
        Move(from: .underway, to: .proposed, allowed: false),
        Move(from: .completed, to: .underway, allowed: false),
        Move(from: .proposed, to: .reviewed, allowed: false),
        Move(from: .reviewed, to: .completed, allowed: false),
    ]

    @Test(arguments: moves)
    func statusMoves(move: Move) {
        #expect(move.from.mayMove(to: move.to) == move.allowed)
    }

    @Test func onlyProposedWorkIsReviewedAndAReviewLocks() {
        #expect(!ShowcaseProjectStatus.draft.mayBeReviewed)
        #expect(ShowcaseProjectStatus.allCases.filter(\.mayBeReviewed) == [.proposed, .underway, .completed, .reviewed])
        #expect(ShowcaseProjectStatus.allCases.filter(\.isLocked) == [.reviewed])
    }

    static func project(_ id: String, _ status: ShowcaseProjectStatus, score: Double? = nil, unit: String = "县市场监督管理局")
        -> ShowcaseProjectSummary
    {
        ShowcaseProjectSummary(id: id, title: "项目\(id)", theme: .intelligentSupervision, status: status, unit: unit, reviewScore: score)
    }

    @Test func standingCountsReviewedScoresAndListsWhatAwaitsReview() {
        let standing = ShowcaseStanding(projects: [
            Self.project("a", .reviewed, score: 12.5), Self.project("b", .underway), Self.project("c", .draft),
            Self.project("d", .proposed), Self.project("e", .reviewed, score: 30),
        ])
        #expect(standing.reviewScores == [12.5, 30])
        #expect(standing.awaitingReview.map(\.id) == ["b", "d"])
        #expect(standing.points(cap: 40) == 40, "capped at the indicator's points")
    }

    @Test func theShowcaseIndicatorScoresItsReviewedProjectsInTheForecast() {
        var states = CreationFixtures.passingStates
        // 2.10 (6 points) is the fixture's showcase indicator; its evidence no longer counts.
        states["2.10"]?.showcase = ShowcaseStanding(projects: [
            Self.project("a", .reviewed, score: 2.5), Self.project("b", .underway, unit: "一乡"),
        ])
        // MUT
        let forecast = Forecast.make(
            standard: CreationFixtures.standard, states: states, options: ForecastOptions(now: CreationFixtures.now))
        // 32.5 with 5.5 on 2.10, now 2.5.
        #expect(forecast.projectedScore == 29.5)
        let gap = forecast.topGaps.first { $0.indicatorId == "2.10" }
        #expect(gap?.pointsAtRisk == 3.5)
        #expect(gap?.showcaseProjects?.map(\.unit) == ["一乡"], "the project awaiting review is listed with its unit")
        let loss = forecast.explanations.first { $0.indicatorId == "2.10" }?.losses
        #expect(loss == [PointLoss(points: 3.5, reason: .showcaseNotWon, detail: "1")])
        // Other items carry no project list.
        #expect(forecast.topGaps.filter { $0.indicatorId != "2.10" }.allSatisfy { $0.showcaseProjects == nil })
    }

    @Test func withoutReviewedProjectsTheShowcaseIndicatorScoresNothing() {
        var states = CreationFixtures.passingStates
        states["2.10"]?.showcase = ShowcaseStanding(projects: [Self.project("b", .proposed), Self.project("c", .draft)])
        let forecast = Forecast.make(
            standard: CreationFixtures.standard, states: states, options: ForecastOptions(now: CreationFixtures.now))
        #expect(forecast.projectedScore == 27)
        #expect(forecast.topGaps.first { $0.indicatorId == "2.10" }?.pointsAtRisk == 6)
    }
}
