import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Every record of a batch as a sortable spreadsheet — what FSMA 204 asks a firm to hand over
/// within 24 hours (research/anchors-intl.md §3.2): one row per event with who, what, when, where,
/// how much and with whom, and the batch's key data elements repeated on each row so the sheet
/// sorts and filters on its own. CSV or XLSX.
enum TraceRecordsExport {
    static let columns = ["sequence", "occurredAt", "event", "bizStep", "business", "creditCode", "counterparty", "quantity", "unit",
                          "traceCode", "product", "batchNumber", "originCountry", "documents"]

    /// `GET /api/v1/cold-chain/batches/{id}/records?format=csv|xlsx`, and the page's link.
    static func response(request: Request) async throws -> Response {
        let principal = try request.require(.readInspections)
        let batch = try await principal.scope.find(ColdChainBatch.self, try request.idParameter(), on: request.db)
        let batchID = try batch.requireID()
        let events = try await TraceEvent.query(on: request.db).filter(\.$batch.$id == batchID).sort(\.$sequence).all()
        let documents = try await ImportDocument.query(on: request.db).filter(\.$batch.$id == batchID).all()
            .sorted { $0.kind < $1.kind }.map { "\($0.kind.chineseName) \($0.number)" }.joined(separator: "；")
        let ids = Set(events.map { $0.$business.id } + events.compactMap { $0.$counterparty.id })
        let businesses = ids.isEmpty ? [] : try await Business.query(on: request.db).filter(\.$id ~~ Array(ids)).all()
        let byID = Dictionary(businesses.compactMap { business in business.id.map { ($0, business) } }, uniquingKeysWith: { a, _ in a })
        let rows = events.map { event -> [String] in
            let business = byID[event.$business.id]
            return [
                String(event.sequence), event.occurredAt.formatted(.iso8601), request.t("trace.event.\(event.type.rawValue)"), event.type.bizStep,
                business?.name ?? "", business?.creditCode ?? "", event.$counterparty.id.flatMap { byID[$0]?.name } ?? "", event.quantity,
                batch.unit, batch.traceCode, batch.product, batch.batchNumber, batch.originCountry, documents,
            ]
        }
        return try await CSVExport.table(
            format: try? request.query.get(String.self, at: "format"), filename: "trace-\(batch.traceCode)", sheet: batch.traceCode,
            header: columns.map { request.t("traceRecords.\($0)") }, rows: rows, entityType: ColdChainBatch.auditEntityType,
            principal: principal, on: request.db)
    }
}
