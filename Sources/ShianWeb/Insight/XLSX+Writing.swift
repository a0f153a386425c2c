import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    // On Linux `XMLParser` lives in FoundationXML rather than Foundation.
    import FoundationXML
#endif

/// Writing a workbook.
extension XLSX {
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
}
