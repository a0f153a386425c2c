import FluentKit
import Foundation

/// An inspector's declared conflict with a business (回避: kin, former employer, a stake): random
/// draws never send them there. Declared by the inspector or by the office on their behalf.
public final class Recusal: Model, @unchecked Sendable {
    public static let schema = "recusals"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "inspector_id") public var inspector: User
    @Parent(key: "business_id") public var business: Business
    /// The business's region, for scoped lists.
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "reason") public var reason: String
    @Field(key: "declared_at") public var declaredAt: Date
    @Parent(key: "declared_by") public var declaredBy: User

    public init() {}
}

extension Recusal: RegionScoped {
    public static var regionCodeKey: KeyPath<Recusal, FieldProperty<Recusal, String>> { \.$regionCode }
}

extension Recusal: Auditable {
    public static let auditEntityType = "recusal"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["inspectorId": $inspector.id.uuidString, "businessId": $business.id.uuidString, "reason": reason]
    }
}

public struct CreateRecusals: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Recusal.schema)
            .id()
            .field("inspector_id", .uuid, .required, .references(User.schema, "id"))
            .field("business_id", .uuid, .required, .references(Business.schema, "id"))
            .field("region_code", .string, .required)
            .field("reason", .string, .required)
            .field("declared_at", .datetime, .required)
            .field("declared_by", .uuid, .required, .references(User.schema, "id"))
            .unique(on: "inspector_id", "business_id")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Recusal.schema).delete()
    }
}
