import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Imports a roster (CSV or XLSX): every row checked, every bad row reported, nothing written if
/// one is bad. A person is the same on a second import when kind and phone match, so importing the
/// same file twice changes nothing.
enum StaffImport {
    static let headerAliases: [String: String] = [
        "姓名": "name", "类别": "kind", "人员类别": "kind", "区划代码": "regionCode", "村（社区）或网格代码": "regionCode",
        "联系电话": "phone", "电话": "phone", "年补贴（元）": "annualSubsidyYuan", "年补贴": "annualSubsidyYuan", "聘任日期": "appointedOn",
        "培训日期": "trainedOn",
    ]
    static let fieldNames: Set<String> = ["name", "kind", "regionCode", "phone", "annualSubsidyYuan", "appointedOn", "trainedOn"]

    static func run(_ table: [[String]], by principal: Principal, commit: Bool, on request: Request) async throws -> BusinessImport.Report {
        guard principal.role.may(.manageGrids) else { throw ShianError.forbidden }
        guard let header = table.first, table.count > 1 else { throw ShianError(.unprocessableEntity, "importEmpty") }
        guard table.count <= 20_001 else { throw ShianError(.payloadTooLarge, "importTooManyRows", arguments: ["20000"]) }
        let columns = header.map { raw -> String? in
            let name = raw.trimmingCharacters(in: .whitespaces)
            return fieldNames.contains(name) ? name : headerAliases[name]
        }
        for required in ["name", "kind", "regionCode", "phone", "appointedOn"] where !columns.contains(required) {
            throw ShianError(.unprocessableEntity, "importColumnMissing", field: required, arguments: [required])
        }
        var errors: [BusinessImport.RowError] = []
        var valid: [StaffWrites.Valid] = []
        var seen: [String: Int] = [:]
        for (index, cells) in table.dropFirst().enumerated() {
            let row = index + 2
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var fields: [String: String] = [:]
            for (column, cell) in zip(columns, cells) { if let column { fields[column] = cell } }
            let input = StaffController.Input(
                name: fields["name"], kind: fields["kind"], regionCode: fields["regionCode"], phone: fields["phone"],
                annualSubsidyYuan: fields["annualSubsidyYuan"], appointedOn: fields["appointedOn"], trainedOn: fields["trainedOn"], active: "true")
            do {
                let entry = try await StaffWrites.validate(input, by: principal, on: request.db)
                let key = entry.kind.rawValue + entry.phone
                if let first = seen[key] {
                    errors.append(.init(row: row, field: "phone", code: "duplicateInFile", message: request.t("error.duplicateInFile", [String(first)])))
                } else {
                    seen[key] = row
                    valid.append(entry)
                }
            } catch {
                let failure = ShianError.from(error)
                errors.append(.init(row: row, field: failure.field ?? "", code: failure.code, message: request.t("error.\(failure.code)", failure.arguments)))
            }
        }
        guard errors.isEmpty else { throw BusinessImport.Refusal(rows: Array(errors.prefix(1000)), total: errors.count) }

        let entries = valid
        let (created, updated) = try await request.db.transaction { db -> (Int, Int) in
            var created = 0, updated = 0
            for entry in entries {
                let existing = try await GrassrootsStaff.query(on: db).filter(\.$kind == entry.kind).filter(\.$phone == entry.phone).first()
                let member = existing ?? GrassrootsStaff()
                let before = existing?.auditFields
                entry.apply(to: member)
                if existing == nil {
                    created += 1
                    if commit {
                        try await member.create(on: db)
                        try await AuditLog.record(.create, member, before: nil, actor: principal.actor, on: db)
                    }
                } else if member.auditFields != before {
                    updated += 1
                    if commit {
                        try await member.update(on: db)
                        try await AuditLog.record(.update, member, before: before, actor: principal.actor, on: db)
                    }
                }
            }
            return (created, updated)
        }
        return BusinessImport.Report(imported: valid.count, created: created, updated: updated, unchanged: valid.count - created - updated, dryRun: !commit)
    }
}
