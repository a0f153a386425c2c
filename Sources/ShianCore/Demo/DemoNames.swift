/// Word lists for the demo registry (people's names, shop names (字号), trades, the fixed businesses
/// of the demo county), and what makes names, addresses and numbers from them. All invented; any
/// likeness to a real shop or person is chance.
enum DemoNames {
    // MARK: people

    /// Common Han surnames, the most common listed twice so that they come up more often.
    static let hanSurnames = [
        "王", "王", "李", "李", "张", "张", "刘", "刘", "陈", "杨", "赵", "赵", "黄", "周", "吴", "徐", "孙", "孙", "马",
        "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "于", "于",
        "董", "袁", "蒋", "蔡", "杜", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "陆", "范",
        "石", "贾", "付", "方", "白", "孟", "秦", "尹", "薛", "闫", "段", "侯", "史", "贺", "毛", "郝", "邵", "武", "孔",
    ]

    /// Surnames common among Korean-Chinese families in Yanbian.
    static let koreanSurnames = [
        "金", "金", "金", "朴", "朴", "李", "李", "崔", "崔", "郑", "韩", "姜", "申", "全", "玄", "南", "俞", "池", "元",
        "权", "安", "洪", "黄", "车", "文", "许", "吴", "柳", "林",
    ]

    static let hanGivenNames = [
        "建国", "丽", "强", "伟", "芳", "秀英", "桂兰", "志刚", "海燕", "春梅", "德福", "玉珍", "国华", "淑芬", "凤霞",
        "永军", "晓东", "红梅", "立新", "宝山", "长海", "丽娟", "静", "敏", "磊", "洋", "勇", "艳", "杰", "军", "娜",
        "秀兰", "桂芝", "玉兰", "凤芝", "淑华", "振华", "振国", "福林", "树林", "庆丰", "春生", "海波", "东升", "占军",
        "雪梅", "丽华", "晓梅", "金凤", "佳慧", "子涵", "浩然", "宇航", "欣怡", "雨萱", "文博", "明轩", "思远", "丹",
        "立国", "卫东", "红霞", "淑珍", "彦军", "广志", "喜春", "铁柱", "长林", "秀珍",
    ]

    static let koreanGivenNames = [
        "成浩", "英爱", "美花", "英哲", "东哲", "顺子", "贞淑", "光日", "明植", "春子", "善姬", "哲洙", "龙洙", "英男",
        "京花", "玉顺", "永吉", "昌浩", "惠英", "顺姬", "明哲", "成日", "允浩", "贞姬", "今顺", "英淑", "哲民", "光洙",
        "春花", "美兰", "银姬", "日男", "相哲", "海龙", "秀吉", "昌洙", "明玉", "顺玉", "正日", "英爱", "美玉", "在民",
        "胜男", "东日", "贤姬", "龙哲", "光浩", "惠淑",
    ]

    /// Mobile prefixes and Yanbian-style number blocks; the numbers are made up.
    static let phonePrefixes = ["139", "138", "135", "137", "158", "159", "150", "151", "186", "187", "131", "133", "189"]
    static let phoneBlocks = ["0433", "0434", "0435", "4330", "4331", "4332", "5433", "6433", "7433"]

    // MARK: shop names

    /// Shop names (字号) of any flavour.
    static let shopWords = [
        "鑫源", "福满楼", "顺心", "兴隆", "聚福", "长白山", "海兰江", "图们江", "天池", "松花", "红日", "宏达", "恒丰",
        "家和", "百姓", "四季", "好运来", "万家", "惠民", "鸿运", "汇丰", "盛德", "祥和", "喜来", "富源", "新天地", "朝阳",
        "老街", "红星", "永兴", "大众", "和顺", "平安", "天福", "万福", "隆盛", "瑞丰", "德顺", "丰泽", "美佳", "欣欣",
        "玉泉", "清泉", "北国", "雪原", "林海", "东北人", "山里人", "农家", "金穗", "满园", "富贵", "吉祥", "利民", "便民",
        "旺达", "兴旺", "春来", "福源", "嘉禾", "久久", "金鼎", "龙腾", "宏昌", "远航", "乐购", "客满", "实惠", "一品",
    ]

