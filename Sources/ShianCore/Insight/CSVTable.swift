/// RFC 4180 CSV: fields separated by commas, quoted with double quotes (a quote doubled inside),
/// records separated by CRLF or LF. A leading UTF-8 byte-order mark (Excel writes one) is skipped.
public enum CSVTable {
    public enum ParseError: Error, Equatable, Sendable {
        /// A quoted field never ends; the record it starts on.
        case unterminatedQuote(record: Int)
        /// A quote inside an unquoted field.
        case strayQuote(record: Int)
    }

    /// The records of `text`; blank lines are skipped.
    public static func parse(_ text: String) throws(ParseError) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var characters = Substring(text)
        if characters.first == "\u{FEFF}" { characters = characters.dropFirst() }
        var iterator = characters.makeIterator()
        var pending: Character? = iterator.next()

        func endRecord() {
            record.append(field)
            if !(record.count == 1 && record[0].isEmpty && !fieldWasQuoted) { records.append(record) }
            record = []
            field = ""
            fieldWasQuoted = false
        }

        while let character = pending {
            pending = iterator.next()
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case ",":
                record.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r\n", "\n", "\r":
                endRecord()
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else { throw .strayQuote(record: records.count + 1) }
                inQuotes = true
                fieldWasQuoted = true
            default:
                field.append(character)
            }
        }
        if inQuotes { throw .unterminatedQuote(record: records.count + 1) }
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
