import FluentKit
import Foundation
import SQLKit
import ShianCore
import ShianStore
import Vapor

/// Imports businesses from a table (CSV or XLSX rows, header first). Every row is validated and
/// every bad row reported (row number as the spreadsheet shows it, field, reason); a file with any
/// bad row writes nothing. Rows match existing businesses by credit code, or by name + address
/// when they have none, so importing the same file twice changes nothing.
enum BusinessImport {
    static let maximumRows = 200_000

    struct RowError: Content, Equatable {
        let row: Int
        let field: String
        let code: String
        let message: String
    }

    struct Report: Content {
        let imported: Int
        let created: Int
        let updated: Int
        let unchanged: Int
        let dryRun: Bool
    }

    /// The refusal: the row errors (at most 1,000 listed) and how many there were.
    struct Refusal: Error {
        let rows: [RowError]
        let total: Int

        /// The API's answer: 422 `importRowsInvalid`, with `rows` and `totalBadRows` beside `error`.
        var apiError: ShianError {
            let encoded = (try? JSONEncoder().encode(rows)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
            return ShianError(.unprocessableEntity, "importRowsInvalid", arguments: [String(total)],
                              details: ["rows": encoded, "totalBadRows": String(total)])
        }
    }

    /// Column headers an import may use: the API's field names, or the Chinese ones offices use.
    static let headerAliases: [String: String] = [
        "名称": "name", "企业名称": "name", "主体名称": "name", "统一社会信用代码": "creditCode", "信用代码": "creditCode",
        "类别": "category", "业态": "category", "主体类别": "category", "网格编码": "gridCode", "网格代码": "gridCode",
        "所属网格": "gridCode", "地址": "address", "经营地址": "address", "法定代表人": "legalRepresentative",
        "负责人": "legalRepresentative", "联系电话": "contactPhone", "食品安全总监": "safetyDirector", "食品安全员": "safetyOfficer",
        "状态": "status", "许可证号": "permitNumber", "证件编号": "permitNumber", "有效期起": "permitValidFrom",
        "有效期至": "permitValidUntil", "经营面积": "areaSquareMetres", "面积": "areaSquareMetres",
    ]
    static let fieldNames: Set<String> = [
        "name", "creditCode", "category", "gridCode", "address", "legalRepresentative", "contactPhone", "safetyDirector",
        "safetyOfficer", "status", "permitNumber", "permitValidFrom", "permitValidUntil", "areaSquareMetres",
    ]
    static let requiredColumns = ["name", "category", "gridCode", "address"]

    static func run(_ table: [[String]], by principal: Principal, commit: Bool, on request: Request) async throws -> Report {
        guard principal.role.may(.manageBusinesses) else { throw ShianError.forbidden }
        guard let header = table.first, table.count > 1 else { throw ShianError(.unprocessableEntity, "importEmpty") }
        guard table.count - 1 <= maximumRows else {
            throw ShianError(.payloadTooLarge, "importTooManyRows", arguments: [String(maximumRows)])
        }
        let columns = header.map { raw -> String? in
            let name = raw.trimmingCharacters(in: .whitespaces)
            return fieldNames.contains(name) ? name : headerAliases[name]
        }
        if let missing = requiredColumns.first(where: { !columns.contains($0) }) {
            throw ShianError(.unprocessableEntity, "importColumnMissing", field: missing, arguments: [missing])
        }

        var errors: [RowError] = []
        func fail(_ row: Int, _ failure: ValidationFailure) {
            errors.append(RowError(
                row: row, field: failure.field ?? "", code: failure.code,
                message: request.t("error.\(failure.code)", failure.arguments)))
        }

        // 1. Each row on its own.
        var drafts: [(row: Int, draft: BusinessDraft)] = []
        for (index, cells) in table.dropFirst().enumerated() {
            let row = index + 2
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var fields: [String: String] = [:]
            for (column, cell) in zip(columns, cells) { if let column { fields[column] = cell } }
            switch BusinessDraft.validate(fields, rules: request.application.shian.smallBusinessRules) {
            case .success(let draft): drafts.append((row, draft))
            case .failure(let failures): failures.failures.forEach { fail(row, $0) }
            }
        }

        // 2. Places: in scope and in the tree.
        let codes = Array(Set(drafts.map(\.draft.regionCode.rawValue)))
        var known = Set<String>()
        for chunk in codes.chunked(500) {
            let found = try await Region.query(on: request.db).filter(\.$code ~~ chunk).filter(\.$active == true).all()
            known.formUnion(found.map(\.code))
        }
        for (row, draft) in drafts {
            if !principal.scope.covers(draft.regionCode.rawValue) {
                fail(row, ValidationFailure(code: "scopeOutsideOwn", field: "gridCode"))
            } else if !known.contains(draft.regionCode.rawValue) {
                fail(row, ValidationFailure(code: "gridMissing", field: "gridCode", arguments: [draft.regionCode.rawValue]))
            }
        }

        // 3. The same business twice in one file.
        var seen: [String: Int] = [:]
        for (row, draft) in drafts {
            let key = identity(of: draft)
            if let first = seen[key] {
                fail(row, ValidationFailure(code: "duplicateInFile", field: draft.creditCode == nil ? "name" : "creditCode", arguments: [String(first)]))
            } else {
                seen[key] = row
            }
        }

        // 4. Matches with the registry.
        let existing = try await matches(for: drafts.map(\.draft), on: request.db)
        for (row, draft) in drafts {
            if let business = existing[identity(of: draft)], !principal.scope.covers(business.regionCode) {
                fail(row, ValidationFailure(code: "existsOutsideScope", field: draft.creditCode == nil ? "name" : "creditCode"))
            }
        }

        guard errors.isEmpty else {
            errors.sort { ($0.row, $0.field) < ($1.row, $1.field) }
            throw Refusal(rows: Array(errors.prefix(1000)), total: errors.count)
        }

        var created: [BusinessDraft] = []
        var changed: [(business: Business, before: [String: String])] = []
        for (_, draft) in drafts {
            if let business = existing[identity(of: draft)] {
                let before = business.auditFields
                business.apply(draft)
                if business.auditFields != before { changed.append((business, before)) }
            } else {
                created.append(draft)
            }
        }
        if commit {
            try await write(created: created, changed: changed, by: principal, on: request.db)
            // A large import changes the table's shape; refresh the planner's statistics now
            // rather than when autovacuum gets to it.
            if created.count >= 10_000, let sql = request.db as? any SQLDatabase {
                try await sql.raw("ANALYZE businesses").run()
            }
        }
        return Report(
            imported: drafts.count, created: created.count, updated: changed.count,
            unchanged: drafts.count - created.count - changed.count, dryRun: !commit)
    }

