import FluentKit
import Plot
import ShianStore
import Vapor

/// Lists export to CSV the way Chinese offices expect: UTF-8 with a byte-order mark so that Excel
/// opens it with the right characters, a header row in the user's language, at most `maximumRows`
/// rows (the filters narrow it), and an audit entry saying who exported what.
enum CSVExport {
    static let maximumRows = 10_000

    /// True when the request asks for the CSV form of a list (`?format=csv`).
    static func isRequested(_ request: Request) -> Bool {
        (try? request.query.get(String.self, at: "format")) == "csv"
    }

    /// Reads every page of a list up to the limit.
    static func collect<Item>(_ page: (PageCursor?) async throws -> RecordPage<Item>) async throws -> [Item] {
        var items: [Item] = []
        var cursor: PageCursor?
        repeat {
            let next = try await page(cursor)
            items += next.items
            cursor = next.nextCursor.flatMap(PageCursor.init(encoded:))
        } while cursor != nil && items.count < maximumRows
        return Array(items.prefix(maximumRows))
    }

    static func response(
        filename: String, header: [String], rows: [[String]], entityType: String, principal: Principal, on database: any Database
    ) async throws -> Response {
        var text = "\u{FEFF}" + line(header)
        for row in rows { text += line(row) }
        try await recordExport(entityType: entityType, rows: rows.count, principal: principal, on: database)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename).csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    /// A table as CSV (`format=csv`, the default) or an XLSX workbook of one sheet (`format=xlsx`),
    /// audited as an export.
    static func table(
        format: String?, filename: String, sheet: String, header: [String], rows: [[String]], entityType: String, principal: Principal,
        on database: any Database
    ) async throws -> Response {
        switch format ?? "csv" {
        case "csv":
            return try await response(filename: filename, header: header, rows: rows, entityType: entityType, principal: principal, on: database)
        case "xlsx":
            let data = try XLSX.workbook([XLSXSheet(name: sheet, rows: [header] + rows)])
            try await recordExport(entityType: entityType, rows: rows.count, principal: principal, on: database)
            var headers = HTTPHeaders()
            headers.contentType = ImportTable.xlsxType
            headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename).xlsx\"")
            return Response(status: .ok, headers: headers, body: .init(data: data))
        default:
            throw ShianError(.badRequest, "formatInvalid", field: "format")
        }
    }

    /// The audit entry of an export: who took which list, and how many rows (导出 in the operation log).
    static func recordExport(entityType: String, rows: Int, principal: Principal, on database: any Database) async throws {
        try await AuditEntry(
            at: Date(), actorID: principal.user.id, actorUsername: principal.user.username, action: .export,
            entityType: entityType, entityID: "\(rows) rows", regionCode: principal.user.regionCode, before: nil, after: nil
        ).create(on: database)
    }

    /// One CSV line (RFC 4180 quoting). A cell starting with = + - @ is prefixed with ' so that a
    /// spreadsheet never runs it as a formula (CSV injection).
    static func line(_ cells: [String]) -> String {
        cells.map { cell -> String in
            var value = cell
            if let first = value.first, "=+-@".contains(first) { value = "'" + value }
            if value.contains(where: { ",\"\r\n".contains($0) }) {
                value = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return value
        }.joined(separator: ",") + "\r\n"
    }
}

/// The export button beside a list: the same filters, as CSV.
struct ExportLink: Component {
    let context: PageContext
    let path: String
    let query: [String: String]

    var body: Component {
        Link(context.t("action.export"), url: path + Pager.queryString(query.filter { $0.key != "cursor" }.merging(["format": "csv"]) { $1 }))
            .class("button").attribute(named: "data-export", value: "csv")
    }
}
