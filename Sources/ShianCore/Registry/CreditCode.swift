import Foundation

/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
/// `0123456789ABCDEFGHJKLMNPQRTUWXY`, the last one a check character over the first 17
/// (research/ecosystem-cn.md §2.2; weights 3^i mod 31, check = 31 − Σ mod 31, 31 → 0).
public struct CreditCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Validates a code as typed: trims, upper-cases and converts full-width characters first, then
    /// refuses with a reason (length, a character outside the set, or a wrong check character).
    public init(_ typed: String) throws(ValidationFailure) {
        let code = Self.normalize(typed)
        guard code.count == 18 else {
            throw ValidationFailure(code: "creditCodeLength", field: "creditCode", arguments: [String(code.count)])
        }
        var values: [Int] = []
        for (index, character) in code.enumerated() {
            guard let value = Self.alphabet.firstIndex(of: character) else {
                throw ValidationFailure(
                    code: "creditCodeCharacter", field: "creditCode", arguments: [String(character), String(index + 1)])
            }
            values.append(value)
        }
        let expected = Self.checkCharacter(for: Array(values.prefix(17)))
        guard Self.alphabet[values[17]] == expected else {
            throw ValidationFailure(
                code: "creditCodeCheck", field: "creditCode", arguments: [String(Self.alphabet[values[17]]), String(expected)])
        }
        rawValue = code
    }

    public var description: String { rawValue }

    /// Codes starting with 92 belong to individual businesses (个体工商户), most of the "three smalls".
    public var isIndividualBusiness: Bool { rawValue.hasPrefix("92") }

    /// The division code of the registering authority (positions 3–8).
    public var registrationDivision: String { String(rawValue.dropFirst(2).prefix(6)) }

    /// The check character for 17 character values.
    static func checkCharacter(for values: [Int]) -> Character {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (31 - sum % 31) % 31
        return alphabet[check]
    }

    /// Makes a valid code from its first 17 characters (demo data and tests); nil if one is outside
    /// the set.
    public static func completing(_ first17: String) -> CreditCode? {
        let characters = Array(first17)
        guard characters.count == 17 else { return nil }
        var values: [Int] = []
        for character in characters {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            values.append(value)
        }
        return try? CreditCode(first17 + String(checkCharacter(for: values)))
    }

    static func normalize(_ typed: String) -> String {
        var result = ""
        for scalar in typed.unicodeScalars {
            // Full-width ASCII (U+FF01–U+FF5E) to half-width.
            if (0xFF01...0xFF5E).contains(scalar.value), let half = Unicode.Scalar(scalar.value - 0xFEE0) {
                result.unicodeScalars.append(half)
            } else if scalar.value != 0x3000 {
                result.unicodeScalars.append(scalar)
            }
        }
        return result.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(raw) } catch { throw error }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
