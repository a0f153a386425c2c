/// The three certificates an imported cold-chain batch must carry (三证, research/domain-cn.md §c-3);
/// with the trace code they make the "four" of 四不 (`FourNoGate`).
public enum ImportDocumentKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// 入境货物检验检疫证明: the customs inspection and quarantine certificate.
    case inspectionQuarantine
    /// 核酸检测证明: the nucleic-acid test report.
    case nucleicAcidTest
    /// 消毒证明: the disinfection certificate.
    case disinfection

    public var chineseName: String {
        switch self {
        case .inspectionQuarantine: "检验检疫证明"
        case .nucleicAcidTest: "核酸检测证明"
        case .disinfection: "消毒证明"
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: ImportDocumentKind, rhs: ImportDocumentKind) -> Bool { lhs.order < rhs.order }
}
