import Foundation

/// The shape Shian's look-up codes share: a letter prefix, the 6-digit division code of the issuing
/// county, the issue day as `yyyyMMdd` (China time), a 6-digit serial within that county and day,
/// and an ISO/IEC 7064 MOD 37,36 check character over everything before it.
///
/// No national format was found for either code (research/domain-cn.md §c-3 lists provincial
/// platforms that each print their own; §c-4 cites one implementation's `HGZyyyyMMdd-XXXX`), so the
/// format is Shian's: readable by a person (where and when), unique per county without a central
/// counter, and protected against typing errors.
struct DatedSerialCode: Hashable, Sendable {
    let prefix: String
    let county: RegionCode
    let year: Int
    let month: Int
    let day: Int
    let serial: Int
    let rawValue: String

    static let serialRange = 1...999_999

    /// Makes a code; refuses a region that is not a county or a serial outside 1–999999.
    init(prefix: String, name: String, county: RegionCode, issuedOn: Date, serial: Int, calendar: Calendar)
        throws(ValidationFailure)
    {
        guard county.level == .county, !county.rawValue.hasSuffix("00") else {
            throw ValidationFailure(code: "\(name)County", field: name, arguments: [county.rawValue])
        }
        guard Self.serialRange.contains(serial) else {
            throw ValidationFailure(code: "\(name)Serial", field: name, arguments: [String(serial)])
        }
        let parts = calendar.dateComponents([.year, .month, .day], from: issuedOn)
        guard let year = parts.year, let month = parts.month, let day = parts.day, (1000...9999).contains(year) else {
            throw ValidationFailure(code: "\(name)Date", field: name)
        }
        let body =
            prefix + county.rawValue + Self.digits(year, 4) + Self.digits(month, 2) + Self.digits(day, 2)
            + Self.digits(serial, 6)
        // The body is letters and digits only, so a check character always exists.
        let check = CheckCharacterMod37_36.checkCharacter(for: body) ?? "0"
        self.init(
            prefix: prefix, county: county, year: year, month: month, day: day, serial: serial, rawValue: body + String(check))
    }

    private init(prefix: String, county: RegionCode, year: Int, month: Int, day: Int, serial: Int, rawValue: String) {
        self.prefix = prefix
        self.county = county
        self.year = year
        self.month = month
        self.day = day
        self.serial = serial
        self.rawValue = rawValue
    }

    /// Parses a code as typed or scanned: trims, upper-cases, converts full-width characters, drops
    /// the spaces and hyphens of the printed grouping, and takes the last path segment of a scanned
    /// URL. Failures, in the order checked: `<name>Prefix`, `<name>Length`, `<name>Character`,
    /// `<name>Check` (a typing error is named as such before the fields are judged), `<name>County`,
    /// `<name>Date`, `<name>Serial`.
    init(parsing typed: String, prefix: String, name: String) throws(ValidationFailure) {
        let code = Self.normalize(typed)
        let length = prefix.count + 6 + 8 + 6 + 1
        // The prefix first, so another kind of code (a trace code typed as a certificate code) is named as such.
        guard code.count < prefix.count || code.hasPrefix(prefix) else {
            throw ValidationFailure(code: "\(name)Prefix", field: name, arguments: [String(code.prefix(prefix.count)), prefix])
        }
        guard code.count == length else {
            throw ValidationFailure(code: "\(name)Length", field: name, arguments: [String(code.count), String(length)])
        }
        let characters = Array(code)
        for (index, character) in characters.enumerated().dropFirst(prefix.count) {
            let isLast = index == characters.count - 1
            let allowed = isLast ? CheckCharacterMod37_36.value(of: character) != nil : character.isASCII && character.isNumber
            guard allowed else {
                throw ValidationFailure(code: "\(name)Character", field: name, arguments: [String(character), String(index + 1)])
            }
        }
        let body = code.dropLast()
        let expected = CheckCharacterMod37_36.checkCharacter(for: body) ?? "0"
        guard characters[characters.count - 1] == expected else {
            throw ValidationFailure(
                code: "\(name)Check", field: name, arguments: [String(characters[characters.count - 1]), String(expected)])
        }
        let digits = String(body.dropFirst(prefix.count))
        func number(_ offset: Int, _ count: Int) -> Int {
            Int(digits.dropFirst(offset).prefix(count)) ?? 0
        }
        let countyText = String(digits.prefix(6))
        guard let county = RegionCode(validating: countyText), !countyText.hasSuffix("00") else {
            throw ValidationFailure(code: "\(name)County", field: name, arguments: [countyText])
        }
        let (year, month, day) = (number(6, 4), number(10, 2), number(12, 2))
        guard Self.isCalendarDay(year: year, month: month, day: day) else {
            throw ValidationFailure(code: "\(name)Date", field: name, arguments: [String(digits.dropFirst(6).prefix(8))])
        }
        let serial = number(14, 6)
        guard Self.serialRange.contains(serial) else {
            throw ValidationFailure(code: "\(name)Serial", field: name, arguments: [String(digits.suffix(6))])
        }
        self.init(prefix: prefix, county: county, year: year, month: month, day: day, serial: serial, rawValue: code)
    }

    /// The code in printed groups: prefix, county, day, serial, check (`CL-222499-20250301-000123-K`).
    var grouped: String {
        let digits = rawValue.dropFirst(prefix.count)
        return [
            prefix, String(digits.prefix(6)), String(digits.dropFirst(6).prefix(8)), String(digits.dropFirst(14).prefix(6)),
            String(digits.suffix(1)),
        ].joined(separator: "-")
    }

    /// The start of the issue day in `calendar`.
    func issuedOn(calendar: Calendar) -> Date? {
        calendar.date(from: DateComponents(year: year, month: month, day: day))
    }

    static func normalize(_ typed: String) -> String {
        var text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if let slash = text.lastIndex(of: "/") {
            text = String(text[text.index(after: slash)...])
            if let end = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<end]) }
        }
        return CreditCode.normalize(text).filter { $0 != "-" && $0 != " " }
    }

    static func isCalendarDay(year: Int, month: Int, day: Int) -> Bool {
        guard (1000...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private static func digits(_ value: Int, _ count: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, count - text.count)) + text
    }
}
