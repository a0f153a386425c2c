import Foundation

extension DemoStandard {
    /// Parts 3 and 4: capacity building and control of the food chain. 44 indicators.
    static let capacityAndProcess: [Indicator] = capacity + process

    static let capacity: [Indicator] = [
        item(
            "3.1", .key, 2, "食品安全工作经费保障",
            standard: "食品安全监管、抽检监测、执法办案、宣传培训和信息化经费纳入财政预算，保障到位。",
            rule: "未纳入预算的不得分；经费不足影响工作的扣1分。", methods: [.documentReview], lead: "finance", support: ["market"],
            deduction: per(1, "finding")),
        item(
            "3.2", .key, 2, "食品检验检测能力",
            standard: "县级食品检验检测机构具备常规项目检验能力，农贸市场和大型商超设立快检室。",
            rule: "检验能力不足的扣1分；每发现一个应设未设快检室扣0.5分。", methods: [.documentReview, .onSiteCheck],
            lead: "market", support: ["agriculture"], deduction: per(0.5, "finding")),
        item(
            "3.3", .key, 2, "监管执法队伍与装备",
            standard: "食品安全监管执法人员和执法装备配备满足工作需要。", rule: "每发现一项不满足扣0.5分。",
            methods: [.documentReview, .onSiteCheck], lead: "market", support: ["finance"], deduction: per(0.5, "finding")),
        item(
            "3.4", .key, 2, "基层监管所标准化建设",
            standard: "市场监管所达到标准化建设要求，办公、执法、快检条件完备。",
            rule: "每发现一个监管所未达标扣0.5分。", methods: [.onSiteCheck], lead: "market", deduction: per(0.5, "station")),
        item(
            "3.5", .key, 2, "智慧监管平台建设",
            standard: "建成覆盖县、乡、村的食品安全信息化监管平台，监管数据实时汇聚、分析和运用。",
            rule: "未建成的不得分；数据未汇聚运用的扣1分。", methods: [.onSiteCheck, .dataComputation], lead: "market",
            deduction: per(1, "finding")),
        item(
            "3.6", .basic, 1, "乡镇食安办人员配备", standard: "每个乡镇食安办配备专职工作人员。",
            rule: "每发现一个乡镇未达标扣0.2分。", methods: [.documentReview], lead: "market", deduction: per(0.2, "township")),
        item(
            "3.7", .basic, 1, "协管员信息员队伍",
            standard: "村（社区）配备食品安全协管员或信息员，明确职责、培训上岗、给予补助。",
            rule: "每发现一个村未配备扣0.1分。", methods: [.documentReview, .onSiteCheck], lead: "market", deduction: per(0.1, "village")),
        item(
            "3.8", .basic, 1, "网格化“五定”监管",
            standard: "食品安全纳入社会治理网格，落实定区域、定目标、定责任、定人员、定奖惩。",
            rule: "每发现一个网格“五定”不落实扣0.1分。", methods: [.documentReview, .onSiteCheck], lead: "market",
            deduction: per(0.1, "grid")),
        item(
            "3.9", .basic, 1, "执法人员培训", standard: "监管执法人员按年度培训计划完成专业培训。",
            rule: "每发现一名执法人员未完成培训扣0.2分。", methods: [.documentReview], lead: "market", deduction: per(0.2, "inspector")),
        item(
            "3.10", .basic, 1, "应急预案与演练", standard: "修订完善食品安全事故应急预案，每年至少组织一次应急演练。",
            rule: "预案未修订的扣0.5分；未演练的扣0.5分。", methods: [.documentReview], lead: "market", support: ["emergency", "health"],
            deduction: per(0.5, "finding")),
        item(
            "3.11", .basic, 1, "应急处置能力", standard: "应急队伍、物资和检测能力满足食品安全事故处置需要。",
            rule: "每发现一项不满足扣0.5分。", methods: [.documentReview, .onSiteCheck], lead: "emergency", support: ["market"],
            deduction: per(0.5, "finding")),
        item(
            "3.12", .basic, 1, "食源性疾病哨点医院", standard: "按要求设立食源性疾病监测哨点医院并规范运行。",
            rule: "未设立的不得分。", methods: [.documentReview], lead: "health"),
        item(
            "3.13", .basic, 0.5, "食品快速检测", standard: "快检结果按规定公示，阳性结果及时处置。",
            rule: "每发现一处未公示或未处置扣0.1分。", methods: [.onSiteCheck], lead: "market", deduction: per(0.1, "finding")),
        item(
            "3.14", .basic, 0.5, "举报奖励资金", standard: "设立食品安全举报奖励专项资金并及时兑现。",
            rule: "未设立的不得分。", methods: [.documentReview], lead: "finance", support: ["market"]),
        item(
            "3.15", .basic, 0.5, "食品安全信用档案", standard: "建立食品生产经营者信用档案，实施信用分级分类监管。",
            rule: "信用档案未覆盖全部在营主体的不得分。", methods: [.documentReview, .dataComputation], lead: "market"),
    ]

