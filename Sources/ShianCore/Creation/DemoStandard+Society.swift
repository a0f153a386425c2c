import Foundation

extension DemoStandard {
    /// Parts 5 to 8: businesses' own responsibility, social co-governance, bonus items and the showcase
    /// projects. 27 indicators.
    static let societyAndShowcase: [Indicator] = [
        // 企业落实食品安全主体责任监督管理规定 (总局令第60号, 2022): directors, officers, daily/weekly/monthly.
        item(
            "5.1", .key, 2, "食品安全总监和安全员配备", standard: "食品生产经营企业按规定配备食品安全总监、食品安全员。",
            rule: "每发现一家未配备扣0.2分，扣完为止。", methods: [.documentReview, .onSiteCheck], lead: "market",
            deduction: per(0.2, "business")),
        item(
            "5.2", .key, 2, "日管控、周排查、月调度", standard: "企业建立并落实日管控、周排查、月调度工作机制，记录完整。",
            rule: "每发现一家未落实扣0.2分，扣完为止。", methods: [.onSiteCheck], lead: "market", deduction: per(0.2, "business")),
        item(
            "5.3", .basic, 1, "进货查验和索证索票", standard: "食品经营者落实进货查验记录制度，票证齐全。",
            rule: "每发现一家未落实扣0.2分。", methods: [.onSiteCheck, .covertVisit], lead: "market", deduction: per(0.2, "business")),
        item(
            "5.4", .basic, 1, "从业人员健康管理和培训", standard: "从业人员持有效健康证明上岗，每年接受食品安全培训。",
            rule: "每发现一人无有效健康证明扣0.1分。", methods: [.onSiteCheck], lead: "market", support: ["health"],
            deduction: per(0.1, "person")),
        item(
            "5.5", .basic, 1, "食品安全自查报告", standard: "食品生产经营者定期开展食品安全自查并报告。",
            rule: "自查报告率低于要求的，每发现一家扣0.1分。", methods: [.documentReview], lead: "market", deduction: per(0.1, "business")),
        item(
            "5.6", .basic, 0.5, "食品安全责任保险", standard: "在学校食堂、农村集体聚餐等高风险领域推行食品安全责任保险。",
            rule: "未推行的不得分。", methods: [.documentReview], lead: "market"),
        item(
            "5.7", .basic, 0.5, "包保责任“三张清单一张承诺书”", standard: "包保企业签订承诺书，建立责任、风险、措施清单。",
            rule: "每发现一家未落实扣0.1分。", methods: [.documentReview], lead: "market", deduction: per(0.1, "business")),

        item(
            "6.1", .key, 2, "投诉举报处理", standard: "畅通12315等投诉举报渠道，投诉举报按时限办结、及时反馈。",
            rule: "每发现一件超时未办结扣0.2分，扣完为止。", methods: [.documentReview, .dataComputation], lead: "market",
            deduction: per(0.2, "complaint")),
        // Score sheet: 食品安全宣传周 3 points (research/domain-cn.md §b.2); 2 here within the 100-point base.
        item(
            "6.2", .key, 2, "食品安全宣传周", standard: "每年组织开展食品安全宣传周活动，覆盖城乡。",
            rule: "未开展的不得分；覆盖不全的扣1分。", methods: [.documentReview], lead: "market", support: ["publicity"],
            deduction: per(1, "finding")),
        item(
            "6.3", .key, 2, "监管信息公开和“双随机、一公开”",
            standard: "随机抽取检查对象、随机选派执法检查人员，抽查结果和监督抽检信息及时向社会公开。",
            rule: "每发现一项应公开未公开扣0.5分。", methods: [.documentReview, .dataComputation], lead: "market",
            deduction: per(0.5, "finding")),
        item(
            "6.4", .basic, 1, "普法宣传教育", standard: "落实“谁执法谁普法”责任制，开展食品安全法律法规宣传。",
            rule: "未开展的不得分。", methods: [.documentReview], lead: "market"),
        item(
            "6.5", .basic, 1, "校园食品安全和营养教育", standard: "中小学将食品安全和营养健康纳入健康教育内容。",
            rule: "每发现一所学校未开展扣0.2分。", methods: [.documentReview, .onSiteCheck], lead: "education",
            deduction: per(0.2, "school")),
        item(
            "6.6", .basic, 1, "提升创建知晓率", standard: "创建宣传进社区、进农村、进学校、进企业、进家庭，提高群众知晓率和参与度。",
            rule: "宣传覆盖不全的扣0.5分。", methods: [.documentReview, .thirdPartySurvey], lead: "publicity", support: ["market"],
            deduction: per(0.5, "finding")),
        item(
            "6.7", .basic, 1, "有奖举报", standard: "落实食品安全违法行为举报奖励制度，奖励及时兑现。", rule: "未兑现的不得分。",
            methods: [.documentReview], lead: "market", support: ["finance"]),
        item(
            "6.8", .basic, 1, "社会监督员和志愿者", standard: "聘请食品安全社会监督员，组织志愿者参与宣传和监督。",
            rule: "未聘请的不得分。", methods: [.documentReview], lead: "market"),
        item(
            "6.9", .basic, 0.5, "行业协会自律", standard: "食品行业协会制定自律规范，开展诚信建设。", rule: "未开展的不得分。",
            methods: [.documentReview], lead: "market", support: ["industry"]),
        item(
            "6.10", .basic, 0.5, "媒体监督与舆论引导", standard: "支持媒体开展食品安全舆论监督，正确引导舆论。", rule: "未开展的不得分。",
            methods: [.documentReview], lead: "publicity"),

        // Jiangsu: each completed special pilot task of the State Council office adds 2 points.
        item(
            "7.1", .bonus, 2, "承担国家专项试点任务", standard: "承担并完成国务院食品安全办部署的专项试点任务。",
            rule: "完成一项加2分。", methods: [.documentReview], lead: "market"),
        item(
            "7.2", .bonus, 2, "智慧监管创新应用", standard: "运用人工智能、大数据等技术开展智慧监管并取得实效。",
            rule: "经评审认定的加分。", methods: [.documentReview, .onSiteCheck], lead: "market"),
        item(
            "7.3", .bonus, 2, "食品安全追溯体系", standard: "重点品种食品建立全程追溯体系，实现来源可查、去向可追。",
            rule: "经评审认定的加分。", methods: [.documentReview, .dataComputation], lead: "market", support: ["agriculture", "commerce"]),
        item(
            "7.4", .bonus, 2, "名店名菜品牌建设", standard: "培育地方名店名菜，打造餐饮品牌。", rule: "经评审认定的加分。",
            methods: [.documentReview], lead: "market", support: ["tourism"]),
        item(
            "7.5", .bonus, 2, "特色食品产业高质量发展", standard: "培育地方特色食品产业（如羊肉米线），产业规模和质量同步提升。",
            rule: "经评审认定的加分。", methods: [.documentReview], lead: "industry", support: ["market"]),
        item(
            "7.6", .bonus, 2, "食品安全科技创新", standard: "开展食品安全科研攻关和成果转化。", rule: "经评审认定的加分。",
            methods: [.documentReview], lead: "market"),
        item(
            "7.7", .bonus, 2, "“三小”治理创新", standard: "创新小作坊、小餐饮、小食杂店和食品摊贩治理模式并推广。",
            rule: "经评审认定的加分。", methods: [.documentReview, .onSiteCheck], lead: "market"),
        item(
            "7.8", .bonus, 1, "食品安全责任保险广覆盖", standard: "食品安全责任保险覆盖重点领域和大部分规模以上企业。",
            rule: "经评审认定的加分。", methods: [.documentReview], lead: "market"),
        item(
            "7.9", .bonus, 1, "示范街区和放心市场创建", standard: "建成餐饮质量安全示范街区、放心肉菜示范超市等。",
            rule: "经评审认定的加分。", methods: [.documentReview, .onSiteCheck], lead: "market", support: ["commerce"]),

        // The speech: showcase projects are worth 40 points, accepted by the State Council office.
        item(
            "8.1", .basic, 40, "示范引领项目", standard: "围绕信息化监管、智慧监管、风险管理等十个方向，打造可复制、可推广的示范引领项目。",
            rule: "由国务院食品安全办组织评审，按项目的针对性、创新性和示范性计分，合计不超过40分。",
            methods: [.projectReview], lead: "market"),
    ]
}
