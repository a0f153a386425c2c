import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The roster of grid assistants and informants (协管员、信息员): subsidy, training, appointment.
enum StaffController {
    /// Fields as typed (pages and API alike).
    struct Input: Content {
        var name: String?
        var kind: String?
        var regionCode: String?
        var phone: String?
        var annualSubsidyYuan: String?
        var appointedOn: String?
        var trainedOn: String?
        var active: String?
    }

    static func index(request: Request) async throws -> Response {
        let principal = try request.require(.readGrids)
        let list = try ListParameters(request)
        if CSVExport.isRequested(request) {
            let rows = try await CSVExport.collect { cursor in
                try await StaffQueries.list(from: list, cursor: cursor, limit: 500, scope: principal.scope, on: request.db)
            }
            return try await CSVExport.response(
                filename: "grassroots-staff",
                header: ["field.name", "staff.kind", "field.regionCode", "field.phone", "staff.subsidyYuan", "staff.appointedOn",
                         "staff.trainedOn", "field.status"].map { request.t($0) },
                rows: rows.map { member in
                    let input = StaffWrites.input(of: member)
                    return [member.name, request.t("staffKind.\(member.kind.rawValue)"), member.regionCode, member.phone,
                            input.annualSubsidyYuan ?? "", input.appointedOn ?? "", input.trainedOn ?? "",
                            request.t(member.active ? "status.active" : "status.inactive")]
                },
                entityType: GrassrootsStaff.auditEntityType, principal: principal, on: request.db)
        }
        let page = try await StaffQueries.list(from: list, scope: principal.scope, on: request.db)
        let model = StaffListPage.Model(rows: page.items, nextCursor: page.nextCursor, rawQuery: list.rawQuery,
                                        canManage: principal.role.may(.manageGrids))
        return .html(StaffListPage(context: request.pageContext, model: model).render())
    }

    static func new(request: Request) async throws -> Response {
        let principal = try request.require(.manageGrids)
        let input = Input(kind: "assistant", regionCode: (try? request.query.get(String.self, at: "regionCode")) ?? principal.user.regionCode,
                          annualSubsidyYuan: "600", appointedOn: Formatting.day(Date()), active: "true")
        return .html(StaffFormPage(context: request.pageContext, model: .init(id: nil, input: input, errors: [:])).render())
    }

    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.manageGrids)
        let input = try request.content.decode(Input.self)
        do {
            let member = try await StaffWrites.save(nil, input, by: principal, on: request.db)
            return request.redirect(to: SiteURL.staffMember(try member.requireID()).path)
        } catch let caught {
            return try formError(caught, id: nil, input: input, request: request)
        }
    }

    static func show(request: Request) async throws -> Response {
        let principal = try request.require(.readGrids)
        let member = try await principal.scope.find(GrassrootsStaff.self, try request.idParameter(), on: request.db)
        let input = StaffWrites.input(of: member)
        let history = try await AuditLog.history(entityType: GrassrootsStaff.auditEntityType, entityID: member.id?.uuidString ?? "", on: request.db)
        return .html(StaffFormPage(context: request.pageContext,
                                   model: .init(id: member.id, input: input, errors: [:], history: history,
                                                readOnly: !principal.role.may(.manageGrids))).render())
    }

    static func update(request: Request) async throws -> Response {
        let principal = try request.require(.manageGrids)
        let member = try await principal.scope.find(GrassrootsStaff.self, try request.idParameter(), on: request.db)
        let input = try request.content.decode(Input.self)
        do {
            _ = try await StaffWrites.save(member, input, by: principal, on: request.db)
            return request.redirect(to: SiteURL.staffMember(try member.requireID()).path)
        } catch let caught {
            return try formError(caught, id: member.id, input: input, request: request)
        }
    }

    private static func formError(_ caught: any Error, id: UUID?, input: Input, request: Request) throws -> Response {
        let error = ShianError.from(caught)
        guard error.field != nil else { throw caught }
        let model = StaffFormPage.Model(id: id, input: input, errors: [error.field ?? "": request.t("error.\(error.code)", error.arguments)])
        return .html(StaffFormPage(context: request.pageContext, model: model).render(), status: error.status)
    }
}

enum StaffQueries {
    static func list(from list: ListParameters, scope: Scope, on database: any Database) async throws -> RecordPage<GrassrootsStaff> {
        try await self.list(from: list, cursor: list.cursor, limit: list.limit, scope: scope, on: database)
    }

