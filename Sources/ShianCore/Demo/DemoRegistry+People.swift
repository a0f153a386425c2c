import Foundation

extension DemoRegistry {
    /// Assistants (协管员: one per village, except about 10 villages left without one) and informants
    /// (信息员: 0–3 per village, placed on the village's grids), with subsidies, appointment dates and
    /// training dates (some never trained).
    public static func staff(today: Date) -> [Staff] {
        let calendar = Calendar.shanghai
        let start = calendar.startOfDay(for: today)
        var generator = SeededGenerator(seed: 0x5348_4941_4E03)
        func daysAgo(_ days: Int) -> Date { calendar.date(byAdding: .day, value: -days, to: start) ?? start }

        let places = Place.all()
        let villages = places.map(\.village).reduce(into: [RegionCode]()) { if $0.last != $1 { $0.append($1) } }
        let vacant = Set(villages.shuffled(using: &generator).prefix(10))
        var staff: [Staff] = []
        for village in villages {
            let grids = places.filter { $0.village == village }.map(\.grid)
            if !vacant.contains(village) {
                let appointed = Int.random(in: 60...2_500, using: &generator)
                // Most assistants were trained a while after their appointment; about one in seven never.
                let trained =
                    generator.chance(0.86) ? daysAgo(Int.random(in: 5...max(5, appointed - 14), using: &generator)) : nil
                staff.append(
                    Staff(
                        name: generator.personName(), kind: .assistant, regionCode: village, phone: generator.phone(),
                        annualSubsidyFen: generator.pick([60_000, 60_000, 60_000, 60_000, 60_000, 48_000, 72_000]),
                        appointedOn: daysAgo(appointed), trainedOn: trained))
            }
            let informants = generator.pick([0, 1, 1, 1, 2, 2, 2, 3, 3])
            for number in 0..<(grids.isEmpty ? 0 : informants) {
                let appointed = Int.random(in: 30...1_800, using: &generator)
                let trained = generator.chance(0.7) ? daysAgo(Int.random(in: 3...max(3, appointed - 7), using: &generator)) : nil
                staff.append(
                    Staff(
                        name: generator.personName(), kind: .informant, regionCode: grids[number % grids.count],
                        phone: generator.phone(),
                        annualSubsidyFen: generator.pick([30_000, 30_000, 30_000, 30_000, 30_000, 24_000, 36_000]),
                        appointedOn: daysAgo(appointed), trainedOn: trained))
            }
        }
        return staff
    }

    /// About 40 responsible cadres (包保干部) from township offices and county departments, each
    /// answering for 3–15 businesses (by key), with duty lists and pledge dates (a few not yet signed).
    /// County departments take the businesses of their line first (schools, cold chain, markets,
    /// farms); township cadres then take key businesses of their township. No business has two cadres.
    public static func cadres(today: Date) -> [Cadre] {
        let calendar = Calendar.shanghai
        let start = calendar.startOfDay(for: today)
        let businesses = businesses(today: today).filter { $0.status != .closed }
        var generator = SeededGenerator(seed: 0x5348_4941_4E04)
        var taken = Set<String>()

        func assign(_ candidates: [Business], most: Int) -> [String] {
            let free = candidates.filter { !taken.contains($0.key) }.shuffled(using: &generator)
            let count = min(free.count, Int.random(in: 3...most, using: &generator))
            let keys = free.prefix(count).map(\.key)
            taken.formUnion(keys)
            return keys
        }
        func isImportChain(_ business: Business) -> Bool {
            [.coldStore, .centralWarehouse, .wholesaleMarket].contains(business.category)
                || (business.category == .retailer && (business.name.contains("进口") || business.name.contains("冻品")))
        }

        var drafts: [(position: String, region: RegionCode, duties: String, keys: [String])] = []
        for line in countyLines {
            let candidates = businesses.filter { business in
                line.categories.contains(business.category) && (line.code != "port" || isImportChain(business))
            }
            let keys = assign(candidates, most: line.most)
            drafts.append(
                (line.position, DemoCounty.countyCode, line.duties.replacingOccurrences(of: "N", with: "\(keys.count)"), keys))
        }

        let keyCategories: [BusinessCategory] = [
            .caterer, .retailer, .producer, .canteen, .farmersMarket, .smallWorkshop, .smallEatery,
        ]
        let townships = DemoCounty.regions().filter { $0.code.level == .township }
        for township in townships {
            let local = businesses.filter { township.code.contains($0.regionCode) && keyCategories.contains($0.category) }
            let isTown = township.name.hasSuffix("镇")
            for role in isTown ? ["党委副书记", "副镇长"] : ["党委副书记", "副乡长"] {
                // Larger businesses first: caterers, canteens, producers and markets before the smalls.
                let larger = local.filter { !$0.category.isSmall && !taken.contains($0.key) }
                let keys = assign(larger.count >= 3 ? larger : local, most: 15)
                let duties =
                    "包保辖区内\(keys.count)家食品生产经营者：每季度至少督导1次，督促落实主体责任和日管控、周排查、月调度；"
                    + "发现问题督促整改，重大隐患当日报告\(township.name)食安办"
                drafts.append((township.name + role, township.code, duties, keys))
            }
        }

        let unsigned = Set(drafts.indices.shuffled(using: &generator).prefix(4))
        return drafts.enumerated().map { index, draft in
            let signed = calendar.date(byAdding: .day, value: -Int.random(in: 15...200, using: &generator), to: start)
            return Cadre(
                name: generator.personName(), position: draft.position, regionCode: draft.region, phone: generator.phone(),
                duties: draft.duties, pledgeSignedOn: unsigned.contains(index) ? nil : signed, businessKeys: draft.keys)
        }
    }

