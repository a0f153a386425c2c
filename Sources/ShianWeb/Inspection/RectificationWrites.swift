import FluentKit
import Foundation
import ShianCore
import SQLKit
import ShianStore
import Vapor

/// The business answers an order with proof; the inspector (or the office) accepts or rejects it.
enum RectificationWrites {
    struct Answer: Content {
        var text: String?
    }

    struct Verification: Content {
        var accepted: Bool?
        var reason: String?
    }

    /// The business (its operator, or an officer recording on its behalf) answers with proof.
    static func answer(_ order: RectificationOrder, _ input: Answer, by principal: Principal, on database: any Database) async throws
        -> RectificationOrder
    {
        let ownBusiness = principal.role == .businessOperator && principal.user.$business.id == order.$business.id
        guard ownBusiness || principal.role.may(.manageBusinesses) else { throw ShianError.forbidden }
        guard order.status == .open else { throw ShianError(.conflict, "orderNotOpen", field: "status") }
        let text = (input.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ShianError(.unprocessableEntity, "fieldRequired", field: "text", arguments: ["text"]) }
        guard text.count <= 4000 else { throw ShianError(.unprocessableEntity, "textTooLong", field: "text", arguments: ["4000"]) }
        return try await change(order, by: principal, on: database) {
            $0.answer = text
            $0.answeredAt = Date()
            $0.status = .answered
        }
    }

    /// Accepting closes the order; rejecting sends it back to the business with the reason.
    static func verify(_ order: RectificationOrder, _ input: Verification, by principal: Principal, on database: any Database) async throws
        -> RectificationOrder
    {
        guard principal.role.may(.recordInspections) else { throw ShianError.forbidden }
        guard order.status == .answered else { throw ShianError(.conflict, "orderNotAnswered", field: "status") }
        guard let accepted = input.accepted else { throw ShianError(.unprocessableEntity, "fieldRequired", field: "accepted", arguments: ["accepted"]) }
        let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !accepted, reason.isEmpty {
            throw ShianError(.unprocessableEntity, "rejectionNeedsReason", field: "reason")
        }
        let counted = LoopMetrics.Counts(ordersClosed: accepted ? 1 : 0, answersRejected: accepted ? 0 : 1)
        return try await change(order, by: principal, counting: counted, on: database) {
            if accepted {
                $0.status = .closed
                $0.closedAt = Date()
            } else {
                $0.status = .open
                $0.rejectionReason = String(reason.prefix(1000))
                $0.rejections += 1
            }
        }
    }

    /// One step of the order's life: the change, its audit entry, the business's standing and the
    /// place's running counts (by the order's year of issue), together or not at all.
    private static func change(
        _ order: RectificationOrder, by principal: Principal, counting counted: LoopMetrics.Counts? = nil, on database: any Database,
        _ apply: @escaping @Sendable (RectificationOrder) -> Void
    ) async throws -> RectificationOrder {
        let id = try order.requireID(), status = order.status
        return try await database.transaction { db in
            // Claims the row in the state it was read in: of two verifications at once, the second
            // waits on the row lock, finds the status changed and is refused (nothing counted twice).
            guard let sql = db as? any SQLDatabase,
                try await !sql.raw(
                    "UPDATE rectification_orders SET status = status WHERE id = \(bind: id) AND status = \(bind: status.rawValue) RETURNING id"
                ).all().isEmpty
            else { throw ShianError(.conflict, "orderChanged") }
            let before = order.auditFields
            apply(order)
            try await order.update(on: db)
            try await AuditLog.record(.update, order, before: before, actor: principal.actor, on: db)
            if let business = try await Business.find(order.$business.id, on: db) {
                try await BusinessStanding.refresh(business, by: principal.actor, now: Date(), on: db)
            }
            if let counted {
                try await LoopMetrics.add(
                    counted, regionCode: order.regionCode, year: Calendar.shanghai.component(.year, from: order.issuedAt), on: db)
            }
            return order
        }
    }
}

/// Reads of orders: the overdue list is status not closed and deadline passed, within the scope.
enum RectificationQueries {
    static func list(status: String?, regionCode: String?, scope: Scope, cursor: PageCursor?, limit: Int, now: Date, on database: any Database)
        async throws -> RecordPage<RectificationOrder>
    {
        let query = scope.query(RectificationOrder.self, on: database, under: regionCode)
        switch status {
        case nil, "", "all": break
        case "overdue": query.filter(\.$status != .closed).filter(\.$deadline < now)
        case let text:
            guard let value = RectificationOrder.Status(rawValue: text ?? "") else { throw ShianError(.badRequest, "orderStatusInvalid", field: "status", arguments: [text ?? ""]) }
            query.filter(\.$status == value)
        }
        // Most urgent first.
        return try await query.keysetPage(sortedBy: \.$deadline, descending: false, after: cursor, limit: limit)
    }
}
