import Crypto
import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The enterprise systems' side: many events in one request, safe to retry with an
/// `Idempotency-Key`, and the exchange of events as EPCIS 2.0 JSON-LD.
enum ColdChainBulkAPI {
    struct Input: Content {
        var events: [ColdChainIngest.Item]?
    }

    /// The answer, `{"accepted": n}`: what `ColdChainIngest` stores with an idempotency key too.
    struct Accepted: Content {
        let accepted: Int
    }

    /// `POST /api/v1/cold-chain/events`: `{"events": [...]}`, all or nothing.
    static func ingest(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        return try await idempotent(request, principal: principal) { key in
            let input = try APIBody.decode(Input.self, from: request)
            return try await write(input.events ?? [], request: request, principal: principal, key: key)
        }
    }

    /// `POST /api/v1/cold-chain/epcis`: an EPCISDocument of events on batches registered in Shian.
    static func importEPCIS(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        return try await idempotent(request, principal: principal) { key in
            guard let body = request.body.data else { throw ShianError.malformed() }
            let drafts: [TraceEventDraft]
            do throws(EPCISMapping.Problems) {
                drafts = try mapping(request).decode(Data(body.readableBytesView))
            } catch {
                throw refusal(error.failures.enumerated().map { ColdChainIngest.Failure(index: $0.offset, error: ShianError($0.element)) })
            }
            let items = drafts.map {
                ColdChainIngest.Item(
                    traceCode: $0.batch, type: $0.type.rawValue, businessId: UUID(uuidString: $0.business), quantity: $0.quantity,
                    counterpartyBusinessId: $0.counterparty.flatMap(UUID.init(uuidString:)))
            }
            return try await write(items, request: request, principal: principal, key: key)
        }
    }

    /// `GET /api/v1/cold-chain/batches/{id}/epcis`: the batch's events as an EPCISDocument.
    static func exportEPCIS(request: Request) async throws -> Response {
        let principal = try request.require(.readInspections)
        let batch = try await principal.scope.find(ColdChainBatch.self, try request.idParameter(), on: request.db)
        let events = try await TraceEvent.query(on: request.db).filter(\.$batch.$id == batch.requireID()).sort(\.$sequence).all()
        let children = try await ColdChainBatch.query(on: request.db).filter(\.$parent.$id == batch.requireID()).sort(\.$registeredAt).all()
        let outputs = outputsByEvent(events, children)
        let drafts = events.map {
            var draft = ColdChainWrites.draft(
                $0.type, batch: batch, business: $0.$business.id, counterparty: $0.$counterparty.id, quantity: Decimal(string: $0.quantity) ?? 0,
                at: $0.occurredAt)
            draft.outputs = $0.id.flatMap { outputs[$0] } ?? []
            return draft
        }
        let data = try mapping(request).encode(drafts, createdAt: Date())
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: "application/ld+json")
        return response
    }

    /// The batches each split or process made, so that the export carries them as the
    /// transformation's outputs: a new batch belongs to the last such event at its business recorded
    /// no later than the batch (both are written in one transaction, a moment apart).
    static func outputsByEvent(_ events: [TraceEvent], _ children: [ColdChainBatch]) -> [UUID: [TraceOutput]] {
        let deriving = events.filter { $0.type == .split || $0.type == .process }
        var outputs: [UUID: [TraceOutput]] = [:]
        for child in children {
            guard let event = deriving.last(where: { $0.$business.id == child.$importer.id && $0.occurredAt <= child.registeredAt.addingTimeInterval(1) }),
                let id = event.id
            else { continue }
            outputs[id, default: []].append(TraceOutput(batch: child.traceCode, quantity: Decimal(string: child.quantity) ?? 0, unit: child.unit))
        }
        return outputs
    }

    private static func mapping(_ request: Request) -> EPCISMapping { EPCISMapping(baseURL: request.baseURL) }

    private static func write(_ items: [ColdChainIngest.Item], request: Request, principal: Principal, key: IdempotencyKey?) async throws
        -> Response
    {
        do {
            let events = try await ColdChainIngest.ingest(items, by: principal, remembering: key, on: request.db)
            return try await Accepted(accepted: events.count).encodeResponse(status: .created, for: request)
        } catch let refused as ColdChainIngest.Refused {
            throw refusal(refused.failures)
        }
    }

    /// Every refused event by position (the first 100), in the error shape.
    private static func refusal(_ failures: [ColdChainIngest.Failure]) -> ShianError {
        let listed = failures.prefix(100).map { failure -> [String: Any] in
            var entry: [String: Any] = ["index": failure.index, "code": failure.error.code]
            if let field = failure.error.field { entry["field"] = field }
            if !failure.error.arguments.isEmpty { entry["arguments"] = failure.error.arguments }
            return entry
        }
        let json = (try? JSONSerialization.data(withJSONObject: listed, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return ShianError(.unprocessableEntity, "eventsRefused", arguments: [String(failures.count)], details: ["failures": json])
    }

    /// Runs `body` once per `Idempotency-Key` (per user): a retry with the same key and the same
    /// request gets the stored answer; the same key with another request is refused. The key is
    /// stored with the events, in their transaction; only what was written is remembered, so a
    /// refused request may be corrected and sent again with the same key.
    private static func idempotent(_ request: Request, principal: Principal, _ body: (IdempotencyKey?) async throws -> Response) async throws
        -> Response
    {
        guard let key = request.headers.first(name: "Idempotency-Key")?.trimmingCharacters(in: .whitespaces), !key.isEmpty else {
            return try await body(nil)
        }
        guard key.count <= 100 else { throw ShianError(.badRequest, "idempotencyKeyInvalid", field: "Idempotency-Key") }
        let userID = try principal.user.requireID()
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method.rawValue) \(request.url.path)\n".utf8))
        if let data = request.body.data { hasher.update(data: Data(data.readableBytesView)) }
        let hash = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        func replay() async throws -> Response? {
            guard let stored = try await IdempotencyKey.query(on: request.db).filter(\.$user.$id == userID).filter(\.$key == key).first() else {
                return nil
            }
            guard stored.requestHash == hash else { throw ShianError(.unprocessableEntity, "idempotencyKeyReused", field: "Idempotency-Key") }
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
            return Response(status: .init(statusCode: stored.status), headers: headers, body: .init(string: stored.body))
        }
        if let stored = try await replay() { return stored }
        let record = IdempotencyKey()
        record.$user.id = userID
        record.key = key
        record.requestHash = hash
        record.createdAt = Date().storageRounded
        do {
            return try await body(record)
        } catch let error as ShianError {
            throw error
        } catch {
            // The same key stored meanwhile by a racing retry: its answer is this request's answer.
            if let stored = try await replay() { return stored }
            throw error
        }
    }
}
