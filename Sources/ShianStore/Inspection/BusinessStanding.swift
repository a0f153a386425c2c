import FluentKit
import Foundation
import ShianCore

/// Recomputes a business's credit score and grade, risk grade and next inspection date from its
/// record, after every step of the loop (inspection, answer, verification) and when the demo is
/// seeded. Audited when it changes, unless `actor` is nil (seeding writes no audit).
public enum BusinessStanding {
    public static func refresh(_ business: Business, by actor: AuditActor?, now: Date, on database: any Database) async throws {
        let id = try business.requireID()
        let yearAgo = now.addingTimeInterval(-365 * 86400), twoYearsAgo = now.addingTimeInterval(-730 * 86400)
        async let inspections = Inspection.query(on: database).filter(\.$business.$id == id).filter(\.$inspectedAt >= twoYearsAgo)
            .sort(\.$inspectedAt, .descending).all()
        async let unclosed = RectificationOrder.query(on: database).filter(\.$business.$id == id).filter(\.$status != .closed).all()
        async let rejected = RectificationOrder.query(on: database).filter(\.$business.$id == id).filter(\.$issuedAt >= twoYearsAgo)
            .filter(\.$rejections > 0).all()
        async let critical = Finding.query(on: database).filter(\.$business.$id == id).filter(\.$severity == .critical)
            .filter(\.$at >= yearAgo).count()
        let history = try await inspections, orders = try await unclosed
        let criticalFindings = try await critical, rejections = try await rejected.reduce(0) { $0 + $1.rejections }
        let overdue = orders.filter { $0.isOverdue(at: now) }
        let withinDeadline = orders.filter { !$0.isOverdue(at: now) }
        let credit = CreditScoring.score(.init(
            failsLast24Months: history.filter { $0.result == .fail }.count,
            conditionalPassesLast24Months: history.filter { $0.result == .passWithConditions }.count,
            overdueOrders: overdue.count, criticalFindingsLastYear: criticalFindings,
            unansweredOrders: withinDeadline.filter { $0.status == .open }.count,
            unverifiedOrders: withinDeadline.filter { $0.status == .answered }.count, rejectedAnswersLast24Months: rejections))
        let risk = RiskGrading.grade(.init(
            category: business.category, vulnerableConsumers: business.category.servesVulnerableConsumers,
            lastResult: history.first?.result, criticalFindingsLastYear: criticalFindings, overdueOrders: overdue.count,
            openOrders: withinDeadline.count))
        let before = business.auditFields
        business.creditScore = credit.score
        business.creditRating = credit.grade
        business.riskGrade = risk.grade.rawValue
        business.lastInspectedAt = history.first?.inspectedAt
        business.nextInspectionDue = RiskGrading.nextDue(after: history.first?.inspectedAt, grade: risk.grade, now: now)
        try await business.update(on: database)  // a no-op when nothing changed
        if let actor, business.auditFields != before {
            try await AuditLog.record(.update, business, before: before, actor: actor, on: database)
        }
    }
}
