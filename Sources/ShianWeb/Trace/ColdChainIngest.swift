import FluentKit
import Foundation
import SQLKit
import ShianCore
import ShianStore
import Vapor

/// The one path by which trace events are written: one event from a page or the API, or thousands
/// from an enterprise system. Every event passes the caller's rights, the recall, the four-no gate
/// and the batch's quantity ledger, in the order given; any refusal refuses them all and writes no
/// event (refusals by the gate are kept against the business, as findings).
enum ColdChainIngest {
    struct Item: Content {
        var traceCode: String?
        var type: String?
        var businessId: UUID?
        var quantity: Decimal?
        var counterpartyBusinessId: UUID?
    }

    /// One refused event: its position in the request and the reason.
    struct Failure: Sendable {
        let index: Int
        let error: ShianError
    }

    struct Refused: Error {
        let failures: [Failure]
    }

    /// An event as written: what the API answers with, without building a model per row.
    struct Written: Sendable {
        let id: UUID
        let batchID: UUID
        let type: TraceEventType
        let businessID: UUID
        let counterpartyID: UUID?
        let quantity: Decimal
        let occurredAt: Date
        let regionCode: String
        let sequence: Int
    }

    /// At most this many events per request (a day of a large wholesaler's movements).
    static let maximumEvents = 10_000

    private struct Checked {
        let index: Int
        let batch: ColdChainBatch
        let type: TraceEventType
        let business: Business
        let counterparty: UUID?
        let quantity: Decimal
    }

