import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    // On Linux `XMLParser` lives in FoundationXML rather than Foundation.
    import FoundationXML
#endif

/// One worksheet to write: a tab name and its rows of cell text.
public struct XLSXSheet: Sendable {
    /// The tab name. It is cleaned up to Excel's rules when written, so any string is accepted.
    public var name: String
    /// The cells, row by row. The first row is written as a bold, frozen header.
    public var rows: [[String]]

    /// Creates a sheet with a tab name and its rows.
    public init(name: String, rows: [[String]]) {
        self.name = name
        self.rows = rows
    }
}

/// Why a workbook could not be read or written.
public enum XLSXError: Error, Equatable, Sendable {
    /// The data is not a ZIP archive, or the archive holds no spreadsheet workbook.
    case notAWorkbook
    /// A part the workbook refers to (named here) is absent, or the requested sheet does not exist.
    case missingPart(String)
    /// A part (named here, with the parser's complaint) is not well-formed or not what SpreadsheetML allows.
    case malformedXML(String)
    /// The workbook exceeds a size limit: Excel's row or column limit when writing; `maximumRows`,
    /// the cell budget or the unpacked part size when reading.
    case tooLarge
}

/// A small writer and reader for Office Open XML spreadsheets (.xlsx) holding plain text cells.
///
/// Both directions work on `Data` in memory and block the calling thread; in a Vapor handler,
/// run large workbooks off the event loop (for example on `NIOThreadPool`).
public enum XLSX {
    /// Excel's hard limits; a file beyond them opens with a "repair" prompt or not at all.
    static let maximumSheetRows = 1_048_576
    static let maximumSheetColumns = 16_384
    static let maximumCellLength = 32_767
    /// Excel's limit on a tab name, in UTF-16 code units.
    static let maximumSheetNameLength = 31

    /// Reading limits that keep a hostile upload (a ZIP bomb, or one cell at XFD1048576 on every row)
    /// from exhausting memory: 1 GiB unpacked per part, and 50 million cells including the "" padding.
    static let maximumPartSize = 1 << 30
    static let maximumCellSlots = 50_000_000

    // MARK: - Writing