    /// Shop names with a Korean-Chinese flavour.
    static let koreanShopWords = [
        "金达莱", "阿里郎", "三千里", "长白", "白头", "金刚山", "海兰", "布尔哈通", "延吉", "道拉吉", "桔梗", "顺姬",
        "春香", "阿妈妮", "故乡", "鸭绿江", "长鼓", "农乐", "秋夕", "丰年", "安山", "明东", "龙井", "和龙",
    ]

    static let streets = [
        "人民路", "新华街", "迎宾街", "光明路", "建设街", "站前路", "长白路", "民主街", "友谊路", "河南街", "解放路",
        "文化街", "学府路", "兴边街", "和平路", "中央街", "团结路", "公园路", "繁荣街",
    ]

    // MARK: trades

    static let catererKinds = [
        "饭店", "饭店", "酒店", "家常菜馆", "烧烤店", "火锅店", "饺子馆", "酒家", "农家乐", "鱼馆", "铁锅炖", "杀猪菜馆",
        "快餐店", "川菜馆", "面馆", "大酒店", "羊汤馆", "酱骨馆",
    ]
    static let koreanCatererKinds = [
        "冷面馆", "冷面馆", "石锅拌饭店", "烤肉店", "烤肉店", "朝鲜族风味饭店", "朝鲜族风味饭店", "汤饭馆", "米肠店",
        "参鸡汤馆", "大酱汤馆", "打糕店", "朝鲜族民俗餐厅",
    ]
    static let eateryKinds = [
        "早餐铺", "包子铺", "面馆", "饺子馆", "麻辣烫", "小吃部", "快餐店", "馄饨馆", "米线店", "煎饼店", "烤串店",
        "粥铺", "砂锅店", "盒饭店", "羊肉米线店",
    ]
    static let koreanEateryKinds = [
        "冷面馆", "冷面馆", "拌饭店", "打糕店", "汤饭店", "米肠店", "烤冷面店", "紫菜包饭店", "辣白菜馆", "牛肉汤饭店",
    ]
    static let retailerKinds = [
        "超市", "超市", "超市", "便利店", "便利店", "生鲜超市", "粮油店", "烟酒商行", "调料店", "水果店", "茶叶店",
        "母婴店", "冷冻食品店", "副食品商店", "酒行", "干菜调料店", "蔬菜店", "购物中心",
    ]
    static let groceryKinds = ["食杂店", "食杂店", "小卖部", "便民超市", "商店", "小超市", "副食店", "综合商店"]
    static let workshopKinds = [
        "豆腐坊", "豆腐坊", "打糕坊", "辣白菜加工坊", "大酱坊", "米酒坊", "榨油坊", "粉条加工坊", "糕点坊", "煎饼坊",
        "冷面加工坊", "米线加工坊", "酱菜坊", "馒头坊", "粘豆包坊", "白酒坊",
    ]

    /// Producers' trades with the food category of their SC licence (食品生产许可分类目录: 1 for
    /// food, then the two-digit category).
    static let producerKinds: [(suffix: String, foodCategory: String)] = [
        ("米业有限公司", "101"), ("粮油加工有限公司", "102"), ("调味食品有限公司", "103"), ("大酱有限公司", "103"),
        ("肉制品有限公司", "104"), ("乳业有限公司", "105"), ("矿泉水有限公司", "106"), ("饮品有限公司", "106"),
        ("泡菜食品有限公司", "116"), ("速冻食品有限公司", "111"), ("糕点食品有限公司", "124"), ("豆制品有限公司", "125"),
        ("酒业有限公司", "115"), ("人参制品有限公司", "131"), ("山野菜食品有限公司", "116"), ("蜂业有限公司", "126"),
        ("水产食品有限公司", "122"), ("米线食品有限公司", "101"), ("冷面食品有限公司", "101"), ("打糕食品有限公司", "124"),
        ("牛肉干食品有限公司", "104"), ("黑木耳制品有限公司", "116"),
    ]