    /// Checks and writes `items`; answers the events written, in order. With `remembering`, the
    /// request's idempotency key is stored in the same transaction as the events, with the answer
    /// `{"accepted": n}` — so a retry racing the first attempt cannot write them twice.
    /// `allowingSplit` is for `ColdChainWrites.derive` only, which makes the new batches a split opens.
    static func ingest(
        _ items: [Item], by principal: Principal, remembering key: IdempotencyKey? = nil, allowingSplit: Bool = false, on database: any Database
    ) async throws -> [Written] {
        guard !items.isEmpty, items.count <= maximumEvents else {
            throw ShianError(.unprocessableEntity, "eventsCountInvalid", field: "events", arguments: [String(maximumEvents)])
        }
        var failures: [Failure] = []
        func fail(_ index: Int, _ error: ShianError) { failures.append(Failure(index: index, error: error)) }

        // Thousands of events name a few hundred batches: parse each code and gate each batch once.
        var parsed: [String: String] = [:]
        for typed in Set(items.compactMap(\.traceCode)) { parsed[typed] = TraceCode(validating: typed)?.rawValue }
        let codes = Set(parsed.values)
        let batches = codes.isEmpty ? [] : try await ColdChainBatch.query(on: database).filter(\.$traceCode ~~ Array(codes)).all()
        let batchByCode = Dictionary(batches.map { ($0.traceCode, $0) }, uniquingKeysWith: { a, _ in a })
        let actingIDs = Set(items.compactMap(\.businessId))
        let acting = actingIDs.isEmpty ? [] : try await principal.scope.query(Business.self, on: database).filter(\.$id ~~ Array(actingIDs)).all()
        let actingByID = Dictionary(acting.compactMap { business in business.id.map { ($0, business) } }, uniquingKeysWith: { a, _ in a })
        let otherIDs = Set(items.compactMap(\.counterpartyBusinessId))
        let known = otherIDs.isEmpty ? [] : try await Business.query(on: database).filter(\.$id ~~ Array(otherIDs)).all().compactMap(\.id)
        let batchIDs = batches.compactMap(\.id)
        let documents = batchIDs.isEmpty ? [] : try await ImportDocument.query(on: database).filter(\.$batch.$id ~~ batchIDs).all()
        let kinds = Dictionary(grouping: documents, by: { $0.$batch.id }).mapValues { Set($0.map(\.kind)) }

        var checked: [Checked] = []
        var refusals: [TraceRefusal] = []
        var gate: [String: [String]] = [:]
        for (index, item) in items.enumerated() {
            guard let code = item.traceCode.flatMap({ parsed[$0] }), let batch = batchByCode[code], let batchID = batch.id
            else { fail(index, ShianError(.unprocessableEntity, "batchUnknown", field: "traceCode", arguments: [item.traceCode ?? ""])); continue }
            guard let type = item.type.flatMap(TraceEventType.init(rawValue:)), type != .split || allowingSplit else {
                fail(index, ShianError(.unprocessableEntity, "eventTypeInvalid", field: "type", arguments: [item.type ?? ""]))
                continue
            }
            guard let businessID = item.businessId, let business = actingByID[businessID] else {
                fail(index, item.businessId == nil
                    ? ShianError(.unprocessableEntity, "fieldRequired", field: "businessId", arguments: ["businessId"]) : ShianError.notFound)
                continue
            }
            guard ColdChainWrites.mayActFor(business, principal) else { fail(index, ShianError.forbidden); continue }
            guard let quantity = item.quantity, quantity > 0, quantity <= 1_000_000_000 else {
                fail(index, ShianError(.unprocessableEntity, "quantityInvalid", field: "quantity"))
                continue
            }
            if let other = item.counterpartyBusinessId, other == businessID || !known.contains(other) {
                fail(index, ShianError(.unprocessableEntity, "counterpartyInvalid", field: "counterpartyBusinessId"))
                continue
            }
            // A recalled batch may only be destroyed.
            guard batch.recalledAt == nil || type == .dispose else {
                fail(index, ShianError(.unprocessableEntity, "batchRecalled", field: "type", arguments: [batch.recallReason ?? ""]))
                continue
            }
            let gateKey = "\(batchID)|\(type.passesFourNoGate)"
            let missing = gate[gateKey] ?? FourNoGate.missing(documents: kinds[batchID] ?? [], hasTraceCode: true, eventType: type)
            gate[gateKey] = missing
            guard missing.isEmpty else {
                let refusal = TraceRefusal()
                refusal.$batch.id = batchID
                refusal.$business.id = businessID
                refusal.regionCode = business.regionCode
                refusal.eventType = type
                refusal.missing = missing.joined(separator: ",")
                refusal.attemptedAt = Date().storageRounded
                refusal.$attemptedBy.id = try principal.user.requireID()
                refusals.append(refusal)
                let names = "[" + missing.map { "\"\($0)\"" }.joined(separator: ",") + "]"
                fail(index, ShianError(
                    .unprocessableEntity, FourNoGate.failureCode, field: "documents",
                    arguments: [missing.map { ImportDocumentKind(rawValue: $0)?.chineseName ?? "追溯码" }.joined(separator: "、")],
                    details: ["missing": names]))
                continue
            }
            checked.append(Checked(index: index, batch: batch, type: type, business: business, counterparty: item.counterpartyBusinessId, quantity: quantity))
        }
        if !refusals.isEmpty {
            try await refusals.create(on: database)
        }
        guard failures.isEmpty else { throw Refused(failures: failures) }

        let accepted = checked
        return try await database.transaction { db -> [Written] in
            let involved = Array(Set(accepted.compactMap(\.batch.id)))
            let existing = try await TraceEvent.query(on: db).filter(\.$batch.$id ~~ involved).sort(\.$batch.$id).sort(\.$sequence).all()
            let byBatch = Dictionary(grouping: existing, by: { $0.$batch.id })
            var ledgers: [UUID: TraceLedger] = [:]
            var sequences: [UUID: Int] = [:]
            var written: [Written] = []
            written.reserveCapacity(accepted.count)
            var refused: [Failure] = []
            let now = Date().storageRounded
            let recorder = try principal.user.requireID()
            for event in accepted {
                let batchID = try event.batch.requireID()
                if ledgers[batchID] == nil {
                    ledgers[batchID] = try ColdChainWrites.ledger(of: event.batch, byBatch[batchID] ?? [])
                    sequences[batchID] = byBatch[batchID]?.last?.sequence ?? 0
                }
                let businessID = try event.business.requireID()
                do throws(ValidationFailure) {
                    try ledgers[batchID]?.apply(ColdChainWrites.draft(
                        event.type, batch: event.batch, business: businessID, counterparty: event.counterparty, quantity: event.quantity))
                } catch {
                    refused.append(Failure(index: event.index, error: ShianError(error)))
                    continue
                }
                sequences[batchID, default: 0] += 1
                written.append(Written(
                    id: UUID(), batchID: batchID, type: event.type, businessID: businessID, counterpartyID: event.counterparty,
                    quantity: event.quantity, occurredAt: now, regionCode: event.business.regionCode, sequence: sequences[batchID] ?? 1))
            }
            guard refused.isEmpty else { throw Refused(failures: refused) }
            try await insert(written, recordedBy: recorder, on: db)
            if let key {
                key.status = 201
                key.body = #"{"accepted":\#(written.count)}"#
                try await key.create(on: db)
            }
            return written
        }
    }

    /// Many rows per statement: the ingest's cost is the checks, not one round trip per row.
    private static func insert(_ events: [Written], recordedBy recorder: UUID, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw ShianError(.internalServerError, "internalError") }
        let columns = ["id", "batch_id", "type", "business_id", "counterparty_id", "quantity", "occurred_at", "region_code", "recorded_by", "sequence"]
        for start in stride(from: 0, to: events.count, by: 500) {
            var insert = sql.insert(into: TraceEvent.schema).columns(columns)
            for event in events[start..<min(start + 500, events.count)] {
                insert = insert.values([
                    SQLBind(event.id), SQLBind(event.batchID), SQLBind(event.type.rawValue), SQLBind(event.businessID),
                    SQLBind(event.counterpartyID), SQLBind("\(event.quantity)"), SQLBind(event.occurredAt), SQLBind(event.regionCode),
                    SQLBind(recorder), SQLBind(event.sequence),
                ])
            }
            try await insert.run()
        }
    }
}
