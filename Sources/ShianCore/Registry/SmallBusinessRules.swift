/// The rules a province sets for the "three smalls": which categories count, whether each is
/// registered (登记) or filed (备案), and area limits. Configuration, not code: Jilin's four
/// categories are the default; Gansu's 2016 条例 limits a small eatery to 30 m² and a small shop
/// to 10 m² (research/domain-cn.md §c-5).
public struct SmallBusinessRules: Sendable, Equatable, Codable {
    public struct CategoryRule: Sendable, Equatable, Codable {
        public var permit: PermitKind
        /// The largest floor area in square metres, if the province sets one.
        public var maximumArea: Double?
        /// Years a certificate stays valid before renewal.
        public var validityYears: Int

        public init(permit: PermitKind, maximumArea: Double? = nil, validityYears: Int = 3) {
            self.permit = permit
            self.maximumArea = maximumArea
            self.validityYears = validityYears
        }
    }

    public var province: String
    public var categories: [BusinessCategory: CategoryRule]
    /// The product categories a small workshop may be registered for (the province's
    /// 生产经营目录; Jilin's 认定标准和生产经营目录 was drafted under 条例 arts. 3 and 10).
    public var workshopCatalogue: [String]

    public init(province: String, categories: [BusinessCategory: CategoryRule], workshopCatalogue: [String] = Self.commonCatalogue) {
        self.province = province
        self.categories = categories
        self.workshopCatalogue = workshopCatalogue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        province = try container.decode(String.self, forKey: .province)
        categories = try container.decode([BusinessCategory: CategoryRule].self, forKey: .categories)
        workshopCatalogue = try container.decodeIfPresent([String].self, forKey: .workshopCatalogue) ?? Self.commonCatalogue
    }

    /// Product categories small workshops typically make; a province's file replaces it.
    public static let commonCatalogue = [
        "粮食加工品", "食用植物油", "豆制品", "糕点", "米粉米线", "面制品", "酱腌菜", "熟肉制品", "炒货", "蜂蜜", "白酒", "冷面", "打糕", "泡菜",
    ]

    /// Jilin (吉林省条例 2021): workshops and eateries are registered, groceries and vendors filed.
    public static let jilin = SmallBusinessRules(
        province: "22",
        categories: [
            .smallWorkshop: .init(permit: .registration),
            .smallEatery: .init(permit: .registration),
            .smallGrocery: .init(permit: .filing),
            .streetVendor: .init(permit: .filing, validityYears: 1),
        ])

    /// Gansu (甘肃省条例 2016), as an example of area limits.
    public static let gansu = SmallBusinessRules(
        province: "62",
        categories: [
            .smallWorkshop: .init(permit: .registration),
            .smallEatery: .init(permit: .registration, maximumArea: 30),
            .smallGrocery: .init(permit: .filing, maximumArea: 10),
            .streetVendor: .init(permit: .filing, validityYears: 1),
        ])

    /// The permit a business of `category` needs under these rules. Categories outside the
    /// three smalls need a licence, except farm producers, who need none.
    public func permit(for category: BusinessCategory) -> PermitKind {
        if let rule = categories[category] { return rule.permit }
        if category.isSmall { return .licence }  // a small category this province does not count
        return category == .farmProducer ? .none : .licence
    }

    /// Checks the floor area of a small business against the province's limit.
    public func checkArea(_ area: Double?, category: BusinessCategory) throws(ValidationFailure) {
        guard let area else { return }
        guard area > 0, area < 1_000_000 else { throw ValidationFailure(code: "areaInvalid", field: "areaSquareMetres") }
        if let limit = categories[category]?.maximumArea, area > limit {
            throw ValidationFailure(
                code: "areaAboveLimit", field: "areaSquareMetres", arguments: [Self.format(area), Self.format(limit)])
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
