import FluentKit
import Foundation

/// A food business operator (食品生产经营者). The registry module fills in the rest of its record;
/// the foundation needs it so that a business operator's account can be scoped to one.
public final class Business: Model, @unchecked Sendable {
    public static let schema = "businesses"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "name") public var name: String
    /// The unified social credit code (统一社会信用代码); small businesses may have none.
    @OptionalField(key: "credit_code") public var creditCode: String?
    @Field(key: "category") public var category: String
    /// The grid (or, before it is placed, the village or township) the business belongs to.
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "address") public var address: String
    @Field(key: "status") public var status: String

    public init() {}

    public init(
        id: UUID? = nil, name: String, creditCode: String? = nil, category: String, regionCode: String,
        address: String, status: String = "active"
    ) {
        self.id = id
        self.name = name
        self.creditCode = creditCode
        self.category = category
        self.regionCode = regionCode
        self.address = address
        self.status = status
    }
}

extension Business: RegionScoped {
    public static var regionCodeKey: KeyPath<Business, FieldProperty<Business, String>> { \.$regionCode }
}
