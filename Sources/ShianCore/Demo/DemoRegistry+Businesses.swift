import Foundation

// Names, addresses, credit codes and permit numbers are made in DemoNames.swift (`DemoNames`,
// `DemoRegistry.Issuer`, with the permit numbering scheme); grids in DemoRegistry+People.swift (`Place`).

extension DemoRegistry {
    /// About 3,000 businesses; the first two are exactly `DemoCounty.businesses()` (same key, name,
    /// category, region code and address), with the rest of their fields filled in.
    public static func businesses(today: Date) -> [Business] {
        let start = Calendar.shanghai.startOfDay(for: today)
        var generator = SeededGenerator(seed: 0x5348_4941_4E01)
        let places = Place.all()
        let plans = plans(in: places, using: &generator)
        var issuer = Issuer()
        var result = featured(start: start, issuer: &issuer)
        issuer.names.formUnion(plans.compactMap(\.name))

        let permitted = plans.filter { SmallBusinessRules.jilin.permit(for: $0.category) != .none }.count
        var bands = exactShares(
            [(.expired, 4), (.within30Days, 3), (.within60Days, 3), (.within90Days, 3)],
            of: permitted, rest: PermitExpiry.valid
        ).shuffled(using: &generator)
        let statuses = exactShares([(.suspended, 4), (.closed, 2)], of: plans.count, rest: BusinessStatus.active)
            .shuffled(using: &generator)
        let withoutGrid = ungridded(plans, count: 30, using: &generator)

        for (index, plan) in plans.enumerated() {
            var regionCode = plan.place.grid
            if withoutGrid.contains(index) {
                regionCode = generator.chance(0.65) ? plan.place.village : plan.place.township
            }
            let band = SmallBusinessRules.jilin.permit(for: plan.category) == .none ? nil : bands.popLast()
            result.append(
                business(
                    plan, key: "b" + DemoNames.digits(index + 3, 4), regionCode: regionCode, band: band,
                    status: statuses[index], start: start, generator: &generator, issuer: &issuer))
        }
        return result
    }

    /// Category totals (the featured and fixed businesses included).
    static let categoryTargets: [(category: BusinessCategory, count: Int)] = [
        (.caterer, 660), (.smallEatery, 600), (.smallGrocery, 716), (.retailer, 420), (.producer, 70),
        (.smallWorkshop, 120), (.streetVendor, 60), (.farmProducer, 260),
    ]

    /// A business before its details are drawn: where it is, and for the fixed ones their name.
    struct Plan {
        let category: BusinessCategory
        let place: Place
        var name: String?
        var creditPrefix: String?
    }