    static func list(from list: ListParameters, cursor: PageCursor?, limit: Int, scope: Scope, on database: any Database) async throws
        -> RecordPage<GrassrootsStaff>
    {
        let raw = list.rawQuery
        var place: String?
        if let code = raw["regionCode"], !code.isEmpty {
            guard RegionCode(validating: code) != nil else { throw ShianError(.badRequest, "regionCodeInvalid", field: "regionCode") }
            guard scope.covers(code) else { throw ShianError.forbidden }
            place = code
        }
        let query = scope.query(GrassrootsStaff.self, on: database, under: place)
        if let kind = raw["kind"], !kind.isEmpty {
            guard let value = GrassrootsStaffKind(rawValue: kind) else { throw ShianError(.badRequest, "staffKindInvalid", field: "kind") }
            query.filter(\.$kind == value)
        }
        if let active = list.active { query.filter(\.$active == active) }
        if let text = list.query { query.group(.or) { $0.filter(\.$name ~~ text).filter(\.$phone ~~ text) } }
        return try await query.keysetPage(sortedBy: \.$regionCode, after: cursor, limit: limit)
    }
}

enum StaffWrites {
    /// A roster entry that passed every check.
    struct Valid: Sendable {
        let name: String
        let kind: GrassrootsStaffKind
        let regionCode: String
        let phone: String
        let annualSubsidyFen: Int
        let appointedOn: Date
        let trainedOn: Date?
        let active: Bool

        func apply(to member: GrassrootsStaff) {
            member.name = name
            member.kind = kind
            member.regionCode = regionCode
            member.phone = phone
            member.annualSubsidyFen = annualSubsidyFen
            member.appointedOn = appointedOn
            member.trainedOn = trainedOn
            member.active = active
        }
    }

    static func validate(_ input: StaffController.Input, by principal: Principal, on database: any Database) async throws -> Valid {
        guard principal.role.may(.manageGrids) else { throw ShianError.forbidden }
        let name = (input.name ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 50 else { throw ShianError(.unprocessableEntity, "nameMissing", field: "name") }
        let kindText = input.kind ?? ""
        guard let kind = GrassrootsStaffKind(rawValue: kindText) ?? ["协管员": .assistant, "信息员": .informant][kindText] else {
            throw ShianError(.unprocessableEntity, "staffKindInvalid", field: "kind")
        }
        let region = try RegionCode((input.regionCode ?? "").trimmingCharacters(in: .whitespaces))
        guard region.level == .village || region.level == .grid else {
            throw ShianError(.unprocessableEntity, "staffPlaceLevel", field: "regionCode")
        }
        guard principal.scope.covers(region.rawValue) else { throw ShianError(.forbidden, "scopeOutsideOwn", field: "regionCode") }
        guard try await Region.query(on: database).filter(\.$code == region.rawValue).first() != nil else {
            throw ShianError(.unprocessableEntity, "regionMissing", field: "regionCode", arguments: [region.rawValue])
        }
        let phone = (input.phone ?? "").trimmingCharacters(in: .whitespaces)
        guard phone.count == 11, phone.first == "1", phone.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ShianError(.unprocessableEntity, "phoneInvalid", field: "phone")
        }
        let subsidyText = (input.annualSubsidyYuan ?? "0").trimmingCharacters(in: .whitespaces)
        guard let subsidy = Double(subsidyText.isEmpty ? "0" : subsidyText), subsidy >= 0, subsidy < 1_000_000 else {
            throw ShianError(.unprocessableEntity, "numberInvalid", field: "annualSubsidyYuan", arguments: [subsidyText])
        }
        guard let appointed = input.appointedOn.flatMap(BusinessDraft.parseDate) else {
            throw ShianError(.unprocessableEntity, "dateInvalid", field: "appointedOn", arguments: [input.appointedOn ?? ""])
        }
        var trained: Date?
        if let text = input.trainedOn, !text.isEmpty {
            guard let day = BusinessDraft.parseDate(text) else { throw ShianError(.unprocessableEntity, "dateInvalid", field: "trainedOn", arguments: [text]) }
            trained = day
        }
        return Valid(
            name: name, kind: kind, regionCode: region.rawValue, phone: phone, annualSubsidyFen: Int((subsidy * 100).rounded()),
            appointedOn: appointed, trainedOn: trained, active: input.active.map { $0 != "false" } ?? true)
    }

    static func save(_ existing: GrassrootsStaff?, _ input: StaffController.Input, by principal: Principal, on database: any Database)
        async throws -> GrassrootsStaff
    {
        let valid = try await validate(input, by: principal, on: database)
        let member = existing ?? GrassrootsStaff()
        let before = existing?.auditFields
        valid.apply(to: member)
        try await database.transaction { db in
            if existing == nil {
                try await member.create(on: db)
                try await AuditLog.record(.create, member, before: nil, actor: principal.actor, on: db)
            } else if member.auditFields != before {
                try await member.update(on: db)
                try await AuditLog.record(.update, member, before: before, actor: principal.actor, on: db)
            }
        }
        return member
    }

    static func input(of member: GrassrootsStaff) -> StaffController.Input {
        StaffController.Input(
            name: member.name, kind: member.kind.rawValue, regionCode: member.regionCode, phone: member.phone,
            annualSubsidyYuan: String(format: "%g", Double(member.annualSubsidyFen) / 100), appointedOn: Formatting.day(member.appointedOn),
            trainedOn: member.trainedOn.map(Formatting.day), active: member.active ? "true" : "false")
    }
}
