import FluentKit
import ShianCore
import ShianStore
import Vapor

/// The region pages: a searchable list, each region with its children, and the admin forms.
enum RegionsController {
    static func index(request: Request) async throws -> Response {
        let principal = try request.require(.readRegions)
        let list = try ListParameters(request)
        let filter = RegionQueries.Filter(
            query: list.query, level: (try? request.query.get(String.self, at: "level")).flatMap(RegionLevel.init),
            parent: nil, active: list.active)
        if CSVExport.isRequested(request) {
            let rows = try await CSVExport.collect { cursor in
                try await RegionQueries.list(filter, scope: principal.scope, cursor: cursor, limit: 500, on: request.db)
            }
            return try await CSVExport.response(
                filename: "regions",
                header: ["field.code", "field.name", "field.level", "field.parentCode", "field.status"].map { request.t($0) },
                rows: rows.map { [$0.code, $0.name, request.t("level.\($0.level.rawValue)"), $0.parentCode ?? "",
                                  request.t($0.active ? "status.active" : "status.inactive")] },
                entityType: "region", principal: principal, on: request.db)
        }
        let page = try await RegionQueries.list(
            filter, scope: principal.scope, cursor: list.cursor, limit: list.limit, on: request.db)
        let model = RegionListPage.Model(
            filter: filter, rows: page.items, nextCursor: page.nextCursor, rawQuery: list.rawQuery,
            scopeRoot: principal.user.regionCode, canManage: principal.role.may(.manageRegions))
        return .html(RegionListPage(context: request.pageContext, model: model).render())
    }

    static func show(request: Request) async throws -> Response {
        let principal = try request.require(.readRegions)
        let region = try await RegionQueries.find(code: request.parameters.get("code") ?? "", scope: principal.scope, on: request.db)
        let list = try ListParameters(request, defaultLimit: 100)
        async let children = RegionQueries.list(
            RegionQueries.Filter(parent: region.code), scope: principal.scope, cursor: list.cursor, limit: list.limit, on: request.db)
        async let lineage = RegionQueries.lineage(of: region, scope: principal.scope, on: request.db)
        async let counts = RegionQueries.descendantCounts(of: region, on: request.db)
        async let history = AuditLog.history(entityType: Region.auditEntityType, entityID: region.id?.uuidString ?? "", on: request.db)
        let model = RegionPage.Model(
            region: region, lineage: try await lineage, children: try await children, counts: try await counts,
            history: try await history, canManage: principal.role.may(.manageRegions))
        return .html(RegionPage(context: request.pageContext, model: model).render())
    }

    static func new(request: Request) async throws -> Response {
        _ = try request.require(.manageRegions)
        let parent = (try? request.query.get(String.self, at: "parent")) ?? ""
        let form = RegionFormPage.Model(isNew: true, code: parent, name: "", active: true, errors: [:])
        return .html(RegionFormPage(context: request.pageContext, model: form).render())
    }

    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.manageRegions)
        let input = try request.content.decode(RegionWrites.Creation.self)
        do {
            let region = try await RegionWrites.create(input, by: principal, on: request.db)
            return request.redirect(to: SiteURL.region(region.code).path)
        } catch let caught {
            let error = ShianError.from(caught)
            guard error.field != nil else { throw caught }
            let form = RegionFormPage.Model(
                isNew: true, code: input.code ?? "", name: input.name ?? "", active: true,
                errors: [error.field ?? "": request.t("error.\(error.code)", error.arguments)])
            return .html(RegionFormPage(context: request.pageContext, model: form).render(), status: error.status)
        }
    }

    static func edit(request: Request) async throws -> Response {
        let principal = try request.require(.manageRegions)
        let region = try await RegionQueries.find(code: request.parameters.get("code") ?? "", scope: principal.scope, on: request.db)
        let form = RegionFormPage.Model(isNew: false, code: region.code, name: region.name, active: region.active, errors: [:])
        return .html(RegionFormPage(context: request.pageContext, model: form).render())
    }

    static func update(request: Request) async throws -> Response {
        let principal = try request.require(.manageRegions)
        let region = try await RegionQueries.find(code: request.parameters.get("code") ?? "", scope: principal.scope, on: request.db)
        let form = try request.content.decode(FormChange.self)
        let change = RegionWrites.Change(name: form.name, active: form.active.map { $0 == "true" })
        do {
            _ = try await RegionWrites.update(region, with: change, by: principal, on: request.db)
            return request.redirect(to: SiteURL.region(region.code).path)
        } catch let caught {
            let error = ShianError.from(caught)
            guard error.field != nil else { throw caught }
            let model = RegionFormPage.Model(
                isNew: false, code: region.code, name: form.name ?? region.name, active: region.active,
                errors: [error.field ?? "": request.t("error.\(error.code)", error.arguments)])
            return .html(RegionFormPage(context: request.pageContext, model: model).render(), status: error.status)
        }
    }

    /// HTML forms send `active` as text.
    struct FormChange: Content {
        var name: String?
        var active: String?
    }
}