    /// Where every business goes: the fixed ones (brand branches, importers, cold chain, markets,
    /// schools, unit canteens), then a few small businesses on every grid but a handful, then the rest
    /// drawn by weights that favour the county seat and the township seats. Sorted by grid.
    static func plans(in places: [Place], using generator: inout SeededGenerator) -> [Plan] {
        var plans: [Plan] = []
        func place(_ township: Int, village: Int = 1) -> Place? {
            places.first { $0.townshipSuffix == township && $0.villageNumber == village }
        }
        func add(_ category: BusinessCategory, _ place: Place?, _ name: String, _ prefix: String? = nil) {
            if let place { plans.append(Plan(category: category, place: place, name: name, creditPrefix: prefix)) }
        }
        for (township, name) in DemoNames.lambBranches { add(.caterer, place(township), name, "92") }
        for (township, name) in DemoNames.koreanRestaurants { add(.caterer, place(township), name) }
        for (township, name, prefix) in DemoNames.importers { add(.retailer, place(township), name, prefix) }
        // The border port's cold chain sits in 海兰镇's second village, by the port.
        for (township, name) in DemoNames.coldStores {
            add(.coldStore, place(township, village: township == 108 ? 2 : 1), name)
        }
        for (township, name) in DemoNames.centralWarehouses { add(.centralWarehouse, place(township, village: 2), name) }
        for (township, name) in DemoNames.wholesaleMarkets { add(.wholesaleMarket, place(township), name) }
        let townships = places.map(\.townshipSuffix).reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
        for township in townships {
            guard let seat = place(township) else { continue }
            let name = seat.townshipName
            add(.farmersMarket, seat, "示范县\(name)农贸市场")
            add(.schoolCanteen, seat, "示范县\(name)中心小学食堂")
            add(.schoolCanteen, seat, "示范县\(name)中心幼儿园食堂")
            if township == 101 {
                for (index, school) in DemoNames.countySeatSchools.enumerated() {
                    add(.schoolCanteen, place(township, village: index % 3 + 1), school + "食堂")
                }
                for (index, canteen) in DemoNames.countySeatCanteens.enumerated() {
                    add(.canteen, place(township, village: index % 4 + 1), canteen.name, canteen.creditPrefix)
                }
            } else {
                if seat.isTown { add(.schoolCanteen, seat, "示范县\(name)中学食堂") }
                add(.canteen, seat, "示范县\(name)人民政府机关食堂", "11")
            }
            if DemoNames.nursingHomeTownships.contains(township) { add(.canteen, seat, "示范县\(name)敬老院食堂") }
        }
        for (township, village) in DemoNames.villageSchools {
            guard let school = place(township, village: village) else { continue }
            add(.schoolCanteen, school, "示范县\(school.townshipName)\(school.villageName)小学食堂")
        }

        // A handful of quiet grids in 乡 villages with nothing fixed get no business at all.
        let fixedGrids = Set(plans.map(\.place.grid))
        let quiet = Set(
            places.filter { !$0.isTown && !$0.isSeatVillage && !fixedGrids.contains($0.grid) }
                .shuffled(using: &generator).prefix(6).map(\.grid))
        let active = places.filter { !quiet.contains($0.grid) }
        for place in active {
            plans.append(Plan(category: .smallGrocery, place: place))
            plans.append(Plan(category: .smallGrocery, place: place))
            plans.append(Plan(category: .smallEatery, place: place))
            if !(place.isCountySeat && place.isSeatVillage) { plans.append(Plan(category: .farmProducer, place: place)) }
        }
        for (category, target) in categoryTargets {
            // The two featured caterers are made apart from the plans.
            let placed = plans.filter { $0.category == category }.count + (category == .caterer ? 2 : 0)
            let weights = active.map { weight(of: category, at: $0) }
            let total = weights.reduce(0, +)
            for _ in 0..<max(0, target - placed) {
                var roll = Double.random(in: 0..<total, using: &generator)
                var chosen = active.count - 1
                for (index, weight) in weights.enumerated() {
                    roll -= weight
                    if roll < 0 { chosen = index; break }
                }
                plans.append(Plan(category: category, place: active[chosen]))
            }
        }
        let order = BusinessCategory.allCases
        return plans.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.place.grid.rawValue, order.firstIndex(of: lhs.element.category) ?? 0, lhs.offset)
            let right = (rhs.element.place.grid.rawValue, order.firstIndex(of: rhs.element.category) ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
    }

    /// How much more likely a grid is to hold a business of `category` than a plain village's grid.
    private static func weight(of category: BusinessCategory, at place: Place) -> Double {
        let (seat, county, town) = (place.isSeatVillage, place.isCountySeat, place.isTown)
        let village: Double
        switch category {
        case .farmProducer: village = county ? (seat ? 0 : 0.4) : (seat ? 0.3 : 1)
        case .smallGrocery: village = county ? (seat ? 6 : 2) : (seat ? 3 : 1)
        case .streetVendor: village = county ? (seat ? 12 : 2) : (seat ? 2 : 0.1)
        case .smallWorkshop: village = county && seat ? 3 : 1
        case .producer: village = county ? (seat ? 4 : 2) : (seat ? 1.5 : 0.5)
        default: village = county ? (seat ? 14 : 3) : town ? (seat ? 5 : 1) : (seat ? 3 : 0.8)
        }
        return village / Double(place.gridsInVillage)
    }

