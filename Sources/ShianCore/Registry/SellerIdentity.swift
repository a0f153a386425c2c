import Foundation

/// What a market's seller file (入场销售者档案) records to identify a seller: "社会信用代码或身份证号码"
/// (research/domain-cn.md §c-4). A stall run by a company or an individual business gives its credit
/// code; a farmer selling their own produce gives the resident identity number (GB 11643-1999:
/// 17 digits and a check character over them, weights 2^(17−i) mod 11).
public enum SellerIdentity: Hashable, Sendable {
    case creditCode(CreditCode)
    case residentID(String)

    static let residentWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let residentChecks = Array("10X98765432")

    /// Accepts either kind as typed (trimmed, upper-cased); nil when it is neither.
    public init?(_ typed: String) {
        let text = typed.trimmingCharacters(in: .whitespaces).uppercased()
        if let resident = Self.residentID(text) {
            self = .residentID(resident)
        } else if let code = try? CreditCode(text) {
            self = .creditCode(code)
        } else {
            return nil
        }
    }

    private static func residentID(_ text: String) -> String? {
        let characters = Array(text)
        guard characters.count == 18, characters.prefix(17).allSatisfy(\.isASCII) else { return nil }
        let digits = characters.prefix(17).compactMap(\.wholeNumberValue)
        guard digits.count == 17 else { return nil }
        let sum = zip(digits, residentWeights).reduce(0) { $0 + $1.0 * $1.1 }
        return characters[17] == residentChecks[sum % 11] ? text : nil
    }

    /// Makes a valid resident number from its first 17 digits (demo data and tests).
    public static func completingResidentID(_ first17: String) -> SellerIdentity? {
        let digits = first17.compactMap(\.wholeNumberValue)
        guard first17.count == 17, digits.count == 17, first17.allSatisfy(\.isASCII) else { return nil }
        let sum = zip(digits, residentWeights).reduce(0) { $0 + $1.0 * $1.1 }
        return .residentID(first17 + String(residentChecks[sum % 11]))
    }

    /// The full number, as stored.
    public var rawValue: String {
        switch self {
        case .creditCode(let code): code.rawValue
        case .residentID(let number): number
        }
    }

    /// The number as lists and answers show it: a resident number hides its birth date and serial
    /// (only the first six and last two characters show); a credit code is public and shows whole.
    public var masked: String {
        switch self {
        case .creditCode(let code): code.rawValue
        case .residentID(let number): String(number.prefix(6)) + String(repeating: "*", count: 10) + String(number.suffix(2))
        }
    }
}
