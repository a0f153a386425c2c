import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    // On Linux `XMLParser` lives in FoundationXML rather than Foundation.
    import FoundationXML
#endif

/// Reading a workbook.
extension XLSX {
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
