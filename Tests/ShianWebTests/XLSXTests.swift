import Foundation
import Testing

@testable import ShianWeb

@Suite("XLSX") struct XLSXTests {
    /// What a written sheet reads back as: a row ends at its last non-empty cell (blank cells are not stored)
    /// and trailing empty rows are dropped.
    static func stored(_ rows: [[String]]) -> [[String]] {
        var rows = rows.map { row in Array(row.prefix(through: row.lastIndex(where: { !$0.isEmpty }) ?? -1)) }
        while rows.last?.isEmpty == true { rows.removeLast() }
        return rows
    }

    /// The text of one part of a workbook, to check what was written.
    static func part(_ path: String, of workbook: Data) throws -> String {
        String(decoding: try XLSX.Package(data: workbook).read(path), as: UTF8.self)
    }

    static func roundTrip(_ rows: [[String]]) throws -> [[String]] {
        try XLSX.rows(from: XLSX.workbook([XLSXSheet(name: "Sheet", rows: rows)]))
    }

    // MARK: Round trips

    @Test func roundTripsChineseAndTextThatBreaksCSV() throws {
        let rows = [
            ["编号", "名称, 带逗号", "说明 \"引号\"", "单引号 'x'", "多行"],
            ["1", "苹果, 香蕉", "他说 \"你好\"", "<b>&amp;</b> & < >", "第一行\n第二行"],
            ["2", "Windows 换行", "a\r\nb", "只有\r回车", "\ttab 开头"],
            ["3", "  前后空格  ", "😀 emoji 𠀀", "Ünïcödé", "=SUM(A1:A2)"],
            ["4", ",", "\"", "'", "\n"],
        ]
        #expect(try Self.roundTrip(rows) == rows)
    }

    @Test func roundTripsThirtyColumnsAndEmptyCells() throws {
        let header = (1...30).map { "列\($0)" }
        let full = (1...30).map { "v\($0)" }
        var gappy = [String](repeating: "", count: 30)
        gappy[0] = "A"
        gappy[2] = "C"
        gappy[26] = "AA"
        gappy[29] = "AD"
        let rows = [header, full, gappy, [], ["", "", "only C"], ["trailing blanks", "", ""], ["", ""], []]
        let read = try Self.roundTrip(rows)
        #expect(read == Self.stored(rows))
        #expect(read[2].count == 30)
        #expect(read[2][1] == "" && read[2][26] == "AA" && read[2][29] == "AD")
        #expect(read[3] == [])
        #expect(read[4] == ["", "", "only C"])
        #expect(read.count == 6)
    }

    @Test func roundTripsManyRows() throws {
        let rows = [["id", "name"]] + (1...5_000).map { ["\($0)", "名字 \($0 % 17)"] }
        #expect(try Self.roundTrip(rows) == rows)
    }

    @Test func keepsTheExactUnicodeForm() throws {
        // Swift's == treats these as equal; a shared-string table keyed by String would merge them.
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        let read = try Self.roundTrip([[composed, decomposed]])
        #expect(Array(read[0][0].utf8) == Array(composed.utf8))
        #expect(Array(read[0][1].utf8) == Array(decomposed.utf8))
    }

    @Test func dropsCharactersIllegalInXML() throws {
        let read = try Self.roundTrip([["a\u{0}b\u{1}c\u{1F}d\u{FFFE}e\u{FFFF}f", "\u{7}", "ok\u{8}"]])
        #expect(read == [["abcdef", "", "ok"]])
    }

    @Test func escapesTextThatLooksLikeAnExcelEscape() throws {
        let text = "_x0041_ and _x005F_ and _xZZZZ_"
        let workbook = try XLSX.workbook([XLSXSheet(name: "S", rows: [[text]])])
        #expect(try Self.part("xl/sharedStrings.xml", of: workbook).contains("_x005F_x0041_"))
        #expect(try XLSX.rows(from: workbook) == [[text]])
    }

    @Test func cutsCellsToExcelsLimit() throws {
        let long = String(repeating: "长", count: 40_000)
        let read = try Self.roundTrip([[long, "next"]])
        #expect(read[0][0].count == XLSX.maximumCellLength)
        #expect(read[0][1] == "next")
        // A character outside the BMP is two UTF-16 units and must not be split at the limit.
        let emoji = String(repeating: "a", count: XLSX.maximumCellLength - 1) + "😀"
        #expect(try Self.roundTrip([[emoji]])[0][0].utf16.count == XLSX.maximumCellLength - 1)
    }

