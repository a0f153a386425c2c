import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// `/api/v1/cold-chain/batches` and the public `/api/v1/trace/{traceCode}`.
enum ColdChainAPIController {
    struct DocumentDTO: Content {
        let kind: String
        let number: String
        let issuer: String
        let issuedOn: String
    }

    struct BatchDTO: Content {
        let id: UUID
        let traceCode: String
        let product: String
        let specification: String?
        let batchNumber: String
        let quantity: Decimal
        let unit: String
        let originCountry: String
        let customsDeclaration: String?
        let importerBusinessId: UUID
        let registeredAt: Date
        let documents: [DocumentDTO]
        /// What the four-no gate would refuse the batch for now (empty when complete).
        let missing: [String]

        init(_ batch: ColdChainBatch, documents: [ImportDocument]) throws {
            id = try batch.requireID()
            traceCode = batch.traceCode
            product = batch.product
            specification = batch.specification
            batchNumber = batch.batchNumber
            quantity = Decimal(string: batch.quantity) ?? 0
            unit = batch.unit
            originCountry = batch.originCountry
            customsDeclaration = batch.customsDeclaration
            importerBusinessId = batch.$importer.id
            registeredAt = batch.registeredAt
            self.documents = documents.sorted { $0.kind < $1.kind }.map {
                DocumentDTO(kind: $0.kind.rawValue, number: $0.number, issuer: $0.issuer, issuedOn: Formatting.day($0.issuedOn))
            }
            missing = FourNoGate.missing(documents: Set(documents.map(\.kind)), hasTraceCode: true, eventType: .sell)
        }
    }

    struct EventDTO: Content {
        let id: UUID
        let type: String
        let businessId: UUID
        let counterpartyBusinessId: UUID?
        let quantity: Decimal
        let occurredAt: Date
        /// The EPCIS 2.0 business step and disposition (GS1 CBV).
        let bizStep: String
        let disposition: String

        init(_ event: ColdChainIngest.Written) {
            id = event.id
            type = event.type.rawValue
            businessId = event.businessID
            counterpartyBusinessId = event.counterpartyID
            quantity = event.quantity
            occurredAt = event.occurredAt
            bizStep = event.type.bizStep
            disposition = event.type.disposition
        }
    }

    private static func documents(of batch: ColdChainBatch, on database: any Database) async throws -> [ImportDocument] {
        try await ImportDocument.query(on: database).filter(\.$batch.$id == batch.requireID()).all()
    }

    /// `POST /api/v1/cold-chain/batches`.
    static func create(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let input = try APIBody.decode(ColdChainWrites.BatchInput.self, from: request)
        let batch = try await ColdChainWrites.register(input, by: principal, on: request.db)
        return try await BatchDTO(batch, documents: try await documents(of: batch, on: request.db)).encodeResponse(status: .created, for: request)
    }

    /// Batches are found by id without the caller's scope: downstream businesses in other places
    /// record against them by trace code, which is public. What each may do is checked on the act.
    private static func batch(_ request: Request) async throws -> ColdChainBatch {
        guard let batch = try await ColdChainBatch.find(try request.idParameter(), on: request.db) else { throw ShianError.notFound }
        return batch
    }

    /// `POST /api/v1/cold-chain/batches/{id}/documents`.
    static func addDocument(request: Request) async throws -> BatchDTO {
        let principal = try request.requirePrincipal()
        let input = try APIBody.decode(ColdChainWrites.DocumentInput.self, from: request)
        let batch = try await ColdChainWrites.addDocument(input, to: try await batch(request), by: principal, on: request.db)
        return try BatchDTO(batch, documents: try await documents(of: batch, on: request.db))
    }

    /// `POST /api/v1/cold-chain/batches/{id}/events`.
    static func recordEvent(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let input = try APIBody.decode(ColdChainWrites.EventInput.self, from: request)
        let event = try await ColdChainWrites.recordEvent(input, on: try await batch(request), by: principal, on: request.db)
        return try await EventDTO(event).encodeResponse(status: .created, for: request)
    }

    struct DerivedDTO: Content {
        let batches: [BatchDTO]
    }

    /// `POST /api/v1/cold-chain/batches/{id}/split`: the business repacks part of what it holds into new batches.
    static func split(request: Request) async throws -> Response {
        try await derive(.split, request: request)
    }

    /// `POST /api/v1/cold-chain/batches/{id}/process`: the business turns part of what it holds into new products.
    static func process(request: Request) async throws -> Response {
        try await derive(.process, request: request)
    }

