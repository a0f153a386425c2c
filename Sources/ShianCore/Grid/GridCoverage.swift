/// The coverage figures of the grid system (五定 staffing, research/domain-cn.md §c-9): what lacks a
/// place, a person or a duty. Computed from the region tree, the rosters and the registry.
public struct GridCoverage: Sendable, Equatable, Codable {
    public var grids: Int
    public var villages: Int
    /// Businesses placed only at village or township level.
    public var businessesWithoutGrid: Int
    /// Grids with neither an informant of their own nor an assistant in their village.
    public var gridsWithoutStaff: [String]
    /// Villages with no active assistant (协管员).
    public var villagesWithoutAssistant: [String]
    /// Informants (信息员) per grid — Shian's village groups — on average, and grids with none.
    public var informantsPerGrid: Double
    public var gridsWithoutInformant: Int

    /// - Parameters:
    ///   - staff: active staff as (kind, region code of the village or grid they serve).
    public static func compute(
        villages: [String], grids: [String], staff: [(kind: GrassrootsStaffKind, regionCode: String)], businessesWithoutGrid: Int
    ) -> GridCoverage {
        var assistantsByVillage: [String: Int] = [:]
        var informantsByGrid: [String: Int] = [:]
        var staffedGrids = Set<String>()
        for member in staff {
            let village = String(member.regionCode.prefix(RegionLevel.village.codeLength))
            switch member.kind {
            case .assistant: assistantsByVillage[village, default: 0] += 1
            case .informant:
                if member.regionCode.count == RegionLevel.grid.codeLength {
                    informantsByGrid[member.regionCode, default: 0] += 1
                    staffedGrids.insert(member.regionCode)
                }
            }
        }
        let gridsWithoutStaff = grids.filter { grid in
            !staffedGrids.contains(grid) && assistantsByVillage[String(grid.prefix(RegionLevel.village.codeLength)), default: 0] == 0
        }
        let informants = informantsByGrid.values.reduce(0, +)
        return GridCoverage(
            grids: grids.count, villages: villages.count, businessesWithoutGrid: businessesWithoutGrid,
            gridsWithoutStaff: gridsWithoutStaff.sorted(),
            villagesWithoutAssistant: villages.filter { assistantsByVillage[$0, default: 0] == 0 }.sorted(),
            informantsPerGrid: grids.isEmpty ? 0 : Double(informants) / Double(grids.count),
            gridsWithoutInformant: grids.filter { informantsByGrid[$0, default: 0] == 0 }.count)
    }
}
