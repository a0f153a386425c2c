/// A region code: a string of 2, 4, 6, 9, 12 or 15 digits (see `RegionLevel`).
///
/// "Everything under X" is every code that starts with X; `descendantRange` turns that prefix into a
/// half-open range of strings, so a B-tree index on the code answers it on SQLite and PostgreSQL alike.
public struct RegionCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Validates the shape of a code: digits only, and a length that names a level.
    public init(_ rawValue: String) throws(ValidationFailure) {
        guard !rawValue.isEmpty else {
            throw ValidationFailure(code: "regionCodeMissing", field: "regionCode")
        }
        guard rawValue.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationFailure(code: "regionCodeNotDigits", field: "regionCode")
        }
        guard RegionLevel(codeLength: rawValue.count) != nil else {
            throw ValidationFailure(code: "regionCodeBadLength", field: "regionCode")
        }
        self.rawValue = rawValue
    }

    /// A code written in the source (demo data, tests). A malformed literal is a programming error.
    public init(literal: StaticString) {
        let text = "\(literal)"
        precondition(RegionCode(validating: text) != nil, "malformed region code literal \(text)")
        self.rawValue = text
    }

    /// The empty prefix: every code lies under it. Only public, read-only lists use it.
    public static let everywhere = RegionCode(unchecked: "")

    private init(unchecked rawValue: String) {
        self.rawValue = rawValue
    }

    /// A code no region has; scoping to it shows nothing.
    public static let nowhere = RegionCode(literal: "999999999999999")

    /// The code, or nil when it is not well formed.
    public init?(validating rawValue: String) {
        guard let code = try? RegionCode(rawValue) else { return nil }
        self = code
    }

    public var description: String { rawValue }

    public var level: RegionLevel {
        // The initialiser guarantees the length names a level.
        RegionLevel(codeLength: rawValue.count) ?? .grid
    }

    /// The code of the enclosing region, or nil for a province.
    public var parent: RegionCode? {
        guard let parentLevel = RegionLevel.allCases.last(where: { $0 < level }) else { return nil }
        return RegionCode(validating: String(rawValue.prefix(parentLevel.codeLength)))
    }

    /// This code and each enclosing code, from the province down.
    public var lineage: [RegionCode] {
        RegionLevel.allCases.filter { $0 <= level }.compactMap {
            RegionCode(validating: String(rawValue.prefix($0.codeLength)))
        }
    }

    /// True when `other` is this region or lies under it.
    public func contains(_ other: RegionCode) -> Bool {
        other.rawValue.hasPrefix(rawValue)
    }

    /// True when the raw code `other` is this region or lies under it.
    public func contains(rawCode other: String) -> Bool {
        other.hasPrefix(rawValue)
    }

    /// The half-open range `[lower, upper)` of codes under this one (itself included).
    /// `upper` is nil when no string of digits is above the prefix (a prefix of nines).
    ///
    /// Codes are digit strings, so the next prefix is found by incrementing the last digit that is
    /// not a nine and dropping what follows: "2229" → "223". Every digit string starting with the
    /// prefix sorts below that in any collation that orders digits normally.
    public var descendantRange: (lower: String, upper: String?) {
        Self.prefixRange(rawValue)
    }

    /// The same range for any digit prefix (also used for partial codes typed into a search box).
    public static func prefixRange(_ prefix: String) -> (lower: String, upper: String?) {
        var digits = Array(prefix.utf8)
        while let last = digits.last {
            if last < UInt8(ascii: "9") {
                digits[digits.count - 1] = last + 1
                return (prefix, String(decoding: digits, as: UTF8.self))
            }
            digits.removeLast()
        }
        return (prefix, nil)
    }

    /// The child code made by appending `suffix` (digits of the child level's extra length).
    public func child(_ suffix: Int) -> RegionCode? {
        guard let childLevel = level.child else { return nil }
        let width = childLevel.codeLength - level.codeLength
        let text = String(suffix)
        guard text.count <= width else { return nil }
        return RegionCode(validating: rawValue + String(repeating: "0", count: width - text.count) + text)
    }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(raw) } catch { throw error }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
