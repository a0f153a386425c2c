import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The closed loop's first step: recording an inspection writes, in one transaction, its item
/// results, the findings, a rectification order for what was not corrected on site, and the
/// business's new credit score, risk grade and next due date.
enum InspectionRecorder {
    struct ItemInput: Content {
        var itemId: UUID
        var outcome: ItemOutcome
        var correctedOnSite: Bool?
        var note: String?
    }

    struct Input: Content {
        var businessId: UUID
        var templateId: UUID
        var kind: Inspection.Kind?
        var inspectedAt: Date?
        var notes: String?
        var acknowledgedBy: String?
        var items: [ItemInput]
    }

    struct Recorded: Sendable {
        let inspection: Inspection
        let findings: [Finding]
        let order: RectificationOrder?
    }

    static func record(_ input: Input, by principal: Principal, policy: RectificationPolicy, on database: any Database) async throws
        -> Recorded
    {
        guard principal.role.may(.recordInspections) else { throw ShianError.forbidden }
        let business = try await principal.scope.find(Business.self, input.businessId, on: database)
        guard let template = try await ChecklistTemplate.query(on: database).filter(\.$id == input.templateId).with(\.$items).first(),
            template.active
        else { throw ShianError(.unprocessableEntity, "templateMissing", field: "templateId") }
        guard template.categoryList.contains(business.category) else {
            throw ShianError(.unprocessableEntity, "templateNotForCategory", field: "templateId")
        }
        let items = Dictionary(uniqueKeysWithValues: template.items.compactMap { item in item.id.map { ($0, item) } })
        let answered = Dictionary(input.items.map { ($0.itemId, $0) }, uniquingKeysWith: { first, _ in first })
        guard answered.count == input.items.count else { throw ShianError(.unprocessableEntity, "itemsDuplicated", field: "items") }
        guard answered.keys.allSatisfy({ items[$0] != nil }) else { throw ShianError(.unprocessableEntity, "itemUnknown", field: "items") }
        guard answered.count == items.count else {
            throw ShianError(.unprocessableEntity, "itemsIncomplete", field: "items", arguments: [String(items.count - answered.count)])
        }
        let now = Date()
        let inspectedAt = input.inspectedAt ?? now
        guard inspectedAt <= now.addingTimeInterval(300) else { throw ShianError(.unprocessableEntity, "inspectedInFuture", field: "inspectedAt") }
        let evaluation = InspectionScoring.evaluate(input.items.compactMap { answer in
            items[answer.itemId].map {
                .init(severity: $0.severity, points: $0.points, outcome: answer.outcome, correctedOnSite: answer.correctedOnSite ?? false)
            }
        })
        let businessID = try business.requireID()
        let previousFailures = Set(try await Finding.query(on: database).filter(\.$business.$id == businessID)
            .filter(\.$at > inspectedAt.addingTimeInterval(-365 * 86400)).all().map { $0.$item.id })

        return try await database.transaction { db in
            let inspection = Inspection()
            inspection.$business.id = businessID
            inspection.regionCode = business.regionCode
            inspection.$template.id = try template.requireID()
            inspection.kind = input.kind ?? .adHoc
            inspection.inspectedAt = inspectedAt
            inspection.score = evaluation.score
            inspection.result = evaluation.result
            inspection.notes = input.notes.flatMap { $0.isEmpty ? nil : String($0.prefix(2000)) }
            inspection.$inspector.id = try principal.user.requireID()
            inspection.signedAt = now
            if let name = input.acknowledgedBy?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
                inspection.acknowledgedBy = String(name.prefix(50))
                inspection.acknowledgedAt = now
            }
            try await inspection.create(on: db)
            let inspectionID = try inspection.requireID()

            var findings: [Finding] = []
            for answer in input.items {
                guard let item = items[answer.itemId] else { continue }
                let repeatFinding = answer.outcome == .nonCompliant && previousFailures.contains(answer.itemId)
                let result = InspectionItemResult()
                result.$inspection.id = inspectionID
                result.$item.id = answer.itemId
                result.outcome = answer.outcome
                result.correctedOnSite = answer.correctedOnSite ?? false
                result.repeatFinding = repeatFinding
                result.note = answer.note.flatMap { $0.isEmpty ? nil : String($0.prefix(500)) }
                try await result.create(on: db)
                guard answer.outcome == .nonCompliant else { continue }
                let finding = Finding()
                finding.at = inspectedAt
                finding.$inspection.id = inspectionID
                finding.$business.id = businessID
                finding.regionCode = business.regionCode
                finding.$item.id = answer.itemId
                finding.severity = item.severity
                finding.description = item.text + (result.note.map { "：" + $0 } ?? "")
                finding.correctedOnSite = result.correctedOnSite
                finding.repeatFinding = repeatFinding
                findings.append(finding)
            }

            var order: RectificationOrder?
            let open = findings.filter { !$0.correctedOnSite }
            if let worst = open.map(\.severity).max() {
                let issued = RectificationOrder()
                issued.number = try await RectificationNumbering.next(on: db, at: now)
                issued.$business.id = businessID
                issued.regionCode = business.regionCode
                issued.$inspection.id = inspectionID
                issued.severity = worst
                issued.issuedAt = now
                issued.deadline = policy.deadline(for: worst, issued: now).storageRounded
                issued.status = .open
                issued.rejections = 0
                issued.$issuedBy.id = try principal.user.requireID()
                try await issued.create(on: db)
                order = issued
                for finding in open { finding.$order.id = issued.id }
            }
            for finding in findings { try await finding.create(on: db) }
            try await AuditLog.record(.create, inspection, before: nil, actor: principal.actor, on: db)
            if let order { try await AuditLog.record(.create, order, before: nil, actor: principal.actor, on: db) }
            try await BusinessStanding.refresh(business, by: principal.actor, now: now, on: db)
            try await LoopMetrics.add(
                .init(inspectionsDone: 1, ordersIssued: order == nil ? 0 : 1), regionCode: business.regionCode,
                year: Calendar.shanghai.component(.year, from: inspectedAt), on: db)
            return Recorded(inspection: inspection, findings: findings, order: order)
        }
    }
}

/// Order numbers as official documents number them: 示范县整改〔2026〕12号, counted per year.
enum RectificationNumbering {
    static func next(on database: any Database, at now: Date) async throws -> String {
        let year = Calendar.shanghai.component(.year, from: now)
        let start = Calendar.shanghai.date(from: DateComponents(year: year, month: 1, day: 1)) ?? now
        let count = try await RectificationOrder.query(on: database).filter(\.$issuedAt >= start).count()
        return "整改〔\(year)〕\(count + 1)号"
    }
}
