import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The inspector's pages (phone first): the checklist form, the inspection record, and the
/// rectification orders with their answer and verification forms.
enum InspectionsController {
    static func new(request: Request) async throws -> Response {
        let principal = try request.require(.recordInspections)
        guard let id = (try? request.query.get(String.self, at: "businessId")).flatMap(UUID.init(uuidString:)) else { throw ShianError.notFound }
        let business = try await principal.scope.find(Business.self, id, on: request.db)
        let templates = try await ChecklistTemplate.query(on: request.db).filter(\.$active == true).with(\.$items).all()
        guard let template = templates.first(where: { $0.categoryList.contains(business.category) }) else {
            throw ShianError(.unprocessableEntity, "templateNotForCategory")
        }
        return .html(InspectionFormPage(context: request.pageContext, business: business, template: template, error: nil).render())
    }

    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.recordInspections)
        let form = try request.content.decode([String: String].self)
        guard let businessID = form["businessId"].flatMap(UUID.init(uuidString:)),
            let templateID = form["templateId"].flatMap(UUID.init(uuidString:))
        else { throw ShianError.malformed() }
        let items = form.compactMap { key, value -> InspectionRecorder.ItemInput? in
            guard key.hasPrefix("outcome_"), let id = UUID(uuidString: String(key.dropFirst(8))), let outcome = ItemOutcome(rawValue: value) else {
                return nil
            }
            return .init(itemId: id, outcome: outcome, correctedOnSite: form["corrected_\(id.uuidString)"] == "true", note: form["note_\(id.uuidString)"])
        }
        let input = InspectionRecorder.Input(
            businessId: businessID, templateId: templateID, kind: .adHoc, inspectedAt: nil, notes: form["notes"],
            acknowledgedBy: form["acknowledgedBy"], items: items)
        do {
            let recorded = try await InspectionRecorder.record(input, by: principal, policy: request.application.shian.rectificationPolicy, on: request.db)
            return request.redirect(to: SiteURL.inspection(try recorded.inspection.requireID()).path)
        } catch let caught {
            let error = ShianError.from(caught)
            guard error.status == .unprocessableEntity else { throw caught }
            let business = try await principal.scope.find(Business.self, businessID, on: request.db)
            guard let template = try await ChecklistTemplate.query(on: request.db).filter(\.$id == templateID).with(\.$items).first() else { throw caught }
            let page = InspectionFormPage(context: request.pageContext, business: business, template: template,
                                          error: request.t("error.\(error.code)", error.arguments))
            return .html(page.render(), status: error.status)
        }
    }

    static func show(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        guard principal.role.may(.readInspections) || principal.role == .businessOperator else { throw ShianError.forbidden }
        let inspection = try await principal.scope.find(Inspection.self, try request.idParameter(), on: request.db)
        async let business = Business.find(inspection.$business.id, on: request.db)
        async let findings = Finding.query(on: request.db).filter(\.$inspection.$id == inspection.requireID()).with(\.$item).all()
        async let order = RectificationOrder.query(on: request.db).filter(\.$inspection.$id == inspection.requireID()).first()
        async let inspector = User.find(inspection.$inspector.id, on: request.db)
        async let attachments = Attachments.list(try inspection.requireID(), scope: principal.scope, on: request.db)
        let model = InspectionPage.Model(
            inspection: inspection, business: try await business, findings: try await findings, order: try await order,
            inspectorName: try await inspector?.displayName ?? "", attachments: try await attachments,
            canAttach: principal.role.may(.recordInspections))
        return .html(InspectionPage(context: request.pageContext, model: model).render())
    }

    static func orders(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        guard principal.role.may(.readInspections) || principal.role == .businessOperator else { throw ShianError.forbidden }
        let list = try ListParameters(request)
        let region = list.rawQuery["regionCode"].flatMap { $0.isEmpty ? nil : $0 }
        if let region { try principal.scope.require(covers: region) }
        let now = Date()
        let page = try await RectificationQueries.list(
            status: list.rawQuery["status"], regionCode: region, scope: principal.scope, cursor: list.cursor, limit: list.limit, now: now,
            on: request.db)
        let names = try await Business.names(of: page.items.map { $0.$business.id }, on: request.db)
        let model = OrderListPage.Model(orders: page.items, names: names, nextCursor: page.nextCursor, rawQuery: list.rawQuery, now: now)
        return .html(OrderListPage(context: request.pageContext, model: model).render())
    }

    static func order(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        guard principal.role.may(.readInspections) || principal.role == .businessOperator else { throw ShianError.forbidden }
        let order = try await principal.scope.find(RectificationOrder.self, try request.idParameter(), on: request.db)
        return try await renderOrder(order, principal: principal, request: request, error: nil)
    }

    static func answer(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let order = try await principal.scope.find(RectificationOrder.self, try request.idParameter(), on: request.db)
        do {
            _ = try await RectificationWrites.answer(order, try request.content.decode(RectificationWrites.Answer.self), by: principal, on: request.db)
            return request.redirect(to: SiteURL.order(try order.requireID()).path)
        } catch let caught {
            let error = ShianError.from(caught)
            guard error.field != nil else { throw caught }
            return try await renderOrder(order, principal: principal, request: request, error: request.t("error.\(error.code)", error.arguments), status: error.status)
        }
    }

    static func verify(request: Request) async throws -> Response {
        let principal = try request.require(.recordInspections)
        let order = try await principal.scope.find(RectificationOrder.self, try request.idParameter(), on: request.db)
        let form = try request.content.decode([String: String].self)
        let input = RectificationWrites.Verification(accepted: form["decision"].map { $0 == "accept" }, reason: form["reason"])
        do {
            _ = try await RectificationWrites.verify(order, input, by: principal, on: request.db)
            return request.redirect(to: SiteURL.order(try order.requireID()).path)
        } catch let caught {
            let error = ShianError.from(caught)
            guard error.field != nil else { throw caught }
            return try await renderOrder(order, principal: principal, request: request, error: request.t("error.\(error.code)", error.arguments), status: error.status)
        }
    }

    private static func renderOrder(
        _ order: RectificationOrder, principal: Principal, request: Request, error: String?, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        async let business = Business.find(order.$business.id, on: request.db)
        async let findings = Finding.query(on: request.db).filter(\.$order.$id == order.requireID()).with(\.$item).all()
        async let history = AuditLog.history(entityType: RectificationOrder.auditEntityType, entityID: order.id?.uuidString ?? "", on: request.db)
        async let attachments = Attachments.list(try order.requireID(), scope: principal.scope, on: request.db)
        let ownBusiness = principal.role == .businessOperator && principal.user.$business.id == order.$business.id
        let mayAct = ownBusiness || principal.role.may(.manageBusinesses)
        let model = OrderPage.Model(
            order: order, business: try await business, findings: try await findings, history: try await history, now: Date(),
            canAnswer: order.status == .open && mayAct, canVerify: order.status == .answered && principal.role.may(.recordInspections),
            attachments: try await attachments, canAttach: order.status != .closed && (mayAct || principal.role.may(.recordInspections)),
            error: error)
        return .html(OrderPage(context: request.pageContext, model: model).render(), status: status)
    }
}
