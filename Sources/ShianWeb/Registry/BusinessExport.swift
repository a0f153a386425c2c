import Foundation
import ShianCore
import ShianStore
import Vapor

/// Exports the registry list (with its filters) as CSV or XLSX, in the user's language, with the
/// same columns an import reads back.
enum BusinessExport {
    static let columns = [
        "name", "creditCode", "category", "gridCode", "address", "legalRepresentative", "contactPhone", "safetyDirector",
        "safetyOfficer", "status", "permitNumber", "permitValidFrom", "permitValidUntil", "areaSquareMetres",
    ]

    static func response(_ filter: BusinessQueries.Filter, principal: Principal, request: Request) async throws -> Response {
        let format = (try? request.query.get(String.self, at: "format")) ?? "csv"
        guard format == "csv" || format == "xlsx" else { throw ShianError(.badRequest, "formatInvalid", field: "format") }
        let today = Date()
        let businesses = try await CSVExport.collect { cursor in
            try await BusinessQueries.list(filter, scope: principal.scope, cursor: cursor, limit: 500, today: today, on: request.db)
        }
        let header = columns.map { request.t("business.column.\($0)") }
        let rows = businesses.map { business in
            let fields = BusinessWrites.fields(of: business)
            return columns.map { fields[$0] ?? "" }
        }
        return try await CSVExport.table(
            format: format, filename: "businesses", sheet: request.t("businesses.title"), header: header, rows: rows,
            entityType: Business.auditEntityType, principal: principal, on: request.db)
    }
}
