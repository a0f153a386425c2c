import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The writes of a centralised warehouse's work — booking, intake, release — shared by the API,
/// the pages and the demo. Each is audited in the transaction that makes it.
enum WarehouseWrites {
    /// The owner (or an officer for it) books a slot at least `leadHours` after `now`.
    static func book(
        _ input: WarehouseBookings.BookingInput, by principal: Principal, leadHours: Int, now: Date = Date(), on database: any Database
    ) async throws -> WarehouseBooking {
        guard let ownerID = input.ownerBusinessId ?? principal.user.$business.id else {
            throw ShianError(.unprocessableEntity, "fieldRequired", field: "ownerBusinessId", arguments: ["ownerBusinessId"])
        }
        let owner = try await principal.scope.find(Business.self, ownerID, on: database)
        guard ColdChainWrites.mayActFor(owner, principal) else { throw ShianError.forbidden }
        guard let warehouseID = input.warehouseBusinessId, let warehouse = try await Business.find(warehouseID, on: database),
            warehouse.category == .centralWarehouse
        else { throw ShianError(.unprocessableEntity, "notAWarehouse", field: "warehouseBusinessId") }
        guard let quantity = input.quantity, quantity > 0, quantity <= 1_000_000_000 else {
            throw ShianError(.unprocessableEntity, "quantityInvalid", field: "quantity")
        }
        guard let slot = input.slotAt else { throw ShianError(.unprocessableEntity, "fieldRequired", field: "slotAt", arguments: ["slotAt"]) }
        guard slot >= now.addingTimeInterval(TimeInterval(leadHours) * 3600 - 60) else {
            throw ShianError(.unprocessableEntity, "bookingTooLate", field: "slotAt", arguments: [String(leadHours)])
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
        booking.bookedAt = now.storageRounded
        try await database.transaction { db in
            try await booking.create(on: db)
            try await AuditLog.record(.create, booking, before: nil, actor: principal.actor, on: db)
        }
        return booking
    }

    /// The bookings a caller may read, `status` filtered: an operator's own — at its warehouse or
    /// for its goods, wherever the warehouse is — or those at warehouses in an officer's scope.
    static func bookings(_ list: ListParameters, for principal: Principal, on database: any Database) throws -> QueryBuilder<WarehouseBooking> {
        guard principal.role.may(.readInspections) || principal.role == .businessOperator else { throw ShianError.forbidden }
        let query: QueryBuilder<WarehouseBooking>
        if let business = principal.user.$business.id {
            query = WarehouseBooking.query(on: database).group(.or) { $0.filter(\.$warehouse.$id == business).filter(\.$owner.$id == business) }
        } else {
            query = principal.scope.query(WarehouseBooking.self, on: database)
        }
        if let text = list.rawQuery["status"], !text.isEmpty {
            guard let status = WarehouseBooking.Status(rawValue: text) else { throw ShianError(.badRequest, "malformedRequest", field: "status") }
            query.filter(\.$status == status)
        }
        return query
    }

    /// The warehouse's operator, or an officer whose scope covers the warehouse.
    static func mayRunWarehouse(_ booking: WarehouseBooking, _ principal: Principal) -> Bool {
        (principal.role == .businessOperator && principal.user.$business.id == booking.$warehouse.id)
            || (principal.role.may(.recordInspections) && principal.scope.covers(booking.regionCode))
    }

    private static func change(
        _ id: UUID, by principal: Principal, on database: any Database,
        _ apply: @escaping @Sendable (WarehouseBooking, any Database) async throws -> Void
    ) async throws -> WarehouseBooking {
        guard let booking = try await WarehouseBooking.find(id, on: database), mayRunWarehouse(booking, principal) else {
            throw ShianError.notFound
        }
        try await database.transaction { db in
            let before = booking.auditFields
            try await apply(booking, db)
            try await booking.update(on: db)
            try await AuditLog.record(.update, booking, before: before, actor: principal.actor, on: db)
        }
        return booking
    }

    /// The intake's nucleic-acid test and preventive disinfection; a positive test stops the load for good.
    static func intake(_ id: UUID, _ input: WarehouseBookings.IntakeInput, by principal: Principal, on database: any Database) async throws
        -> WarehouseBooking
    {
        guard let result = input.nucleicAcidResult, ["negative", "positive"].contains(result) else {
            throw ShianError(.unprocessableEntity, "testResultInvalid", field: "nucleicAcidResult", arguments: [input.nucleicAcidResult ?? ""])
        }
        let disinfectant = try ColdChainWrites.text(input.disinfectant, "disinfectant", max: 50)
        var batchID: UUID?
        if let typed = input.traceCode?.trimmingCharacters(in: .whitespaces), !typed.isEmpty {
            guard let code = TraceCode(validating: typed), let batch = try await ColdChainBatch.query(on: database).filter(\.$traceCode == code.rawValue).first()
            else { throw ShianError(.unprocessableEntity, "batchUnknown", field: "traceCode", arguments: [typed]) }
            batchID = batch.id
        }
        let linked = batchID
        return try await change(id, by: principal, on: database) { booking, _ in
            guard booking.status == .booked else { throw ShianError(.conflict, "bookingNotBooked", field: "status") }
            booking.testResult = result
            booking.disinfectant = disinfectant
            booking.testedAt = Date().storageRounded
            booking.$batch.id = linked
            booking.status = result == "negative" ? .tested : .refused
        }
    }

    /// The release certificate (出仓证明), numbered in one series: CK, the year, six digits.
    static func release(_ id: UUID, by principal: Principal, on database: any Database) async throws -> WarehouseBooking {
        try await change(id, by: principal, on: database) { booking, db in
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
}
