/// What the commitment rests on (承诺依据): the three options of the 2022 农产品质量安全法 and the 2025
/// 管理办法 art. 14 (research/domain-cn.md §c-4). A certificate names one or more.
public enum ProduceCertificateBasis: String, Codable, Sendable, CaseIterable, Comparable {
    /// 质量安全控制符合要求
    case qualityControl
    /// 自行检测合格
    case ownTest
    /// 委托检测合格
    case commissionedTest

    public var chineseName: String {
        switch self {
        case .qualityControl: "质量安全控制符合要求"
        case .ownTest: "自行检测合格"
        case .commissionedTest: "委托检测合格"
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: ProduceCertificateBasis, rhs: ProduceCertificateBasis) -> Bool { lhs.order < rhs.order }
}
