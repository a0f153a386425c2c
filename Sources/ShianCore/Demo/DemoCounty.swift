/// The fictional demo county: 示范县 under 延边朝鲜族自治州 (Jilin), with the unused division code
/// 222499. Everything here is invented and generated deterministically; the UI marks it as demo data.
public enum DemoCounty {
    public struct RegionSeed: Sendable, Equatable {
        public let code: RegionCode
        public let name: String
    }

    public struct DepartmentSeed: Sendable, Equatable {
        public let code: String
        public let name: String
        public let duties: String
    }

    public struct BusinessSeed: Sendable, Equatable {
        public let key: String
        public let name: String
        public let category: BusinessCategory
        public let regionCode: RegionCode
        public let address: String
    }

    public struct AccountSeed: Sendable, Equatable {
        public let username: String
        public let displayName: String
        public let role: Role
        public let regionCode: RegionCode
        public let departmentCode: String?
        public let businessKey: String?
    }

    public static let provinceCode = RegionCode(literal: "22")
    public static let prefectureCode = RegionCode(literal: "2224")
    public static let countyCode = RegionCode(literal: "222499")

    /// 12 townships: towns (镇) numbered 1xx and townships (乡) 2xx, as division codes do.
    static let townships: [(suffix: Int, name: String)] = [
        (101, "城关镇"), (102, "东盛镇"), (103, "龙河镇"), (104, "松林镇"), (105, "兴安镇"), (106, "长青镇"),
        (107, "明月镇"), (108, "海兰镇"), (201, "青山乡"), (202, "三道湾乡"), (203, "石门乡"), (204, "和平乡"),
    ]

    static let villageStems = [
        "东兴", "西岗", "南山", "北沟", "新华", "前进", "红旗", "光明", "太平", "长安", "永丰", "兴隆",
        "德新", "柳树", "榆树", "杨木", "石头", "沙河", "河东", "河西", "朝阳", "向阳", "明东", "龙山",
        "仁化", "双河", "三合", "五星", "金星", "丰收", "团结", "胜利", "友谊", "安乐", "富民", "新安",
    ]

    /// The region tree: province, prefecture, county, 12 townships, 150 villages, and a grid per
    /// village (larger villages get a second grid), in code order.
    public static func regions() -> [RegionSeed] {
        var seeds = [
            RegionSeed(code: provinceCode, name: "吉林省"),
            RegionSeed(code: prefectureCode, name: "延边朝鲜族自治州"),
            RegionSeed(code: countyCode, name: "示范县"),
        ]
        var generator = SeededGenerator(seed: 222_499)
        for (index, township) in townships.enumerated() {
            guard let townshipCode = countyCode.child(township.suffix) else { continue }
            seeds.append(RegionSeed(code: townshipCode, name: township.name))
            // 6 × 13 + 6 × 12 = 150 villages.
            let villageCount = index < 6 ? 13 : 12
            let stems = villageStems.shuffled(using: &generator)
            for number in 1...villageCount {
                guard let villageCode = townshipCode.child(number) else { continue }
                let stem = stems[(number - 1) % stems.count]
                let name = number <= stems.count ? "\(stem)村" : "\(stem)\(number / stems.count + 1)村"
                seeds.append(RegionSeed(code: villageCode, name: name))
                let gridCount = generator.next() % 4 == 0 ? 2 : 1
                for gridNumber in 1...gridCount {
                    guard let gridCode = villageCode.child(gridNumber) else { continue }
                    seeds.append(RegionSeed(code: gridCode, name: "\(name)第\(gridNumber)网格"))
                }
            }
        }
        return seeds
    }