    /// A minimal valid .xlsx (Office Open XML) with these sheets; the first row of each sheet is a bold header row, frozen.
    ///
    /// Every cell is written as text (a shared string), never as a number: text round-trips exactly, while numeric
    /// cells would turn "007" into 7 and 18-digit IDs into 1.23457E+17. Empty strings are left as blank cells.
    /// Characters that XML 1.0 cannot carry are dropped, a cell is cut to Excel's 32,767 characters, and sheet names
    /// are made valid and unique (≤ 31 characters, none of `[]:*?/\`). An empty list gives one blank sheet,
    /// since a workbook must have at least one.
    /// - Throws: `XLSXError.tooLarge` past Excel's 1,048,576 rows or 16,384 columns in a sheet.
    public static func workbook(_ sheets: [XLSXSheet]) throws -> Data {
        let sheets = sheets.isEmpty ? [XLSXSheet(name: "Sheet1", rows: [])] : sheets
        for sheet in sheets {
            guard sheet.rows.count <= maximumSheetRows,
                sheet.rows.allSatisfy({ $0.count <= maximumSheetColumns })
            else { throw XLSXError.tooLarge }
        }
        let names = sheetNames(sheets.map(\.name))
        var strings = SharedStringTable()
        var worksheets: [[UInt8]] = []
        for (index, sheet) in sheets.enumerated() {
            worksheets.append(worksheetXML(sheet.rows, selected: index == 0, strings: &strings))
        }

        var parts: [(path: String, bytes: [UInt8])] = []
        parts.append(("[Content_Types].xml", contentTypesXML(sheetCount: sheets.count, hasStrings: !strings.isEmpty)))
        parts.append(("_rels/.rels", Array(rootRelationships.utf8)))
        parts.append(("xl/workbook.xml", workbookXML(names)))
        parts.append(
            ("xl/_rels/workbook.xml.rels", workbookRelationshipsXML(sheetCount: sheets.count, hasStrings: !strings.isEmpty)))
        parts.append(("xl/styles.xml", Array(stylesXML.utf8)))
        if !strings.isEmpty {
            parts.append(("xl/sharedStrings.xml", strings.xml()))
        }
        for (index, bytes) in worksheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", bytes))
        }
        return try zip(parts)
    }

    /// Packs parts into a ZIP archive in memory, deflated, in the given order.
    /// `[Content_Types].xml` goes first by convention: some readers sniff the first entry.
    static func zip(_ parts: [(path: String, bytes: [UInt8])]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for part in parts {
            let bytes = part.bytes
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                compressionMethod: .deflate
            ) { position, size in
                let start = Int(position)
                return Data(bytes[start..<min(start + size, bytes.count)])
            }
        }
        guard let data = archive.data else { throw Archive.ArchiveError.unwritableArchive }
        return data
    }

    /// The column letters for a zero-based index: 0 → A, 25 → Z, 26 → AA, 16383 → XFD.
    static func columnName(_ index: Int) -> String {
        var letters: [UInt8] = []
        var n = index + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(remainder))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// Makes tab names acceptable to Excel, which otherwise refuses the whole file:
    /// no `[]:*?/\`, no control characters, no leading or trailing apostrophe, not "History",
    /// 1…31 UTF-16 units, and unique ignoring case.
    static func sheetNames(_ requested: [String]) -> [String] {
        var used = Set<String>()
        var result: [String] = []
        for (index, raw) in requested.enumerated() {
            var scalars = String.UnicodeScalarView()
            for scalar in raw.unicodeScalars {
                if "[]:*?/\\".unicodeScalars.contains(scalar) {
                    scalars.append("_")
                } else if !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || scalar.value == 0xFFFE || scalar.value == 0xFFFF)
                {
                    scalars.append(scalar)
                }
            }
            var base = trimmingApostrophes(truncated(String(scalars), to: maximumSheetNameLength))
            if base.lowercased() == "history" { base += "_" }
            if base.isEmpty { base = "Sheet\(index + 1)" }
            var name = base
            var counter = 2
            while used.contains(name.lowercased()) {
                let suffix = " (\(counter))"
                name = truncated(base, to: maximumSheetNameLength - suffix.utf16.count) + suffix
                counter += 1
            }
            used.insert(name.lowercased())
            result.append(name)
        }
        return result
    }

    private static func trimmingApostrophes(_ name: String) -> String {
        var name = Substring(name)
        while name.first == "'" { name = name.dropFirst() }
        while name.last == "'" { name = name.dropLast() }
        return String(name)
    }

    /// Cuts a string to at most `limit` UTF-16 units (Excel's unit for lengths) without splitting a character.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var length = 0
        var end = text.startIndex
        for index in text.indices {
            let width = text[index].utf16.count
            if length + width > limit { break }
            length += width
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    /// The text as Excel can store it: characters illegal in XML 1.0 dropped (Excel and LibreOffice reject
    /// the file outright otherwise), then cut to Excel's cell limit.
    static func cellText(_ text: String) -> String {
        var cleaned = text
        if text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
            || text.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF })
        {
            cleaned = String(
                String.UnicodeScalarView(
                    text.unicodeScalars.filter { scalar in
                        scalar.value >= 0x20
                            ? scalar.value != 0xFFFE && scalar.value != 0xFFFF
                            : scalar.value == 0x09 || scalar.value == 0x0A || scalar.value == 0x0D
                    }))
        }
        // utf8.count is O(1) and never below utf16.count, so most cells skip the slower check.
        if cleaned.utf8.count > maximumCellLength {
            cleaned = truncated(cleaned, to: maximumCellLength)
        }
        return cleaned
    }

    private static func worksheetXML(_ rows: [[String]], selected: Bool, strings: inout SharedStringTable) -> [UInt8] {
        var xml = XMLBuffer()
        xml.append(
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
                + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
                + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)

        // Rows and columns that hold text; blank cells are not written, as Excel itself does.
        var lastRow = -1
        var columnCount = 0
        for (index, row) in rows.enumerated() {
            if let last = row.lastIndex(where: { !$0.isEmpty }) {
                lastRow = index
                columnCount = max(columnCount, last + 1)
            }
        }
        let dimension = lastRow < 0 ? "A1" : "A1:\(columnName(columnCount - 1))\(lastRow + 1)"
        xml.append(#"<dimension ref=""# + dimension + #""/>"#)

        xml.append(#"<sheetViews><sheetView workbookViewId="0""# + (selected ? #" tabSelected="1""# : "") + ">")
        if !rows.isEmpty {
            // Freezing row 1 keeps the header visible while scrolling.
            xml.append(
                #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
                    + #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#)
        }
        xml.append(#"</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>"#)

        if columnCount > 0 {
            // Without widths every column is 8.43 characters and Chinese headers are cut off.
            xml.append("<cols>")
            for (index, width) in columnWidths(rows, columnCount: columnCount).enumerated() {
                xml.append(#"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#)
            }
            xml.append("</cols>")
        }

        xml.append("<sheetData>")
        let columnNames = (0..<columnCount).map { Array(columnName($0).utf8) }
        for (rowIndex, row) in rows.enumerated() where row.contains(where: { !$0.isEmpty }) {
            let rowNumber = Array(String(rowIndex + 1).utf8)
            xml.append(#"<row r=""#)
            xml.bytes.append(contentsOf: rowNumber)
            xml.append(#"">"#)
            for (columnIndex, value) in row.enumerated() where !value.isEmpty {
                let text = cellText(value)
                if text.isEmpty { continue }
                // Style 1 is bold (header), 2 wraps multi-line text, 3 is both; see `stylesXML`.
                let wraps = text.utf8.contains(0x0A) || text.utf8.contains(0x0D)
                let style = (rowIndex == 0 ? 1 : 0) + (wraps ? 2 : 0)
                xml.append(#"<c r=""#)
                xml.bytes.append(contentsOf: columnNames[columnIndex])
                xml.bytes.append(contentsOf: rowNumber)
                xml.append(style == 0 ? #"" t="s"><v>"# : #"" s="\#(style)" t="s"><v>"#)
                xml.append(String(strings.index(of: text)))
                xml.append("</v></c>")
            }
            xml.append("</row>")
        }
        xml.append("</sheetData></worksheet>")
        return xml.bytes
    }

    /// Column widths in Excel's character units, from the header and the first 1,000 rows:
    /// East Asian characters count double because they are drawn twice as wide.
    private static func columnWidths(_ rows: [[String]], columnCount: Int) -> [Int] {
        var widths = [Int](repeating: 0, count: columnCount)
        for row in rows.prefix(1_000) {
            for (index, value) in row.enumerated() where index < columnCount && !value.isEmpty {
                var longestLine = 0
                var line = 0
                for scalar in value.unicodeScalars {
                    if scalar == "\n" || scalar == "\r" {
                        line = 0
                        continue
                    }
                    line += isWide(scalar) ? 2 : 1
                    longestLine = max(longestLine, line)
                }
                widths[index] = max(widths[index], longestLine)
            }
        }
        return widths.map { min(max($0 + 2, 10), 60) }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    private static func contentTypesXML(sheetCount: Int, hasStrings: Bool) -> [UInt8] {
        var xml =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        if hasStrings {
            xml +=
                #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        }
        for index in 1...sheetCount {
            xml +=
                #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return Array((xml + "</Types>").utf8)
    }

    private static let rootRelationships =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    private static func workbookXML(_ names: [String]) -> [UInt8] {
        var xml = XMLBuffer()
        xml.append(
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
                + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
                + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
                + #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#)
        for (index, name) in names.enumerated() {
            xml.append(#"<sheet name=""#)
            xml.escaped(name, inAttribute: true)
            xml.append(#"" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#)
        }
        xml.append("</sheets></workbook>")
        return xml.bytes
    }

    private static func workbookRelationshipsXML(sheetCount: Int, hasStrings: Bool) -> [UInt8] {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var xml =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 1...sheetCount {
            xml += #"<Relationship Id="rId\#(index)" Type="\#(base)worksheet" Target="worksheets/sheet\#(index).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(base)styles" Target="styles.xml"/>"#
        if hasStrings {
            xml += #"<Relationship Id="rId\#(sheetCount + 2)" Type="\#(base)sharedStrings" Target="sharedStrings.xml"/>"#
        }
        return Array((xml + "</Relationships>").utf8)
    }

    /// Excel insists on the two default fills and one border even when unused.
    /// Cell formats: 0 plain, 1 bold (header), 2 wrapped (multi-line text), 3 bold and wrapped.
    private static let stylesXML =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        + "</cellXfs>"
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    // MARK: - Reading

    /// The rows of the first (or `sheet`-th) worksheet as strings, in order; gaps in a row (A1 then C1) become "".
    /// Reads shared strings, inline strings, numbers (as their text, integers without ".0"), booleans; trailing empty rows dropped.
    ///
    /// `sheet` counts tabs in workbook order from 0. A row ends at its last non-empty cell, so rows may differ in length.
    /// Formula cells give their cached result, booleans "TRUE"/"FALSE", errors their code ("#N/A"); dates are
    /// numbers in the file and come back as the serial number. Numbers with float noise beyond Excel's 15 significant
    /// digits are shown as Excel shows them ("0.30000000000000004" gives "0.3").
    /// - Throws: `XLSXError.notAWorkbook` for anything that is not a ZIP holding a workbook; `.missingPart` when the
    ///   sheet does not exist; `.malformedXML` for broken parts; `.tooLarge` when a non-empty row lies at or beyond
    ///   `maximumRows` or the file exceeds the memory limits.
    public static func rows(from data: Data, sheet: Int = 0, maximumRows: Int = 1_000_000) throws -> [[String]] {
        let package = try Package(data: data)

        // The package's own relationships name the workbook part; "xl/workbook.xml" is where everyone puts it.
        var workbookPath = "xl/workbook.xml"
        if package.contains("_rels/.rels") {
            let relationships = try package.relationships(of: "")
            if let main = relationships.first(where: { $0.type.hasSuffix("/officeDocument") }) {
                workbookPath = main.target
            }
        }
        guard package.contains(workbookPath) else { throw XLSXError.notAWorkbook }
        let workbook = WorkbookHandler()
        let root = try PartParser.parse(package.read(workbookPath), part: workbookPath, with: workbook)
        // A .docx or .pptx is a ZIP with an officeDocument too; only a <workbook> root makes it a spreadsheet.
        guard root == "workbook" else { throw XLSXError.notAWorkbook }

        guard sheet >= 0, sheet < workbook.sheets.count else { throw XLSXError.missingPart("worksheet \(sheet)") }
        let relationships = try package.relationships(of: workbookPath)
        let sheetPath =
            relationships.first(where: { $0.id == workbook.sheets[sheet].relationshipID })?.target
            ?? "xl/worksheets/sheet\(sheet + 1).xml"
        guard package.contains(sheetPath) else { throw XLSXError.missingPart(sheetPath) }

        var sharedStrings: [String] = []
        let stringsPath =
            relationships.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target ?? "xl/sharedStrings.xml"
        if package.contains(stringsPath) {
            let handler = SharedStringsHandler()
            try PartParser.parse(package.read(stringsPath), part: stringsPath, with: handler)
            sharedStrings = handler.strings
        }

        let handler = SheetHandler(sharedStrings: sharedStrings, maximumRows: max(0, maximumRows), part: sheetPath)
        try PartParser.parse(package.read(sheetPath), part: sheetPath, with: handler)
        var rows = handler.rows
        for index in rows.indices {
            while rows[index].last?.isEmpty == true { rows[index].removeLast() }
        }
        while rows.last?.isEmpty == true { rows.removeLast() }
        return rows
    }

    /// A number's text as Excel would show it in General format: "5" not "5.0" or "5E0", and at most
    /// 15 significant digits, which is all Excel keeps; anything unparsable is returned as written.
    static func numberText(_ raw: String) -> String {
        guard let value = Double(raw), value.isFinite else { return raw }
        if value.rounded() == value, abs(value) < 1e15 {
            return String(Int64(value))
        }
        let hasExponent = raw.utf8.contains(UInt8(ascii: "e")) || raw.utf8.contains(UInt8(ascii: "E"))
        let digits = raw.utf8.drop(while: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".") })
            .filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        if !hasExponent && digits.count <= 15 { return raw }
        let rounded = String(format: "%.15g", value)
        return rounded.contains("e") ? raw : rounded
    }

    /// Undoes Excel's `_xHHHH_` escapes, with which it stores characters XML cannot carry (and "_x005F_" for a
    /// literal underscore that would otherwise read as an escape).
    static func decodingExcelEscapes(_ text: String) -> String {
        guard text.utf8.count >= 7, text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let bytes = Array(text.utf8)
        func hexCode(at index: Int) -> UInt32? {
            guard index + 6 < bytes.count, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x"),
                bytes[index + 6] == UInt8(ascii: "_")
            else { return nil }
            var code: UInt32 = 0
            for byte in bytes[(index + 2)..<(index + 6)] {
                guard let digit = hexValue(byte) else { return nil }
                code = code * 16 + digit
            }
            return code
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let code = hexCode(at: index) {
                var scalar = Unicode.Scalar(code)
                var length = 7
                // Characters beyond the BMP arrive as two escaped UTF-16 halves.
                if (0xD800...0xDBFF).contains(code), let low = hexCode(at: index + 7), (0xDC00...0xDFFF).contains(low) {
                    scalar = Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
                    length = 14
                }
                if let scalar {
                    output.append(contentsOf: String(Character(scalar)).utf8)
                    index += length
                    continue
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}

// The helpers live inside `XLSX` so that their plain names cannot clash with types elsewhere in the module.
extension XLSX {
    // MARK: - Writing helpers

    /// UTF-8 output built byte by byte: faster than growing a `String` for a million cells.
    struct XMLBuffer {
        var bytes: [UInt8] = []

        mutating func append(_ text: String) {
            bytes.append(contentsOf: text.utf8)
        }

        /// Appends text with the five XML specials escaped. In attributes, tab and line breaks are escaped too,
        /// since a parser would turn them into spaces. A carriage return is always escaped because XML parsers
        /// turn a literal one into a line feed. With `excelEscapes`, an underscore that starts `_xHHHH_` is
        /// written as `_x005F_`, or Excel would decode the literal text as a character.
        mutating func escaped(_ text: String, inAttribute: Bool, excelEscapes: Bool = false) {
            let utf8 = Array(text.utf8)
            for (index, byte) in utf8.enumerated() {
                switch byte {
                case UInt8(ascii: "&"): append("&amp;")
                case UInt8(ascii: "<"): append("&lt;")
                case UInt8(ascii: ">"): append("&gt;")
                case UInt8(ascii: "\""): append("&quot;")
                case UInt8(ascii: "'"): append("&apos;")
                case 0x0D: append("&#13;")
                case 0x09 where inAttribute: append("&#9;")
                case 0x0A where inAttribute: append("&#10;")
                case UInt8(ascii: "_") where excelEscapes && Self.startsExcelEscape(utf8, at: index):
                    append("_x005F_")
                default: bytes.append(byte)
                }
            }
        }

        private static func startsExcelEscape(_ utf8: [UInt8], at index: Int) -> Bool {
            guard index + 6 < utf8.count, utf8[index + 1] == UInt8(ascii: "x"), utf8[index + 6] == UInt8(ascii: "_")
            else { return false }
            return utf8[(index + 2)..<(index + 6)].allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
            }
        }
    }

    /// The workbook's shared string table: each distinct text stored once, cells refer to it by index.
    struct SharedStringTable {
        /// Keyed by exact UTF-8 bytes: `String` equality treats "é" and "e\u{301}" as equal, which would
        /// silently rewrite one cell's text into the other's.
        private var indices: [ExactText: Int] = [:]
        private var texts: [String] = []
        private var references = 0

        var isEmpty: Bool { texts.isEmpty }

        mutating func index(of text: String) -> Int {
            references += 1
            let key = ExactText(text)
            if let index = indices[key] { return index }
            texts.append(text)
            indices[key] = texts.count - 1
            return texts.count - 1
        }

        func xml() -> [UInt8] {
            var xml = XMLBuffer()
            xml.append(
                #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
                    + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(references)" uniqueCount="\#(texts.count)">"#
            )
            for text in texts {
                // preserve: otherwise leading and trailing spaces and line breaks may be dropped.
                xml.append(#"<si><t xml:space="preserve">"#)
                xml.escaped(text, inAttribute: false, excelEscapes: true)
                xml.append("</t></si>")
            }
            xml.append("</sst>")
            return xml.bytes
        }
    }

    /// A string compared and hashed by its exact UTF-8 bytes rather than by Unicode canonical equivalence.
    struct ExactText: Hashable {
        let text: String

        init(_ text: String) { self.text = text }

        static func == (lhs: ExactText, rhs: ExactText) -> Bool {
            lhs.text.utf8.elementsEqual(rhs.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            if hashed == nil {
                for byte in text.utf8 { hasher.combine(byte) }
            }
        }
    }

    // MARK: - Reading helpers

    /// The ZIP container, with part names looked up the way OPC defines them: case-insensitively, without a leading "/".
    struct Package {
        private let archive: Archive
        private let entries: [String: Entry]

        init(data: Data) throws {
            guard !data.isEmpty else { throw XLSXError.notAWorkbook }
            do {
                archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
            } catch {
                throw XLSXError.notAWorkbook
            }
            var entries: [String: Entry] = [:]
            for entry in archive where entry.type == .file {
                let key = Self.key(entry.path)
                if entries[key] == nil { entries[key] = entry }
            }
            guard !entries.isEmpty else { throw XLSXError.notAWorkbook }
            self.entries = entries
        }

        private static func key(_ path: String) -> String {
            var path = path.replacingOccurrences(of: "\\", with: "/")
            while path.hasPrefix("/") { path.removeFirst() }
            return path.lowercased()
        }

        func contains(_ path: String) -> Bool {
            entries[Self.key(path)] != nil
        }

        /// The unpacked part, refused once it passes `maximumPartSize` however small the ZIP claims it is.
        func read(_ path: String) throws -> Data {
            guard let entry = entries[Self.key(path)] else { throw XLSXError.missingPart(path) }
            guard entry.uncompressedSize <= UInt64(XLSX.maximumPartSize) else { throw XLSXError.tooLarge }
            var data = Data()
            // The declared size is only a hint from the file: reserve no more than 64 MiB on its word.
            data.reserveCapacity(Int(min(entry.uncompressedSize, 64 << 20)))
            do {
                _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                    guard data.count + chunk.count <= XLSX.maximumPartSize else { throw XLSXError.tooLarge }
                    data.append(chunk)
                }
            } catch let error as XLSXError {
                throw error
            } catch {
                // A CRC mismatch or broken deflate stream: the file is damaged, not a workbook we can read.
                throw XLSXError.notAWorkbook
            }
            return data
        }

        struct Relationship {
            var id: String
            var type: String
            /// The target as a part name from the package root.
            var target: String
        }

        /// The relationships of a part ("" for the package itself), targets resolved against the part's folder.
        func relationships(of part: String) throws -> [Relationship] {
            let folder = part.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            let file = part.split(separator: "/").last.map(String.init) ?? ""
            let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
            guard contains(relsPath) else { return [] }
            let handler = RelationshipsHandler()
            try PartParser.parse(read(relsPath), part: relsPath, with: handler)
            return handler.relationships.compactMap { raw in
                guard raw.mode.lowercased() != "external" else { return nil }
                let target = raw.target.removingPercentEncoding ?? raw.target
                var components: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
                for component in target.split(separator: "/") {
                    switch component {
                    case ".": continue
                    case "..": if !components.isEmpty { components.removeLast() }
                    default: components.append(component)
                    }
                }
                return Relationship(id: raw.id, type: raw.type, target: components.joined(separator: "/"))
            }
        }
    }

    /// What a part parser does with the SAX events, by local element name (namespace prefix removed, so `x:c`,
    /// written by some .NET libraries, and Strict OOXML read like `c`). Throwing an `XLSXError` stops the parse.
    protocol PartHandler: AnyObject {
        func start(_ name: String, attributes: [String: String]) throws
        func characters(_ text: String)
        func end(_ name: String) throws
    }

    /// The one `XMLParserDelegate`, forwarding to a `PartHandler`. A single concrete delegate, rather than a delegate
    /// subclass per part, because on Linux the protocol's methods are not Objective-C optionals: a conformance
    /// declared on a base class binds to the empty default implementations and never reaches a subclass.
    final class PartParser: NSObject, XMLParserDelegate {
        private let handler: any PartHandler
        private var failure: (any Error)?
        private var depth = 0
        private var rootClosed = false
        /// The local name of the document element, to tell a workbook from another Office document.
        private(set) var rootName: String?

        private init(handler: any PartHandler) {
            self.handler = handler
        }

        /// Parses a whole part, turning libxml2's complaints into `XLSXError.malformedXML`.
        /// - Returns: the local name of the root element.
        @discardableResult
        static func parse(_ data: Data, part: String, with handler: any PartHandler) throws -> String? {
            let delegate = PartParser(handler: handler)
            // Fed as a stream, in chunks: given the whole `Data` at once, Linux Foundation hands libxml2 more than its
            // 10 MB look-ahead limit and every part past ~10 MB fails ("Huge input lookup", swift-corelibs-foundation#4851).
            let parser = XMLParser(stream: InputStream(data: data))
            parser.shouldProcessNamespaces = false
            parser.shouldReportNamespacePrefixes = false
            // An upload must not make the server read files or URLs; libxml2 also refuses entity-expansion bombs.
            parser.shouldResolveExternalEntities = false
            parser.delegate = delegate
            let parsed = parser.parse()
            if let failure = delegate.failure { throw failure }
            // parse() returns true for a truncated document (libxml2 only records the error), so check all three.
            guard parsed, parser.parserError == nil, delegate.rootClosed else {
                let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "the document is incomplete"
                throw XLSXError.malformedXML("\(part), line \(parser.lineNumber): \(reason)")
            }
            return delegate.rootName
        }

        private func stop(_ parser: XMLParser, _ error: any Error) {
            if failure == nil { failure = error }
            parser.abortParsing()
        }

        private static func localName(_ name: String) -> String {
            guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name }
            return String(name[name.index(after: colon)...])
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            guard failure == nil else { return }
            let name = Self.localName(elementName)
            if depth == 0 { rootName = name }
            depth += 1
            do { try handler.start(name, attributes: attributeDict) } catch { stop(parser, error) }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            guard failure == nil else { return }
            depth -= 1
            if depth == 0 { rootClosed = true }
            do { try handler.end(Self.localName(elementName)) } catch { stop(parser, error) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if failure == nil { handler.characters(string) }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            if failure == nil { handler.characters(String(decoding: CDATABlock, as: UTF8.self)) }
        }
    }

    /// Reads a `.rels` part.
    final class RelationshipsHandler: PartHandler {
        struct Raw {
            var id: String
            var type: String
            var target: String
            var mode: String
        }
        var relationships: [Raw] = []

        func start(_ name: String, attributes: [String: String]) {
            guard name == "Relationship" else { return }
            relationships.append(
                Raw(
                    id: attributes["Id"] ?? "", type: attributes["Type"] ?? "", target: attributes["Target"] ?? "",
                    mode: attributes["TargetMode"] ?? ""))
        }

        func characters(_ text: String) {}
        func end(_ name: String) {}
    }

    /// Reads the tab list of `workbook.xml`, in tab order.
    final class WorkbookHandler: PartHandler {
        var sheets: [(name: String, relationshipID: String)] = []

        func start(_ name: String, attributes: [String: String]) {
            guard name == "sheet" else { return }
            // The relationship id is `r:id`, but the prefix is whatever the writer declared.
            let id = attributes["r:id"] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value ?? ""
            sheets.append((attributes["name"] ?? "", id))
        }

        func characters(_ text: String) {}
        func end(_ name: String) {}
    }

    /// Reads `<si>` items. Rich text is the concatenation of its runs' `<t>`; phonetic guides (`<rPh>`, the
    /// furigana Excel stores for Japanese) are not part of the cell text and are skipped.
    final class SharedStringsHandler: PartHandler {
        var strings: [String] = []
        private var current = ""
        private var inItem = false
        private var capturing = false
        private var phoneticDepth = 0

        func start(_ name: String, attributes: [String: String]) {
            switch name {
            case "si":
                inItem = true
                current = ""
            case "rPh": phoneticDepth += 1
            case "t": capturing = inItem && phoneticDepth == 0
            default: break
            }
        }

        func characters(_ text: String) {
            if capturing { current += text }
        }

        func end(_ name: String) {
            switch name {
            case "si":
                strings.append(XLSX.decodingExcelEscapes(current))
                inItem = false
            case "rPh": phoneticDepth -= 1
            case "t": capturing = false
            default: break
            }
        }
    }

    /// Reads `<sheetData>` into rows, placing each cell by its `r` reference when present (writers skip blank
    /// cells and rows) and by position otherwise (the attribute is optional).
    final class SheetHandler: PartHandler {
        private(set) var rows: [[String]] = []
        private let sharedStrings: [String]
        private let maximumRows: Int
        private let part: String
        private var cellSlots = 0

        private var rowIndex = -1
        private var nextColumn = 0
        private var inCell = false
        private var column = 0
        private var cellType = ""
        private var value = ""
        private var inlineText = ""
        private var inInlineString = false
        private var phoneticDepth = 0
        private enum Capture { case none, value, inline }
        private var capture = Capture.none

        init(sharedStrings: [String], maximumRows: Int, part: String) {
            self.sharedStrings = sharedStrings
            self.maximumRows = maximumRows
            self.part = part
        }

        func start(_ name: String, attributes: [String: String]) {
            switch name {
            case "row":
                if let number = attributes["r"].flatMap({ Int($0) }), number >= 1 {
                    rowIndex = number - 1
                } else {
                    rowIndex += 1
                }
                nextColumn = 0
            case "c":
                inCell = true
                column = attributes["r"].flatMap(Self.columnIndex) ?? nextColumn
                cellType = attributes["t"] ?? "n"
                value = ""
                inlineText = ""
            case "v" where inCell: capture = .value
            case "is" where inCell: inInlineString = true
            case "rPh": phoneticDepth += 1
            case "t" where inInlineString && phoneticDepth == 0: capture = .inline
            default: break
            }
        }

        func characters(_ text: String) {
            switch capture {
            case .none: break
            case .value: value += text
            case .inline: inlineText += text
            }
        }

        func end(_ name: String) throws {
            switch name {
            case "v", "t": capture = .none
            case "rPh": phoneticDepth -= 1
            case "is": inInlineString = false
            case "c":
                inCell = false
                nextColumn = column + 1
                try finishCell()
            default: break
            }
        }

        private func finishCell() throws {
            let text: String
            switch cellType {
            case "s":
                // An `s` cell without a value is a styled blank.
                if value.isEmpty { return }
                guard let index = Int(Self.trimmed(value)), sharedStrings.indices.contains(index)
                else { throw XLSXError.malformedXML("\(part): shared string index \(value) out of range") }
                text = sharedStrings[index]
            case "inlineStr": text = XLSX.decodingExcelEscapes(inlineText.isEmpty ? value : inlineText)
            case "str": text = XLSX.decodingExcelEscapes(value)
            case "b": text = value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
            case "n": text = value.isEmpty ? "" : XLSX.numberText(Self.trimmed(value))
            default: text = value  // "e" (error codes such as #N/A) and "d" (ISO 8601 dates) as written
            }
            if text.isEmpty { return }  // blanks do not extend a row; gaps are padded when a later cell arrives

            guard rowIndex >= 0 else { throw XLSXError.malformedXML("\(part): cell outside a row") }
            guard column < XLSX.maximumSheetColumns else {
                throw XLSXError.malformedXML("\(part): column \(column + 1) is beyond XFD")
            }
            guard rowIndex < maximumRows else { throw XLSXError.tooLarge }
            while rows.count <= rowIndex { rows.append([]) }
            let width = rows[rowIndex].count
            if column >= width {
                cellSlots += column + 1 - width
                guard cellSlots <= XLSX.maximumCellSlots else { throw XLSXError.tooLarge }
                rows[rowIndex].append(contentsOf: repeatElement("", count: column - width))
                rows[rowIndex].append(text)
            } else {
                rows[rowIndex][column] = text
            }
        }

        /// The value without surrounding whitespace; checks the ends first because Foundation's trimming is slow
        /// and values almost never need it.
        private static func trimmed(_ value: String) -> String {
            let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            guard let first = value.utf8.first, let last = value.utf8.last, isSpace(first) || isSpace(last) else { return value }
            return value.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// The zero-based column of a reference such as "AB12", or nil when it has no letters.
        static func columnIndex(_ reference: String) -> Int? {
            var index = 0
            var letters = 0
            for byte in reference.utf8 {
                let upper = byte & 0xDF
                guard upper >= UInt8(ascii: "A") && upper <= UInt8(ascii: "Z") else { break }
                index = index * 26 + Int(upper - UInt8(ascii: "A")) + 1
                letters += 1
                // Past three letters it is not a valid reference; stop before the number overflows.
                if letters > 3 { return XLSX.maximumSheetColumns }
            }
            return letters == 0 ? nil : index - 1
        }
    }
}
