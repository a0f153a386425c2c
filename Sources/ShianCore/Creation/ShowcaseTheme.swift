import Foundation

/// The ten themes of showcase projects (示范引领) the seed's speech lists.
public enum ShowcaseTheme: String, Codable, Sendable, CaseIterable {
    case informationSupervision
    case intelligentSupervision
    case riskManagement
    case emergencySystem
    case originAndMarketAccess
    case enforcementLinkage
    case threeSmallsGovernance
    case ruralGovernance
    case brandBuilding
    case scientificInnovation

    public var chineseName: String {
        switch self {
        case .informationSupervision: "信息化监管"
        case .intelligentSupervision: "智慧监管"
        case .riskManagement: "风险管理"
        case .emergencySystem: "应急体系建设"
        case .originAndMarketAccess: "产地准出与市场准入衔接"
        case .enforcementLinkage: "行刑衔接"
        case .threeSmallsGovernance: "“三小”治理"
        case .ruralGovernance: "农村食品安全综合治理"
        case .brandBuilding: "品牌建设"
        case .scientificInnovation: "科技创新"
        }
    }
}

/// Points of the showcase indicator from the review scores of its projects: their sum, capped at the
/// indicator's points (40 in the seed's standard), rounded to 0.01; negative scores count as 0.
public enum ShowcaseScoring {
    public static func points(reviewScores: [Double], cap: Double) -> Double {
        min(max(0, cap), reviewScores.reduce(0) { $0 + max(0, $1) }).roundedToHundredths
    }
}
