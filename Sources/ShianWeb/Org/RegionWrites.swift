import FluentKit
import ShianCore
import ShianStore
import Vapor

/// Creating and changing regions, shared by the pages and the API. Each write checks permission
/// and scope, validates, and writes the change with its audit entry in one transaction.
enum RegionWrites {
    struct Creation: Content {
        var code: String?
        var name: String?
    }

    struct Change: Content {
        var name: String?
        var active: Bool?
    }

    static func create(_ input: Creation, by principal: Principal, on database: any Database) async throws -> Region {
        guard principal.role.may(.manageRegions) else { throw ShianError.forbidden }
        let code = try RegionCode((input.code ?? "").trimmingCharacters(in: .whitespaces))
        let name = try validName(input.name)
        try principal.scope.require(covers: code.rawValue)
        return try await database.transaction { db in
            if let parent = code.parent {
                guard try await Region.query(on: db).filter(\.$code == parent.rawValue).first() != nil else {
                    throw ShianError(.unprocessableEntity, "regionParentMissing", field: "code", arguments: [parent.rawValue])
                }
            }
            guard try await Region.query(on: db).filter(\.$code == code.rawValue).first() == nil else {
                throw ShianError(.conflict, "regionCodeTaken", field: "code", arguments: [code.rawValue])
            }
            let region = Region(code: code, name: name)
            try await region.create(on: db)
            try await AuditLog.record(.create, region, before: nil, actor: principal.actor, on: db)
            return region
        }
    }

    static func update(_ region: Region, with change: Change, by principal: Principal, on database: any Database)
        async throws -> Region
    {
        guard principal.role.may(.manageRegions) else { throw ShianError.forbidden }
        try principal.scope.require(covers: region.code)
        let name = try change.name.map(validName)
        return try await database.transaction { db in
            let before = region.auditFields
            if let name { region.name = name }
            var action = AuditEntry.Action.update
            if let active = change.active, active != region.active {
                if !active {
                    let activeChildren = try await Region.query(on: db)
                        .filter(\.$parentCode == region.code).filter(\.$active == true).count()
                    guard activeChildren == 0 else {
                        throw ShianError(.unprocessableEntity, "regionHasActiveChildren", field: "active",
                                         arguments: [String(activeChildren)])
                    }
                }
                region.active = active
                action = active ? .reactivate : .deactivate
            }
            guard region.auditFields != before else { return region }
            try await region.update(on: db)
            try await AuditLog.record(action, region, before: before, actor: principal.actor, on: db)
            return region
        }
    }

    static func validName(_ raw: String?) throws(ShianError) -> String {
        let name = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw ShianError(.unprocessableEntity, "nameMissing", field: "name") }
        guard name.count <= 100 else {
            throw ShianError(.unprocessableEntity, "nameTooLong", field: "name", arguments: ["100"])
        }
        return name
    }
}
