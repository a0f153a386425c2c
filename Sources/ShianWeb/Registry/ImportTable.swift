import Foundation
import ShianCore
import Vapor

/// Reads an uploaded table from a request body: CSV (`text/csv`, UTF-8 with or without BOM) or XLSX.
enum ImportTable {
    static let csvType = HTTPMediaType(type: "text", subType: "csv")
    static let xlsxType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    static func read(_ request: Request) throws -> [[String]] {
        guard let buffer = request.body.data, buffer.readableBytes > 0 else { throw ShianError(.unprocessableEntity, "importEmpty") }
        let data = Data(buffer.readableBytesView)
        let contentType = request.headers.contentType
        if contentType == xlsxType {
            return try table(xlsx: data)
        }
        guard contentType == nil || contentType == csvType || contentType == .plainText else {
            throw ShianError(.unsupportedMediaType, "unsupportedMediaType")
        }
        return try table(csv: data)
    }

    static func table(csv data: Data) throws -> [[String]] {
        guard let text = String(data: data, encoding: .utf8) else { throw ShianError(.unprocessableEntity, "importNotUTF8") }
        do {
            return try CSVTable.parse(text)
        } catch {
            switch error {
            case .unterminatedQuote(let record), .strayQuote(let record):
                throw ShianError(.unprocessableEntity, "importCSVMalformed", arguments: [String(record)])
            }
        }
    }

    static func table(xlsx data: Data) throws -> [[String]] {
        do {
            return try XLSX.rows(from: data, maximumRows: BusinessImport.maximumRows + 1)
        } catch XLSXError.tooLarge {
            throw ShianError(.payloadTooLarge, "importTooManyRows", arguments: [String(BusinessImport.maximumRows)])
        } catch {
            throw ShianError(.unprocessableEntity, "importXLSXMalformed")
        }
    }
}
