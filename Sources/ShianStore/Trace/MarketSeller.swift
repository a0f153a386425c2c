import FluentKit
import Foundation

/// A seller's file at a market (入场销售者档案): who sells at which stall, how to reach them, their
/// credit code or resident identity number, address, what they sell, where they buy it and where
/// it is grown — the fields the market operator must keep (research/domain-cn.md §c-4). A file is
/// never deleted: when the seller leaves it is marked, and kept at least six months after.
public final class MarketSeller: Model, @unchecked Sendable {
    public static let schema = "market_sellers"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "market_id") public var market: Business
    @Field(key: "region_code") public var regionCode: String
    /// The stall number (摊位号), unique among the market's present sellers.
    @Field(key: "stall") public var stall: String
    @Field(key: "name") public var name: String
    @Field(key: "phone") public var phone: String
    /// The credit code or resident identity number, whole; answers show it masked.
    @Field(key: "identity_number") public var identityNumber: String
    @Field(key: "address") public var address: String
    @Field(key: "products") public var products: String
    @Field(key: "supply_channel") public var supplyChannel: String
    @Field(key: "origin") public var origin: String
    @Field(key: "registered_at") public var registeredAt: Date
    @OptionalField(key: "left_at") public var leftAt: Date?
    @Parent(key: "registered_by") public var registeredBy: User

    public init() {}
}

extension MarketSeller: RegionScoped {
    public static var regionCodeKey: KeyPath<MarketSeller, FieldProperty<MarketSeller, String>> { \.$regionCode }
}

extension MarketSeller: BusinessOwned {
    public static var businessIDColumn: FieldKey { "market_id" }
}

extension MarketSeller: Auditable {
    public static let auditEntityType = "marketSeller"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["marketId": $market.id.uuidString, "stall": stall, "name": name, "phone": phone, "address": address, "products": products,
         "supplyChannel": supplyChannel, "origin": origin, "leftAt": leftAt?.formatted(.iso8601) ?? ""]
    }
}

/// The seller files, and the link from an entry check to the file of the seller it was for.
public struct CreateMarketSellers: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(MarketSeller.schema)
            .id()
            .field("market_id", .uuid, .required, .references(Business.schema, "id"))
            .field("region_code", .string, .required)
            .field("stall", .string, .required)
            .field("name", .string, .required)
            .field("phone", .string, .required)
            .field("identity_number", .string, .required)
            .field("address", .string, .required)
            .field("products", .string, .required)
            .field("supply_channel", .string, .required)
            .field("origin", .string, .required)
            .field("registered_at", .datetime, .required)
            .field("left_at", .datetime)
            .field("registered_by", .uuid, .required, .references(User.schema, "id"))
            .create()
        try await SchemaIndex.create("market_sellers_market", on: MarketSeller.schema, columns: ["market_id", "stall"], in: database)
        try await SchemaIndex.create("market_sellers_region", on: MarketSeller.schema, columns: ["region_code"], in: database)
        // No foreign-key clause, so that SQLite can drop the column on revert (as AddBatchParents).
        try await database.schema(MarketEntryCheck.schema).field("seller_id", .uuid).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(MarketEntryCheck.schema).deleteField("seller_id").update()
        try await SchemaIndex.drop("market_sellers_region", in: database)
        try await SchemaIndex.drop("market_sellers_market", in: database)
        try await database.schema(MarketSeller.schema).delete()
    }
}
