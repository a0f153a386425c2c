import Foundation

/// The trace code a batch of imported cold-chain food gets at first-stop coding (首站赋码): the first
/// handler in the province registers the batch and the code then travels with the goods; downstream
/// businesses record by it and the public looks it up (research/domain-cn.md §c-3).
///
/// Format (Shian's own; no national format was found, see `DatedSerialCode`), 23 characters:
///
///     CL 222499 20250301 000123 K
///     │  │      │        │      └ check character, ISO/IEC 7064 MOD 37,36 over the 22 before it
///     │  │      │        └ serial of the batch in that county and day, 000001–999999
///     │  │      └ day of first-stop coding, yyyyMMdd in China time
///     │  └ division code of the county where the batch was coded (GB/T 2260)
///     └ "CL", cold-chain lot
///
/// The printed form groups it with hyphens (`CL-222499-20250301-000123-K`); the QR code carries a
/// look-up URL ending in the code, which parsing accepts as well.
public struct TraceCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public static let prefix = "CL"
    static let name = "traceCode"

    private let code: DatedSerialCode

    /// Parses a code as typed or scanned, refusing with the reason: `traceCodePrefix`,
    /// `traceCodeLength`, `traceCodeCharacter`, `traceCodeCheck`, `traceCodeCounty`, `traceCodeDate`
    /// or `traceCodeSerial` (field `traceCode`).
    public init(_ typed: String) throws(ValidationFailure) {
        code = try DatedSerialCode(parsing: typed, prefix: Self.prefix, name: Self.name)
    }

    /// Issues the code for the `serial`-th batch coded in `county` on the day of `codedAt`.
    public init(county: RegionCode, codedAt: Date, serial: Int, calendar: Calendar = .shanghai) throws(ValidationFailure) {
        code = try DatedSerialCode(
            prefix: Self.prefix, name: Self.name, county: county, issuedOn: codedAt, serial: serial, calendar: calendar)
    }

    /// The code, or nil when it is not valid.
    public init?(validating typed: String) {
        guard let code = try? TraceCode(typed) else { return nil }
        self = code
    }

    public var rawValue: String { code.rawValue }
    public var description: String { code.rawValue }
    /// The printed form, in groups separated by hyphens.
    public var grouped: String { code.grouped }
    /// The county where the batch was coded.
    public var county: RegionCode { code.county }
    /// The serial within the county and day.
    public var serial: Int { code.serial }
    /// The day of coding as `DateComponents` (year, month, day).
    public var codedOn: DateComponents { DateComponents(year: code.year, month: code.month, day: code.day) }

    /// The start of the day of coding.
    public func codedOnDate(calendar: Calendar = .shanghai) -> Date? { code.issuedOn(calendar: calendar) }

    public static func < (lhs: TraceCode, rhs: TraceCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(raw) } catch { throw error }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
