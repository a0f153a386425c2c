import Foundation
import ShianCore
import ShianStore
import Vapor

/// A showcase project as the API shows it.
struct ShowcaseProjectDTO: Content {
    let id: UUID
    let regionCode: String
    let standardCode: String
    let theme: ShowcaseTheme
    let themeName: String
    let title: String
    let summary: String
    let leadUnit: String
    let leadUnitName: String
    let plan: String
    let status: ShowcaseProjectStatus
    let reviewScore: Double?
    let reviewReason: String?
    let reviewedBy: String?
    let reviewedAt: Date?
    let createdBy: String
    let createdAt: Date
    let updatedAt: Date

    init(_ project: ShowcaseProject, campaign: CreationCampaign) throws {
        id = try project.requireID()
        regionCode = project.regionCode
        standardCode = project.standardCode
        theme = project.theme
        themeName = project.theme.chineseName
        title = project.title
        summary = project.summary
        leadUnit = project.leadUnit
        leadUnitName = campaign.unitName(project.leadUnit) ?? project.leadUnit
        plan = project.plan
        status = project.status
        reviewScore = project.reviewScore
        reviewReason = project.reviewReason
        reviewedBy = project.reviewedBy
        reviewedAt = project.reviewedAt
        createdBy = project.createdBy
        createdAt = project.createdAt
        updatedAt = project.updatedAt
    }
}

struct ShowcaseMilestoneDTO: Content {
    let id: UUID
    let title: String
    let dueAt: Date
    let doneAt: Date?
    let overdue: Bool

    init(_ milestone: ShowcaseMilestone, now: Date) throws {
        id = try milestone.requireID()
        title = milestone.title
        dueAt = milestone.dueAt
        doneAt = milestone.doneAt
        overdue = milestone.isOverdue(now: now)
    }
}

struct ShowcaseEvidenceDTO: Content {
    let id: UUID
    let text: String
    let links: [String]
    let fileName: String?
    let fileUrl: String?
    let submittedBy: String
    let submittedAt: Date

    init(_ evidence: ShowcaseEvidence) throws {
        id = try evidence.requireID()
        text = evidence.text
        links = evidence.links
        fileName = evidence.fileName
        fileUrl = evidence.storedName == nil ? nil : "/creation/showcase/evidence/\(id)/file"
        submittedBy = evidence.submittedBy
        submittedAt = evidence.submittedAt
    }
}

/// One project with its milestones and evidence.
struct ShowcaseDetailDTO: Content {
    let project: ShowcaseProjectDTO
    let milestones: [ShowcaseMilestoneDTO]
    let evidence: [ShowcaseEvidenceDTO]
}