    /// The two operator accounts' businesses, with a licence: the lamb noodle shop's runs out in 45
    /// days, so that its operator sees the reminder.
    private static func featured(start: Date, issuer: inout Issuer) -> [Business] {
        var generator = SeededGenerator(seed: 0x5348_4941_4E02)
        let accounts = DemoCounty.accounts()
        return DemoCounty.businesses().enumerated().map { index, seed in
            issuer.names.insert(seed.name)
            let operatorName = accounts.first { $0.businessKey == seed.key }?.displayName.split(separator: " ").last
            let daysLeft = index == 0 ? 45 : 800
            let until = Calendar.shanghai.date(byAdding: .day, value: daysLeft, to: start) ?? start
            return Business(
                key: seed.key, name: seed.name, creditCode: issuer.creditCode(index == 0 ? "92" : "91", using: &generator),
                category: seed.category, regionCode: seed.regionCode,
                address: seed.address, legalRepresentative: operatorName.map(String.init) ?? generator.personName(),
                contactPhone: generator.phone(), safetyDirector: generator.personName(),
                safetyOfficer: generator.personName(),
                permitNumber: issuer.licenceNumber(for: .caterer, foodCategory: nil, using: &generator),
                permitValidFrom: validFrom(until: until, years: 5), permitValidUntil: until, areaSquareMetres: nil,
                status: .active)
        }
    }

    private static func business(
        _ plan: Plan, key: String, regionCode: RegionCode, band: PermitExpiry?, status: BusinessStatus, start: Date,
        generator: inout SeededGenerator, issuer: inout Issuer
    ) -> Business {
        let category = plan.category
        let person = generator.personName()
        var name = plan.name ?? ""
        var foodCategory: String?
        var attempts = 0
        while name.isEmpty || (plan.name == nil && issuer.names.contains(name)) {
            attempts += 1
            let composed = DemoNames.businessName(category, at: plan.place, owner: person, using: &generator)
            name = attempts > 12 ? composed.name + "（\(attempts)店）" : composed.name
            foodCategory = composed.foodCategory
        }
        issuer.names.insert(name)
        if category == .producer, foodCategory == nil {
            foodCategory = DemoNames.producerKinds.first { name.hasSuffix($0.suffix) }?.foodCategory ?? "131"
        }

        let prefix = plan.creditPrefix ?? creditPrefix(category, name: name, using: &generator)
        let withoutCode =
            (category == .streetVendor && generator.chance(0.7))
            || (category == .smallGrocery && generator.chance(0.3))
        let creditCode = withoutCode ? nil : issuer.creditCode(prefix, using: &generator)

        let kind = SmallBusinessRules.jilin.permit(for: category)
        var permitNumber: String?
        var validFrom: Date?
        var validUntil: Date?
        if kind != .none, let band {
            let years = kind == .licence ? 5 : SmallBusinessRules.jilin.categories[category]?.validityYears ?? 3
            let until =
                Calendar.shanghai.date(
                    byAdding: .day, value: expiryOffset(band, years: years, using: &generator), to: start) ?? start
            let from = Self.validFrom(until: until, years: years)
            validFrom = from
            validUntil = until
            permitNumber =
                kind == .licence
                ? issuer.licenceNumber(for: category, foodCategory: foodCategory, using: &generator)
                : issuer.smallCertificateNumber(for: category, year: Calendar.shanghai.component(.year, from: from))
        }

        let directed: [BusinessCategory] = [
            .producer, .canteen, .schoolCanteen, .farmersMarket, .wholesaleMarket, .coldStore, .centralWarehouse,
        ]
        let hasDirector = directed.contains(category) || ([.caterer, .retailer].contains(category) && prefix == "91")
        let hasOfficer = !category.isSmall && category != .farmProducer

        return Business(
            key: key, name: name, creditCode: creditCode, category: category, regionCode: regionCode,
            address: DemoNames.address(at: plan.place, using: &generator), legalRepresentative: person,
            contactPhone: generator.phone(), safetyDirector: hasDirector ? generator.personName() : nil,
            safetyOfficer: hasOfficer ? generator.personName() : nil, permitNumber: permitNumber,
            permitValidFrom: validFrom, permitValidUntil: validUntil,
            areaSquareMetres: area(category, using: &generator), status: status)
    }

