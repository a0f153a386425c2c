/// Village-level helpers of the grid (协管员 / 信息员, research/domain-cn.md §c-9).
public enum GrassrootsStaffKind: String, Codable, Sendable, CaseIterable {
    /// 协管员: patrols, hazard reports, banquet filings; usually one per village.
    case assistant
    /// 信息员: reports from each village group.
    case informant
}
