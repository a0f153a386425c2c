import Foundation
import ShianCore
import ShianStore

/// The standard's workbook as a file: written from a stored standard, read into the JSON document
/// that `CreationWrites.importStandard` checks (docs/standard-format.md, "The workbook").
enum StandardWorkbookFile {
    /// A standard has a few hundred rows; more is not a standard.
    static let maximumRows = 5_000

    static func xlsx(_ record: StandardRecord) throws -> Data {
        try XLSX.workbook(try StandardWorkbook.sheets(of: try record.standard()).map { XLSXSheet(name: $0.name, rows: $0.rows) })
    }

    /// The JSON document of an uploaded workbook; its problems when the file is not a workbook or its
    /// sheets do not make a document.
    static func json(xlsx data: Data) throws -> Data {
        var sheets: [[[String]]] = []
        for index in StandardWorkbook.sheetNames.indices {
            do {
                sheets.append(try XLSX.rows(from: data, sheet: index, maximumRows: maximumRows))
            } catch XLSXError.missingPart {
                break  // fewer sheets: the workbook check names the first one missing (thresholds may be left out)
            } catch {
                throw StandardDocument.Problems([ValidationFailure(code: "workbookMalformed")])
            }
        }
        switch StandardWorkbook.json(fromSheets: sheets) {
        case .success(let json): return json
        case .failure(let problems): throw problems
        }
    }
}