    static func identity(of draft: BusinessDraft) -> String {
        draft.creditCode.map { "code:" + $0.rawValue } ?? "key:" + Business.identityKey(name: draft.name, address: draft.address)
    }

    /// Existing businesses for these drafts, by their identity.
    private static func matches(for drafts: [BusinessDraft], on database: any Database) async throws -> [String: Business] {
        var result: [String: Business] = [:]
        let codes = drafts.compactMap { $0.creditCode?.rawValue }
        for chunk in codes.chunked(500) {
            for business in try await Business.query(on: database).filter(\.$creditCode ~~ chunk).all() {
                result["code:" + (business.creditCode ?? "")] = business
            }
        }
        let keys = drafts.filter { $0.creditCode == nil }.map { Business.identityKey(name: $0.name, address: $0.address) }
        for chunk in keys.chunked(500) {
            for business in try await Business.query(on: database).filter(\.$creditCode == nil).filter(\.$identityKey ~~ chunk).all() {
                result["key:" + business.identityKey] = business
            }
        }
        return result
    }

    /// One transaction: bulk inserts for new businesses and their audit entries, updates for the changed.
    private static func write(
        created: [BusinessDraft], changed: [(business: Business, before: [String: String])], by principal: Principal,
        on database: any Database
    ) async throws {
        let now = Date()
        try await database.transaction { db in
            guard let sql = db as? any SQLDatabase else { return }
            var audits: [AuditEntry] = []
            for chunk in created.chunked(400) {
                var insert = sql.insert(into: Business.schema).columns(BulkRow.columns)
                for draft in chunk {
                    let business = Business(name: draft.name, category: draft.category, regionCode: draft.regionCode.rawValue, address: draft.address)
                    business.apply(draft)
                    business.id = UUID()
                    insert = insert.values(BulkRow.values(business, now: now))
                    audits.append(auditEntry(.create, business, before: nil, principal: principal, now: now))
                }
                try await insert.run()
            }
            for (business, before) in changed {
                try await business.update(on: db)
                audits.append(auditEntry(.update, business, before: before, principal: principal, now: now))
            }
            for chunk in audits.chunked(500) {
                try await chunk.create(on: db)
            }
        }
    }

    private static func auditEntry(_ action: AuditEntry.Action, _ business: Business, before: [String: String]?, principal: Principal, now: Date)
        -> AuditEntry
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let encode: ([String: String]?) -> String? = { fields in
            fields.flatMap { try? encoder.encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        }
        return AuditEntry(
            at: now, actorID: principal.user.id, actorUsername: principal.user.username, action: action,
            entityType: Business.auditEntityType, entityID: business.id?.uuidString ?? "", regionCode: business.regionCode,
            before: encode(before), after: encode(business.auditFields))
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements (batches for IN lists and bulk inserts).
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
