import FluentKit
import ShianCore
import ShianStore
import Vapor

/// Creating and changing departments, shared by the pages and the API.
enum DepartmentWrites {
    struct Input: Content {
        var regionCode: String?
        var code: String?
        var name: String?
        var duties: String?
        var active: Bool?
    }

    static func create(_ input: Input, by principal: Principal, on database: any Database) async throws -> Department {
        guard principal.role.may(.manageDepartments) else { throw ShianError.forbidden }
        let regionCode = try RegionCode((input.regionCode ?? principal.user.regionCode).trimmingCharacters(in: .whitespaces))
        try principal.scope.require(covers: regionCode.rawValue)
        let code = try validCode(input.code)
        let name = try RegionWrites.validName(input.name)
        let duties = try validDuties(input.duties)
        return try await database.transaction { db in
            guard try await Region.query(on: db).filter(\.$code == regionCode.rawValue).first() != nil else {
                throw ShianError(.unprocessableEntity, "regionMissing", field: "regionCode", arguments: [regionCode.rawValue])
            }
            let taken = try await Department.query(on: db)
                .filter(\.$regionCode == regionCode.rawValue).filter(\.$code == code).first()
            guard taken == nil else { throw ShianError(.conflict, "departmentCodeTaken", field: "code", arguments: [code]) }
            let department = Department(regionCode: regionCode.rawValue, code: code, name: name, duties: duties)
            try await department.create(on: db)
            try await AuditLog.record(.create, department, before: nil, actor: principal.actor, on: db)
            return department
        }
    }

    static func update(_ department: Department, with input: Input, by principal: Principal, on database: any Database)
        async throws -> Department
    {
        guard principal.role.may(.manageDepartments) else { throw ShianError.forbidden }
        let name = try input.name.map(RegionWrites.validName)
        let duties = try input.duties.map(validDuties)
        return try await database.transaction { db in
            let before = department.auditFields
            if let name { department.name = name }
            if let duties { department.duties = duties }
            var action = AuditEntry.Action.update
            if let active = input.active, active != department.active {
                department.active = active
                action = active ? .reactivate : .deactivate
            }
            guard department.auditFields != before else { return department }
            try await department.update(on: db)
            try await AuditLog.record(action, department, before: before, actor: principal.actor, on: db)
            return department
        }
    }

    static func validCode(_ raw: String?) throws(ShianError) -> String {
        let code = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty else { throw ShianError(.unprocessableEntity, "codeMissing", field: "code") }
        guard code.count <= 40, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw ShianError(.unprocessableEntity, "codeCharacters", field: "code")
        }
        return code
    }

    static func validDuties(_ raw: String?) throws(ShianError) -> String {
        let duties = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard duties.count <= 2000 else {
            throw ShianError(.unprocessableEntity, "textTooLong", field: "duties", arguments: ["2000"])
        }
        return duties
    }
}

/// Reads of departments.
enum DepartmentQueries {
    static func list(query text: String?, active: Bool?, scope: Scope, cursor: PageCursor?, limit: Int, on database: any Database)
        async throws -> RecordPage<Department>
    {
        let query = scope.query(Department.self, on: database)
        if let active { query.filter(\.$active == active) }
        if let text, !text.isEmpty {
            query.group(.or) { $0.filter(\.$name ~~ text).filter(\.$code ~~ text).filter(\.$duties ~~ text) }
        }
        return try await query.keysetPage(sortedBy: \.$code, after: cursor, limit: limit)
    }
}
