import Foundation

/// Where a showcase project (示范引领项目) stands. Its lead unit drafts it, proposes it, runs it and
/// completes it; the office records the review score (国务院食安办's, or the county's rehearsal of it),
/// which is what the showcase indicator counts.
public enum ShowcaseProjectStatus: String, Codable, Sendable, CaseIterable {
    case draft, proposed, underway, completed, reviewed

    /// The lead unit's moves, one step forward at a time; a proposal may go back to draft to be
    /// reworked. Review is the office's own action (`mayBeReviewed`).
    public func mayMove(to next: ShowcaseProjectStatus) -> Bool {
        switch (self, next) {
        case (.draft, .proposed), (.proposed, .draft), (.proposed, .underway), (.underway, .completed): true
        default: false
        }
    }

    /// A draft has not been put forward yet; anything proposed can be scored (projects are defended
    /// at 项目答辩 on their plan and results so far), and a reviewed one can be scored again.
    public var mayBeReviewed: Bool { self != .draft }

    /// A reviewed project keeps its plan, milestones and evidence as they were scored.
    public var isLocked: Bool { self == .reviewed }

    /// Counts toward the points still to win: put forward, not yet scored.
    public var isAwaitingReview: Bool { self == .proposed || self == .underway || self == .completed }
}

/// What the forecast needs to know about one showcase project.
public struct ShowcaseProjectSummary: Codable, Sendable, Equatable {
    public let id: String
    public let title: String
    public let theme: ShowcaseTheme
    public let status: ShowcaseProjectStatus
    /// The lead unit's name.
    public let unit: String?
    public let reviewScore: Double?
    /// Milestones past their due date and not done.
    public let overdueMilestones: Int

    public init(
        id: String, title: String, theme: ShowcaseTheme, status: ShowcaseProjectStatus, unit: String?, reviewScore: Double? = nil,
        overdueMilestones: Int = 0
    ) {
        self.id = id
        self.title = title
        self.theme = theme
        self.status = status
        self.unit = unit
        self.reviewScore = reviewScore
        self.overdueMilestones = overdueMilestones
    }
}

/// The showcase indicator's standing: the review scores that count, and the projects still to be
/// scored (drafts are the unit's own work and are not listed).
public struct ShowcaseStanding: Sendable, Equatable {
    public let reviewScores: [Double]
    public let awaitingReview: [ShowcaseProjectSummary]

    public init(projects: [ShowcaseProjectSummary]) {
        reviewScores = projects.filter { $0.status == .reviewed }.compactMap(\.reviewScore)
        awaitingReview = projects.filter { $0.status.isAwaitingReview }
    }

    /// Points won, capped at the indicator's points.
    public func points(cap: Double) -> Double { ShowcaseScoring.points(reviewScores: reviewScores, cap: cap) }
}
