import Foundation

extension MetricID {
    // Inspection, Rectification and Registry: computed from records Shian already keeps.
    public static let inspectionsDoneVsRequired: MetricID = "inspectionsDoneVsRequired"
    public static let rectificationClosureRate: MetricID = "rectificationClosureRate"
    public static let overdueRectificationOrders: MetricID = "overdueRectificationOrders"
    public static let licenceCoverage: MetricID = "licenceCoverage"
    // Capacity: sampling tests, enforcement cases, incidents.
    public static let samplesPerThousandPeople: MetricID = "samplesPerThousandPeople"
    public static let residueTestsPerThousandPeople: MetricID = "residueTestsPerThousandPeople"
    public static let evaluativeSamplingPassRate: MetricID = "evaluativeSamplingPassRate"
    public static let failedSampleHandlingRate: MetricID = "failedSampleHandlingRate"
    public static let caseHandlingRate: MetricID = "caseHandlingRate"
    public static let penaltyDisclosureRate: MetricID = "penaltyDisclosureRate"
    public static let majorIncidentsInThreeYears: MetricID = "majorIncidentsInThreeYears"
    // Produce, ColdChain, SelfCheck.
    public static let certificateCoverageAtMarketEntry: MetricID = "certificateCoverageAtMarketEntry"
    public static let coldChainDocumentCompleteness: MetricID = "coldChainDocumentCompleteness"
    public static let schoolCanteenOpenKitchenCoverage: MetricID = "schoolCanteenOpenKitchenCoverage"
    // Creation (data reporting) and Public (surveys).
    public static let reportingCompleteness: MetricID = "reportingCompleteness"
    public static let reportingTimeliness: MetricID = "reportingTimeliness"
    public static let publicSatisfaction: MetricID = "publicSatisfaction"
    public static let creationAwareness: MetricID = "creationAwareness"
    public static let creationSupport: MetricID = "creationSupport"
}

extension MetricDefinition {
    private static func rate(
        _ id: MetricID, _ title: String, _ numerator: String, _ denominator: String, module: String
    ) -> MetricDefinition {
        MetricDefinition(
            id: id, title: title, numerator: numerator, denominator: denominator, factor: 100, unit: .percent,
            module: module, targetRange: 0...100)
    }

    /// Every metric a standard may bind, whether its module computes it yet or will.
    public static let catalogue: [MetricDefinition] = [
        rate(
            .inspectionsDoneVsRequired, "日常监督检查完成率", "年内已完成的日常监督检查次数", "按风险等级应完成的检查次数",
            module: "Inspection"),
        rate(.rectificationClosureRate, "整改闭环率", "已验证关闭的整改通知数", "已签发的整改通知数", module: "Rectification"),
        MetricDefinition(
            id: .overdueRectificationOrders, title: "逾期未整改通知数", numerator: "超过期限仍未关闭的整改通知数",
            denominator: nil, factor: 1, unit: .count, module: "Rectification", targetRange: nil),
        rate(
            .licenceCoverage, "持证（登记备案）经营率", "持有效许可证或登记备案凭证的在营经营主体数", "在营食品经营主体数",
            module: "Registry"),
        // 4 份/千人/年, of which 2 for residues (Zhejiang draft rules, research/domain-cn.md §b.2).
        MetricDefinition(
            id: .samplesPerThousandPeople, title: "食品检验量（批次/千人·年）", numerator: "年内食品抽检批次",
            denominator: "常住人口", factor: 1000, unit: .perThousandPeople, module: "Capacity", targetRange: 0...1000),
        MetricDefinition(
            id: .residueTestsPerThousandPeople, title: "农药兽药残留检测量（批次/千人·年）",
            numerator: "年内以农药兽药残留为主的检测批次", denominator: "常住人口", factor: 1000, unit: .perThousandPeople,
            module: "Capacity", targetRange: 0...1000),
        rate(.evaluativeSamplingPassRate, "评价性抽检合格率", "评价性抽检合格批次", "评价性抽检批次", module: "Capacity"),
        rate(.failedSampleHandlingRate, "不合格产品核查处置率", "已核查处置的不合格批次", "监督抽检不合格批次", module: "Capacity"),
        rate(.caseHandlingRate, "食品安全案件查处率", "已依法查处的案件数", "依法应当立案的案件数", module: "Capacity"),
        rate(
            .penaltyDisclosureRate, "行政处罚信息公开率", "已公开的行政处罚决定数", "依法应当公开的行政处罚决定数",
            module: "Capacity"),
        MetricDefinition(
            id: .majorIncidentsInThreeYears, title: "近三年重大及以上食品安全事故数", numerator: "近三年Ⅱ级及以上食品安全事故数",
            denominator: nil, factor: 1, unit: .count, module: "Capacity", targetRange: nil),
        rate(
            .certificateCoverageAtMarketEntry, "入市食用农产品合格证持证率", "入场查验时附承诺达标合格证的批次",
            "入场查验批次", module: "Produce"),
        rate(
            .coldChainDocumentCompleteness, "进口冷链食品“三证一码”齐全率", "四项文件齐全的批次", "入境进口冷链食品批次",
            module: "ColdChain"),
        rate(
            .schoolCanteenOpenKitchenCoverage, "学校（幼儿园）食堂“明厨亮灶”覆盖率", "已实现明厨亮灶的学校食堂数",
            "学校（幼儿园）食堂数", module: "SelfCheck"),
        rate(.reportingCompleteness, "数据报送完整率", "已报送的报表数", "到期应报送的报表数", module: "Creation"),
        rate(.reportingTimeliness, "数据报送及时率", "按期报送的报表数", "到期应报送的报表数", module: "Creation"),
        MetricDefinition(
            id: .publicSatisfaction, title: "公众食品安全满意度", numerator: "第三方测评得分（0–100）", denominator: nil,
            factor: 1, unit: .score, module: "Public", targetRange: 0...100),
        rate(.creationAwareness, "创建工作知晓率", "知晓本地正在创建的有效受访者", "有效受访者", module: "Public"),
        rate(.creationSupport, "创建工作支持率", "支持创建工作的有效受访者", "有效受访者", module: "Public"),
    ]
}