    static let vendorGoods = [
        "烤地瓜", "水果", "煎饼果子", "炸串", "冷面", "打糕", "烤冷面", "糖葫芦", "米肠", "烤玉米", "豆浆油条", "馅饼",
        "辣白菜", "凉粉", "鸡蛋糕",
    ]

    /// Farm producers' trades (种植养殖).
    static let farmKinds = [
        "水稻种植", "黄牛养殖", "苹果梨种植", "人参种植", "蔬菜种植", "黑木耳种植", "生猪养殖", "肉羊养殖", "蜂蜜",
        "蓝莓种植", "大豆种植", "玉米种植", "林蛙养殖", "冷水鱼养殖", "食用菌种植", "蛋鸡养殖",
    ]

    // MARK: fixed businesses

    /// Branches of the lamb rice-noodle brand, by township code suffix (the flagship is the operator
    /// account's 示范县老街羊肉米线店 in 城关镇).
    static let lambBranches: [(township: Int, name: String)] = [
        (101, "示范县老街羊肉米线城关二店"), (102, "示范县老街羊肉米线东盛店"), (103, "示范县老街羊肉米线龙河店"),
        (105, "示范县老街羊肉米线兴安店"), (107, "示范县老街羊肉米线明月店"), (108, "示范县老街羊肉米线海兰店"),
    ]

    /// Well-known Korean-cuisine restaurants (caterers), by township code suffix.
    static let koreanRestaurants: [(township: Int, name: String)] = [
        (101, "示范县金达莱冷面馆"), (101, "示范县三千里烤肉"), (101, "示范县阿里郎石锅拌饭"),
        (102, "示范县海兰江朝鲜族风味饭店"), (108, "示范县道拉吉打糕店"), (104, "示范县长白山朝鲜族民俗餐厅"),
    ]

    /// Traders of imported frozen seafood and beef arriving through the border port (海兰镇).
    static let importers: [(township: Int, name: String, creditPrefix: String)] = [
        (108, "示范县海兰江进口冻品商行", "92"), (108, "示范县口岸海鲜冻品批发部", "92"),
        (108, "示范县兴边进口牛肉经销部", "92"), (108, "示范县图们江边贸商行", "92"),
        (101, "示范县鑫海水产冻品商行", "92"), (101, "示范县北国进口食品贸易有限公司", "91"),
    ]

    static let coldStores: [(township: Int, name: String)] = [
        (108, "示范县口岸冷链物流有限公司"), (108, "示范县海兰江冷冻食品储运有限公司"), (108, "示范县图们江水产冷藏有限公司"),
        (108, "示范县兴边肉类冷藏有限公司"), (108, "示范县北港海产品冷链仓储有限公司"), (101, "示范县长白山冷链物流园有限公司"),
        (101, "示范县恒丰果蔬冷藏有限公司"), (101, "示范县鑫源冻品冷藏有限公司"),
    ]

    static let centralWarehouses: [(township: Int, name: String)] = [
        (108, "示范县进口冷链食品集中监管仓"), (108, "示范口岸进口冷链食品集中监管仓（海兰分仓）"),
    ]

    static let wholesaleMarkets: [(township: Int, name: String)] = [
        (101, "示范县农副产品批发市场"), (108, "示范县海兰口岸水产冻品批发市场"),
    ]

