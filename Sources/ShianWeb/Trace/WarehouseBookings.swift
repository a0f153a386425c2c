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

    static func dto(_ booking: WarehouseBooking, on database: any Database) async throws -> DTO {
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
        let booking = try await WarehouseWrites.book(input, by: principal, leadHours: request.application.shian.warehouseLeadHours, on: request.db)
        return try await dto(booking, on: request.db).encodeResponse(status: .created, for: request)
    }

    /// `POST /api/v1/warehouse-bookings/{id}/intake`: the test result and the disinfection.
    static func intake(request: Request) async throws -> DTO {
        let principal = try request.requirePrincipal()
        let input = try APIBody.decode(IntakeInput.self, from: request)
        return try await dto(try await WarehouseWrites.intake(try request.idParameter(), input, by: principal, on: request.db), on: request.db)
    }

    /// `POST /api/v1/warehouse-bookings/{id}/release`: the release certificate, numbered per year.
    static func release(request: Request) async throws -> DTO {
        let principal = try request.requirePrincipal()
        return try await dto(try await WarehouseWrites.release(try request.idParameter(), by: principal, on: request.db), on: request.db)
    }

    /// `GET /api/v1/warehouse-bookings?status=`: bookings at warehouses in scope, by slot.
    static func list(request: Request) async throws -> ListDTO<DTO> {
        let principal = try request.requirePrincipal()
        let list = try ListParameters(request)
        let page = try await WarehouseWrites.bookings(list, for: principal, on: request.db).keysetPage(sortedBy: \.$slotAt, descending: false, after: list.cursor, limit: list.limit)
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