    /// 20 county departments with their food-safety duties (食品安全工作职责).
    public static let departments: [DepartmentSeed] = [
        .init(code: "market", name: "县市场监督管理局", duties: "食品生产经营许可与监督检查、抽检监测、执法办案，承担县食安办日常工作"),
        .init(code: "education", name: "县教育局", duties: "学校及托幼机构食堂食品安全管理，校园周边综合治理"),
        .init(code: "agriculture", name: "县农业农村局", duties: "食用农产品种植养殖环节质量安全、承诺达标合格证、农药兽药监管"),
        .init(code: "health", name: "县卫生健康局", duties: "食品安全风险监测、食源性疾病报告、事故流行病学调查"),
        .init(code: "commerce", name: "县商务局", duties: "生猪屠宰、酒类流通、农贸市场建设改造"),
        .init(code: "publicSecurity", name: "县公安局", duties: "打击食品安全犯罪，行刑衔接"),
        .init(code: "finance", name: "县财政局", duties: "食品安全工作经费保障"),
        .init(code: "development", name: "县发展和改革局", duties: "食品安全规划纳入经济社会发展规划，粮食流通监管"),
        .init(code: "industry", name: "县工业和信息化局", duties: "食品工业行业管理与产业发展"),
        .init(code: "ecology", name: "县生态环境局", duties: "产地环境污染防治"),
        .init(code: "housing", name: "县住房和城乡建设局", duties: "餐厨废弃物收运处置协同"),
        .init(code: "transport", name: "县交通运输局", duties: "食品运输车辆与冷链物流协同监管"),
        .init(code: "water", name: "县水利局", duties: "水产养殖水域与饮用水源保护"),
        .init(code: "tourism", name: "县文化广播电视和旅游局", duties: "旅游景区餐饮食品安全宣传与协同"),
        .init(code: "forestry", name: "县林业局", duties: "林下产品与野生动物保护监管"),
        .init(code: "grain", name: "县粮食和物资储备局", duties: "储备粮质量安全"),
        .init(code: "lawEnforcement", name: "县综合行政执法局", duties: "占道经营食品摊贩管理"),
        .init(code: "publicity", name: "县委宣传部", duties: "食品安全宣传与舆论引导，创城知晓率提升"),
        .init(code: "emergency", name: "县应急管理局", duties: "食品安全事故应急协同"),
        .init(code: "port", name: "县口岸办", duties: "进口冷链食品口岸协调，边境口岸疫情防控协同"),
    ]

    /// A handful of businesses, one per business-operator account; the registry's demo adds the rest.
    public static func businesses() -> [BusinessSeed] {
        let firstGrid = RegionCode(literal: "222499101001001")
        let secondGrid = RegionCode(literal: "222499102001001")
        return [
            .init(key: "lambNoodles", name: "示范县老街羊肉米线店", category: .caterer, regionCode: firstGrid,
                  address: "示范县城关镇人民路18号"),
            .init(key: "koreanRestaurant", name: "示范县长白山朝鲜族风味餐厅", category: .caterer, regionCode: secondGrid,
                  address: "示范县东盛镇迎宾街36号"),
        ]
    }

    /// At least one account of every role; every township gets its own officer.
    public static func accounts() -> [AccountSeed] {
        var accounts: [AccountSeed] = [
            .init(username: "admin", displayName: "系统管理员", role: .systemAdmin, regionCode: provinceCode,
                  departmentCode: nil, businessKey: nil),
            .init(username: "office", displayName: "县食安办 李明", role: .foodSafetyOffice, regionCode: countyCode,
                  departmentCode: nil, businessKey: nil),
            .init(username: "leader", displayName: "分管副县长 王建国", role: .leader, regionCode: countyCode,
                  departmentCode: nil, businessKey: nil),
            .init(username: "dept.market", displayName: "县市场监管局 赵丽", role: .departmentOfficer,
                  regionCode: countyCode, departmentCode: "market", businessKey: nil),
            .init(username: "dept.education", displayName: "县教育局 孙强", role: .departmentOfficer,
                  regionCode: countyCode, departmentCode: "education", businessKey: nil),
            .init(username: "inspector", displayName: "执法人员 周涛", role: .inspector, regionCode: countyCode,
                  departmentCode: "market", businessKey: nil),
            .init(username: "inspector.county", displayName: "执法人员 冯雪", role: .inspector, regionCode: countyCode,
                  departmentCode: "market", businessKey: nil),
            .init(username: "inspector.101", displayName: "城关市场监管所 崔哲", role: .inspector,
                  regionCode: RegionCode(literal: "222499101"), departmentCode: "market", businessKey: nil),
            .init(username: "inspector.102", displayName: "东盛市场监管所 吴敏", role: .inspector,
                  regionCode: RegionCode(literal: "222499102"), departmentCode: "market", businessKey: nil),
            .init(username: "grid.101001", displayName: "网格员 郑红", role: .gridStaff,
                  regionCode: RegionCode(literal: "222499101001001"), departmentCode: nil, businessKey: nil),
            .init(username: "business.lamb", displayName: "羊肉米线店 金成浩", role: .businessOperator,
                  regionCode: RegionCode(literal: "222499101001001"), departmentCode: nil, businessKey: "lambNoodles"),
            .init(username: "business.korean", displayName: "朝鲜族风味餐厅 朴英爱", role: .businessOperator,
                  regionCode: RegionCode(literal: "222499102001001"), departmentCode: nil,
                  businessKey: "koreanRestaurant"),
        ]
        let surnames = ["陈", "林", "黄", "何", "高", "马", "罗", "梁", "宋", "郭", "许", "韩"]
        for (index, township) in townships.enumerated() {
            guard let code = countyCode.child(township.suffix) else { continue }
            accounts.append(.init(
                username: "township.\(township.suffix)", displayName: "\(township.name)食安办 \(surnames[index])干事",
                role: .townshipOfficer, regionCode: code, departmentCode: nil, businessKey: nil))
        }
        return accounts
    }
}