    @Test func writesOneBlankSheetForNoSheets() throws {
        let workbook = try XLSX.workbook([])
        #expect(try XLSX.rows(from: workbook) == [])
        #expect(try Self.part("xl/workbook.xml", of: workbook).contains(#"name="Sheet1""#))
    }

    // MARK: What is written

    @Test func columnNamesGoBeyondZ() {
        #expect(XLSX.columnName(0) == "A")
        #expect(XLSX.columnName(25) == "Z")
        #expect(XLSX.columnName(26) == "AA")
        #expect(XLSX.columnName(27) == "AB")
        #expect(XLSX.columnName(29) == "AD")
        #expect(XLSX.columnName(51) == "AZ")
        #expect(XLSX.columnName(52) == "BA")
        #expect(XLSX.columnName(701) == "ZZ")
        #expect(XLSX.columnName(702) == "AAA")
        #expect(XLSX.columnName(16_383) == "XFD")
        for index in [0, 25, 26, 700, 701, 702, 16_383] {
            #expect(XLSX.SheetHandler.columnIndex(XLSX.columnName(index) + "7") == index)
        }
    }

    @Test func writesTheRequiredPartsWithABoldFrozenHeader() throws {
        let rows = [(1...30).map { "h\($0)" }, (1...30).map { "v\($0)" }]
        let workbook = try XLSX.workbook([XLSXSheet(name: "数据", rows: rows)])
        #expect(workbook.prefix(2) == Data("PK".utf8))

        let types = try Self.part("[Content_Types].xml", of: workbook)
        #expect(types.contains("/xl/workbook.xml"))
        #expect(types.contains("/xl/worksheets/sheet1.xml"))
        #expect(types.contains("/xl/styles.xml"))
        #expect(types.contains("/xl/sharedStrings.xml"))
        #expect(try Self.part("_rels/.rels", of: workbook).contains(#"Target="xl/workbook.xml""#))
        #expect(try Self.part("xl/_rels/workbook.xml.rels", of: workbook).contains(#"Target="worksheets/sheet1.xml""#))

        let styles = try Self.part("xl/styles.xml", of: workbook)
        #expect(styles.contains("<font><b/>"))
        #expect(styles.contains(#"fontId="1""#))

        let sheet = try Self.part("xl/worksheets/sheet1.xml", of: workbook)
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<dimension ref="A1:AD2"/>"#))
        #expect(sheet.contains(#"<c r="A1" s="1" t="s">"#))
        #expect(sheet.contains(#"<c r="AD1" s="1" t="s">"#))
        #expect(sheet.contains(#"<c r="AD2" t="s">"#))
        #expect(try Self.part("xl/workbook.xml", of: workbook).contains(#"<sheet name="数据" sheetId="1" r:id="rId1"/>"#))
        // The parts are well-formed: the reader's XMLParser accepts them all.
        #expect(try XLSX.rows(from: workbook) == rows)
    }

