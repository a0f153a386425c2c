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
}
