import FluentKit
import Foundation
import ShianCore

/// A node of the region tree: province, prefecture, county, township, village or grid.
public final class Region: Model, @unchecked Sendable {
    public static let schema = "regions"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    /// The division code, unique; "everything under X" is a range on it.
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Enum(key: "level") public var level: RegionLevel
    /// The enclosing region's code; nil for a province.
    @OptionalField(key: "parent_code") public var parentCode: String?
    @Field(key: "active") public var active: Bool

    public init() {}

    public init(id: UUID? = nil, code: RegionCode, name: String, active: Bool = true) {
        self.id = id
        self.code = code.rawValue
        self.name = name
        self.level = code.level
        self.parentCode = code.parent?.rawValue
        self.active = active
    }

    /// The typed code (stored codes are validated before they are written).
    public var regionCode: RegionCode? { RegionCode(validating: code) }
}

extension Region: RegionScoped {
    public static var regionCodeKey: KeyPath<Region, FieldProperty<Region, String>> { \.$code }
}
