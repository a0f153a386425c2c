import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    // On Linux `XMLParser` lives in FoundationXML rather than Foundation.
    import FoundationXML
#endif

extension XLSX {
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