    static let process: [Indicator] = [
        item(
            "4.1", .key, 2, "食用农产品承诺达标合格证开具",
            standard: "规模种养殖主体开具承诺达标合格证，做到“应开尽开”。", rule: "每发现一家应开未开扣0.2分。",
            methods: [.documentReview, .onSiteCheck], lead: "agriculture", deduction: per(0.2, "business")),
        item(
            "4.2", .key, 2, "农药兽药使用监管", standard: "严格农药兽药经营使用管理，严厉打击禁限用药物违法使用。",
            rule: "每发现一起违规使用未查处扣0.5分。", methods: [.documentReview, .onSiteCheck], lead: "agriculture",
            deduction: per(0.5, "case")),
        item(
            "4.3", .key, 2, "入市合格证查验", standard: "集中交易市场对入场食用农产品查验承诺达标合格证，持证率100%。",
            rule: "按持证率比例计分。", methods: [.dataComputation, .onSiteCheck], lead: "market", support: ["agriculture"],
            metric: atLeast(.certificateCoverageAtMarketEntry, 100, .proportional)),
        // 食品生产经营风险分级管理办法: inspections by risk grade (research/domain-cn.md §c-6).
        item(
            "4.4", .key, 2, "日常监督检查按风险等级完成", standard: "按风险分级确定的检查频次完成日常监督检查。",
            rule: "按完成率比例计分。", methods: [.dataComputation], lead: "market",
            metric: atLeast(.inspectionsDoneVsRequired, 100, .proportional)),
        item(
            "4.5", .key, 2, "问题整改闭环", standard: "监督检查发现的问题全部下达整改通知，整改到位并经验证关闭。",
            rule: "按整改闭环率比例计分。", methods: [.dataComputation], lead: "market",
            metric: atLeast(.rectificationClosureRate, 100, .proportional)),
        item(
            "4.6", .key, 2, "学校食堂食品安全管理",
            standard: "学校（幼儿园）食堂落实晨检、留样、陪餐、进货查验等制度，校长（园长）负责制落实到位。",
            rule: "每发现一所学校未落实扣0.5分，扣完为止。", methods: [.onSiteCheck, .covertVisit], lead: "education",
            support: ["market"], deduction: per(0.5, "school")),
        // Haikou: open-kitchen coverage of school canteens 100 % (research/domain-cn.md §b.2).
        item(
            "4.7", .key, 2, "学校食堂“明厨亮灶”", standard: "学校（幼儿园）食堂“互联网+明厨亮灶”覆盖率100%。",
            rule: "按覆盖率比例计分。", methods: [.dataComputation, .onSiteCheck], lead: "education", support: ["market"],
            metric: atLeast(.schoolCanteenOpenKitchenCoverage, 100, .proportional)),
        item(
            "4.8", .key, 2, "进口冷链食品“三专四不”",
            standard: "进口冷链食品专用通道进货、专区存放、专区销售；无检验检疫证明、核酸检测证明、消毒证明、追溯信息的不得生产经营。",
            rule: "“三证一码”齐全率未达100%的不得分。", methods: [.dataComputation, .onSiteCheck], lead: "market",
            support: ["port", "transport"], metric: atLeast(.coldChainDocumentCompleteness, 100, .allOrNothing)),
        item(
            "4.9", .key, 2, "持证（登记备案）经营", standard: "食品生产经营者依法取得许可或办理登记备案，“三小”纳入登记管理。",
            rule: "按持证（登记备案）率比例计分。", methods: [.dataComputation], lead: "market",
            metric: atLeast(.licenceCoverage, 100, .proportional)),
        // Rural banquets of 50 or more diners are filed in advance (research/domain-cn.md §d).
        item(
            "4.10", .key, 1, "农村集体聚餐备案指导", standard: "50人以上农村集体聚餐事前备案，乡镇开展现场指导。",
            rule: "每发现一起未备案或未指导扣0.2分。", methods: [.documentReview, .onSiteCheck], lead: "market",
            deduction: per(0.2, "banquet")),
        item(
            "4.11", .key, 1, "打击食品安全违法犯罪", standard: "健全行刑衔接机制，涉嫌犯罪案件及时移送。",
            rule: "每发现一起应移送未移送扣0.5分。", methods: [.documentReview], lead: "publicSecurity", support: ["market"],
            deduction: per(0.5, "case")),
        item(
            "4.12", .basic, 1, "整改通知逾期清零", standard: "无逾期未整改的整改通知。", rule: "存在逾期未整改的不得分。",
            methods: [.dataComputation], lead: "market",
            metric: MetricBinding(metric: .overdueRectificationOrders, factor: 1, comparison: .lessOrEqual, target: 0)),
        item(
            "4.13", .basic, 1, "生猪屠宰监管", standard: "生猪定点屠宰企业落实肉品品质检验和非洲猪瘟自检制度。",
            rule: "每发现一项未落实扣0.5分。", methods: [.onSiteCheck], lead: "commerce", support: ["agriculture"],
            deduction: per(0.5, "finding")),
        item(
            "4.14", .basic, 1, "农贸市场规范化建设", standard: "农贸市场完成规范化改造，入场登记、查验、公示制度落实。",
            rule: "每发现一个市场未达标扣0.5分。", methods: [.onSiteCheck], lead: "commerce", support: ["market"],
            deduction: per(0.5, "market")),
        item(
            "4.15", .basic, 1, "食品生产企业监管", standard: "食品生产企业落实过程控制要求，规模以上企业实施HACCP等管理体系。",
            rule: "每发现一家未落实扣0.2分。", methods: [.onSiteCheck], lead: "market", support: ["industry"],
            deduction: per(0.2, "business")),
        item(
            "4.16", .basic, 1, "食品小作坊规范提升", standard: "食品小作坊登记管理，推进集中加工区建设。",
            rule: "每发现一家无证无登记生产扣0.2分。", methods: [.onSiteCheck], lead: "market", deduction: per(0.2, "business")),
        item(
            "4.17", .basic, 1, "食品摊贩疏导管理", standard: "划定食品摊贩经营区域和时段，实行备案卡管理。",
            rule: "每发现一处乱设摊点扣0.2分。", methods: [.onSiteCheck, .covertVisit], lead: "lawEnforcement", support: ["market"],
            deduction: per(0.2, "finding")),
        // School surroundings: 200 m zone, −0.5 per finding (score sheet, research/domain-cn.md §b.2).
        item(
            "4.18", .basic, 1, "校园周边食品安全", standard: "学校周边200米内无食品摊贩、无证经营和“三无”、过期食品销售。",
            rule: "每发现一处扣0.5分，扣完为止。", methods: [.covertVisit], lead: "education", support: ["market", "lawEnforcement"],
            deduction: per(0.5, "finding")),
        item(
            "4.19", .basic, 1, "餐饮服务食品安全", standard: "餐饮服务单位落实量化分级管理，推进“放心餐饮”建设。",
            rule: "每发现一家严重违规扣0.2分。", methods: [.onSiteCheck, .covertVisit], lead: "market", deduction: per(0.2, "business")),
        item(
            "4.20", .basic, 1, "网络订餐监管", standard: "入网餐饮服务提供者持证经营、信息公示，平台落实审查义务。",
            rule: "每发现一家违规扣0.2分。", methods: [.dataComputation, .onSiteCheck], lead: "market", deduction: per(0.2, "business")),
        item(
            "4.21", .basic, 1, "保健食品虚假宣传整治", standard: "开展保健食品行业专项清理整治，查处虚假宣传、会议营销等违法行为。",
            rule: "未开展整治的不得分。", methods: [.documentReview], lead: "market"),
        item(
            "4.22", .basic, 1, "醇基燃料排查整治", standard: "餐饮单位使用醇基燃料排查整治全覆盖。", rule: "每发现一处隐患未整改扣0.2分。",
            methods: [.onSiteCheck], lead: "market", support: ["emergency", "housing"], deduction: per(0.2, "finding")),
        item(
            "4.23", .basic, 0.5, "餐厨废弃物管理", standard: "餐厨废弃物统一收运、集中处置。", rule: "未实行统一收运的不得分。",
            methods: [.onSiteCheck], lead: "housing"),
        item(
            "4.24", .basic, 0.5, "食品冷链物流", standard: "食品运输车辆和冷链物流企业纳入监管。", rule: "未纳入监管的不得分。",
            methods: [.documentReview], lead: "transport", support: ["market"]),
        item(
            "4.25", .basic, 0.5, "进口冷链食品集中监管仓", standard: "集中监管仓规范运行，出仓证明齐全。", rule: "发现无出仓证明销售的不得分。",
            methods: [.onSiteCheck], lead: "port", support: ["market"]),
        item(
            "4.26", .basic, 0.5, "粮食质量安全", standard: "开展收购粮食质量安全监测，超标粮食定向处置。", rule: "未开展监测的不得分。",
            methods: [.documentReview], lead: "grain"),
        item(
            "4.27", .basic, 0.5, "产地环境保护", standard: "开展耕地土壤污染防治和安全利用。", rule: "未开展的不得分。",
            methods: [.documentReview], lead: "ecology", support: ["agriculture"]),
        item(
            "4.28", .basic, 0.5, "水产养殖用药监管", standard: "规范水产养殖用药，开展水产品药物残留监测。", rule: "未开展监测的不得分。",
            methods: [.documentReview], lead: "agriculture", support: ["water"]),
        item(
            "4.29", .basic, 0.5, "酒类流通管理", standard: "酒类经营者备案登记和随附单制度落实。", rule: "每发现一家未落实扣0.1分。",
            methods: [.onSiteCheck], lead: "commerce", deduction: per(0.1, "business")),
    ]
}
