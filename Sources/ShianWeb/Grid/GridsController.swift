import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The grid pages: grids with their counts and coverage, and each grid's charter (五定).
enum GridsController {
    struct CharterForm: Content {
        var areaDescription: String?
        var targets: String?
        var duties: String?
        var rewardsAndPenalties: String?
    }

    struct RecordForm: Content {
        var kind: String?
        var occurredOn: String?
        var description: String?
        var recipient: String?
        var amountYuan: String?
    }

    static func index(request: Request) async throws -> Response {
        let principal = try request.require(.readGrids)
        let list = try ListParameters(request, defaultLimit: 100)
        let placeCode = list.rawQuery["regionCode"].flatMap { $0.isEmpty ? nil : $0 } ?? principal.user.regionCode
        guard let place = RegionCode(validating: placeCode) else { throw ShianError(.badRequest, "regionCodeInvalid", field: "regionCode") }
        try principal.scope.require(covers: place.rawValue)
        async let rows = GridQueries.grids(under: place, scope: principal.scope, cursor: list.cursor, limit: list.limit, on: request.db)
        async let coverage = GridQueries.coverage(under: place, on: request.db)
        async let region = Region.query(on: request.db).filter(\.$code == place.rawValue).first()
        async let children = RegionQueries.list(.init(parent: place.rawValue), scope: principal.scope, cursor: nil, limit: 200, on: request.db)
        var lineage: [Region] = []
        if let region = try await region { lineage = try await RegionQueries.lineage(of: region, scope: principal.scope, on: request.db) }
        let page = try await rows
        let model = GridListPage.Model(
            place: place.rawValue, lineage: lineage, children: place.level < .village ? try await children.items : [],
            rows: page.items, nextCursor: page.nextCursor, coverage: try await coverage, rawQuery: list.rawQuery)
        return .html(GridListPage(context: request.pageContext, model: model).render())
    }

    static func show(request: Request) async throws -> Response {
        let principal = try request.require(.readGrids)
        let grid = try await RegionQueries.find(code: request.parameters.get("code") ?? "", scope: principal.scope, on: request.db)
        guard grid.level == .grid, let code = grid.regionCode, let village = code.parent else { throw ShianError.notFound }
        async let charter = GridCharter.query(on: request.db).filter(\.$regionCode == grid.code).first()
        async let records = GridCharterRecord.query(on: request.db).filter(\.$regionCode == grid.code).sort(\.$occurredOn, .descending).limit(50).all()
        async let staff = GrassrootsStaff.query(on: request.db).filter(\.$active == true)
            .group(.or) { $0.filter(\.$regionCode == grid.code).filter(\.$regionCode == village.rawValue) }.sort(\.$name).all()
        async let inspectors = User.query(on: request.db).filter(\.$role == .inspector).filter(\.$active == true)
            .filter(\.$regionCode ~~ code.lineage.map(\.rawValue)).sort(\.$username).all()
        async let businesses = BusinessQueries.list(
            .init(regionCode: grid.code), scope: principal.scope, cursor: nil, limit: 50, today: Date(), on: request.db)
        async let total = BusinessQueries.count(.init(regionCode: grid.code, status: .active), scope: principal.scope, today: Date(), on: request.db)
        async let lineage = RegionQueries.lineage(of: grid, scope: principal.scope, on: request.db)
        async let history = AuditLog.history(entityType: GridCharter.auditEntityType, entityID: grid.code, on: request.db)
        let model = GridPage.Model(
            grid: grid, lineage: try await lineage, charter: try await charter, records: try await records, staff: try await staff,
            inspectors: try await inspectors, businesses: try await businesses.items, activeBusinesses: try await total,
            history: try await history, today: Date(), canManage: principal.role.may(.manageGrids), errors: [:])
        return .html(GridPage(context: request.pageContext, model: model).render())
    }

