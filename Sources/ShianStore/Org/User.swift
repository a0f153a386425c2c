import FluentKit
import Foundation
import ShianCore

/// A person who logs in to Shian, with one role and one scope.
public final class User: Model, @unchecked Sendable {
    public static let schema = "users"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "username") public var username: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "password_hash") public var passwordHash: String
    @Enum(key: "role") public var role: Role
    @Field(key: "active") public var active: Bool
    @OptionalField(key: "phone") public var phone: String?
    @OptionalField(key: "password_changed_at") public var passwordChangedAt: Date?
    @OptionalField(key: "last_login_at") public var lastLoginAt: Date?
    /// Seeded demo accounts; `SHIAN_DEMO_PASSWORD` resets only these.
    @Field(key: "is_demo") public var isDemo: Bool

    // scope
    @Field(key: "region_code") public var regionCode: String
    @OptionalParent(key: "department_id") public var department: Department?
    @OptionalParent(key: "business_id") public var business: Business?

    public init() {}

    public init(
        id: UUID? = nil, username: String, displayName: String, passwordHash: String, role: Role,
        scope: UserScope, active: Bool = true, isDemo: Bool = false
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.active = active
        self.isDemo = isDemo
        self.regionCode = scope.regionCode.rawValue
        self.$department.id = scope.departmentID
        self.$business.id = scope.businessID
    }

    /// The user's scope. A stored region code is validated on write; an unreadable one scopes to
    /// nothing rather than to everything.
    public var scope: UserScope {
        UserScope(
            regionCode: RegionCode(validating: regionCode) ?? .nowhere,
            departmentID: $department.id, businessID: $business.id)
    }
}

extension User: RegionScoped {
    public static var regionCodeKey: KeyPath<User, FieldProperty<User, String>> { \.$regionCode }
}
