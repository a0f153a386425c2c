import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    // On Linux `XMLParser` lives in FoundationXML rather than Foundation.
    import FoundationXML
#endif

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
}
