import Fluent
import Foundation
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("The standard as an Excel workbook: export, edit, load; the standards page")
struct StandardWorkbookAPITests {
    @Test(arguments: TestDatabase.all)
    func aWorkbookExportedEditedAndLoadedIsANewVersion(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let imported = try await app.api(.POST, "/api/v1/standards/import", token: office, json: try CreationAPITests.standardJSON())
            let id = try imported.content.get(UUID.self, at: "id")
            let exported = try await app.api(.GET, "/api/v1/standards/\(id)/document?format=xlsx", token: office)
            #expect(exported.status == .ok && exported.headers.contentType == ImportTable.xlsxType)
            let data = Data(exported.body.readableBytesView)
            var sheets = try StandardWorkbook.sheetNames.indices.map { try XLSX.rows(from: data, sheet: $0) }
            #expect(sheets[2].count == 95)
            let version = try #require(sheets[0].firstIndex { $0.first == "version" })
            sheets[0][version] = ["version", "2027.1"]
            let edited = try XLSX.workbook(zip(StandardWorkbook.sheetNames, sheets).map { XLSXSheet(name: $0, rows: $1) })
            let loaded = try await app.postBytes("/api/v1/standards/import", Array(edited), contentType: ImportTable.xlsxType.serialize(), token: office)
            #expect(loaded.status == .created, "\(loaded.body.string)")
            #expect(try loaded.content.get(String.self, at: "version") == "2027.1")
            #expect(try loaded.content.get(Int.self, at: "indicatorCount") == 94)

            // A broken workbook and a bad cell load nothing, and say why.
            let count = try await StandardRecord.query(on: app.db).count()
            let broken = try await app.postBytes("/api/v1/standards/import", Array("PK not really".utf8), contentType: ImportTable.xlsxType.serialize(), token: office)
            #expect(broken.status == .unprocessableEntity && broken.body.string.contains("workbookMalformed"))
            sheets[0][version] = ["version", "2027.2"]
            let points = try #require(sheets[2][0].firstIndex(of: "points"))
            sheets[2][4][points] = "很多"
            let bad = try XLSX.workbook(zip(StandardWorkbook.sheetNames, sheets).map { XLSXSheet(name: $0, rows: $1) })
            let refused = try await app.postBytes("/api/v1/standards/import", Array(bad), contentType: ImportTable.xlsxType.serialize(), token: office)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.content.get(String.self, at: "error", "code") == "standardInvalid")
            #expect(refused.body.string.contains("indicators[3].points"))
            #expect(try await StandardRecord.query(on: app.db).count() == count)
            #expect(try await app.api(.GET, "/api/v1/standards/\(id)/document?format=pdf", token: office).status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theStandardsPageListsExportsAndLoads(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            var browser = try await Browser.loggedIn(app, as: "office")
            #expect(try await browser.get("/creation/standards").body.string.contains("暂无数据"))
            let office = try await app.token(for: "office")
            let imported = try await app.api(.POST, "/api/v1/standards/import", token: office, json: try CreationAPITests.standardJSON())
            let id = try imported.content.get(UUID.self, at: "id")
            #expect(try await browser.get("/creation/standards").body.string.contains(#"data-standard="test-standard@2026.1""#))
            #expect(try await browser.get("/creation/standards/\(id)/document?format=xlsx").status == .ok)
            var document = DemoStandard.document
            document.code = "test-standard"
            document.isDemo = false
            document.version = "2027.9"
            document.indicators[0].points = -1
            let bad = try await browser.upload("/creation/standards", file: String(decoding: try document.json(), as: UTF8.self), filename: "s.json")
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains(#"data-problem="pointsNegative""#), "\(bad.body.string)")
            document.indicators[0].points = DemoStandard.document.indicators[0].points
            let good = try await browser.upload("/creation/standards", file: String(decoding: try document.json(), as: UTF8.self), filename: "s.json")
            #expect(good.status == .seeOther)
            #expect(try await browser.get("/creation/standards").body.string.contains(#"data-standard="\#(document.code)@2027.9""#))
            // A department reads the standards but may not load one.
            var department = try await Browser.loggedIn(app, as: "dept.market")
            #expect(try await department.get("/creation/standards").body.string.contains(#"id="standard-form""#) == false)
        }
    }
}
