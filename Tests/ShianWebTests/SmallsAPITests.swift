import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Vendor zones, workshop products and responsible cadres")
struct SmallsAPITests {
    @Test(arguments: TestDatabase.all)
    func vendorZonesAreCreatedInScope(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let township = try await app.token(for: "township.101")
            let zone = #"{"regionCode":"222499101002","name":"榆树村早市","location":"村委会前广场","stalls":"12","hours":"05:30–08:30"}"#
            #expect(try await app.api(.POST, "/api/v1/vendor-zones", token: township, json: zone).status == .created)
            let listed = try await app.api(.GET, "/api/v1/vendor-zones", token: township)
            #expect(listed.pluck("name").contains("榆树村早市"))
            #expect(!listed.pluck("regionCode").contains("222499102001"), "another township's zone is not listed")
            let bad = zone.replacingOccurrences(of: #""12""#, with: #""lots""#)
            #expect(try await app.api(.POST, "/api/v1/vendor-zones", token: township, json: bad).status == .unprocessableEntity)
            let far = zone.replacingOccurrences(of: "222499101002", with: "222499102001")
            #expect(try await app.api(.POST, "/api/v1/vendor-zones", token: township, json: far).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func workshopsRegisterProductsFromTheCatalogue(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let workshop = try #require(try await Business.query(on: app.db).filter(\.$category == .smallWorkshop).first()?.id)
            let ok = try await app.api(.POST, "/api/v1/businesses/\(workshop)/products", token: office, json: #"{"name":"手工打糕","catalogueCategory":"打糕"}"#)
            #expect(ok.status == .created)
            let outside = try await app.api(.POST, "/api/v1/businesses/\(workshop)/products", token: office, json: #"{"name":"果酒","catalogueCategory":"果酒"}"#)
            #expect(outside.status == .unprocessableEntity)
            #expect(try outside.content.get(String.self, at: "error", "code") == "productOutsideCatalogue")
            let eatery = try #require(try await Business.query(on: app.db).filter(\.$category == .caterer).first()?.id)
            let notWorkshop = try await app.api(.POST, "/api/v1/businesses/\(eatery)/products", token: office, json: #"{"name":"x","catalogueCategory":"打糕"}"#)
            #expect(notWorkshop.status == .unprocessableEntity)
            let products = try await app.api(.GET, "/api/v1/businesses/\(workshop)/products", token: office)
            #expect(products.pluck("name") == ["手工打糕"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func cadresAnswerForBusinesses(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let township = try await app.token(for: "township.101")
            let body = #"{"name":"崔包保","position":"城关镇副镇长","regionCode":"222499101","phone":"13904331234","duties":"每月走访包保企业","pledgeSignedOn":"2026-03-01"}"#
            let created = try await app.api(.POST, "/api/v1/responsible-cadres", token: township, json: body)
            #expect(created.status == .created)
            let id = try created.content.get(String.self, at: "id")
            let business = try #require(try await Business.query(on: app.db).filter(\.$regionCode == "222499101002001").first()?.id)
            let bound = try await app.api(.POST, "/api/v1/responsible-cadres/\(id)/businesses", token: township, json: #"{"businessId":"\#(business)"}"#)
            #expect(bound.status == .ok)
            #expect(try bound.content.get([UUID].self, at: "businessIds") == [business])
            let again = try await app.api(.POST, "/api/v1/responsible-cadres/\(id)/businesses", token: township, json: #"{"businessId":"\#(business)"}"#)
            #expect(try again.content.get([UUID].self, at: "businessIds") == [business], "binding twice changes nothing")
            let elsewhere = try #require(try await Business.query(on: app.db).filter(\.$regionCode == "222499102001001").first()?.id)
            let refused = try await app.api(.POST, "/api/v1/responsible-cadres/\(id)/businesses", token: township, json: #"{"businessId":"\#(elsewhere)"}"#)
            #expect(refused.status == .unprocessableEntity)
        }
    }

    @Test(arguments: TestDatabase.all)
    func rosterExportsToCSV(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            var browser = try await Browser.loggedIn(app, as: "township.101")
            let csv = try await browser.get("/staff?format=csv")
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.count > 10)
            #expect(lines.dropFirst().allSatisfy { $0.contains(",222499101") }, "only the township's roster")
            #expect(try await browser.get("/vendor-zones").status == .ok)
        }
    }
}

@Suite("Roster import")
struct StaffImportTests {
    @Test(arguments: TestDatabase.all)
    func rosterImportIsAllOrNothingAndIdempotent(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let township = try await app.token(for: "township.101")
            func post(_ csv: String) async throws -> TestingHTTPResponse {
                try await app.postCSV("/api/v1/grassroots-staff/import", csv, token: township)
            }
            let good = "姓名,类别,区划代码,联系电话,年补贴,聘任日期\n韩信息,信息员,222499101002001,13904339001,300,2026-02-01\n"
            let bad = good + "李坏行,厨师,222499101002001,13904339002,300,2026-02-01\n"
            let before = try await GrassrootsStaff.query(on: app.db).count()
            let refused = try await post(bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.content.get([BusinessImport.RowError].self, at: "rows").map(\.row) == [3])
            #expect(try await GrassrootsStaff.query(on: app.db).count() == before)
            #expect(try await post(good).content.get(Int.self, at: "created") == 1)
            #expect(try await post(good).content.get(Int.self, at: "unchanged") == 1)
            #expect(try await GrassrootsStaff.query(on: app.db).count() == before + 1)
        }
    }
}

@Suite("Writes that change nothing")
struct NoOpWriteTests {
    @Test(arguments: TestDatabase.all)
    func sameValuesWriteNoAuditEntry(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let department = try #require(try await Department.query(on: app.db).filter(\.$code == "market").first())
            let before = try await AuditEntry.query(on: app.db).count()
            let same = try await app.api(.PATCH, "/api/v1/departments/\(try department.requireID())", token: office,
                                         json: #"{"name":"\#(department.name)"}"#)
            #expect(same.status == .ok)
            #expect(try await AuditEntry.query(on: app.db).count() == before)
        }
    }
}

@Suite("Business operators")
struct BusinessOperatorTests {
    @Test(arguments: TestDatabase.all)
    func operatorSeesOwnBusinessOnly(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            var browser = try await Browser.loggedIn(app, as: "business.lamb")
            let own = try #require(try await User.query(on: app.db).filter(\.$username == "business.lamb").first()?.$business.id)
            let page = try await browser.get("/businesses/\(own)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("羊肉米线"))
            let other = try #require(try await Business.query(on: app.db).filter(\.$id != own).first()?.id)
            #expect(try await browser.get("/businesses/\(other)").status == .notFound)
            #expect(try await browser.get("/businesses").status == .forbidden)
        }
    }
}

@Suite("Date-ordered pages")
struct DateKeysetTests {
    @Test(arguments: TestDatabase.all)
    func auditPagesWalkBackInTime(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            for code in ["d1", "d2", "d3"] {
                _ = try await app.api(.POST, "/api/v1/departments", token: office, json: #"{"code":"\#(code)","name":"部门\#(code)"}"#)
            }
            var seen: [String] = []
            var path = "/api/v1/audit-entries?entityType=department&limit=2"
            for _ in 0..<5 {
                let page = try await app.api(.GET, path, token: office)
                seen += page.pluck("id")
                guard let next = try? page.content.get(String.self, at: "nextCursor") else { break }
                path = "/api/v1/audit-entries?entityType=department&limit=2&cursor=\(next)"
            }
            #expect(seen.count == 3, "\(seen)")
            #expect(Set(seen).count == 3)
        }
    }
}
