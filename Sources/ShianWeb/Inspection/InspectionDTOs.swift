import Foundation
import ShianCore
import ShianStore
import Vapor

struct FindingDTO: Content {
    let id: UUID
    let itemId: UUID
    let severity: String
    let description: String
    let correctedOnSite: Bool
    let repeatFinding: Bool
    let orderId: UUID?

    init(_ finding: Finding) throws {
        id = try finding.requireID()
        itemId = finding.$item.id
        severity = finding.severity.rawValue
        description = finding.description
        correctedOnSite = finding.correctedOnSite
        repeatFinding = finding.repeatFinding
        orderId = finding.$order.id
    }
}

struct RectificationOrderDTO: Content {
    let id: UUID
    let number: String
    let businessId: UUID
    let regionCode: String
    let inspectionId: UUID?
    let severity: String
    let issuedAt: Date
    let deadline: Date
    /// open, answered or closed; `overdue` says whether the deadline has passed without closing.
    let status: String
    let overdue: Bool
    let answer: String?
    let rejectionReason: String?
    let rejections: Int
    let closedAt: Date?
    /// When the order, overdue, was escalated to the township office.
    let escalatedAt: Date?

    init(_ order: RectificationOrder, now: Date) throws {
        id = try order.requireID()
        number = order.number
        businessId = order.$business.id
        regionCode = order.regionCode
        inspectionId = order.$inspection.id
        severity = order.severity.rawValue
        issuedAt = order.issuedAt
        deadline = order.deadline
        status = order.status.rawValue
        overdue = order.isOverdue(at: now)
        answer = order.answer
        rejectionReason = order.rejectionReason
        rejections = order.rejections
        closedAt = order.closedAt
        escalatedAt = order.escalatedAt
    }
}

struct InspectionDTO: Content {
    let id: UUID
    let businessId: UUID
    let templateId: UUID
    let kind: String
    let inspectedAt: Date
    let score: Int
    let result: String
    let findings: [FindingDTO]
    let rectificationOrder: RectificationOrderDTO?
    let business: BusinessStandingDTO

    struct BusinessStandingDTO: Content {
        let creditScore: Int?
        let creditRating: String?
        let riskGrade: String?
        let nextInspectionDue: String?
    }

    init(_ recorded: InspectionRecorder.Recorded, business: Business, now: Date) throws {
        let inspection = recorded.inspection
        id = try inspection.requireID()
        businessId = inspection.$business.id
        templateId = inspection.$template.id
        kind = inspection.kind.rawValue
        inspectedAt = inspection.inspectedAt
        score = inspection.score
        result = inspection.result.rawValue
        findings = try recorded.findings.map(FindingDTO.init)
        rectificationOrder = try recorded.order.map { try RectificationOrderDTO($0, now: now) }
        self.business = BusinessStandingDTO(
            creditScore: business.creditScore, creditRating: business.creditRating, riskGrade: business.riskGrade,
            nextInspectionDue: business.nextInspectionDue.map(Formatting.day))
    }
}

struct ChecklistTemplateDTO: Content {
    struct Item: Content {
        let id: UUID?
        let number: Int
        let text: String
        let severity: Severity
        let points: Int
    }

    let id: UUID?
    let code: String
    let version: Int
    let name: String
    let categories: [String]
    let items: [Item]

    init(_ template: ChecklistTemplate) {
        id = template.id
        code = template.code
        version = template.version
        name = template.name
        categories = template.categoryList.map(\.rawValue)
        items = (template.$items.value ?? []).sorted { $0.number < $1.number }.map {
            Item(id: $0.id, number: $0.number, text: $0.text, severity: $0.severity, points: $0.points)
        }
    }
}
