import FluentKit
import Foundation
import ShianCore
import ShianStore

/// Recomputes a business's credit score and grade, risk grade and next inspection date from its
/// record, after every step of the loop (inspection, answer, verification). Audited when it changes.
enum BusinessStanding {
    static func refresh(_ business: Business, by actor: AuditActor, now: Date, on database: any Database) async throws {
        let id = try business.requireID()
        let yearAgo = now.addingTimeInterval(-365 * 86400), twoYearsAgo = now.addingTimeInterval(-730 * 86400)
        async let inspections = Inspection.query(on: database).filter(\.$business.$id == id).filter(\.$inspectedAt >= twoYearsAgo)
            .sort(\.$inspectedAt, .descending).all()
        async let overdue = RectificationOrder.query(on: database).filter(\.$business.$id == id).filter(\.$status != .closed)
            .filter(\.$deadline < now).count()
        async let critical = Finding.query(on: database).filter(\.$business.$id == id).filter(\.$severity == .critical)
            .filter(\.$at >= yearAgo).count()
        let history = try await inspections
        let overdueOrders = try await overdue, criticalFindings = try await critical
        let credit = CreditScoring.score(.init(
            failsLast24Months: history.filter { $0.result == .fail }.count,
            conditionalPassesLast24Months: history.filter { $0.result == .passWithConditions }.count,
            overdueOrders: overdueOrders, criticalFindingsLastYear: criticalFindings))
        let vulnerable = business.category == .schoolCanteen || business.category == .canteen
        let risk = RiskGrading.grade(.init(
            category: business.category, vulnerableConsumers: vulnerable, lastResult: history.first?.result,
            criticalFindingsLastYear: criticalFindings, overdueOrders: overdueOrders))
        let before = business.auditFields
        business.creditScore = credit.score
        business.creditRating = credit.grade
        business.riskGrade = risk.grade.rawValue
        business.lastInspectedAt = history.first?.inspectedAt
        business.nextInspectionDue = RiskGrading.nextDue(after: history.first?.inspectedAt, grade: risk.grade, now: now)
        guard business.auditFields != before else {
            try await business.update(on: database)
            return
        }
        try await business.update(on: database)
        try await AuditLog.record(.update, business, before: before, actor: actor, on: database)
    }
}
