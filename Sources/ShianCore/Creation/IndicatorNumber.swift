import Foundation

/// Indicator numbers such as "3.2.1": dot-separated positive integers, ordered part by part
/// ("4.10" after "4.9"), so lists read in the standard's own order.
public enum IndicatorNumber {
    /// The numeric components, or nil when the text is not a valid number.
    public static func components(_ number: String) -> [Int]? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, !number.isEmpty else { return nil }
        var components: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 4, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int(part), value > 0
            else { return nil }
            components.append(value)
        }
        return components
    }

    /// Whether `lhs` comes before `rhs` in the standard's order; invalid numbers sort last, by text.
    public static func areInIncreasingOrder(_ lhs: String, _ rhs: String) -> Bool {
        switch (components(lhs), components(rhs)) {
        case let (left?, right?): left == right ? lhs < rhs : left.lexicographicallyPrecedes(right)
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): lhs < rhs
        }
    }
}