    /// County departments' cadres and the businesses of their line ("N" in the duties becomes the count).
    private static let countyLines:
        [(code: String, position: String, categories: [BusinessCategory], most: Int, duties: String)] = [
            (
                "port", "县口岸办副主任", [.coldStore, .centralWarehouse, .retailer, .wholesaleMarket], 6,
                "包保N家进口冷链食品经营主体：督促落实专用通道进货、专区存放、专区销售，核查检验检疫证明、消毒证明、追溯信息和出仓证明"
            ),
            (
                "port", "县市场监督管理局食品经营监管股股长", [.coldStore, .centralWarehouse, .retailer, .wholesaleMarket], 6,
                "包保N家进口冷链食品经营主体：每月现场检查一次，督促首站赋码和进货查验"
            ),
            ("market", "县市场监督管理局副局长", [.producer], 12, "包保N家食品生产企业：督促配备食品安全总监和食品安全员，落实风险管控清单"),
            ("market", "县市场监督管理局食品生产监管股股长", [.producer], 12, "包保N家食品生产企业：每季度督导一次，检查原料进货查验和出厂检验记录"),
            ("market", "县市场监督管理局城关市场监管所所长", [.producer, .caterer], 12, "包保N家食品生产经营者：督促落实日管控、周排查、月调度"),
            ("market", "县市场监督管理局东盛市场监管所所长", [.caterer], 10, "包保N家餐饮服务提供者：督促落实明厨亮灶和餐饮具消毒"),
            ("education", "县教育局副局长", [.schoolCanteen], 15, "包保N所学校食堂：每学期至少督导2次，检查晨检、留样、陪餐和明厨亮灶落实情况"),
            ("education", "县教育局体卫艺股股长", [.schoolCanteen], 15, "包保N所学校食堂：督促校长陪餐和家长委员会参与监督"),
            ("education", "县教育局安全股股长", [.schoolCanteen], 15, "包保N所学校（幼儿园）食堂：检查食材进货查验和留样记录"),
            ("agriculture", "县农业农村局副局长", [.farmProducer], 12, "包保N家食用农产品生产主体：督促开具承诺达标合格证，规范农药兽药使用记录"),
            ("agriculture", "县农业农村局农产品质量安全股股长", [.farmProducer], 12, "包保N家种植养殖主体：开展农药兽药残留快检，指导建立生产记录"),
            ("commerce", "县商务局副局长", [.farmersMarket, .wholesaleMarket], 8, "包保N家市场开办者：督促落实入场查验、索证索票和快检公示"),
            ("commerce", "县商务局市场建设股股长", [.farmersMarket], 8, "包保N家农贸市场：督促标准化改造和市场开办者管理责任"),
            ("health", "县卫生健康局副局长", [.canteen], 10, "包保N家单位食堂：督促落实从业人员健康管理，发现食源性疾病及时报告"),
            ("publicSecurity", "县公安局食品药品环境犯罪侦查大队大队长", [.canteen], 8, "包保N家单位食堂：督促落实食品安全管理制度和应急处置预案"),
            ("tourism", "县文化广播电视和旅游局副局长", [.caterer], 8, "包保N家旅游餐饮单位：督促公示食品安全信息，推动名店名菜创建"),
        ]
}

extension DemoRegistry {
    /// A grid of the demo tree, with the names its businesses' names and addresses are made of.
    struct Place {
        let grid: RegionCode
        let village: RegionCode
        let township: RegionCode
        let townshipName: String
        let villageName: String
        let townshipSuffix: Int
        let villageNumber: Int
        let gridsInVillage: Int
        var isCountySeat: Bool { townshipSuffix == 101 }
        /// The township's first village, where its government, market and schools are.
        var isSeatVillage: Bool { villageNumber == 1 }
        var isTown: Bool { townshipSuffix < 200 }

        /// Every grid of `DemoCounty.regions()`, in code order.
        static func all() -> [Place] {
            let regions = DemoCounty.regions()
            var names: [RegionCode: String] = [:]
            var gridCounts: [RegionCode: Int] = [:]
            for region in regions {
                names[region.code] = region.name
                if region.code.level == .grid, let village = region.code.parent { gridCounts[village, default: 0] += 1 }
            }
            return regions.compactMap { region in
                guard region.code.level == .grid, let village = region.code.parent, let township = village.parent,
                    let townshipSuffix = Int(township.rawValue.suffix(3)), let villageNumber = Int(village.rawValue.suffix(3))
                else { return nil }
                return Place(
                    grid: region.code, village: village, township: township, townshipName: names[township] ?? "",
                    villageName: names[village] ?? "", townshipSuffix: townshipSuffix, villageNumber: villageNumber,
                    gridsInVillage: gridCounts[village] ?? 1)
            }
        }
    }
}

extension SeededGenerator {
    /// A person's name: about a third Korean-Chinese, as in Yanbian.
    mutating func personName() -> String {
        if chance(0.35) { return pick(DemoNames.koreanSurnames) + pick(DemoNames.koreanGivenNames) }
        return pick(DemoNames.hanSurnames) + pick(DemoNames.hanGivenNames)
    }

    /// A fictional 11-digit mobile number (1390433xxxx and the like).
    mutating func phone() -> String {
        pick(DemoNames.phonePrefixes) + pick(DemoNames.phoneBlocks) + DemoNames.digits(Int.random(in: 0...9999, using: &self), 4)
    }

    /// A random element of a non-empty list.
    mutating func pick<Element>(_ items: [Element]) -> Element {
        items[Int.random(in: 0..<items.count, using: &self)]
    }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }
}
