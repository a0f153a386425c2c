import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Registering imported cold-chain batches at their first stop, adding their certificates, and
/// recording what happens to them down the chain — through the four-no gate and the quantity ledger.
enum ColdChainWrites {
    struct DocumentInput: Content {
        var kind: String?
        var number: String?
        var issuer: String?
        var issuedOn: String?
    }

    struct BatchInput: Content {
        var product: String?
        var specification: String?
        var batchNumber: String?
        var quantity: Decimal?
        var unit: String?
        var originCountry: String?
        var customsDeclaration: String?
        var importerBusinessId: UUID?
        var documents: [DocumentInput]?
    }

    struct EventInput: Content {
        var type: String?
        var businessId: UUID?
        var quantity: Decimal?
        var counterpartyBusinessId: UUID?
    }

    /// The operator of the business itself, or an officer who manages businesses in its scope.
    static func mayActFor(_ business: Business, _ principal: Principal) -> Bool {
        (principal.role == .businessOperator && principal.user.$business.id == business.id) || principal.role.may(.manageBusinesses)
    }

    /// A required text field, trimmed, at most `max` characters: the one check every traceability
    /// form and API body uses.
    static func text(_ value: String?, _ field: String, max: Int = 100) throws -> String {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ShianError(.unprocessableEntity, "fieldRequired", field: field, arguments: [field]) }
        guard trimmed.count <= max else { throw ShianError(.unprocessableEntity, "textTooLong", field: field, arguments: [String(max)]) }
        return trimmed
    }

    /// UN/ECE Recommendation 20 codes, as EPCIS `uom` expects: KGM, TNE, CT, H87 …
    static func unit(_ value: String?, _ field: String) throws -> String {
        let unit = try text(value, field, max: 3).uppercased()
        guard unit.count >= 2, unit.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw ShianError(.unprocessableEntity, "unitInvalid", field: field, arguments: [unit])
        }
        return unit
    }

    static func quantity(_ value: Decimal?, _ field: String = "quantity") throws -> Decimal {
        guard let value, value > 0, value <= 1_000_000_000 else {
            throw ShianError(.unprocessableEntity, "quantityInvalid", field: field)
        }
        return value
    }

    private static func document(_ input: DocumentInput, at index: Int) throws -> (ImportDocumentKind, String, String, Date) {
        let path = "documents[\(index)]"
        guard let kind = input.kind.flatMap(ImportDocumentKind.init(rawValue:)) else {
            throw ShianError(.unprocessableEntity, "documentKindInvalid", field: "\(path).kind", arguments: [input.kind ?? ""])
        }
        guard let issued = input.issuedOn.flatMap(BusinessDraft.parseDate), issued <= Date() else {
            throw ShianError(.unprocessableEntity, "dateInvalid", field: "\(path).issuedOn", arguments: [input.issuedOn ?? ""])
        }
        return (kind, try text(input.number, "\(path).number", max: 60), try text(input.issuer, "\(path).issuer"), issued)
    }

    /// Registers a batch, gives it its trace code and records the first stop's intake.
    static func register(_ input: BatchInput, by principal: Principal, on database: any Database) async throws -> ColdChainBatch {
        guard let importerID = input.importerBusinessId else {
            throw ShianError(.unprocessableEntity, "fieldRequired", field: "importerBusinessId", arguments: ["importerBusinessId"])
        }
        let importer = try await principal.scope.find(Business.self, importerID, on: database)
        guard mayActFor(importer, principal) else { throw ShianError.forbidden }
        let product = try text(input.product, "product")
        let batchNumber = try text(input.batchNumber, "batchNumber", max: 60)
        let amount = try quantity(input.quantity)
        let unit = try self.unit(input.unit, "unit")
        let country = try text(input.originCountry, "originCountry", max: 40)
        let documents = try (input.documents ?? []).enumerated().map { try document($1, at: $0) }
        guard Set(documents.map(\.0)).count == documents.count else {
            throw ShianError(.unprocessableEntity, "documentDuplicated", field: "documents")
        }
        guard let county = RegionCode(validating: String(importer.regionCode.prefix(RegionLevel.county.codeLength))) else {
            throw ShianError(.unprocessableEntity, "regionCodeInvalid", field: "importerBusinessId")
        }
        let now = Date().storageRounded
        return try await database.transaction { db in
            let batch = ColdChainBatch()
            batch.traceCode = try await nextTraceCode(county: county, at: now, on: db)
            batch.product = product
            batch.specification = input.specification.flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
            batch.batchNumber = batchNumber
            batch.quantity = "\(amount)"
            batch.unit = unit
            batch.originCountry = country
            batch.customsDeclaration = input.customsDeclaration.flatMap { $0.isEmpty ? nil : String($0.prefix(40)) }
            batch.$importer.id = importerID
            batch.regionCode = importer.regionCode
            batch.registeredAt = now
            batch.$registeredBy.id = try principal.user.requireID()
            try await batch.create(on: db)
            for (kind, number, issuer, issued) in documents {
                try await add(kind, number: number, issuer: issuer, issuedOn: issued, to: batch, on: db)
            }
            // The first stop's intake opens the ledger; the gate applies to what is done with it next.
            try await record(.receive, of: batch, at: importer, counterparty: nil, quantity: amount, by: principal, sequence: 1, on: db)
            try await AuditLog.record(.create, batch, before: nil, actor: principal.actor, on: db)
            return batch
        }
    }

    /// The county's next trace code of the day (serials count per county and day; the unique index
    /// refuses a code taken by a concurrent registration, which then fails and can be retried).
    static func nextTraceCode(county: RegionCode, at now: Date, on db: any Database) async throws -> String {
        let day = try TraceCode(county: county, codedAt: now, serial: 1).rawValue.prefix(16)  // CL + county + date
        let serial = try await ColdChainBatch.query(on: db).filter(\.$traceCode >= String(day)).filter(\.$traceCode < String(day) + "~").count() + 1
        return try TraceCode(county: county, codedAt: now, serial: serial).rawValue
    }

    static func add(_ kind: ImportDocumentKind, number: String, issuer: String, issuedOn: Date, to batch: ColdChainBatch, on db: any Database)
        async throws
    {
        let document = ImportDocument()
        document.$batch.id = try batch.requireID()
        document.kind = kind
        document.number = number
        document.issuer = issuer
        document.issuedOn = issuedOn
        try await document.create(on: db)
    }

    /// Adds a missing certificate to a batch (by its importer, or an officer).
    static func addDocument(_ input: DocumentInput, to batch: ColdChainBatch, by principal: Principal, on database: any Database) async throws
        -> ColdChainBatch
    {
        let importer = try await principal.scope.find(Business.self, batch.$importer.id, on: database)
        guard mayActFor(importer, principal) else { throw ShianError.forbidden }
        let (kind, number, issuer, issued) = try document(input, at: 0)
        let existing = try await ImportDocument.query(on: database).filter(\.$batch.$id == batch.requireID()).filter(\.$kind == kind).count()
        guard existing == 0 else { throw ShianError(.conflict, "documentDuplicated", field: "kind") }
        try await database.transaction { db in
            let before = batch.auditFields
            try await add(kind, number: number, issuer: issuer, issuedOn: issued, to: batch, on: db)
            try await AuditLog.record(.update, batch, before: before, actor: principal.actor, on: db)
        }
        return batch
    }

    /// Records one event through the same path as a bulk ingest, answering its refusal as such.
    static func recordEvent(_ input: EventInput, on batch: ColdChainBatch, by principal: Principal, on database: any Database) async throws
        -> ColdChainIngest.Written
    {
        let item = ColdChainIngest.Item(
            traceCode: batch.traceCode, type: input.type, businessId: input.businessId, quantity: input.quantity,
            counterpartyBusinessId: input.counterpartyBusinessId)
        do {
            guard let event = try await ColdChainIngest.ingest([item], by: principal, on: database).first else { throw ShianError.notFound }
            return event
        } catch let refused as ColdChainIngest.Refused {
            throw refused.failures.first?.error ?? ShianError.notFound
        }
    }

    static func draft(_ type: TraceEventType, batch: ColdChainBatch, business: UUID, counterparty: UUID?, quantity: Decimal, at: Date = Date())
        -> TraceEventDraft
    {
        TraceEventDraft(
            batch: batch.traceCode, type: type, business: business.uuidString, counterparty: counterparty?.uuidString, quantity: quantity,
            unit: batch.unit, occurredAt: at)
    }

    /// The batch's ledger, replayed from its recorded events.
    static func ledger(of batch: ColdChainBatch, _ events: [TraceEvent]) throws -> TraceLedger {
        do {
            return try TraceLedger(replaying: events.map { event in
                draft(event.type, batch: batch, business: event.$business.id, counterparty: event.$counterparty.id,
                      quantity: Decimal(string: event.quantity) ?? 0, at: event.occurredAt)
            })
        } catch {
            throw ShianError(.internalServerError, "internalError")
        }
    }

    @discardableResult
    static func record(
        _ type: TraceEventType, of batch: ColdChainBatch, at business: Business, counterparty: Business?, quantity: Decimal,
        by principal: Principal, sequence: Int, on db: any Database
    ) async throws -> TraceEvent {
        let event = TraceEvent()
        event.$batch.id = try batch.requireID()
        event.type = type
        event.$business.id = try business.requireID()
        event.$counterparty.id = counterparty?.id
        event.quantity = "\(quantity)"
        event.occurredAt = Date().storageRounded
        event.regionCode = business.regionCode
        event.$recordedBy.id = try principal.user.requireID()
        event.sequence = sequence
        try await event.create(on: db)
        return event
    }
}
