import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The centralised warehouse's page: its bookings by slot with their intake and release, and a
/// booking form. Every write goes through `WarehouseWrites`, as the API's do.
enum WarehousePages {
    static func index(request: Request) async throws -> Response {
        try await render(request, fields: [:], error: nil)
    }

    private static func render(_ request: Request, fields: [String: String], error: String?, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        let principal = try request.requirePrincipal()
        let list = try ListParameters(request)
        let page = try await WarehouseWrites.bookings(list, for: principal, on: request.db).keysetPage(sortedBy: \.$slotAt, descending: true, after: list.cursor, limit: list.limit)
        let ids = Set(page.items.flatMap { [$0.$warehouse.id, $0.$owner.id] })
        let names = try await Business.names(of: ids, on: request.db)
        // An operator books at the warehouses of its county; its own scope is its business alone.
        let warehouseQuery = principal.user.$business.id == nil
            ? principal.scope.query(Business.self, on: request.db)
            : Business.query(on: request.db).filter(\.$regionCode >= String(principal.user.regionCode.prefix(RegionLevel.county.codeLength)))
                .filter(\.$regionCode < String(principal.user.regionCode.prefix(RegionLevel.county.codeLength)) + "~")
        let warehouses = try await warehouseQuery.filter(\.$category == .centralWarehouse).filter(\.$status == .active).sort(\.$name).limit(50).all()
        let view = WarehouseListPage(
            context: request.pageContext, bookings: page.items,
            names: names,
            warehouses: warehouses, nextCursor: page.nextCursor, rawQuery: list.rawQuery, fields: fields, error: error,
            ownBusiness: principal.user.$business.id != nil, mayRun: { WarehouseWrites.mayRunWarehouse($0, principal) },
            leadHours: request.application.shian.warehouseLeadHours)
        return .html(view.render(), status: status)
    }

    /// `yyyy-MM-ddTHH:mm` from a datetime-local field, read as China time.
    static func slot(_ text: String?) -> Date? {
        guard let text, text.count == 16 else { return nil }
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        guard parts.count == 5 else { return nil }
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4])
        guard Calendar.shanghai.date(from: components).map({ Calendar.shanghai.dateComponents([.year, .month, .day, .hour, .minute], from: $0) == components })
            == true
        else { return nil }
        return Calendar.shanghai.date(from: components)
    }

    private static func act(_ request: Request, _ write: (Principal, [String: String]) async throws -> Void) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = try request.content.decode([String: String].self)
        do {
            try await write(principal, form)
            return request.redirect(to: SiteURL.warehouseBookings.path)
        } catch let error as ShianError where error.status == .unprocessableEntity || error.status == .conflict {
            return try await render(request, fields: form, error: request.t("error.\(error.code)", error.arguments), status: error.status)
        }
    }

    static func book(request: Request) async throws -> Response {
        try await act(request) { principal, form in
            let owner = try await ColdChainPages.acting(form["owner"], field: "owner", principal: principal, on: request.db)
            guard let slot = slot(form["slotAt"]) else { throw ShianError(.unprocessableEntity, "dateInvalid", field: "slotAt", arguments: [form["slotAt"] ?? ""]) }
            _ = try await WarehouseWrites.book(
                .init(warehouseBusinessId: form["warehouse"].flatMap(UUID.init(uuidString:)), ownerBusinessId: owner.id, vehicle: form["vehicle"],
                      driver: form["driver"], goods: form["goods"], quantity: form["quantity"].flatMap { Decimal(string: $0) }, unit: form["unit"],
                      slotAt: slot),
                by: principal, leadHours: request.application.shian.warehouseLeadHours, on: request.db)
        }
    }

    static func intake(request: Request) async throws -> Response {
        let id = try request.idParameter()
        return try await act(request) { principal, form in
            _ = try await WarehouseWrites.intake(
                id, .init(nucleicAcidResult: form["nucleicAcidResult"], disinfectant: form["disinfectant"], traceCode: form["traceCode"]),
                by: principal, on: request.db)
        }
    }

    static func release(request: Request) async throws -> Response {
        let id = try request.idParameter()
        return try await act(request) { principal, _ in _ = try await WarehouseWrites.release(id, by: principal, on: request.db) }
    }
}
