/// The two official styles of the produce certificate (承诺达标合格证) and what each commits to
/// (research/domain-cn.md §c-4).
public enum ProduceCertificateStyle: String, Codable, Sendable, CaseIterable {
    /// 样式一: issued by the producer (enterprise, cooperative or farmer).
    case producer
    /// 样式二: issued by a purchasing unit or person (收购单位(个人)), including on re-issue after lots
    /// are mixed or split.
    case purchaser

    public var chineseName: String {
        switch self {
        case .producer: "样式一（生产者）"
        case .purchaser: "样式二（收购单位（个人））"
        }
    }

    /// The fixed commitment items (承诺事项) printed on the certificate. The wording is the one a
    /// public implementation of the two styles fixes (research/domain-cn.md §c-4); the 2019–2020 trial
    /// template is recorded there by meaning only (no banned pesticides, veterinary drugs or illegal
    /// additives; intervals and withdrawal periods respected; residues within the standards).
    public var commitments: [String] {
        switch self {
        case .producer:
            ["未使用禁用农药、兽药及其他化合物", "使用的常规农药、兽药残留不超标"]
        case .purchaser:
            ["已按规定收取并保存该批次农产品承诺达标合格证或者其他质量安全合格证明", "未违规使用保鲜剂、防腐剂、添加剂等"]
        }
    }
}