    static func updateCharter(request: Request) async throws -> Response {
        let principal = try request.require(.manageGrids)
        let grid = try await RegionQueries.find(code: request.parameters.get("code") ?? "", scope: principal.scope, on: request.db)
        guard grid.level == .grid else { throw ShianError.notFound }
        let form = try request.content.decode(CharterForm.self)
        try await GridWrites.saveCharter(grid: grid.code, form: form, by: principal, on: request.db)
        return request.redirect(to: SiteURL.grid(grid.code).path)
    }

    static func addRecord(request: Request) async throws -> Response {
        let principal = try request.require(.manageGrids)
        let grid = try await RegionQueries.find(code: request.parameters.get("code") ?? "", scope: principal.scope, on: request.db)
        guard grid.level == .grid else { throw ShianError.notFound }
        let form = try request.content.decode(RecordForm.self)
        try await GridWrites.addRecord(grid: grid.code, form: form, by: principal, on: request.db)
        return request.redirect(to: SiteURL.grid(grid.code).path + "#records")
    }
}

/// Writes of charters and their records.
enum GridWrites {
    static func saveCharter(grid: String, form: GridsController.CharterForm, by principal: Principal, on database: any Database) async throws {
        func text(_ value: String?, _ field: String) throws -> String {
            let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.count <= 2000 else { throw ShianError(.unprocessableEntity, "textTooLong", field: field, arguments: ["2000"]) }
            return text
        }
        let area = try text(form.areaDescription, "areaDescription"), targets = try text(form.targets, "targets")
        let duties = try text(form.duties, "duties"), rules = try text(form.rewardsAndPenalties, "rewardsAndPenalties")
        try await database.transaction { db in
            if let charter = try await GridCharter.query(on: db).filter(\.$regionCode == grid).first() {
                let before = charter.auditFields
                charter.areaDescription = area
                charter.targets = targets
                charter.duties = duties
                charter.rewardsAndPenalties = rules
                guard charter.auditFields != before else { return }
                try await charter.update(on: db)
                try await AuditLog.record(.update, charter, before: before, actor: principal.actor, on: db, entityID: grid)
            } else {
                let charter = GridCharter(regionCode: grid, areaDescription: area, targets: targets, duties: duties, rewardsAndPenalties: rules)
                try await charter.create(on: db)
                try await AuditLog.record(.create, charter, before: nil, actor: principal.actor, on: db, entityID: grid)
            }
        }
    }

    static func addRecord(grid: String, form: GridsController.RecordForm, by principal: Principal, on database: any Database) async throws {
        guard let kind = form.kind.flatMap(GridCharterRecord.Kind.init(rawValue:)) else {
            throw ShianError(.unprocessableEntity, "recordKindInvalid", field: "kind")
        }
        guard let day = form.occurredOn.flatMap(BusinessDraft.parseDate) else {
            throw ShianError(.unprocessableEntity, "dateInvalid", field: "occurredOn", arguments: [form.occurredOn ?? ""])
        }
        let description = (form.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let recipient = (form.recipient ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !description.isEmpty, description.count <= 500 else { throw ShianError(.unprocessableEntity, "fieldRequired", field: "description", arguments: ["description"]) }
        guard !recipient.isEmpty, recipient.count <= 50 else { throw ShianError(.unprocessableEntity, "fieldRequired", field: "recipient", arguments: ["recipient"]) }
        var amount: Int?
        if let text = form.amountYuan?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let yuan = Double(text), yuan >= 0, yuan < 1_000_000 else {
                throw ShianError(.unprocessableEntity, "numberInvalid", field: "amountYuan", arguments: [text])
            }
            amount = Int((yuan * 100).rounded())
        }
        let record = GridCharterRecord(regionCode: grid, kind: kind, occurredOn: day, description: description, recipient: recipient, amountFen: amount)
        try await database.transaction { db in
            try await record.create(on: db)
            try await AuditLog.record(.create, record, before: nil, actor: principal.actor, on: db)
        }
    }
}
