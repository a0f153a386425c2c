import Foundation
import ShianCore
import ShianStore
import Vapor

/// A stored version of a standard.
struct StandardDTO: Content {
    let id: UUID
    let code: String
    let version: String
    let name: String
    let isDemo: Bool
    let indicatorCount: Int
    let maxScore: Double
    let importedAt: Date
    let importedBy: String
    let supersededAt: Date?
    /// The version in force (not superseded).
    let current: Bool
    /// The interchange document: `/api/v1/standards/{id}/document`.
    let documentUrl: String

    init(_ record: StandardRecord) throws {
        id = try record.requireID()
        code = record.code
        version = record.version
        name = record.name
        isDemo = record.isDemo
        indicatorCount = record.indicatorCount
        maxScore = record.maxScore
        importedAt = record.importedAt
        importedBy = record.importedBy
        supersededAt = record.supersededAt
        current = record.supersededAt == nil
        documentUrl = "/api/v1/standards/\(id)/document"
    }
}

/// The forecast as the API answers it: the contract's fields (`projectedScore`, `maxScore`,
/// `passes`, `vetoRisks`, `topGaps` with `indicatorId`, `pointsAtRisk`, `unit`) and the rest of
/// `Forecast`, plus which campaign it is about.
struct ForecastDTO: Content {
    struct Gap: Content {
        let indicatorId: String
        let title: String
        let kind: IndicatorKind
        let status: IndicatorStatus
        let pointsAtRisk: Double
        /// The name of the unit that must act.
        let unit: String?
        /// Its code: a department code or a township's region code.
        let unitCode: String?
        let deadline: Date?
        let overdue: Bool
        let keyItemBelowShare: Bool
        /// On the showcase indicator: the projects awaiting review, whose scores can win these points.
        let showcaseProjects: [ShowcaseProjectSummary]?
    }

    let regionCode: String
    let year: Int
    let standard: StandardRef
    let projectedScore: Double
    let maxScore: Double
    let passes: Bool
    let passRules: PassRules
    let failedRules: [PassRuleFailure]
    let vetoRisks: [VetoRisk]
    let keyItemShortfalls: [KeyItemShortfall]
    let topGaps: [Gap]
    let explanations: [IndicatorExplanation]

    init(_ forecast: Forecast, campaign: CreationCampaign) throws {
        regionCode = campaign.place.rawValue
        year = campaign.year
        standard = try StandardRef(campaign.record)
        projectedScore = forecast.projectedScore
        maxScore = forecast.maxScore
        passes = forecast.passes
        passRules = campaign.standard.passRules
        failedRules = forecast.failedRules
        vetoRisks = forecast.vetoRisks
        keyItemShortfalls = forecast.keyItemShortfalls
        topGaps = forecast.topGaps.map { gap in
            let code = (try? campaign.indicator(gap.indicatorId)).flatMap(campaign.leadUnit)
            return Gap(
                indicatorId: gap.indicatorId, title: gap.title, kind: gap.kind, status: gap.status, pointsAtRisk: gap.pointsAtRisk,
                unit: gap.unit, unitCode: code, deadline: gap.deadline, overdue: gap.overdue, keyItemBelowShare: gap.keyItemBelowShare,
                showcaseProjects: gap.showcaseProjects)
        }
        explanations = forecast.explanations
    }
}

struct StandardRef: Content {
    let id: UUID
    let code: String
    let version: String
    let name: String
    let isDemo: Bool

    init(_ record: StandardRecord) throws {
        id = try record.requireID()
        code = record.code
        version = record.version
        name = record.name
        isDemo = record.isDemo
    }
}

/// One indicator in a region's campaign: the standard's item and the county's work on it.
struct IndicatorItemDTO: Content {
    let indicatorId: String
    let part: Int
    let title: String
    let kind: IndicatorKind
    let points: Double
    let computed: Bool
    /// The showcase indicator: its points come from reviewed showcase projects, not from evidence.
    let scoredByProjects: Bool
    let status: IndicatorStatus
    let leadUnit: String?
    let leadUnitName: String?
    let supportingUnits: [String]
    let deadline: Date?
    let overdue: Bool
    let selfScore: Double?
    let deductions: [ScoreDeduction]
    let returnReason: String?
    let locked: Bool
    let approvedAt: Date?
    let changesSinceApproval: Int
    let projectedPoints: Double
    let pointsAtRisk: Double

    init(_ indicator: Indicator, campaign: CreationCampaign) {
        let assignment = campaign.assignments[indicator.number]
        let projection = indicator.project(campaign.state(indicator))
        indicatorId = indicator.number
        part = indicator.part
        title = indicator.title
        kind = indicator.kind
        points = indicator.points
        computed = indicator.isComputed
        scoredByProjects = indicator.number == campaign.standard.showcaseIndicator
        status = assignment?.status ?? .notStarted
        leadUnit = campaign.leadUnit(indicator)
        leadUnitName = campaign.unitName(leadUnit)
        supportingUnits = assignment?.supportingUnits ?? indicator.supportingUnits
        deadline = assignment?.deadline
        overdue = projection.winnablePoints > 0 && (assignment?.deadline.map { $0 < campaign.now } ?? false)
        selfScore = assignment?.selfScore
        deductions = assignment?.deductions ?? []
        returnReason = assignment?.returnReason
        locked = assignment?.isLocked ?? false
        approvedAt = assignment?.approvedAt
        changesSinceApproval = assignment?.changesSinceApproval ?? 0
        projectedPoints = projection.projectedPoints
        pointsAtRisk = projection.winnablePoints
    }
}

/// An indicator with its standard text, rule, metric and evidence history.
struct IndicatorDetailDTO: Content {
    let item: IndicatorItemDTO
    let standardText: String
    let ruleText: String
    let evaluationMethods: [EvaluationMethod]
    let deduction: DeductionRule?
    let metric: MetricBinding?
    let metricValue: MetricValue?
    let thresholds: [MetricCondition]
    let losses: [PointLoss]
    let unlockReason: String?
    let submissions: [EvidenceDTO]
}

struct EvidenceDTO: Content {
    let id: UUID
    let text: String
    let links: [String]
    let fileName: String?
    let fileUrl: String?
    let selfScore: Double?
    let deductions: [ScoreDeduction]
    let submittedBy: String
    let submittedAt: Date
    let decision: EvidenceSubmission.Decision?
    let reason: String?
    let reviewedBy: String?
    let reviewedAt: Date?

    init(_ submission: EvidenceSubmission, indicatorId: String) throws {
        id = try submission.requireID()
        text = submission.text
        links = submission.links
        fileName = submission.fileName
        fileUrl = submission.storedName == nil ? nil : "/creation/evidence/\(id)/file"
        selfScore = submission.selfScore
        deductions = submission.deductions
        submittedBy = submission.submittedBy
        submittedAt = submission.submittedAt
        decision = submission.decision
        reason = submission.reason
        reviewedBy = submission.reviewedBy
        reviewedAt = submission.reviewedAt
    }
}

/// A unit's work in the campaign: its items by status and the points still open.
struct CreationUnitDTO: Content {
    let unit: String
    let name: String
    let items: Int
    let approved: Int
    let submitted: Int
    let returned: Int
    let notStarted: Int
    let overdue: Int
    let pointsAtRisk: Double
}

extension Double {
    /// Points as people write them: 2, 0.5, 1.25.
    var pointsText: String {
        let rounded = (self * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

extension MetricDefinition {
    /// The metric's Chinese name, or its id when the catalogue does not know it.
    static func title(_ id: MetricID) -> String { byID[id]?.title ?? id.rawValue }
}