    /// Unit canteens of the county seat, with the first two characters of their credit code
    /// (11 government bodies, 12 public institutions, 91 companies).
    static let countySeatCanteens: [(name: String, creditPrefix: String)] = [
        ("示范县人民政府机关食堂", "11"), ("示范县委党校食堂", "11"), ("示范县人民医院职工食堂", "12"),
        ("示范县中医医院食堂", "12"), ("示范县妇幼保健院食堂", "12"), ("示范县公安局食堂", "11"), ("示范县看守所食堂", "11"),
        ("示范县消防救援大队食堂", "11"), ("示范县社会福利院食堂", "12"), ("示范县养老服务中心食堂", "12"),
        ("示范县供电公司职工食堂", "91"), ("示范县边境管理大队食堂", "11"), ("示范县城市建设项目工地食堂", "91"),
        ("示范县疾病预防控制中心食堂", "12"), ("示范县人民法院食堂", "11"),
    ]

    /// Schools of the county seat (each with a canteen).
    static let countySeatSchools = [
        "示范县第一中学", "示范县第二中学", "示范县朝鲜族中学", "示范县实验小学", "示范县朝鲜族小学", "示范县第二实验小学",
        "示范县职业技术教育中心",
    ]

    /// Townships with a nursing home (敬老院) canteen, by code suffix.
    static let nursingHomeTownships = [102, 104, 201, 204]

    /// 乡 villages (township suffix, village number) with a village school.
    static let villageSchools: [(township: Int, village: Int)] = [(201, 2), (203, 3)]

    /// `value` in decimal, zero-padded to `width` digits.
    static func digits(_ value: Int, _ width: Int) -> String {
        String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
    }
}

extension DemoNames {
    /// A name for a business of `category` at `place`, run by `owner`; producers also get the food
    /// category of their SC licence. Markets, schools, canteens and the cold chain have fixed names.
    static func businessName(
        _ category: BusinessCategory, at place: DemoRegistry.Place, owner: String, using generator: inout SeededGenerator
    ) -> (name: String, foodCategory: String?) {
        let township = place.townshipName
        let korean = generator.chance(0.4)
        let word = korean && generator.chance(0.6) ? generator.pick(koreanShopWords) : generator.pick(shopWords)
        let surname = String(owner.prefix(1))
        switch category {
        case .caterer:
            let prefix = place.isCountySeat || generator.chance(0.5) ? "示范县" : "示范县" + township
            return (prefix + word + generator.pick(korean ? koreanCatererKinds : catererKinds), nil)
        case .smallEatery:
            let core = generator.chance(0.25) ? "老\(surname)家" : word
            return ("示范县" + township + core + generator.pick(korean ? koreanEateryKinds : eateryKinds), nil)
        case .smallGrocery:
            let village = !place.isSeatVillage && generator.chance(0.5) ? place.villageName : ""
            return ("示范县" + township + village + word + generator.pick(groceryKinds), nil)
        case .retailer:
            return ("示范县" + (place.isCountySeat ? "" : township) + word + generator.pick(retailerKinds), nil)
        case .producer:
            let kind = generator.pick(producerKinds)
            return ("示范县" + word + kind.suffix, kind.foodCategory)
        case .smallWorkshop:
            let core = generator.chance(0.4) ? "\(surname)记" : word
            return ("示范县" + township + core + generator.pick(workshopKinds), nil)
        case .streetVendor:
            return (owner + generator.pick(vendorGoods) + "摊", nil)
        case .farmProducer:
            let roll = Double.random(in: 0..<1, using: &generator)
            if roll < 0.5 { return ("示范县" + township + place.villageName + generator.pick(farmKinds) + "专业合作社", nil) }
            if roll < 0.8 { return ("示范县" + township + owner + "家庭农场", nil) }
            return ("示范县" + township + word + generator.pick(farmKinds) + "基地", nil)
        case .canteen, .schoolCanteen, .farmersMarket, .wholesaleMarket, .coldStore, .centralWarehouse:
            return ("示范县" + township + word + "食品经营部", nil)
        }
    }

