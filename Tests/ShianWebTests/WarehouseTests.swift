import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Centralised supervision warehouses: booking, intake, release certificate")
struct WarehouseTests {
    @Test(arguments: TestDatabase.all)
    func bookTestDisinfectAndRelease(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let warehouse = try await ColdChainAPITests.business(app, .centralWarehouse)
            let owner = try await ColdChainAPITests.business(app, .coldStore)
            let slot = Date().addingTimeInterval(50 * 3600)
            func body(_ at: Date) -> String {
                #"{"warehouseBusinessId":"\#(warehouse)","ownerBusinessId":"\#(owner)","vehicle":"吉A·D7321","driver":"赵刚","goods":"冷冻牛腱","quantity":200,"unit":"箱","slotAt":"\#(at.formatted(.iso8601))"}"#
            }
            let late = try await app.api(.POST, "/api/v1/warehouse-bookings", token: office, json: body(Date().addingTimeInterval(3600)))
            #expect(try late.content.get(String.self, at: "error", "code") == "bookingTooLate")
            let notWarehouse = body(slot).replacingOccurrences(of: warehouse.uuidString, with: owner.uuidString)
            #expect(try await app.api(.POST, "/api/v1/warehouse-bookings", token: office, json: notWarehouse)
                .content.get(String.self, at: "error", "code") == "notAWarehouse")
            let booked = try await app.api(.POST, "/api/v1/warehouse-bookings", token: office, json: body(slot))
            #expect(booked.status == .created)
            let id = try booked.content.get(String.self, at: "id")
            let early = try await app.api(.POST, "/api/v1/warehouse-bookings/\(id)/release", token: office)
            #expect(early.status == .conflict)
            #expect(try early.content.get(String.self, at: "error", "code") == "releaseNotAllowed")
            let intake = try await app.api(.POST, "/api/v1/warehouse-bookings/\(id)/intake", token: office,
                                           json: #"{"nucleicAcidResult":"negative","disinfectant":"过氧乙酸喷洒"}"#)
            #expect(try intake.content.get(String.self, at: "status") == "tested")
            let released = try await app.api(.POST, "/api/v1/warehouse-bookings/\(id)/release", token: office)
            let number = try released.content.get(String.self, at: "releaseNumber")
            #expect(number.hasPrefix("CK"))
            let page = try await app.testing().sendRequest(.GET, "/warehouse-releases/\(number)")
            #expect(page.status == .ok && page.body.string.contains(#"data-release-number="\#(number)""#))
            #expect(try await app.testing().sendRequest(.GET, "/warehouse-releases/\(number)/qr.svg").body.string.hasPrefix("<svg"))

            // A positive load is refused for good.
            let second = try await app.api(.POST, "/api/v1/warehouse-bookings", token: office, json: body(slot))
            let other = try second.content.get(String.self, at: "id")
            let positive = try await app.api(.POST, "/api/v1/warehouse-bookings/\(other)/intake", token: office,
                                             json: #"{"nucleicAcidResult":"positive","disinfectant":"过氧乙酸喷洒"}"#)
            #expect(try positive.content.get(String.self, at: "status") == "refused")
            #expect(try await app.api(.POST, "/api/v1/warehouse-bookings/\(other)/release", token: office).status == .conflict)
            let stranger = try await app.token(for: "business.korean")
            #expect(try await app.api(.POST, "/api/v1/warehouse-bookings/\(other)/release", token: stranger).status == .notFound)
            #expect(try await app.api(.GET, "/api/v1/warehouse-bookings?status=released", token: office).pluck("releaseNumber") == [number])
        }
    }

