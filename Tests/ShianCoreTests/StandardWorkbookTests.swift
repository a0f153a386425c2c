import Foundation
import Testing

@testable import ShianCore

@Suite("The standard as a workbook: sheets out, the same document back")
struct StandardWorkbookTests {
    @Test func theDemoStandardRoundTrips() throws {
        let sheets = try StandardWorkbook.sheets(of: DemoStandard.document)
        #expect(sheets.map(\.name) == StandardWorkbook.sheetNames)
        #expect(sheets[2].rows.count == 95, "a header and 94 indicators")
        #expect(sheets[2].rows.contains { $0.first == "3.10" }, "indicator numbers stay text")
        let json = try StandardWorkbook.json(fromSheets: sheets.map(\.rows)).get()
        let parsed = try StandardDocument.parse(json: json).get()
        #expect(parsed == DemoStandard.document)
    }

    @Test func problemsAreTheJSONFormatsAtTheSamePaths() throws {
        var sheets = try StandardWorkbook.sheets(of: DemoStandard.document).map(\.rows)
        let points = try #require(sheets[2][0].firstIndex(of: "points"))
        sheets[2][4][points] = "很多"
        let json = try StandardWorkbook.json(fromSheets: sheets).get()
        guard case .failure(let problems) = StandardDocument.parse(json: json) else {
            Issue.record("a text in a number column must be refused")
            return
        }
        #expect(problems.failures.map(\.code) == ["valueTypeMismatch"])
        #expect(problems.failures.first?.field == "indicators[3].points", "row 5 of the sheet is the fourth item")
    }

    @Test func workbookProblemsAreNamed() throws {
        var sheets = try StandardWorkbook.sheets(of: DemoStandard.document).map(\.rows)
        let ruleText = try #require(sheets[2][0].firstIndex(of: "ruleText"))
        sheets[2][0][ruleText] = "评价细则"
        sheets[3].append(["9.9", "publicSatisfaction", "", ">=", "70"])
        guard case .failure(let problems) = StandardWorkbook.json(fromSheets: sheets) else {
            Issue.record("an unknown column must be refused")
            return
        }
        #expect(problems.failures.map(\.code) == ["workbookColumnUnknown", "workbookIndicatorUnknown"])
        guard case .failure(let missing) = StandardWorkbook.json(fromSheets: [sheets[0]]) else {
            Issue.record("a workbook without its sheets must be refused")
            return
        }
        #expect(missing.failures.first?.code == "workbookSheetMissing" && missing.failures.first?.field == "parts")
    }
}
