import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Centralised supervision warehouses (集中监管仓): booking a slot a set time ahead, the intake's
/// nucleic-acid test and disinfection, and the release certificate (出仓证明) with its QR code.
/// Only a load tested negative and disinfected is released; a positive one is refused for good.
enum WarehouseBookings {
    struct BookingInput: Content {
        var warehouseBusinessId: UUID?
        var ownerBusinessId: UUID?
        var vehicle: String?
        var driver: String?
        var goods: String?
        var quantity: Decimal?
        var unit: String?
        var slotAt: Date?
    }

    struct IntakeInput: Content {
        /// `negative` or `positive`.
        var nucleicAcidResult: String?
        var disinfectant: String?
        /// The batch's trace code, when the load is a registered batch.
        var traceCode: String?
    }

    struct DTO: Content {
        let id: UUID
        let warehouseBusinessId: UUID
        let ownerBusinessId: UUID
        let vehicle: String
        let driver: String
        let goods: String
        let quantity: Decimal
        let unit: String
        let slotAt: Date
        let status: String
        let nucleicAcidResult: String?
        let disinfectant: String?
        let traceCode: String?
        let releaseNumber: String?
        let releasedAt: Date?

        init(_ booking: WarehouseBooking, traceCode: String?) throws {
            id = try booking.requireID()
            warehouseBusinessId = booking.$warehouse.id
            ownerBusinessId = booking.$owner.id
            vehicle = booking.vehicle
            driver = booking.driver
            goods = booking.goods
            quantity = Decimal(string: booking.quantity) ?? 0
            unit = booking.unit
            slotAt = booking.slotAt
            status = booking.status.rawValue
            nucleicAcidResult = booking.testResult
            disinfectant = booking.disinfectant
            self.traceCode = traceCode
            releaseNumber = booking.releaseNumber
            releasedAt = booking.releasedAt
        }
    }

    private static func dto(_ booking: WarehouseBooking, on database: any Database) async throws -> DTO {
        try DTO(booking, traceCode: try await traceCode(of: booking, on: database))
    }

    static func traceCode(of booking: WarehouseBooking, on database: any Database) async throws -> String? {
        guard let id = booking.$batch.id else { return nil }
        return try await ColdChainBatch.find(id, on: database)?.traceCode
    }

    /// `POST /api/v1/warehouse-bookings`: the owner (or an officer for it) books a slot at least the
    /// configured lead time ahead (`SHIAN_WAREHOUSE_LEAD_HOURS`).
    static func book(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let input = try APIBody.decode(BookingInput.self, from: request)
        guard let ownerID = input.ownerBusinessId ?? principal.user.$business.id else {
            throw ShianError(.unprocessableEntity, "fieldRequired", field: "ownerBusinessId", arguments: ["ownerBusinessId"])
        }
        let owner = try await principal.scope.find(Business.self, ownerID, on: request.db)
        guard ColdChainWrites.mayActFor(owner, principal) else { throw ShianError.forbidden }
        guard let warehouseID = input.warehouseBusinessId, let warehouse = try await Business.find(warehouseID, on: request.db),
            warehouse.category == .centralWarehouse
        else { throw ShianError(.unprocessableEntity, "notAWarehouse", field: "warehouseBusinessId") }
        guard let quantity = input.quantity, quantity > 0 else { throw ShianError(.unprocessableEntity, "quantityInvalid", field: "quantity") }
        guard let slot = input.slotAt else { throw ShianError(.unprocessableEntity, "fieldRequired", field: "slotAt", arguments: ["slotAt"]) }
        let lead = request.application.shian.warehouseLeadHours
        guard slot >= Date().addingTimeInterval(TimeInterval(lead) * 3600 - 60) else {
            throw ShianError(.unprocessableEntity, "bookingTooLate", field: "slotAt", arguments: [String(lead)])
        }
        let booking = WarehouseBooking()
        booking.$warehouse.id = warehouseID
        booking.$owner.id = ownerID
        booking.regionCode = warehouse.regionCode
        booking.vehicle = try ColdChainWrites.text(input.vehicle, "vehicle", max: 20)
        booking.driver = try ColdChainWrites.text(input.driver, "driver", max: 50)
        booking.goods = try ColdChainWrites.text(input.goods, "goods", max: 100)
        booking.quantity = "\(quantity)"
        booking.unit = try ColdChainWrites.text(input.unit, "unit", max: 10)
        booking.slotAt = slot.storageRounded
        booking.status = .booked
        booking.$bookedBy.id = try principal.user.requireID()
        booking.bookedAt = Date().storageRounded
        try await request.db.transaction { db in
            try await booking.create(on: db)
            try await AuditLog.record(.create, booking, before: nil, actor: principal.actor, on: db)
        }
        return try await dto(booking, on: request.db).encodeResponse(status: .created, for: request)
    }

    /// The warehouse's operator, or an officer whose scope covers the warehouse.
    private static func mayRunWarehouse(_ booking: WarehouseBooking, _ principal: Principal) -> Bool {
        (principal.role == .businessOperator && principal.user.$business.id == booking.$warehouse.id)
            || (principal.role.may(.recordInspections) && principal.scope.covers(booking.regionCode))
    }

