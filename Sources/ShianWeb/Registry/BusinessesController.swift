import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The registry pages: the list with drill-down, a business's page, its forms and its certificate.
enum BusinessesController {
    static func index(request: Request) async throws -> Response {
        let principal = try request.require(.readBusinesses)
        let list = try ListParameters(request)
        let filter = try BusinessFilterParameters.filter(from: request, list: list, scope: principal.scope)
        if let format = try? request.query.get(String.self, at: "format"), !format.isEmpty {
            return try await BusinessExport.response(filter, principal: principal, request: request)
        }
        let today = Date()
        let place = filter.regionCode ?? principal.user.regionCode
        async let page = BusinessQueries.list(filter, scope: principal.scope, cursor: list.cursor, limit: list.limit, today: today, on: request.db)
        async let total = BusinessQueries.count(filter, scope: principal.scope, today: today, on: request.db)
        async let current = Region.query(on: request.db).filter(\.$code == place).first()
        async let children = RegionQueries.list(.init(parent: place), scope: principal.scope, cursor: nil, limit: 200, on: request.db)
        let region = try await current
        var lineage: [Region] = []
        if let region = try await region { lineage = try await RegionQueries.lineage(of: region, scope: principal.scope, on: request.db) }
        let model = BusinessListPage.Model(
            filter: filter, rows: try await page.items, nextCursor: try await page.nextCursor, total: try await total,
            rawQuery: list.rawQuery, lineage: lineage, children: try await children.items, today: today,
            canManage: principal.role.may(.manageBusinesses))
        return .html(BusinessListPage(context: request.pageContext, model: model).render())
    }

    static func show(request: Request) async throws -> Response {
        // Business operators open their own business's page (the scope narrows to it).
        let principal = try request.requirePrincipal()
        guard principal.role.may(.readBusinesses) || principal.role == .businessOperator else { throw ShianError.forbidden }
        let business = try await principal.scope.find(Business.self, try request.idParameter(), on: request.db)
        async let history = AuditLog.history(entityType: Business.auditEntityType, entityID: business.id?.uuidString ?? "", on: request.db)
        async let cadres = CadreBusiness.query(on: request.db).filter(\.$business.$id == business.id ?? UUID()).with(\.$cadre).all()
        async let lineage = Region.query(on: request.db)
            .filter(\.$code ~~ (RegionCode(validating: business.regionCode)?.lineage.map(\.rawValue) ?? [])).sort(\.$code).all()
        async let products = WorkshopProduct.query(on: request.db).filter(\.$business.$id == business.id ?? UUID()).sort(\.$name).all()
        async let inspections = Inspection.query(on: request.db).filter(\.$business.$id == business.id ?? UUID())
            .sort(\.$inspectedAt, .descending).limit(10).all()
        async let openOrders = RectificationOrder.query(on: request.db).filter(\.$business.$id == business.id ?? UUID())
            .filter(\.$status != .closed).sort(\.$deadline).limit(20).all()
        let model = BusinessPage.Model(
            business: business, lineage: try await lineage, cadres: try await cadres.map(\.cadre), products: try await products,
            catalogue: request.application.shian.smallBusinessRules.workshopCatalogue, inspections: try await inspections,
            openOrders: try await openOrders,
            canInspect: principal.role.may(.recordInspections), history: try await history,
            today: Date(), canManage: principal.role.may(.manageBusinesses))
        return .html(BusinessPage(context: request.pageContext, model: model).render())
    }

    static func new(request: Request) async throws -> Response {
        let principal = try request.require(.manageBusinesses)
        let fields = ["gridCode": (try? request.query.get(String.self, at: "gridCode")) ?? principal.user.regionCode,
                      "category": (try? request.query.get(String.self, at: "category")) ?? ""]
        return .html(BusinessFormPage(context: request.pageContext, model: .init(id: nil, fields: fields, errors: [:])).render())
    }

    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.manageBusinesses)
        let fields = try formFields(request)
        do {
            let business = try await BusinessWrites.create(try BusinessWrites.draft(fields, rules: request.application.shian.smallBusinessRules), by: principal, on: request.db)
            return request.redirect(to: SiteURL.business(try business.requireID()).path)
        } catch let caught {
            return try formError(caught, id: nil, fields: fields, request: request)
        }
    }

    static func edit(request: Request) async throws -> Response {
        let principal = try request.require(.manageBusinesses)
        let business = try await principal.scope.find(Business.self, try request.idParameter(), on: request.db)
        let model = BusinessFormPage.Model(id: business.id, fields: BusinessWrites.fields(of: business), errors: [:])
        return .html(BusinessFormPage(context: request.pageContext, model: model).render())
    }

    static func update(request: Request) async throws -> Response {
        let principal = try request.require(.manageBusinesses)
        let business = try await principal.scope.find(Business.self, try request.idParameter(), on: request.db)
        let fields = try formFields(request)
        do {
            _ = try await BusinessWrites.update(business, with: fields, rules: request.application.shian.smallBusinessRules, by: principal, on: request.db)
            return request.redirect(to: SiteURL.business(try business.requireID()).path)
        } catch let caught {
            return try formError(caught, id: business.id, fields: fields, request: request)
        }
    }

    static func renewPermit(request: Request) async throws -> Response {
        let principal = try request.require(.manageBusinesses)
        let business = try await principal.scope.find(Business.self, try request.idParameter(), on: request.db)
        _ = try await BusinessWrites.renewPermit(business, rules: request.application.shian.smallBusinessRules, by: principal, today: Date(), on: request.db)
        return request.redirect(to: SiteURL.business(try business.requireID()).path)
    }

    static func cancelPermit(request: Request) async throws -> Response {
        let principal = try request.require(.manageBusinesses)
        let business = try await principal.scope.find(Business.self, try request.idParameter(), on: request.db)
        _ = try await BusinessWrites.cancelPermit(business, by: principal, on: request.db)
        return request.redirect(to: SiteURL.business(try business.requireID()).path)
    }

    static func certificate(request: Request) async throws -> Response {
        let principal = try request.require(.readBusinesses)
        let business = try await principal.scope.find(Business.self, try request.idParameter(), on: request.db)
        guard business.permitKind == .registration || business.permitKind == .filing else { throw ShianError.notFound }
        return .html(PermitCertificatePage(context: request.pageContext, business: business).render())
    }

    /// The form's fields as typed (everything but the CSRF token).
    private static func formFields(_ request: Request) throws -> [String: String] {
        let fields = try request.content.decode([String: String].self)
        return fields.filter { BusinessImport.fieldNames.contains($0.key) }
    }

    private static func formError(_ caught: any Error, id: UUID?, fields: [String: String], request: Request) throws -> Response {
        let error = ShianError.from(caught)
        guard error.field != nil else { throw caught }
        let model = BusinessFormPage.Model(
            id: id, fields: fields, errors: [error.field ?? "": request.t("error.\(error.code)", error.arguments)])
        return .html(BusinessFormPage(context: request.pageContext, model: model).render(), status: error.status)
    }
}
