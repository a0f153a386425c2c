import Foundation

/// Item classes of the standard (Jiangsu rules after the national standard, research/domain-cn.md §b.2):
/// key items must reach a share of their points, basic items count, bonus items add on top, and a
/// failed veto item fails the city whatever its score.
public enum IndicatorKind: String, Codable, Sendable, CaseIterable, Comparable {
    case key
    case basic
    case bonus
    case veto

    /// 关键项 / 基本项 / 鼓励项 / 否决项.
    public var chineseName: String {
        switch self {
        case .key: "关键项"
        case .basic: "基本项"
        case .bonus: "鼓励项"
        case .veto: "否决项"
        }
    }

    /// Whether the item's points count toward the base score (key and basic items do).
    public var isBase: Bool { self == .key || self == .basic }

    // Veto first, then key, basic, bonus: the order in which a leader reads risks and gaps.
    private var rank: Int {
        switch self {
        case .veto: 0
        case .key: 1
        case .basic: 2
        case .bonus: 3
        }
    }

    public static func < (lhs: IndicatorKind, rhs: IndicatorKind) -> Bool { lhs.rank < rhs.rank }
}

/// 测评方式: how evaluators check an item (the Zhejiang draft rules' column, research/domain-cn.md §b.3).
public enum EvaluationMethod: String, Codable, Sendable, CaseIterable {
    /// 查阅资料
    case documentReview
    /// 现场检查
    case onSiteCheck
    /// 暗访
    case covertVisit
    /// 第三方测评 (surveys by the State Council office's contractor)
    case thirdPartySurvey
    /// 大数据搜索 (incidents and public opinion)
    case bigDataSearch
    /// 平台数据核算: Shian computes the item from operational records.
    case dataComputation
    /// 项目评审答辩 (showcase projects)
    case projectReview

    public var chineseName: String {
        switch self {
        case .documentReview: "查阅资料"
        case .onSiteCheck: "现场检查"
        case .covertVisit: "暗访"
        case .thirdPartySurvey: "第三方测评"
        case .bigDataSearch: "大数据搜索"
        case .dataComputation: "平台数据核算"
        case .projectReview: "项目评审答辩"
        }
    }
}

/// Where an indicator's evidence stands in the review (approved evidence is locked).
public enum IndicatorStatus: String, Codable, Sendable, CaseIterable {
    case notStarted
    case submitted
    case returned
    case approved

    /// 未开始 / 已提交 / 已退回 / 已通过.
    public var chineseName: String {
        switch self {
        case .notStarted: "未开始"
        case .submitted: "已提交"
        case .returned: "已退回"
        case .approved: "已通过"
        }
    }
}