    private static func change(
        _ request: Request, _ apply: @escaping @Sendable (WarehouseBooking, Principal, any Database) async throws -> Void
    ) async throws -> DTO {
        let principal = try request.requirePrincipal()
        guard let booking = try await WarehouseBooking.find(try request.idParameter(), on: request.db) else { throw ShianError.notFound }
        guard mayRunWarehouse(booking, principal) else { throw ShianError.notFound }
        try await request.db.transaction { db in
            let before = booking.auditFields
            try await apply(booking, principal, db)
            try await booking.update(on: db)
            try await AuditLog.record(.update, booking, before: before, actor: principal.actor, on: db)
        }
        return try await dto(booking, on: request.db)
    }

    /// `POST /api/v1/warehouse-bookings/{id}/intake`: the test result and the disinfection.
    static func intake(request: Request) async throws -> DTO {
        let input = try APIBody.decode(IntakeInput.self, from: request)
        guard let result = input.nucleicAcidResult, ["negative", "positive"].contains(result) else {
            throw ShianError(.unprocessableEntity, "testResultInvalid", field: "nucleicAcidResult", arguments: [input.nucleicAcidResult ?? ""])
        }
        let disinfectant = try ColdChainWrites.text(input.disinfectant, "disinfectant", max: 50)
        var batchID: UUID?
        if let typed = input.traceCode, !typed.isEmpty {
            guard let code = TraceCode(validating: typed), let batch = try await ColdChainBatch.query(on: request.db).filter(\.$traceCode == code.rawValue).first()
            else { throw ShianError(.unprocessableEntity, "batchUnknown", field: "traceCode", arguments: [typed]) }
            batchID = batch.id
        }
        let linked = batchID
        return try await change(request) { booking, _, _ in
            guard booking.status == .booked else { throw ShianError(.conflict, "bookingNotBooked", field: "status") }
            booking.testResult = result
            booking.disinfectant = disinfectant
            booking.testedAt = Date().storageRounded
            booking.$batch.id = linked
            // A positive test stops the load: it is never released.
            booking.status = result == "negative" ? .tested : .refused
        }
    }

    /// `POST /api/v1/warehouse-bookings/{id}/release`: the release certificate, numbered per year.
    static func release(request: Request) async throws -> DTO {
        try await change(request) { booking, _, db in
            guard booking.status == .tested, booking.testResult == "negative", booking.disinfectant != nil else {
                throw ShianError(.conflict, "releaseNotAllowed", field: "status", arguments: [booking.status.rawValue])
            }
            let now = Date()
            let year = Calendar.shanghai.component(.year, from: now)
            let count = try await WarehouseBooking.query(on: db).filter(\.$releaseNumber != nil).count()
            booking.releaseNumber = "CK\(year)\(String(format: "%06d", count + 1))"
            booking.releasedAt = now.storageRounded
            booking.status = .released
        }
    }

    /// `GET /api/v1/warehouse-bookings?status=`: bookings at warehouses in scope, by slot.
    static func list(request: Request) async throws -> ListDTO<DTO> {
        let principal = try request.requirePrincipal()
        guard principal.role.may(.readInspections) || principal.role == .businessOperator else { throw ShianError.forbidden }
        let list = try ListParameters(request)
        let query = principal.scope.query(WarehouseBooking.self, on: request.db)
        if let business = principal.user.$business.id {
            query.group(.or) { $0.filter(\.$warehouse.$id == business).filter(\.$owner.$id == business) }
        }
        if let text = list.rawQuery["status"], !text.isEmpty {
            guard let status = WarehouseBooking.Status(rawValue: text) else { throw ShianError(.badRequest, "malformedRequest", field: "status") }
            query.filter(\.$status == status)
        }
        let page = try await query.keysetPage(sortedBy: \.$slotAt, descending: false, after: list.cursor, limit: list.limit)
        var items: [DTO] = []
        for booking in page.items { items.append(try await dto(booking, on: request.db)) }
        return ListDTO(RecordPage(items: items, nextCursor: page.nextCursor))
    }

    /// `/warehouse-releases/{number}`: the public release certificate page a QR code leads to.
    static func releasePage(request: Request) async throws -> Response {
        guard let number = request.parameters.get("number"),
            let booking = try await WarehouseBooking.query(on: request.db).filter(\.$releaseNumber == number).first()
        else { throw ShianError.notFound }
        let warehouse = try await Business.find(booking.$warehouse.id, on: request.db)
        let owner = try await Business.find(booking.$owner.id, on: request.db)
        let code = try await traceCode(of: booking, on: request.db)
        return .html(WarehouseReleasePage(context: request.pageContext, booking: booking, warehouse: warehouse?.name ?? "", owner: owner?.name ?? "",
                                          traceCode: code, qrURL: "\(request.baseURL)/warehouse-releases/\(number)").render())
    }

    /// `/warehouse-releases/{number}/qr.svg`.
    static func releaseQR(request: Request) async throws -> Response {
        guard let number = request.parameters.get("number"), number.count <= 20, number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { throw ShianError.notFound }
        let symbol = try QRCode(encoding: "\(request.baseURL)/warehouse-releases/\(number)")
        let response = Response(status: .ok, body: .init(string: symbol.svg(moduleSize: 4)))
        response.headers.replaceOrAdd(name: .contentType, value: "image/svg+xml")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=3600")
        return response
    }
}
