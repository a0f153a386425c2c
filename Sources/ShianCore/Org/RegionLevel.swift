/// The levels of the administrative division tree, with the length of their codes.
///
/// National statistical division codes (统计用区划代码): province 2 digits, prefecture 2, county 2,
/// township 3, village 3. Shian stores each code trimmed to its level's length; grids are Shian's
/// own nodes and extend their village's code by three digits.
public enum RegionLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case province
    case prefecture
    case county
    case township
    case village
    case grid

    /// The number of digits of a code at this level.
    public var codeLength: Int {
        switch self {
        case .province: 2
        case .prefecture: 4
        case .county: 6
        case .township: 9
        case .village: 12
        case .grid: 15
        }
    }

    /// The level whose codes have `length` digits, if any.
    public init?(codeLength length: Int) {
        guard let level = Self.allCases.first(where: { $0.codeLength == length }) else { return nil }
        self = level
    }

    /// The level directly below this one, or nil for grids.
    public var child: RegionLevel? {
        switch self {
        case .province: .prefecture
        case .prefecture: .county
        case .county: .township
        case .township: .village
        case .village: .grid
        case .grid: nil
        }
    }

    private var depth: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: RegionLevel, rhs: RegionLevel) -> Bool { lhs.depth < rhs.depth }
}
