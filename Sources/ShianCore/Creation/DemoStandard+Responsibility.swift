import Foundation

extension DemoStandard {
    /// Parts 1 and 2: the food-safety situation (the four veto items) and shared party–government
    /// responsibility. 23 indicators.
    static let statusAndResponsibility: [Indicator] = [
        // Zhejiang draft rules, veto items 1–4 (research/domain-cn.md §b.2).
        item(
            "1.1", .veto, 0, "近三年未发生重大食品安全事故",
            standard: "近三年未发生重大及以上食品安全事故，未发生在国内外造成严重不良社会影响的食品安全事件。",
            rule: "发生重大及以上食品安全事故或造成严重不良社会影响事件的，实行一票否决。",
            methods: [.documentReview, .bigDataSearch], lead: "market", support: ["health", "emergency"],
            thresholds: [condition(.majorIncidentsInThreeYears, .lessOrEqual, 0)]),
        item(
            "1.2", .veto, 0, "群众满意度、知晓率和支持率",
            standard: "公众食品安全总体满意度不低于70分，创建工作知晓率不低于75%，支持率不低于85%。",
            rule: "以最近一次第三方测评结果为准，任一指标未达标的，实行一票否决。",
            methods: [.thirdPartySurvey], lead: "publicity", support: ["market"],
            thresholds: [
                condition(.publicSatisfaction, .greaterOrEqual, 70), condition(.creationAwareness, .greaterOrEqual, 75),
                condition(.creationSupport, .greaterOrEqual, 85),
            ]),
        item(
            "1.3", .veto, 0, "食品检验量",
            standard: "食品检验量每年不低于4批次/千人，其中以农药兽药残留为主的定量检测不低于2批次/千人。",
            rule: "查阅近两年抽检计划和统计数据，任一指标未达标的，实行一票否决。",
            methods: [.documentReview, .dataComputation], lead: "market", support: ["agriculture"],
            thresholds: [
                condition(.samplesPerThousandPeople, .greaterOrEqual, 4),
                condition(.residueTestsPerThousandPeople, .greaterOrEqual, 2),
            ]),
        item(
            "1.4", .veto, 0, "案件查处、不合格产品处置和信息公开",
            standard: "依法应当立案的食品安全案件查处率100%，监督抽检不合格产品核查处置率100%，依法应当公开的行政处罚信息公开率100%。",
            rule: "任一比率未达到100%的，实行一票否决。",
            methods: [.documentReview, .dataComputation], lead: "market", support: ["publicSecurity"],
            thresholds: [
                condition(.caseHandlingRate, .greaterOrEqual, 100), condition(.failedSampleHandlingRate, .greaterOrEqual, 100),
                condition(.penaltyDisclosureRate, .greaterOrEqual, 100),
            ]),
        // Huangshan self-report: evaluative sampling pass rate ≥ 98 % (research/domain-cn.md §b.2).
        item(
            "1.5", .key, 2, "评价性抽检合格率",
            standard: "评价性抽检总体合格率不低于98%。", rule: "合格率低于98%的，不得分。",
            methods: [.dataComputation], lead: "market", metric: atLeast(.evaluativeSamplingPassRate, 98, .allOrNothing)),
        item(
            "1.6", .key, 2, "食品安全风险监测",
            standard: "制定并实施年度食品安全风险监测计划，监测结果及时通报并用于监管。",
            rule: "未制定计划的不得分；监测结果未通报或未运用的，每项扣0.5分，扣完为止。",
            methods: [.documentReview], lead: "health", support: ["market"], deduction: per(0.5, "finding")),
        item(
            "1.7", .key, 2, "食源性疾病监测报告",
            standard: "建立食源性疾病监测报告网络，二级以上医疗机构全部开展病例监测报告。",
            rule: "每发现一家医疗机构未按规定报告的扣0.5分，扣完为止。",
            methods: [.documentReview, .onSiteCheck], lead: "health", deduction: per(0.5, "hospital")),
        item(
            "1.8", .basic, 1, "食用农产品例行监测",
            standard: "开展食用农产品质量安全例行监测，监测合格率保持稳定。",
            rule: "未开展例行监测的不得分；发现问题未追溯处置的，每批次扣0.5分。",
            methods: [.documentReview], lead: "agriculture", deduction: per(0.5, "batch")),
        item(
            "1.9", .basic, 1, "食品安全舆情监测与处置",
            standard: "建立舆情监测和应对机制，食品安全舆情及时核实处置。",
            rule: "舆情处置不及时造成不良影响的，每起扣0.5分。",
            methods: [.documentReview, .bigDataSearch], lead: "publicity", support: ["market"], deduction: per(0.5, "event")),

        item(
            "2.1", .key, 2, "党委政府定期研究食品安全工作",
            standard: "县委常委会、县政府常务会议每年至少各研究一次食品安全工作，解决重大问题。",
            rule: "缺一次扣1分。", methods: [.documentReview], lead: "market", deduction: per(1, "meeting")),
        item(
            "2.2", .key, 2, "食品安全纳入发展规划",
            standard: "将食品安全工作纳入国民经济和社会发展规划，制定食品安全专项规划。",
            rule: "未纳入的不得分；未制定专项规划的扣1分。", methods: [.documentReview], lead: "development", support: ["market"],
            deduction: per(1, "finding")),
        // Food safety weighs ≥ 3 % in the overall assessment (provincial report; Songyang rules).
        item(
            "2.3", .key, 2, "食品安全纳入党政领导班子考核",
            standard: "食品安全工作纳入党政领导班子和领导干部政绩考核，所占权重不低于3%。",
            rule: "权重低于3%的扣1分，低于2%的不得分。", methods: [.documentReview], lead: "market",
            deduction: per(1, "finding")),
        item(
            "2.4", .key, 2, "落实地方党政领导干部食品安全责任制",
            standard: "制定党政领导干部食品安全工作责任清单，落实“一岗双责”。",
            rule: "未制定责任清单的不得分；每发现一名领导干部未履责扣0.5分。", methods: [.documentReview],
            lead: "market", deduction: per(0.5, "finding")),
        item(
            "2.5", .key, 2, "食安委及其办公室规范运行",
            standard: "食安委成员单位职责明确，食安办工作规则、议事协调、督查考评等制度健全并有效运行。",
            rule: "制度缺失的每项扣0.5分，扣完为止。", methods: [.documentReview], lead: "market", deduction: per(0.5, "finding")),
        item(
            "2.6", .key, 2, "乡镇食安办规范化建设",
            standard: "乡镇（街道）食安办机构、人员、职责、经费、制度“五落实”。",
            rule: "每发现一个乡镇未达标扣0.5分，扣完为止。", methods: [.documentReview, .onSiteCheck], lead: "market",
            deduction: per(0.5, "township")),
        item(
            "2.7", .basic, 1, "食品安全工作评议考核",
            standard: "每年对乡镇和县直部门开展食品安全工作评议考核，结果通报并运用。",
            rule: "未开展的不得分；结果未运用的扣0.5分。", methods: [.documentReview], lead: "market", deduction: per(0.5, "finding")),
        item(
            "2.8", .basic, 1, "包保干部督导",
            standard: "落实包保干部制度，包保干部按规定频次督导包保企业。",
            rule: "每发现一名包保干部未按频次督导扣0.2分，扣完为止。", methods: [.documentReview, .onSiteCheck], lead: "market",
            deduction: per(0.2, "cadre")),
        item(
            "2.9", .basic, 1, "创建工作方案与任务分解",
            standard: "制定创建工作方案，94项指标逐项分解到牵头和配合单位，明确完成时限。",
            rule: "任务未分解到单位的每项扣0.2分。", methods: [.documentReview], lead: "market", deduction: per(0.2, "indicator")),
        item(
            "2.10", .basic, 1, "督查督办与约谈问责",
            standard: "对创建重点任务开展定期检查、专项督查和现场督导，对失分单位及时约谈并限期整改。",
            rule: "发现问题未通报或未督促整改的，每项扣0.5分。", methods: [.documentReview], lead: "market",
            deduction: per(0.5, "finding")),
        item(
            "2.11", .basic, 1, "数据报送完整", standard: "乡镇和县直部门按期报送创建工作数据，报表完整率100%。",
            rule: "按完整率比例计分。", methods: [.dataComputation], lead: "market",
            metric: atLeast(.reportingCompleteness, 100, .proportional)),
        item(
            "2.12", .basic, 1, "数据报送及时", standard: "创建工作数据报表全部在截止时间前报送。",
            rule: "按及时率比例计分。", methods: [.dataComputation], lead: "market",
            metric: atLeast(.reportingTimeliness, 100, .proportional)),
        item(
            "2.13", .basic, 0.5, "部门协作机制",
            standard: "建立部门间信息通报、联合执法、案件移送等协作机制。", rule: "机制缺失的不得分。",
            methods: [.documentReview], lead: "market", support: ["publicSecurity", "agriculture"]),
        item(
            "2.14", .basic, 0.5, "创建工作宣传动员部署", standard: "召开创建动员大会，广泛动员部署。",
            rule: "未召开动员部署会议的不得分。", methods: [.documentReview], lead: "publicity"),
    ]
}
