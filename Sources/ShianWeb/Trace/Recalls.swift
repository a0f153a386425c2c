import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Recalls (召回): the regulator marks a batch recalled; every business holding it (on hand or on
/// its way) gets a notice in Shian with what it held, and confirms when the goods are off sale.
enum Recalls {
    struct Input: Content {
        var reason: String?
    }

    struct Confirmation: Content {
        var note: String?
    }

    struct NoticeDTO: Content {
        let id: UUID
        let batchId: UUID
        let businessId: UUID
        let businessName: String
        let onHand: Decimal
        let inTransit: Decimal
        let notifiedAt: Date
        let confirmedAt: Date?
        let confirmation: String?

        init(_ notice: RecallNotice, name: String) throws {
            id = try notice.requireID()
            batchId = notice.$batch.id
            businessId = notice.$business.id
            businessName = name
            onHand = Decimal(string: notice.onHand) ?? 0
            inTransit = Decimal(string: notice.inTransit) ?? 0
            notifiedAt = notice.notifiedAt
            confirmedAt = notice.confirmedAt
            confirmation = notice.confirmation
        }
    }

    struct RecallDTO: Content {
        let batchId: UUID
        let traceCode: String
        let recalledAt: Date?
        let reason: String?
        let notices: [NoticeDTO]
        /// Holders who have not confirmed yet.
        let unconfirmed: Int
    }

    /// The batch and every batch split from it, down to six levels: a recall reaches them all.
    static func family(of batch: ColdChainBatch, on database: any Database) async throws -> [ColdChainBatch] {
        var family = [batch]
        var frontier = [try batch.requireID()]
        for _ in 0..<6 where !frontier.isEmpty {
            let children = try await ColdChainBatch.query(on: database).filter(\.$parent.$id ~~ frontier).all()
            family += children
            frontier = children.compactMap(\.id)
        }
        return family
    }

    static func dto(_ batch: ColdChainBatch, on database: any Database) async throws -> RecallDTO {
        let ids = try await family(of: batch, on: database).compactMap(\.id)
        let notices = try await RecallNotice.query(on: database).filter(\.$batch.$id ~~ ids).with(\.$business).all()
            .sorted { $0.business.name < $1.business.name }
        return RecallDTO(
            batchId: try batch.requireID(), traceCode: batch.traceCode, recalledAt: batch.recalledAt, reason: batch.recallReason,
            notices: try notices.map { try NoticeDTO($0, name: $0.business.name) }, unconfirmed: notices.filter { $0.confirmedAt == nil }.count)
    }

    /// `POST /api/v1/cold-chain/batches/{id}/recall`: inspectors, offices and administrators whose
    /// scope covers the batch's first stop. Once per batch.
    static func start(request: Request) async throws -> Response {
        let principal = try request.require(.recordInspections)
        let batch = try await principal.scope.find(ColdChainBatch.self, try request.idParameter(), on: request.db)
        let input = try APIBody.decode(Input.self, from: request)
        return try await recall(batch, reason: input.reason, by: principal, on: request.db).encodeResponse(status: .created, for: request)
    }

    /// Marks the batch (and every batch split from it) recalled and notifies every business holding
    /// any of them, with what it held.
    static func recall(_ batch: ColdChainBatch, reason text: String?, by principal: Principal, on database: any Database) async throws
        -> RecallDTO
    {
        guard principal.role.may(.recordInspections), principal.scope.covers(batch.regionCode) else { throw ShianError.forbidden }
        let reason = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else {
            throw ShianError(.unprocessableEntity, "fieldRequired", field: "reason", arguments: ["reason"])
        }
        guard batch.recalledAt == nil else { throw ShianError(.conflict, "batchRecalled", field: "batch", arguments: [batch.recallReason ?? ""]) }
        let now = Date().storageRounded
        let members = try await family(of: batch, on: database)
        var held: [(batch: ColdChainBatch, holding: TraceHolding)] = []
        for member in members {
            let events = try await TraceEvent.query(on: database).filter(\.$batch.$id == member.requireID()).sort(\.$sequence).all()
            held += try ColdChainWrites.ledger(of: member, events).holdings(batch: member.traceCode).map { (member, $0) }
        }
        let notices = held
        let ids = notices.compactMap { UUID(uuidString: $0.holding.business) }
        let businesses = ids.isEmpty ? [] : try await Business.query(on: database).filter(\.$id ~~ ids).all()
        let regions = Dictionary(businesses.compactMap { business in business.id.map { ($0, business.regionCode) } }, uniquingKeysWith: { a, _ in a })
        try await database.transaction { db in
            for member in members {
                let before = member.auditFields
                member.recalledAt = now
                member.recallReason = reason
                try await member.update(on: db)
                try await AuditLog.record(.update, member, before: before, actor: principal.actor, on: db)
            }
            for (member, holding) in notices {
                guard let id = UUID(uuidString: holding.business), let region = regions[id] else { continue }
                let notice = RecallNotice()
                notice.$batch.id = try member.requireID()
                notice.$business.id = id
                notice.regionCode = region
                notice.onHand = "\(holding.onHand)"
                notice.inTransit = "\(holding.inTransit)"
                notice.notifiedAt = now
                try await notice.create(on: db)
            }
        }
        return try await dto(batch, on: database)
    }

    /// `GET /api/v1/cold-chain/batches/{id}/recall`: the notices and who has confirmed.
    static func show(request: Request) async throws -> RecallDTO {
        let principal = try request.require(.readInspections)
        let batch = try await principal.scope.find(ColdChainBatch.self, try request.idParameter(), on: request.db)
        return try await dto(batch, on: request.db)
    }

    /// `GET /api/v1/recall-notices`: a business operator's own notices, an officer's in scope.
    static func notices(request: Request) async throws -> ListDTO<NoticeDTO> {
        let principal = try request.requirePrincipal()
        guard principal.role.may(.readInspections) || principal.role == .businessOperator else { throw ShianError.forbidden }
        let list = try ListParameters(request)
        let query = principal.scope.query(RecallNotice.self, on: request.db)
        if list.rawQuery["confirmed"] == "false" { query.filter(\.$confirmedAt == nil) }
        let page = try await query.keysetPage(sortedBy: \.$notifiedAt, descending: true, after: list.cursor, limit: list.limit)
        let names = try await Business.names(of: page.items.map { $0.$business.id }, on: request.db)
        return ListDTO(try page.map { try NoticeDTO($0, name: names[$0.$business.id] ?? "") })
    }

    /// `POST /api/v1/recall-notices/{id}/confirmation`: the holder says the goods are off sale.
    static func confirmAPI(request: Request) async throws -> NoticeDTO {
        let principal = try request.requirePrincipal()
        let notice = try await principal.scope.find(RecallNotice.self, try request.idParameter(), on: request.db)
        let input = try APIBody.decode(Confirmation.self, from: request)
        return try await confirm(notice, note: input.note, by: principal, on: request.db)
    }

    static func confirm(_ notice: RecallNotice, note text: String?, by principal: Principal, on database: any Database) async throws -> NoticeDTO {
        let own = principal.role == .businessOperator && principal.user.$business.id == notice.$business.id
        guard own || principal.role.may(.manageBusinesses) else { throw ShianError.forbidden }
        guard notice.confirmedAt == nil else { throw ShianError(.conflict, "recallConfirmed") }
        let note = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty, note.count <= 500 else { throw ShianError(.unprocessableEntity, "fieldRequired", field: "note", arguments: ["note"]) }
        try await database.transaction { db in
            let before = notice.auditFields
            notice.confirmedAt = Date().storageRounded
            notice.confirmation = note
            try await notice.update(on: db)
            try await AuditLog.record(.update, notice, before: before, actor: principal.actor, on: db)
        }
        let name = try await Business.find(notice.$business.id, on: database)?.name ?? ""
        return try NoticeDTO(notice, name: name)
    }
}
