import FluentKit
import Foundation

/// A department of a county (or higher) government, with its food-safety duties.
public final class Department: Model, @unchecked Sendable {
    public static let schema = "departments"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    /// The government the department belongs to.
    @Field(key: "region_code") public var regionCode: String
    /// A short key, unique within its region (for example `market`).
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    /// Its food-safety duties (食品安全工作职责), as adopted by the food-safety commission.
    @Field(key: "duties") public var duties: String
    @Field(key: "active") public var active: Bool

    public init() {}

    public init(id: UUID? = nil, regionCode: String, code: String, name: String, duties: String, active: Bool = true) {
        self.id = id
        self.regionCode = regionCode
        self.code = code
        self.name = name
        self.duties = duties
        self.active = active
    }
}

extension Department: RegionScoped {
    public static var regionCodeKey: KeyPath<Department, FieldProperty<Department, String>> { \.$regionCode }
}