    /// "示范县<township><village>…号": streets in the county seat and the township seats, village
    /// groups (组) elsewhere.
    static func address(at place: DemoRegistry.Place, using generator: inout SeededGenerator) -> String {
        let base = "示范县" + place.townshipName + place.villageName
        if place.isCountySeat || place.isSeatVillage {
            return base + generator.pick(streets) + "\(Int.random(in: 1...288, using: &generator))号"
        }
        return base + "\(Int.random(in: 1...9, using: &generator))组\(Int.random(in: 1...120, using: &generator))号"
    }
}

// Permits in the demo follow one invented scheme (shaped like the real numbers; the check digits are
// the digit sum mod 10, not the authorities' algorithms):
// - 食品经营许可证 "JY" + 14 digits: main activity (1 sales, cold storage and markets; 2 catering;
//   3 unit and school canteens) + division 222499 + 6-digit serial + check digit. Valid 5 years.
// - 食品生产许可证 "SC" + 14 digits: food category (1 + the two digits of 食品生产许可分类目录) +
//   222499 + 4-digit serial + check digit. Valid 5 years.
// - Registration certificates (登记证): small workshops "吉食坊登（示范）2026-0001", small eateries
//   "吉食小登（示范）2026-0001"; filing cards (备案卡): small groceries "吉食杂备（示范）2026-0001",
//   street vendors "吉食摊备（示范）2026-0001" — year of issue, then a serial per kind and year.
//   Valid as `SmallBusinessRules.jilin` says (3 years; vendors 1).
// Credit codes: 92 individual businesses, 91 companies, 93 farmers' cooperatives, 11 government
// bodies and 12 public institutions (schools, hospitals), all registered in 222499.

extension DemoRegistry {
    /// Hands out unique credit codes, names and permit serials.
    struct Issuer {
        var names = Set<String>()
        private var creditBodies = Set<String>()
        private var serials: [String: Int] = [:]

        mutating func creditCode(_ prefix: String, using generator: inout SeededGenerator) -> CreditCode? {
            while true {
                // Companies and individual businesses registered since 2015 carry "MA" + 7 characters;
                // government bodies and public institutions keep a 9-digit organisation code.
                var body = prefix + "222499"
                if prefix.hasPrefix("9") {
                    body += "MA" + String((0..<7).map { _ in generator.pick(CreditCode.alphabet) })
                } else {
                    body += DemoNames.digits(Int.random(in: 0...999_999_999, using: &generator), 9)
                }
                if creditBodies.insert(body).inserted { return CreditCode.completing(body) }
            }
        }

        mutating func licenceNumber(
            for category: BusinessCategory, foodCategory: String?, using generator: inout SeededGenerator
        ) -> String {
            let digits: String
            if category == .producer {
                let serial = next("SC", step: Int.random(in: 1...5, using: &generator), from: 10)
                digits = (foodCategory ?? "131") + "222499" + DemoNames.digits(serial, 4)
                return "SC" + digits + Self.checkDigit(digits)
            }
            let activity = category == .caterer ? "2" : [.canteen, .schoolCanteen].contains(category) ? "3" : "1"
            let serial = next("JY" + activity, step: Int.random(in: 1...9, using: &generator), from: 100)
            digits = activity + "222499" + DemoNames.digits(serial, 6)
            return "JY" + digits + Self.checkDigit(digits)
        }

        mutating func smallCertificateNumber(for category: BusinessCategory, year: Int) -> String {
            let series: String =
                switch category {
                case .smallWorkshop: "吉食坊登（示范）"
                case .smallEatery: "吉食小登（示范）"
                case .streetVendor: "吉食摊备（示范）"
                default: "吉食杂备（示范）"
                }
            let serial = next(series + String(year), step: 1, from: 0)
            return series + "\(year)-" + DemoNames.digits(serial, 4)
        }

        private mutating func next(_ series: String, step: Int, from first: Int) -> Int {
            let value = (serials[series] ?? first) + step
            serials[series] = value
            return value
        }

        private static func checkDigit(_ digits: String) -> String {
            String(digits.compactMap(\.wholeNumberValue).reduce(0, +) % 10)
        }
    }
}