    @Test(arguments: TestDatabase.all)
    func theWarehousePageBooksTestsAndReleases(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let warehouse = try await ColdChainAPITests.business(app, .centralWarehouse)
            let owner = try await ColdChainAPITests.business(app, .coldStore)
            var browser = try await Browser.loggedIn(app, as: "office")
            #expect(try await browser.get("/warehouse-bookings").body.string.contains("暂无预约"))
            let formatter = DateFormatter()
            formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
            formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
            var form = ["warehouse": warehouse.uuidString, "owner": owner.uuidString, "vehicle": "吉A·D7321", "driver": "赵刚", "goods": "冷冻牛腱",
                        "quantity": "200", "unit": "箱", "slotAt": formatter.string(from: Date().addingTimeInterval(3600))]
            let late = try await browser.post("/warehouse-bookings", form: form)
            #expect(late.status == .unprocessableEntity && late.body.string.contains("48"))
            form["slotAt"] = "2026-02-30T09:00"
            #expect(try await browser.post("/warehouse-bookings", form: form).status == .unprocessableEntity)
            #expect(try await WarehouseBooking.query(on: app.db).count() == 0)
            form["slotAt"] = formatter.string(from: Date().addingTimeInterval(72 * 3600))
            #expect(try await browser.post("/warehouse-bookings", form: form).status == .seeOther)
            let booking = try #require(try await WarehouseBooking.query(on: app.db).first())
            let id = try booking.requireID()
            #expect(try await browser.get("/warehouse-bookings").body.string.contains(#"data-status="booked""#))
            let noDisinfectant = try await browser.post("/warehouse-bookings/\(id)/intake", form: ["nucleicAcidResult": "negative"])
            #expect(noDisinfectant.status == .unprocessableEntity)
            #expect(try await browser.post("/warehouse-bookings/\(id)/intake", form: ["nucleicAcidResult": "negative", "disinfectant": "含氯消毒剂"]).status == .seeOther)
            #expect(try await browser.post("/warehouse-bookings/\(id)/release", form: [:]).status == .seeOther)
            let number = try #require(try await WarehouseBooking.find(id, on: app.db)?.releaseNumber)
            let listed = try await browser.get("/warehouse-bookings?status=released").body.string
            #expect(listed.contains(#"data-status="released""#) && listed.contains("/warehouse-releases/\(number)"))
            #expect(try await browser.post("/warehouse-bookings/\(id)/release", form: [:]).status == .conflict, "released once only")
        }
    }

    @Test(arguments: TestDatabase.all)
    func operatorsSeeTheirOwnBookingsWhereverTheWarehouseIs(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let warehouse = try await ColdChainAPITests.business(app, .centralWarehouse)
            let owner = try await ColdChainAPITests.business(app, .coldStore)
            let office = try await app.token(for: "office")
            let slot = Date().addingTimeInterval(72 * 3600).formatted(.iso8601)
            let booked = try await app.api(.POST, "/api/v1/warehouse-bookings", token: office,
                                           json: #"{"warehouseBusinessId":"\#(warehouse)","ownerBusinessId":"\#(owner)","vehicle":"吉A·D7321","driver":"赵刚","goods":"冷冻牛腱","quantity":200,"unit":"箱","slotAt":"\#(slot)"}"#)
            let id = try booked.content.get(String.self, at: "id")
            let ownerToken = try await MarketSellerTests.operatorToken(app, for: owner, username: "coldstore.operator")
            let warehouseToken = try await MarketSellerTests.operatorToken(app, for: warehouse, username: "warehouse.operator")
            #expect(try await app.api(.GET, "/api/v1/warehouse-bookings", token: ownerToken).pluck("id") == [id])
            #expect(try await app.api(.GET, "/api/v1/warehouse-bookings", token: warehouseToken).pluck("id") == [id])
            #expect(try await app.api(.GET, "/api/v1/warehouse-bookings", token: try await app.token(for: "business.lamb")).items.isEmpty)
            // An operator's booking form offers its county's warehouses (its own scope is its business alone).
            var restaurant = try await Browser.loggedIn(app, as: "business.lamb")
            #expect(try await restaurant.get("/warehouse-bookings").body.string.contains(#"value="\#(warehouse)""#))
            // Only the warehouse records the intake; the owner may not.
            let intake = #"{"nucleicAcidResult":"negative","disinfectant":"含氯消毒剂"}"#
            #expect(try await app.api(.POST, "/api/v1/warehouse-bookings/\(id)/intake", token: ownerToken, json: intake).status == .notFound)
            #expect(try await app.api(.POST, "/api/v1/warehouse-bookings/\(id)/intake", token: warehouseToken, json: intake).status == .ok)
        }
    }
}
