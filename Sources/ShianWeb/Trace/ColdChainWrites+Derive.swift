import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// New batches made from a held one: a split (分装) repacks it as it is, a process (加工) turns it
/// into other products — beef into steaks, in pieces instead of kilograms.
extension ColdChainWrites {
    struct OutputInput: Content {
        /// The new product; a split keeps the parent's, so it is only read for a process.
        var product: String?
        var specification: String?
        var quantity: Decimal?
        /// The new batch's unit; a split keeps the parent's.
        var unit: String?
    }

    struct DeriveInput: Content {
        var businessId: UUID?
        /// How much of the parent a process uses up, in the parent's unit; a split uses up the sum of its outputs.
        var quantity: Decimal?
        var outputs: [OutputInput]?
    }

    private struct Output {
        let product: String
        let specification: String?
        let quantity: Decimal
        let unit: String
    }

    /// Validates `input` for a split or a process of `batch` and makes the new batches.
    static func derive(_ type: TraceEventType, _ input: DeriveInput, from batch: ColdChainBatch, by principal: Principal, on database: any Database)
        async throws -> [ColdChainBatch]
    {
        guard type == .split || type == .process else { throw ShianError(.unprocessableEntity, "eventTypeInvalid", field: "type") }
        guard let businessID = input.businessId else {
            throw ShianError(.unprocessableEntity, "fieldRequired", field: "businessId", arguments: ["businessId"])
        }
        let business = try await principal.scope.find(Business.self, businessID, on: database)
        let given = input.outputs ?? []
        guard !given.isEmpty, given.count <= 100 else { throw ShianError(.unprocessableEntity, "outputsInvalid", field: "outputs") }
        let outputs = try given.enumerated().map { index, output in
            let path = "outputs[\(index)]"
            let amount = try quantity(output.quantity, "\(path).quantity")
            guard type == .process else {
                return Output(product: batch.product, specification: batch.specification, quantity: amount, unit: batch.unit)
            }
            return Output(
                product: try text(output.product, "\(path).product"),
                specification: output.specification.flatMap { $0.isEmpty ? nil : String($0.prefix(100)) },
                quantity: amount, unit: try unit(output.unit, "\(path).unit"))
        }
        let consumed = type == .split ? outputs.map(\.quantity).reduce(0, +) : try quantity(input.quantity)
        return try await make(type, outputs, consuming: consumed, from: batch, at: business, by: principal, on: database)
    }

    /// The parent's event passes the four-no gate and the ledger like any other; each new batch gets
    /// its own trace code, the parent's certificates, a link to its parent and an intake at the business.
    private static func make(
        _ type: TraceEventType, _ outputs: [Output], consuming consumed: Decimal, from batch: ColdChainBatch, at business: Business,
        by principal: Principal, on database: any Database
    ) async throws -> [ColdChainBatch] {
        guard let county = RegionCode(validating: String(business.regionCode.prefix(RegionLevel.county.codeLength))) else {
            throw ShianError(.unprocessableEntity, "regionCodeInvalid", field: "businessId")
        }
        let item = ColdChainIngest.Item(traceCode: batch.traceCode, type: type.rawValue, businessId: business.id, quantity: consumed)
        return try await database.transaction { db in
            do {
                _ = try await ColdChainIngest.ingest([item], by: principal, allowingSplit: true, on: db)
            } catch let refused as ColdChainIngest.Refused {
                throw refused.failures.first?.error ?? ShianError.notFound
            }
            let documents = try await ImportDocument.query(on: db).filter(\.$batch.$id == batch.requireID()).all()
            let now = Date().storageRounded
            // "-1", "-2" for repacked parts; "-P1" for processed products, so a label tells them apart.
            let suffix = type == .split ? "" : "P"
            var children: [ColdChainBatch] = []
            for (index, output) in outputs.enumerated() {
                let child = ColdChainBatch()
                child.traceCode = try await nextTraceCode(county: county, at: now, on: db)
                child.product = output.product
                child.specification = output.specification
                child.batchNumber = "\(batch.batchNumber)-\(suffix)\(index + 1)"
                child.quantity = "\(output.quantity)"
                child.unit = output.unit
                child.originCountry = batch.originCountry
                child.customsDeclaration = batch.customsDeclaration
                child.$importer.id = try business.requireID()
                child.regionCode = business.regionCode
                child.registeredAt = now
                child.$registeredBy.id = try principal.user.requireID()
                child.$parent.id = try batch.requireID()
                try await child.create(on: db)
                for document in documents {
                    try await add(document.kind, number: document.number, issuer: document.issuer, issuedOn: document.issuedOn, to: child, on: db)
                }
                try await record(.receive, of: child, at: business, counterparty: nil, quantity: output.quantity, by: principal, sequence: 1, on: db)
                try await AuditLog.record(.create, child, before: nil, actor: principal.actor, on: db)
                children.append(child)
            }
            return children
        }
    }
}