    private static func derive(_ type: TraceEventType, request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let input = try APIBody.decode(ColdChainWrites.DeriveInput.self, from: request)
        let children = try await ColdChainWrites.derive(type, input, from: try await batch(request), by: principal, on: request.db)
        var dtos: [BatchDTO] = []
        for child in children { dtos.append(try BatchDTO(child, documents: try await documents(of: child, on: request.db))) }
        return try await DerivedDTO(batches: dtos).encodeResponse(status: .created, for: request)
    }

    /// The batches a batch came from (nearest first) and those split from it, up to `hops` links
    /// each way: one indexed look-up per link.
    static func lineage(of batch: ColdChainBatch, hops: Int = 6, on database: any Database) async throws -> (ancestors: [String], descendants: [String]) {
        var ancestors: [String] = []
        var current = batch
        while ancestors.count < hops, let parentID = current.$parent.id, let parent = try await ColdChainBatch.find(parentID, on: database) {
            ancestors.append(parent.traceCode)
            current = parent
        }
        var descendants: [String] = []
        var frontier = [try batch.requireID()]
        for _ in 0..<hops where !frontier.isEmpty {
            let children = try await ColdChainBatch.query(on: database).filter(\.$parent.$id ~~ frontier).sort(\.$traceCode).all()
            descendants += children.map(\.traceCode)
            frontier = children.compactMap(\.id)
        }
        return (ancestors, descendants)
    }

    struct PublicTrace: Content {
        struct Document: Content {
            let kind: String
            let name: String
            let present: Bool
            let issuedOn: String?
        }

        struct Step: Content {
            let type: String
            let business: String
            let counterparty: String?
            let quantity: Decimal
            let occurredAt: Date
        }

        struct Holder: Content {
            let business: String
            let onHand: Decimal
            let inTransit: Decimal
        }

        let traceCode: String
        let product: String
        let specification: String?
        let batchNumber: String
        let originCountry: String
        let quantity: Decimal
        let unit: String
        let registeredAt: Date
        let recalled: Bool
        /// The batches this one was split from, nearest first (trace back).
        let ancestors: [String]
        /// The batches split from this one, level by level (trace forward).
        let descendants: [String]
        let documents: [Document]
        let events: [Step]
        let holders: [Holder]
    }

    /// `GET /api/v1/trace/{traceCode}`, without login: the product, its origin, which certificates
    /// it has, its path and who holds it now. Names of businesses only, no people or numbers.
    static func trace(request: Request) async throws -> PublicTrace {
        guard let text = request.parameters.get("traceCode"), let code = TraceCode(validating: text),
            let batch = try await ColdChainBatch.query(on: request.db).filter(\.$traceCode == code.rawValue).first()
        else { throw ShianError.notFound }
        let batchID = try batch.requireID()
        async let documents = ImportDocument.query(on: request.db).filter(\.$batch.$id == batchID).all()
        async let events = TraceEvent.query(on: request.db).filter(\.$batch.$id == batchID).sort(\.$sequence).all()
        let recorded = try await events, present = try await documents
        let ledger = try ColdChainWrites.ledger(of: batch, recorded)
        let lineage = try await lineage(of: batch, on: request.db)
        let ids = Set(recorded.flatMap { [$0.$business.id] + ($0.$counterparty.id.map { [$0] } ?? []) })
        let businesses = ids.isEmpty ? [] : try await Business.query(on: request.db).filter(\.$id ~~ Array(ids)).all()
        let names = Dictionary(businesses.compactMap { business in business.id.map { ($0.uuidString, business.name) } }, uniquingKeysWith: { a, _ in a })
        let byKind = Dictionary(present.map { ($0.kind, $0) }, uniquingKeysWith: { a, _ in a })
        return PublicTrace(
            traceCode: batch.traceCode, product: batch.product, specification: batch.specification, batchNumber: batch.batchNumber,
            originCountry: batch.originCountry, quantity: Decimal(string: batch.quantity) ?? 0, unit: batch.unit,
            registeredAt: batch.registeredAt, recalled: batch.recalledAt != nil, ancestors: lineage.ancestors, descendants: lineage.descendants,
            documents: ImportDocumentKind.allCases.map { kind in
                .init(kind: kind.rawValue, name: kind.chineseName, present: byKind[kind] != nil, issuedOn: byKind[kind].map { Formatting.day($0.issuedOn) })
            },
            events: recorded.map {
                .init(type: $0.type.rawValue, business: names[$0.$business.id.uuidString] ?? "",
                      counterparty: $0.$counterparty.id.flatMap { names[$0.uuidString] }, quantity: Decimal(string: $0.quantity) ?? 0,
                      occurredAt: $0.occurredAt)
            },
            holders: ledger.holdings(batch: batch.traceCode).filter { $0.onHand > 0 || $0.inTransit > 0 }.map {
                .init(business: names[$0.business] ?? "", onHand: $0.onHand, inTransit: $0.inTransit)
            })
    }
}
