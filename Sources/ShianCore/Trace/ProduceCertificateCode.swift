import Foundation

/// The look-up code of a produce certificate (承诺达标合格证), printed with its QR code so a market,
/// a purchaser or the public can find the certificate (research/domain-cn.md §c-4).
///
/// Format (Shian's own, in the shape of `TraceCode`; see `DatedSerialCode`), 24 characters:
///
///     HGZ 222499 20250301 000123 K
///     │   │      │        │      └ check character, ISO/IEC 7064 MOD 37,36 over the 23 before it
///     │   │      │        └ serial of the certificate in that county and day, 000001–999999
///     │   │      └ issue day, yyyyMMdd in China time
///     │   └ division code of the county where it was issued
///     └ "HGZ" (合格证), the prefix one public implementation uses (§c-4: `HGZyyyyMMdd-XXXX`)
public struct ProduceCertificateCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public static let prefix = "HGZ"
    static let name = "produceCertificateCode"

    private let code: DatedSerialCode

    /// Parses a code as typed or scanned, refusing with the reason: `produceCertificateCodePrefix`,
    /// `…Length`, `…Character`, `…Check`, `…County`, `…Date` or `…Serial` (field
    /// `produceCertificateCode`).
    public init(_ typed: String) throws(ValidationFailure) {
        code = try DatedSerialCode(parsing: typed, prefix: Self.prefix, name: Self.name)
    }

    /// Issues the code for the `serial`-th certificate issued in `county` on the day of `issuedAt`.
    public init(county: RegionCode, issuedAt: Date, serial: Int, calendar: Calendar = .shanghai) throws(ValidationFailure) {
        code = try DatedSerialCode(
            prefix: Self.prefix, name: Self.name, county: county, issuedOn: issuedAt, serial: serial, calendar: calendar)
    }

    /// The code, or nil when it is not valid.
    public init?(validating typed: String) {
        guard let code = try? ProduceCertificateCode(typed) else { return nil }
        self = code
    }

    public var rawValue: String { code.rawValue }
    public var description: String { code.rawValue }
    /// The printed form, in groups separated by hyphens.
    public var grouped: String { code.grouped }
    public var county: RegionCode { code.county }
    public var serial: Int { code.serial }
    /// The issue day as `DateComponents` (year, month, day).
    public var issuedOn: DateComponents { DateComponents(year: code.year, month: code.month, day: code.day) }

    public static func < (lhs: ProduceCertificateCode, rhs: ProduceCertificateCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(raw) } catch { throw error }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
