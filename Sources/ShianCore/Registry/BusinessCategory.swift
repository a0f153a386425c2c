/// The categories of food business (glossary: 生产 / 销售 / 餐饮 / 单位食堂 / 学校食堂, the "three
/// smalls", markets, cold stores and warehouses, farm producers).
public enum BusinessCategory: String, Codable, Sendable, CaseIterable {
    case producer
    case retailer
    case caterer
    case canteen
    case schoolCanteen
    case smallWorkshop
    case smallEatery
    case smallGrocery
    case streetVendor
    case coldStore
    case farmersMarket
    case wholesaleMarket
    case farmProducer
    case centralWarehouse

    /// The "three smalls" (Jilin counts four: 小作坊、小餐饮店、小食杂店、食品摊贩; 吉林省食品小作坊小餐饮店
    /// 小食杂店和食品摊贩管理条例, 2021).
    public var isSmall: Bool {
        switch self {
        case .smallWorkshop, .smallEatery, .smallGrocery, .streetVendor: true
        default: false
        }
    }

    /// Feeds pupils, patients, workers or the elderly: a static risk factor (风险分级管理办法, 2016).
    public var servesVulnerableConsumers: Bool { self == .schoolCanteen || self == .canteen }
}

/// What a business holds to operate: a licence (许可证), a registration certificate (登记证) or a
/// filing card (备案卡) — the "identity card" of the three smalls (research/domain-cn.md §c-5).
public enum PermitKind: String, Codable, Sendable, CaseIterable {
    case licence
    case registration
    case filing
    case none
}

/// Operating status of a business.
public enum BusinessStatus: String, Codable, Sendable, CaseIterable {
    case active
    case suspended
    case closed
}

/// Category names as JSON object keys (province rules files).
extension BusinessCategory: CodingKeyRepresentable {}
