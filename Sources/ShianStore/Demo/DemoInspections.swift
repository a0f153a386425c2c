import FluentKit
import Foundation
import SQLKit
import ShianCore

/// A year of inspections in the demo county, written in bulk on the first start: most businesses
/// inspected once or twice, a realistic mix of results, open, closed and overdue orders, and each
/// business's standing computed from its record by `BusinessStanding`, as the loop does.
/// Deterministic (same records for the same day).
public enum DemoInspections {
    public static func seed(on database: any Database, today: Date) async throws -> Int {
        guard database is any SQLDatabase else { return 0 }
        let templates = try await ChecklistTemplate.query(on: database).filter(\.$active == true).with(\.$items).all()
        guard let inspector = try await User.query(on: database).filter(\.$role == .inspector).sort(\.$username).first()?.id else { return 0 }
        let businesses = try await Business.query(on: database).filter(\.$status == .active).sort(\.$name).all()
        var generator = SeededGenerator(seed: 4_400)
        var inspections: [[any SQLExpression]] = [], results: [[any SQLExpression]] = []
        var findings: [[any SQLExpression]] = [], orders: [[any SQLExpression]] = []
        var orderNumber = 0
        let policy = RectificationPolicy()

        for business in businesses {
            guard let businessID = business.id, let template = templates.first(where: { $0.categoryList.contains(business.category) }),
                let templateID = template.id, generator.next() % 10 < 7  // about 70% inspected this year
            else { continue }
            let visits = 1 + Int(generator.next() % 2)
            for visit in 0..<visits {
                let daysAgo = Int(generator.next() % 330) + 5 + visit * 20
                let inspectedAt = today.addingTimeInterval(-Double(daysAgo) * 86400 + 10 * 3600)
                let roll = generator.next() % 100
                // 75% clean, 19% minor problems, 6% a critical failure.
                var outcomes: [(ChecklistItem, ItemOutcome, Bool)] = template.items.map { ($0, .compliant, false) }
                if roll >= 75 {
                    let failing = roll >= 94 ? outcomes.indices.filter { outcomes[$0].0.severity == .critical }.prefix(1)
                        : outcomes.indices.filter { outcomes[$0].0.severity != .critical }.prefix(1 + Int(generator.next() % 2))
                    for index in failing { outcomes[index].1 = .nonCompliant; outcomes[index].2 = generator.next() % 3 == 0 && roll < 94 }
                }
                let evaluation = InspectionScoring.evaluate(outcomes.map { .init(severity: $0.0.severity, points: $0.0.points, outcome: $0.1, correctedOnSite: $0.2) })
                let inspectionID = UUID()
                inspections.append([
                    SQLBind(inspectionID), SQLBind(businessID), SQLBind(business.regionCode), SQLBind(templateID), SQLBind("planned"),
                    SQLBind(inspectedAt), SQLBind(evaluation.score), SQLBind(evaluation.result.rawValue), SQLBind(inspector),
                    SQLBind(inspectedAt), SQLBind(business.legalRepresentative), SQLBind(inspectedAt), SQLBind(inspectedAt),
                ])
                let open = outcomes.filter { $0.1 == .nonCompliant && !$0.2 }
                var orderID: UUID?
                if let worst = open.map({ $0.0.severity }).max() {
                    orderNumber += 1
                    let id = UUID()
                    orderID = id
                    let deadline = policy.deadline(for: worst, issued: inspectedAt).storageRounded
                    // Most are closed; some recent ones still open; a few past their deadline.
                    let closed = deadline < today && generator.next() % 10 < 8
                    // Of those not closed, every third has been answered and waits for verification.
                    let status = closed ? "closed" : orderNumber % 3 == 0 ? "answered" : "open"
                    let answered = status != "open"
                    orders.append([
                        SQLBind(id), SQLBind("整改〔演示〕\(orderNumber)号"), SQLBind(businessID), SQLBind(business.regionCode), SQLBind(inspectionID),
                        SQLBind(worst.rawValue), SQLBind(inspectedAt), SQLBind(deadline), SQLBind(status),
                        SQLBind(answered ? "已按要求整改，附照片" : nil as String?),
                        SQLBind(answered ? min(deadline, today).addingTimeInterval(-86400) : nil as Date?),
                        SQLBind(0), SQLBind(closed ? deadline.addingTimeInterval(-3600) : nil as Date?), SQLBind(inspector), SQLBind(inspectedAt),
                        SQLBind(inspectedAt),
                    ])
                }
                for (item, outcome, corrected) in outcomes {
                    results.append([
                        SQLBind(UUID()), SQLBind(inspectionID), SQLBind(item.id ?? UUID()), SQLBind(outcome.rawValue), SQLBind(corrected), SQLBind(false),
                    ])
                    guard outcome == .nonCompliant else { continue }
                    findings.append([
                        SQLBind(UUID()), SQLBind(inspectedAt), SQLBind(inspectionID), SQLBind(businessID), SQLBind(business.regionCode),
                        SQLBind(item.id ?? UUID()), SQLBind(item.severity.rawValue), SQLBind(item.text), SQLBind(corrected), SQLBind(false),
                        SQLBind(corrected ? nil : orderID),
                    ])
                }
            }
        }

        let rows = (inspections: inspections, results: results, orders: orders, findings: findings, businesses: businesses)
        try await database.transaction { db in
            guard let sql = db as? any SQLDatabase else { return }
            try await insert(sql, Inspection.schema, ["id", "business_id", "region_code", "template_id", "kind", "inspected_at", "score", "result",
                                                      "inspector_id", "signed_at", "acknowledged_by", "acknowledged_at", "created_at"], rows.inspections)
            try await insert(sql, InspectionItemResult.schema, ["id", "inspection_id", "item_id", "outcome", "corrected_on_site", "repeat"], rows.results)
            try await insert(sql, RectificationOrder.schema, ["id", "number", "business_id", "region_code", "inspection_id", "severity", "issued_at",
                                                              "deadline", "status", "answer", "answered_at", "rejections", "closed_at", "issued_by",
                                                              "created_at", "updated_at"], rows.orders)
            try await insert(sql, Finding.schema, ["id", "at", "inspection_id", "business_id", "region_code", "item_id", "severity", "description",
                                                   "corrected_on_site", "repeat", "order_id"], rows.findings)
            // Every business gets its grade and due date (never inspected: due now) by the rules the loop
            // applies after each step; seeding leaves no audit entries.
            for business in rows.businesses { try await BusinessStanding.refresh(business, by: nil, now: today, on: db) }
            try await LoopMetrics.rebuild(on: db)
        }
        return rows.inspections.count
    }

    private static func insert(_ sql: any SQLDatabase, _ table: String, _ columns: [String], _ rows: [[any SQLExpression]]) async throws {
        let chunk = max(1, 900 / max(1, columns.count)) * 10
        for start in stride(from: 0, to: rows.count, by: chunk) {
            var insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<min(start + chunk, rows.count)] { insert = insert.values(row) }
            try await insert.run()
        }
    }
}
