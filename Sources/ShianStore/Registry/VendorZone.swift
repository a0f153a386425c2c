import FluentKit
import Foundation

/// A designated place and time for street vendors (食品摊贩): where the three smalls' vendors may
/// trade, with its number of stalls and its hours.
public final class VendorZone: Model, @unchecked Sendable {
    public static let schema = "vendor_zones"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "name") public var name: String
    @Field(key: "location") public var location: String
    @Field(key: "stalls") public var stalls: Int
    /// Opening hours as the township sets them, e.g. "06:00–09:00, 17:00–22:00".
    @Field(key: "hours") public var hours: String
    @Field(key: "active") public var active: Bool

    public init() {}

    public init(regionCode: String, name: String, location: String, stalls: Int, hours: String) {
        self.regionCode = regionCode
        self.name = name
        self.location = location
        self.stalls = stalls
        self.hours = hours
        self.active = true
    }
}

extension VendorZone: RegionScoped {
    public static var regionCodeKey: KeyPath<VendorZone, FieldProperty<VendorZone, String>> { \.$regionCode }
}

/// A product a small workshop is registered to make (it must be in the province's catalogue).
public final class WorkshopProduct: Model, @unchecked Sendable {
    public static let schema = "workshop_products"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "business_id") public var business: Business
    @Field(key: "name") public var name: String
    /// The catalogue category (生产经营目录), e.g. 糕点, 豆制品, 米粉.
    @Field(key: "catalogue_category") public var catalogueCategory: String

    public init() {}

    public init(businessID: UUID, name: String, catalogueCategory: String) {
        self.$business.id = businessID
        self.name = name
        self.catalogueCategory = catalogueCategory
    }
}
