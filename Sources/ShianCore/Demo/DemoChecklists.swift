/// Demo checklist templates, shaped after the national 食品生产经营监督检查要点表 (abridged and
/// paraphrased; severities after the FDA tiers). Clearly a demo: a county loads its own versions.
public enum DemoChecklists {
    public struct Template: Sendable {
        public let code: String
        public let name: String
        public let categories: [BusinessCategory]
        public let items: [(text: String, severity: Severity, points: Int)]
    }

    public static let all: [Template] = [
        Template(
            code: "catering", name: "餐饮服务监督检查表（演示）",
            categories: [.caterer, .smallEatery, .canteen, .schoolCanteen, .streetVendor],
            items: [
                ("许可证或登记证、备案卡在有效期内并公示", .major, 5),
                ("从业人员持有效健康证明，晨检记录完整", .critical, 10),
                ("食品原料进货查验及索证索票记录完整", .major, 10),
                ("未使用超过保质期或腐败变质的食品原料", .critical, 15),
                ("生熟分开，加工用具分区使用并有明显标识", .critical, 10),
                ("冷藏冷冻设施温度符合要求", .major, 8),
                ("餐饮具清洗消毒符合要求", .critical, 10),
                ("按规定留样（每样不少于125克，冷藏48小时以上）", .major, 8),
                ("食品添加剂专人专柜管理并记录使用", .major, 7),
                ("防鼠、防蝇、防虫设施完好有效", .general, 5),
                ("加工场所环境整洁，垃圾密闭存放", .general, 5),
                ("落实食品安全员配备及日管控记录", .general, 7),
            ]),
        Template(
            code: "retail", name: "食品销售监督检查表（演示）",
            categories: [.retailer, .smallGrocery, .farmersMarket, .wholesaleMarket],
            items: [
                ("许可证或备案凭证在有效期内并公示", .major, 10),
                ("进货查验记录及供货者资质留存", .major, 15),
                ("未销售超过保质期或标签不合格的食品", .critical, 20),
                ("冷藏冷冻食品储存温度符合要求", .critical, 15),
                ("散装食品标明名称、生产日期、保质期", .general, 10),
                // 三专 (research/domain-cn.md §c-3): a dedicated channel, storage area and sales area.
                ("进口冷链食品设专用通道进货（三专）", .major, 4),
                ("进口冷链食品专区储存（三专）", .critical, 4),
                ("进口冷链食品专区销售并公示追溯码（三专）", .major, 4),
                ("进口冷链食品“四证一码”齐全，缺一不销售（四不）", .critical, 3),
                ("食用农产品承诺达标合格证查验", .major, 10),
                ("场所卫生及虫害防控", .general, 5),
            ]),
        Template(
            code: "production", name: "食品生产监督检查表（演示）",
            categories: [.producer, .smallWorkshop],
            items: [
                ("生产许可或登记在有效期内，品种在范围内", .major, 10),
                ("原辅料进货查验及使用记录", .major, 15),
                ("生产过程控制关键点记录完整", .critical, 20),
                ("出厂检验记录及留样", .major, 15),
                ("不合格品处置及召回记录", .major, 10),
                ("从业人员健康管理与培训", .general, 10),
                ("生产环境、设备清洁消毒", .general, 10),
                ("食品安全总监、安全员履职记录", .general, 10),
            ]),
        Template(
            code: "coldChain", name: "进口冷链食品贮存监督检查表（演示）",
            categories: [.coldStore, .centralWarehouse],
            items: [
                ("许可证或备案凭证在有效期内并公示", .major, 10),
                ("进口冷链食品设专用通道（三专）", .major, 10),
                ("进口冷链食品专区储存，与其他食品分开（三专）", .critical, 15),
                ("进口冷链食品专区出货（三专）", .major, 10),
                ("入库批次检验检疫证明、核酸检测证明、消毒证明和追溯码齐全（四不）", .critical, 20),
                ("冷库温度实时监测并记录", .critical, 15),
                ("出入库台账与追溯系统一致", .major, 10),
                ("从业人员健康管理与个人防护", .general, 10),
            ]),
    ]
}
