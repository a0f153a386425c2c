import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Business registry through the API")
struct RegistryAPITests {
    static let eatery = #"{"name":"老街羊肉米线二店","creditCode":"92222499MA00000017","category":"smallEatery","gridCode":"222499101002001","address":"示范县城关镇人民路20号","areaSquareMetres":28}"#

    @Test(arguments: TestDatabase.all)
    func createContract(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let township = try await app.token(for: "township.101")
            let created = try await app.api(.POST, "/api/v1/businesses", token: township, json: Self.eatery)
            #expect(created.status == .created)
            #expect(!(try created.content.get(String.self, at: "id")).isEmpty)
            #expect(try created.content.get(String.self, at: "permit", "kind") == "registration")
            #expect(try created.content.get(String.self, at: "gridCode") == "222499101002001")

            let before = try await Business.query(on: app.db).count()
            let bad = #"{"name":"坏代码","creditCode":"92222499MA00000018","category":"smallEatery","gridCode":"222499101002001","address":"x"}"#
            let refused = try await app.api(.POST, "/api/v1/businesses", token: township, json: bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.content.get(String.self, at: "error", "field") == "creditCode")
            #expect(try refused.content.get(String.self, at: "error", "code") == "creditCodeCheck")
            let again = try await app.api(.POST, "/api/v1/businesses", token: township, json: Self.eatery)
            #expect(again.status == .conflict)
            let outside = Self.eatery.replacingOccurrences(of: "222499101002001", with: "222499102001001")
                .replacingOccurrences(of: "92222499MA00000017", with: "")
            #expect(try await app.api(.POST, "/api/v1/businesses", token: township, json: outside).status == .forbidden)
            let leader = try await app.token(for: "leader")
            #expect(try await app.api(.POST, "/api/v1/businesses", token: leader, json: Self.eatery).status == .forbidden)
            #expect(try await Business.query(on: app.db).count() == before, "refusals write nothing")
        }
    }

    @Test(arguments: TestDatabase.all)
    func listSearchAndScope(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let township = try await app.token(for: "township.101")
            _ = try await app.api(.POST, "/api/v1/businesses", token: township, json: Self.eatery)
            let found = try await app.api(.GET, "/api/v1/businesses?q=%E7%BE%8A%E8%82%89%E7%B1%B3%E7%BA%BF", token: township)
            #expect(found.pluck("name").contains("老街羊肉米线二店"))
            let byCode = try await app.api(.GET, "/api/v1/businesses?q=92222499MA0000001", token: township)
            #expect(byCode.pluck("creditCode") == ["92222499MA00000017"])
            let filtered = try await app.api(.GET, "/api/v1/businesses?category=smallEatery&regionCode=222499101002", token: township)
            #expect(filtered.pluck("name").contains("老街羊肉米线二店"))
            #expect(Set(filtered.pluck("category")) == ["smallEatery"])
            #expect(filtered.pluck("gridCode").allSatisfy { $0.hasPrefix("222499101002") })
            let neighbour = try await app.token(for: "township.102")
            let hidden = try await app.api(.GET, "/api/v1/businesses?q=%E4%BA%8C%E5%BA%97", token: neighbour)
            #expect(hidden.items.isEmpty, "another township does not see it")
            #expect(try await app.api(.GET, "/api/v1/businesses?regionCode=222499101", token: neighbour).status == .forbidden)
            for bad in ["category=bakery", "status=x", "expiry=soon", "regionCode=12x", "limit=0"] {
                #expect(try await app.api(.GET, "/api/v1/businesses?\(bad)", token: township).status == .badRequest, "\(bad)")
            }
            #expect(try await app.api(.GET, "/api/v1/businesses", token: try await app.token(for: "business.lamb")).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func importRefusesABadFileAndIsIdempotent(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let good = """
                name,creditCode,category,gridCode,address
                延吉冷面馆,91110108551385082Q,caterer,222499101001001,示范县城关镇冷面街1号
                小王烤串,,streetVendor,222499101001001,示范县城关镇夜市3号摊位
                """
            let bad = good + "\n坏行,,bakery,222499101001001,地址\n缺网格,,caterer,,地址\n"
            func post(_ csv: String) async throws -> TestingHTTPResponse {
                try await app.postCSV("/api/v1/businesses/import", csv, token: office)
            }
            let before = try await Business.query(on: app.db).count()
            let refused = try await post(bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.content.get(String.self, at: "error", "code") == "importRowsInvalid")
            let rows = try refused.content.get([BusinessImport.RowError].self, at: "rows")
            #expect(rows.map(\.row) == [4, 5])
            #expect(rows.map(\.field) == ["category", "gridCode"])
            #expect(try await Business.query(on: app.db).count() == before, "nothing written")

            let first = try await post(good)
            #expect(first.status == .ok)
            #expect(try first.content.get(Int.self, at: "imported") == 2)
            #expect(try first.content.get(Int.self, at: "created") == 2)
            let second = try await post(good)
            #expect(try second.content.get(Int.self, at: "imported") == 2)
            #expect(try second.content.get(Int.self, at: "unchanged") == 2)
            #expect(try await Business.query(on: app.db).count() == before + 2, "importing twice changes nothing")
            let audits = try await AuditEntry.query(on: app.db).filter(\.$entityType == "business").filter(\.$action == .create).count()
            #expect(audits == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func permitsExpireRenewAndCancel(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let today = Date()
            let soon = Formatting.day(today.addingTimeInterval(20 * 86400))
            let body = #"{"name":"快到期小食杂店","category":"smallGrocery","gridCode":"222499103001001","address":"示范县龙河镇1号","permitValidFrom":"2024-01-01","permitValidUntil":"\#(soon)"}"#
            let created = try await app.api(.POST, "/api/v1/businesses", token: office, json: body)
            #expect(try created.content.get(String.self, at: "permit", "expiry") == "within30Days")
            #expect(try created.content.get(String.self, at: "permit", "kind") == "filing")
            let id = try created.content.get(String.self, at: "id")
            let listed = try await app.api(.GET, "/api/v1/businesses?expiry=within30Days", token: office)
            #expect(listed.pluck("id").contains(id))
            let renewed = try await app.api(.POST, "/api/v1/businesses/\(id)/permit-renewal", token: office)
            #expect(try renewed.content.get(String.self, at: "permit", "expiry") == "valid")
            let cancelled = try await app.api(.POST, "/api/v1/businesses/\(id)/permit-cancellation", token: office)
            #expect(try cancelled.content.get(String.self, at: "status") == "closed")
            #expect(try await app.api(.POST, "/api/v1/businesses/\(id)/permit-cancellation", token: office).status == .conflict)
        }
    }

    @Test(arguments: TestDatabase.all)
    func gridCoverageMovesWithTheRoster(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let township = try await app.token(for: "township.101")
            let before = try await app.api(.GET, "/api/v1/grids/coverage", token: township)
            let villagesWithout = try before.content.get([String].self, at: "villagesWithoutAssistant")
            let village = try #require(villagesWithout.first)
            let assistant = #"{"name":"朴协管","kind":"assistant","regionCode":"\#(village)","phone":"13904330099","annualSubsidyYuan":"600","appointedOn":"2026-01-01"}"#
            #expect(try await app.api(.POST, "/api/v1/grassroots-staff", token: township, json: assistant).status == .created)
            let after = try await app.api(.GET, "/api/v1/grids/coverage", token: township)
            #expect(try after.content.get([String].self, at: "villagesWithoutAssistant").count == villagesWithout.count - 1)
            let far = assistant.replacingOccurrences(of: village, with: "222499102001")
            #expect(try await app.api(.POST, "/api/v1/grassroots-staff", token: township, json: far).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func importReadsExcelWorkbooks(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let workbook = try XLSX.workbook([XLSXSheet(name: "经营主体", rows: [
                ["名称", "统一社会信用代码", "类别", "网格编码", "地址"],
                ["图们江冷库", "91350100M000100Y43", "冷库", "222499108001001", "示范县海兰镇口岸路8号"],
            ])])
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: office)
            headers.contentType = ImportTable.xlsxType
            let response = try await app.testing().sendRequest(.POST, "/api/v1/businesses/import", headers: headers, body: ByteBuffer(data: workbook))
            #expect(response.status == .ok)
            #expect(try response.content.get(Int.self, at: "created") == 1)
            let stored = try await Business.query(on: app.db).filter(\.$creditCode == "91350100M000100Y43").first()
            #expect(stored?.category == .coldStore)
            headers.contentType = .json
            let wrongType = try await app.testing().sendRequest(.POST, "/api/v1/businesses/import", headers: headers, body: ByteBuffer(string: "{}"))
            #expect(wrongType.status == .unsupportedMediaType)
            headers.contentType = ImportTable.xlsxType
            let garbage = try await app.testing().sendRequest(.POST, "/api/v1/businesses/import", headers: headers, body: ByteBuffer(string: "not a zip"))
            #expect(garbage.status == .unprocessableEntity)
            #expect(try garbage.content.get(String.self, at: "error", "code") == "importXLSXMalformed")
        }
    }

    @Test(arguments: TestDatabase.all)
    func reimportUpdatesWhatChangedWithItsHistory(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            func post(_ csv: String) async throws -> TestingHTTPResponse {
                try await app.postCSV("/api/v1/businesses/import", csv, token: office)
            }
            let header = "name,creditCode,category,gridCode,address\n"
            _ = try await post(header + "延吉冷面馆,91110108551385082Q,caterer,222499101001001,示范县城关镇冷面街1号\n")
            let moved = try await post(header + "延吉冷面馆,91110108551385082Q,caterer,222499101002001,示范县城关镇冷面街2号\n")
            #expect(try moved.content.get(Int.self, at: "updated") == 1)
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$entityType == "business").filter(\.$action == .update).first())
            #expect(AuditLog.decode(entry.before)["address"] == "示范县城关镇冷面街1号")
            #expect(AuditLog.decode(entry.after)["address"] == "示范县城关镇冷面街2号")
        }
    }
}
