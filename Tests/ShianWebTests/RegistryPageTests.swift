import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Registry and grid pages")
struct RegistryPageTests {
    @Test(arguments: TestDatabase.all)
    func townshipRegistersASmallEateryAndFindsIt(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            var browser = try await Browser.loggedIn(app, as: "township.101")
            #expect(try await browser.get("/businesses/new?gridCode=222499101003001").status == .ok)
            let bad = try await browser.post("/businesses", form: [
                "name": "金家冷面", "category": "smallEatery", "gridCode": "222499101003001", "address": "示范县城关镇新华街9号",
                "creditCode": "92222499MA00000018",
            ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains(#"data-field="creditCode""#))
            #expect(bad.body.string.contains("金家冷面"), "what was typed is kept")
            let good = try await browser.post("/businesses", form: [
                "name": "金家冷面", "category": "smallEatery", "gridCode": "222499101003001", "address": "示范县城关镇新华街9号",
                "areaSquareMetres": "24", "permitValidFrom": "2026-01-01", "permitValidUntil": "2029-01-01",
            ])
            #expect(good.status == .seeOther)
            let page = try await browser.get(try #require(good.headers.first(name: .location)))
            #expect(page.body.string.contains("金家冷面") && page.body.string.contains(#"id="history""#))
            let search = try await browser.get("/businesses?q=%E9%87%91%E5%AE%B6%E5%86%B7%E9%9D%A2")
            #expect(search.body.string.contains("金家冷面"))
            let drill = try await browser.get("/businesses?regionCode=222499101003001")
            #expect(drill.body.string.contains("金家冷面"))
            let xlsx = try await browser.get("/businesses?regionCode=222499101003001&format=xlsx")
            #expect(xlsx.headers.contentType == ImportTable.xlsxType)
            let rows = try XLSX.rows(from: Data(xlsx.body.readableBytesView))
            #expect(rows.first?.first == "名称")
            #expect(rows.contains { $0.first == "金家冷面" })
            let csv = try await browser.get("/businesses?regionCode=222499101003001&format=csv")
            #expect(csv.body.string.hasPrefix("\u{FEFF}名称,"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func importPageNamesTheBadRowAndCommitsInTwoSteps(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            var browser = try await Browser.loggedIn(app, as: "office")
            _ = try await browser.get("/businesses/import")
            let before = try await Business.query(on: app.db).count()
            let bad = "名称,类别,网格编码,地址\n好店,小餐饮,222499101001001,示范县城关镇一号\n坏店,面包房,222499101001001,示范县城关镇二号\n"
            let refused = try await browser.upload("/businesses/import", file: bad, filename: "bad.csv")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"id="import-errors""#))
            #expect(refused.body.string.contains("<td>3</td>"), "row 3 is named")
            #expect(try await Business.query(on: app.db).count() == before)

            let good = "名称,类别,网格编码,地址\n好店,小餐饮,222499101001001,示范县城关镇一号\n"
            let preview = try await browser.upload("/businesses/import", file: good, filename: "good.csv")
            #expect(preview.status == .ok)
            #expect(try await Business.query(on: app.db).count() == before, "the dry run writes nothing")
            let upload = try #require(preview.body.string.components(separatedBy: #"name="upload" value=""#).dropFirst().first?
                .split(separator: "\"").first.map(String.init))
            let done = try await browser.post("/businesses/import/commit", form: ["upload": upload])
            #expect(done.status == .ok)
            #expect(done.body.string.contains(#"data-imported="1""#))
            #expect(try await Business.query(on: app.db).count() == before + 1)
            #expect(try await browser.post("/businesses/import/commit", form: ["upload": "../../etc/passwd"]).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func gridPagesShowTheCharterAndCoverage(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            var browser = try await Browser.loggedIn(app, as: "township.101")
            let grids = try await browser.get("/grids")
            #expect(grids.status == .ok)
            #expect(grids.body.string.contains(#"id="coverage""#))
            let grid = try await browser.get("/grids/222499101001001")
            #expect(grid.status == .ok)
            #expect(grid.body.string.contains(#"id="charter""#))
            let saved = try await browser.post("/grids/222499101001001/charter", form: [
                "areaDescription": "人民路以东", "targets": "全部建档", "duties": "每周巡查", "rewardsAndPenalties": "按季度考评",
            ])
            #expect(saved.status == .seeOther)
            #expect(try await browser.get("/grids/222499101001001").body.string.contains("人民路以东"))
            let record = try await browser.post("/grids/222499101001001/records", form: [
                "kind": "reward", "occurredOn": "2026-11-01", "recipient": "郑红", "description": "及时发现隐患", "amountYuan": "200",
            ])
            #expect(record.status == .seeOther)
            #expect(try await GridCharterRecord.query(on: app.db).filter(\.$amountFen == 20000).count() == 1)
            #expect(try await browser.get("/grids/222499102001001").status == .forbidden)
            #expect(try await browser.get("/staff").status == .ok)
            #expect(try await browser.get("/cadres").status == .ok)
            #expect(try await browser.get("/businesses/expiry").status == .ok)
        }
    }
}

extension Browser {
    /// Uploads a file through a multipart form, with the page's CSRF token.
    mutating func upload(_ path: String, file: String, filename: String) async throws -> TestingHTTPResponse {
        let boundary = "----shian-test-boundary"
        var body = ""
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n\(csrfToken)\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n"
        body += "--\(boundary)--\r\n"
        return try await send(.POST, path, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }
}