    private static func creditPrefix(_ category: BusinessCategory, name: String, using generator: inout SeededGenerator)
        -> String
    {
        switch category {
        case .producer, .coldStore, .centralWarehouse, .farmersMarket, .wholesaleMarket: return "91"
        case .schoolCanteen, .canteen: return "12"
        case .caterer: return name.contains("酒店") || generator.chance(0.2) ? "91" : "92"
        case .retailer:
            return name.hasSuffix("购物中心") || (name.hasSuffix("超市") && generator.chance(0.3)) ? "91" : "92"
        case .farmProducer: return name.hasSuffix("专业合作社") ? "93" : "92"
        case .smallWorkshop, .smallEatery, .smallGrocery, .streetVendor: return "92"
        }
    }

    /// Days from today to the last valid day, inside the band.
    private static func expiryOffset(_ band: PermitExpiry, years: Int, using generator: inout SeededGenerator) -> Int {
        switch band {
        case .expired: -Int.random(in: 1...240, using: &generator)
        case .within30Days: Int.random(in: 0...30, using: &generator)
        case .within60Days: Int.random(in: 31...60, using: &generator)
        case .within90Days: Int.random(in: 61...90, using: &generator)
        case .valid, .unknown: Int.random(in: 91...(years * 365 - 1), using: &generator)
        }
    }

    /// The first day of a permit of `years` years whose last day is `until`.
    static func validFrom(until: Date, years: Int) -> Date {
        let calendar = Calendar.shanghai
        let back = calendar.date(byAdding: .year, value: -years, to: until) ?? until
        return calendar.date(byAdding: .day, value: 1, to: back) ?? back
    }

    /// Floor area of the three smalls, in half square metres.
    private static func area(_ category: BusinessCategory, using generator: inout SeededGenerator) -> Double? {
        let halves: ClosedRange<Int>
        switch category {
        case .smallEatery: halves = 20...120
        case .smallGrocery: halves = 12...80
        case .smallWorkshop: halves = 40...300
        case .streetVendor: halves = 4...12
        default: return nil
        }
        return Double(Int.random(in: halves, using: &generator)) / 2
    }

    /// `count × percent / 100` of each value, the rest `rest`, in a fixed order (shuffle it).
    static func exactShares<Value>(_ shares: [(Value, Int)], of count: Int, rest: Value) -> [Value] {
        var values: [Value] = []
        for (value, percent) in shares { values += Array(repeating: value, count: count * percent / 100) }
        return values + Array(repeating: rest, count: max(0, count - values.count))
    }

    /// Indices of `count` plans that keep only their village's or township's code, taken from grids
    /// busy enough to spare them.
    private static func ungridded(_ plans: [Plan], count: Int, using generator: inout SeededGenerator) -> Set<Int> {
        var perGrid: [RegionCode: Int] = [:]
        for plan in plans { perGrid[plan.place.grid, default: 0] += 1 }
        var chosen = Set<Int>()
        for index in plans.indices.shuffled(using: &generator) where chosen.count < count {
            let grid = plans[index].place.grid
            guard let left = perGrid[grid], left > 5 else { continue }
            perGrid[grid] = left - 1
            chosen.insert(index)
        }
        return chosen
    }
}