    @Test func sanitizesSheetNames() {
        let names = XLSX.sheetNames([
            "a/b[c]:d*e?f\\g", "", "'quoted'", "History",
            "这是一个非常非常长的工作表名称超过了三十一个字符的限制而且还要更长一些",
            "Report", "report", "REPORT", "tab\tname\n", "Sheet2",
        ])
        #expect(names[0] == "a_b_c__d_e_f_g")
        #expect(names[1] == "Sheet2")
        #expect(names[2] == "quoted")
        #expect(names[3] == "History_")
        #expect(names[4].utf16.count == 31)
        #expect(names[5] == "Report")
        #expect(names[6] == "report (2)")
        #expect(names[7] == "REPORT (3)")
        #expect(names[8] == "tabname")
        #expect(names[9] == "Sheet2 (2)")
        for name in names {
            #expect((1...31).contains(name.utf16.count))
            #expect(!name.contains(where: { "[]:*?/\\".contains($0) }))
        }
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        #expect(
            XLSX.sheetNames([String(repeating: "x", count: 40), String(repeating: "x", count: 35)]) == [
                String(repeating: "x", count: 31), String(repeating: "x", count: 27) + " (2)",
            ])
    }

    @Test func readsEachSheetByIndex() throws {
        let workbook = try XLSX.workbook([
            XLSXSheet(name: "第一", rows: [["one"]]),
            XLSXSheet(name: "a/b", rows: [["two", "2"]]),
            XLSXSheet(name: "Empty", rows: []),
        ])
        #expect(try XLSX.rows(from: workbook) == [["one"]])
        #expect(try XLSX.rows(from: workbook, sheet: 1) == [["two", "2"]])
        #expect(try XLSX.rows(from: workbook, sheet: 2) == [])
        #expect(throws: XLSXError.missingPart("worksheet 3")) { try XLSX.rows(from: workbook, sheet: 3) }
        #expect(throws: XLSXError.missingPart("worksheet -1")) { try XLSX.rows(from: workbook, sheet: -1) }
        #expect(try Self.part("xl/workbook.xml", of: workbook).contains(#"name="a_b""#))
    }

    @Test func writesWellFormedParts() throws {
        let workbook = try XLSX.workbook([XLSXSheet(name: "A", rows: [["x"]]), XLSXSheet(name: "B", rows: [])])
        let package = try XLSX.Package(data: workbook)
        for path in [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
            "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
        ] {
            #expect(throws: Never.self) { try XLSX.PartParser.parse(package.read(path), part: path, with: Ignore()) }
        }
    }

    @Test func readsConcurrently() async throws {
        let rows = [["编号", "名称"]] + (1...2_000).map { ["\($0)", "名称 \($0)"] }
        let workbook = try XLSX.workbook([XLSXSheet(name: "S", rows: rows)])
        let results = try await withThrowingTaskGroup(of: [[String]].self) { group in
            for _ in 0..<8 { group.addTask { try XLSX.rows(from: workbook) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == rows })
    }

    // MARK: Refusals and limits

    @Test func refusesDataThatIsNotAWorkbook() throws {
        #expect(throws: XLSXError.notAWorkbook) { try XLSX.rows(from: Data()) }
        #expect(throws: XLSXError.notAWorkbook) { try XLSX.rows(from: Data("name,city\n张三,北京\n".utf8)) }
        #expect(throws: XLSXError.notAWorkbook) {
            try XLSX.rows(from: Data((0..<4_096).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        }
        // "PK" and then nothing a ZIP reader can use.
        #expect(throws: XLSXError.notAWorkbook) {
            try XLSX.rows(from: Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 64)))
        }
        // A real ZIP without xl/workbook.xml.
        let zip = try XLSX.zip([("readme.txt", Array("hello".utf8)), ("xl/styles.xml", Array("<styleSheet/>".utf8))])
        #expect(throws: XLSXError.notAWorkbook) { try XLSX.rows(from: zip) }
        // A .docx-shaped package: its main part is not a workbook.
        let docx = try XLSX.zip([
            ("_rels/.rels", Array(Self.relationships([("rId1", "officeDocument", "word/document.xml")]).utf8)),
            ("word/document.xml", Array("<w:document xmlns:w=\"urn:w\"><w:body/></w:document>".utf8)),
        ])
        #expect(throws: XLSXError.notAWorkbook) { try XLSX.rows(from: docx) }
        // A workbook.xml that is not even XML.
        let broken = try XLSX.zip([("xl/workbook.xml", Array("not <xml".utf8))])
        #expect(throws: XLSXError.self) { try XLSX.rows(from: broken) }
    }

    @Test func reportsMissingAndMalformedParts() throws {
        let workbook = Self.workbookXML([("S", "rId1")])
        let rels = Self.relationships([("rId1", "worksheet", "worksheets/sheet1.xml")])
        let missing = try XLSX.zip([("xl/workbook.xml", Array(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Array(rels.utf8))])
        #expect(throws: XLSXError.missingPart("xl/worksheets/sheet1.xml")) { try XLSX.rows(from: missing) }

        let malformed = try XLSX.zip([
            ("xl/workbook.xml", Array(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Array(rels.utf8)),
            ("xl/worksheets/sheet1.xml", Array("<worksheet><sheetData><row><c><v>1</v></row></sheetData>".utf8)),
        ])
        let error = #expect(throws: XLSXError.self) { try XLSX.rows(from: malformed) }
        guard case .malformedXML(let message) = error else {
            Issue.record("expected malformedXML, got \(String(describing: error))")
            return
        }
        #expect(message.contains("xl/worksheets/sheet1.xml"))

        // Cut off mid-document: XMLParser itself reports success for this, so the reader must notice.
        for text in [#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>"#, ""] {
            let truncated = try XLSX.zip([
                ("xl/workbook.xml", Array(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Array(rels.utf8)),
                ("xl/worksheets/sheet1.xml", Array(text.utf8)),
            ])
            #expect(throws: XLSXError.self) { try XLSX.rows(from: truncated) }
        }

        let badIndex = try XLSX.zip([
            ("xl/workbook.xml", Array(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Array(rels.utf8)),
            (
                "xl/worksheets/sheet1.xml",
                Array(#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>3</v></c></row></sheetData></worksheet>"#.utf8)
            ),
        ])
        #expect(throws: XLSXError.self) { try XLSX.rows(from: badIndex) }
    }

    @Test func enforcesRowAndColumnLimits() throws {
        #expect(throws: XLSXError.tooLarge) {
            try XLSX.workbook([XLSXSheet(name: "Wide", rows: [[String](repeating: "x", count: XLSX.maximumSheetColumns + 1)])])
        }
        let rows = (1...5).map { ["row \($0)"] } + [["", ""]]
        let workbook = try XLSX.workbook([XLSXSheet(name: "S", rows: rows)])
        #expect(throws: XLSXError.tooLarge) { try XLSX.rows(from: workbook, maximumRows: 4) }
        #expect(try XLSX.rows(from: workbook, maximumRows: 5).count == 5)
        #expect(throws: XLSXError.tooLarge) { try XLSX.rows(from: workbook, maximumRows: 0) }
    }

    // MARK: Files from other writers

    /// Parts shaped like LibreOffice's (and Excel's) output: rich-text runs, phonetic guides, every cell type,
    /// cells and rows without `r`, styled blanks, a prefixed namespace and a sheet at a non-default path.
    @Test func readsWorkbooksFromOtherWriters() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let strings = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="\(main)" count="5" uniqueCount="5"><si><t xml:space="preserve">姓名</t></si>\
            <si><r><rPr><sz val="10"/><rFont val="Noto Sans CJK SC"/><family val="2"/></rPr><t xml:space="preserve">北京</t></r>\
            <r><rPr><sz val="10"/><rFont val="Arial"/></rPr><t xml:space="preserve">, </t></r>\
            <r><rPr><sz val="10"/></rPr><t xml:space="preserve">朝阳区 &quot;&amp;&quot;</t></r></si>\
            <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>\
            <si><t xml:space="preserve">第一行&#10;第二行_x000D_</t></si><si><t/></si></sst>
            """
        let sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="\(main)"><dimension ref="A1:F9"/><sheetData>\
            <row r="1" customFormat="false" ht="12.8"><c r="A1" s="1" t="s"><v>0</v></c><c r="C1" s="1" t="s"><v>1</v></c>\
            <c r="F1" s="1"/></row>\
            <row r="2"><c r="A2" t="n"><v>1200</v></c><c r="B2"><v>3.75</v></c><c r="C2" t="b"><v>1</v></c>\
            <c r="D2" t="b"><v>0</v></c><c r="E2" t="e"><v>#DIV/0!</v></c></row>\
            <row r="3"><c r="A3" t="str"><f>A2&amp;"x"</f><v>1200x</v></c><c r="B3" t="inlineStr"><is><t>内联</t></is></c>\
            <c r="C3" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c>\
            <c r="D3"><f>1/3</f><v>0.33333333333333331</v></c><c r="E3"><v>1.0</v></c><c r="F3"><v>1E3</v></c></row>\
            <row r="5"><c t="s"><v>2</v></c><c><v>-42</v></c><c r="E5" t="s"><v>3</v></c><c t="s"><v>4</v></c></row>\
            <row><c r="B6" t="s"><v>1</v></c></row>\
            <row r="9"><c r="A9" s="3"/><c r="B9" s="3" t="s"></c></row>\
            </sheetData><mergeCells count="0"/><headerFooter><oddHeader>&amp;C&amp;A</oddHeader></headerFooter></worksheet>
            """
        let workbook = try XLSX.zip([
            ("[Content_Types].xml", Array("<Types/>".utf8)),
            ("_rels/.rels", Array(Self.relationships([("rId1", "officeDocument", "/xl/workbook.xml")]).utf8)),
            ("xl/workbook.xml", Array(Self.workbookXML([("Hidden first", "rId7"), ("数据", "rId2")]).utf8)),
            (
                "xl/_rels/workbook.xml.rels",
                Array(
                    Self.relationships([
                        ("rId1", "styles", "styles.xml"), ("rId2", "worksheet", "worksheets/data.xml"),
                        ("rId3", "sharedStrings", "sharedStrings.xml"), ("rId7", "worksheet", "/xl/worksheets/other.xml"),
                    ]).utf8)
            ),
            ("xl/sharedStrings.xml", Array(strings.utf8)),
            ("xl/worksheets/data.xml", Array(sheet.utf8)),
            ("xl/worksheets/other.xml", Array("<worksheet xmlns=\"\(main)\"><sheetData/></worksheet>".utf8)),
        ])
        #expect(try XLSX.rows(from: workbook) == [])
        let rows = try XLSX.rows(from: workbook, sheet: 1)
        #expect(rows.count == 6)
        #expect(rows[0] == ["姓名", "", "北京, 朝阳区 \"&\""])
        #expect(rows[1] == ["1200", "3.75", "TRUE", "FALSE", "#DIV/0!"])
        #expect(rows[2] == ["1200x", "内联", "富文本", "0.333333333333333", "1", "1000"])
        #expect(rows[3] == [])
        #expect(rows[4] == ["東京", "-42", "", "", "第一行\n第二行\r"])
        #expect(rows[5] == ["", "北京, 朝阳区 \"&\""])
    }

    @Test func readsPrefixedSpreadsheetML() throws {
        // Some .NET writers prefix every element (x:c, x:v); the reader goes by local names.
        let ns = #"xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#
        let workbook = try XLSX.zip([
            (
                "xl/workbook.xml",
                Array(
                    #"<x:workbook \#(ns) xmlns:r="urn:r"><x:sheets><x:sheet name="S" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>"#
                        .utf8)
            ),
            ("xl/_rels/workbook.xml.rels", Array(Self.relationships([("rId1", "worksheet", "worksheets/sheet1.xml")]).utf8)),
            (
                "xl/worksheets/sheet1.xml",
                Array(
                    #"<x:worksheet \#(ns)><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>你好</x:t></x:is></x:c><x:c r="C1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>"#
                        .utf8)
            ),
        ])
        #expect(try XLSX.rows(from: workbook) == [["", "你好", "7"]])
    }

    @Test func formatsNumbersAsExcelShowsThem() {
        #expect(XLSX.numberText("42") == "42")
        #expect(XLSX.numberText("-42") == "-42")
        #expect(XLSX.numberText("5.0") == "5")
        #expect(XLSX.numberText("1E3") == "1000")
        #expect(XLSX.numberText("3.75") == "3.75")
        #expect(XLSX.numberText("0.1") == "0.1")
        #expect(XLSX.numberText("0.30000000000000004") == "0.3")
        #expect(XLSX.numberText("45292.5") == "45292.5")
        #expect(XLSX.numberText("123456789012345678") == "123456789012345678")
        #expect(XLSX.numberText("1.5E-7") == "1.5E-7")
        #expect(XLSX.numberText("abc") == "abc")
    }

    @Test func decodesExcelEscapes() {
        #expect(XLSX.decodingExcelEscapes("a_x000D_b") == "a\rb")
        #expect(XLSX.decodingExcelEscapes("_x005F_x0041_") == "_x0041_")
        #expect(XLSX.decodingExcelEscapes("_xD83D__xDE00_") == "😀")
        #expect(XLSX.decodingExcelEscapes("_x12_ _xZZZZ_ plain") == "_x12_ _xZZZZ_ plain")
    }

    // MARK: Fixture helpers

    /// A handler that only lets the parser check well-formedness.
    final class Ignore: XLSX.PartHandler {
        func start(_ name: String, attributes: [String: String]) {}
        func characters(_ text: String) {}
        func end(_ name: String) {}
    }

    static func relationships(_ items: [(id: String, type: String, target: String)]) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        let body = items.map { #"<Relationship Id="\#($0.id)" Type="\#(base)\#($0.type)" Target="\#($0.target)"/>"# }
        return #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + body.joined() + "</Relationships>"
    }

    static func workbookXML(_ sheets: [(name: String, id: String)]) -> String {
        let body = sheets.enumerated().map { #"<sheet name="\#($1.name)" sheetId="\#($0 + 1)" r:id="\#($1.id)"/>"# }
        return #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
            + body.joined() + "</sheets></workbook>"
    }
}
