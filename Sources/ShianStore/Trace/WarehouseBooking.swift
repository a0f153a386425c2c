import FluentKit
import Foundation

/// A slot booked at a centralised supervision warehouse (集中监管仓预约) for a load of imported
/// cold-chain goods, then its intake (nucleic-acid test, preventive disinfection) and release with
/// the release certificate (出仓证明, glossary `WarehouseRelease`) — research/domain-cn.md §c-3.
public final class WarehouseBooking: Model, @unchecked Sendable {
    public static let schema = "warehouse_bookings"

    public enum Status: String, Codable, Sendable, CaseIterable { case booked, tested, released, refused }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "warehouse_id") public var warehouse: Business
    @Parent(key: "owner_id") public var owner: Business
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "vehicle") public var vehicle: String
    @Field(key: "driver") public var driver: String
    @Field(key: "goods") public var goods: String
    @Field(key: "quantity") public var quantity: String
    @Field(key: "unit") public var unit: String
    @Field(key: "slot_at") public var slotAt: Date
    @Enum(key: "status") public var status: Status
    /// The nucleic-acid test at intake: negative or positive.
    @OptionalField(key: "test_result") public var testResult: String?
    @OptionalField(key: "disinfectant") public var disinfectant: String?
    @OptionalField(key: "tested_at") public var testedAt: Date?
    @OptionalParent(key: "batch_id") public var batch: ColdChainBatch?
    @OptionalField(key: "release_number") public var releaseNumber: String?
    @OptionalField(key: "released_at") public var releasedAt: Date?
    @Parent(key: "booked_by") public var bookedBy: User
    @Field(key: "booked_at") public var bookedAt: Date

    public init() {}
}

extension WarehouseBooking: RegionScoped {
    public static var regionCodeKey: KeyPath<WarehouseBooking, FieldProperty<WarehouseBooking, String>> { \.$regionCode }
}

extension WarehouseBooking: Auditable {
    public static let auditEntityType = "warehouseBooking"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["warehouseId": $warehouse.id.uuidString, "ownerId": $owner.id.uuidString, "vehicle": vehicle, "driver": driver, "goods": goods,
         "quantity": quantity, "unit": unit, "slotAt": slotAt.formatted(.iso8601), "status": status.rawValue, "testResult": testResult ?? "",
         "disinfectant": disinfectant ?? "", "releaseNumber": releaseNumber ?? ""]
    }
}

public struct CreateWarehouseBookings: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(WarehouseBooking.schema)
            .id()
            .field("warehouse_id", .uuid, .required, .references(Business.schema, "id"))
            .field("owner_id", .uuid, .required, .references(Business.schema, "id"))
            .field("region_code", .string, .required)
            .field("vehicle", .string, .required)
            .field("driver", .string, .required)
            .field("goods", .string, .required)
            .field("quantity", .string, .required)
            .field("unit", .string, .required)
            .field("slot_at", .datetime, .required)
            .field("status", .string, .required)
            .field("test_result", .string)
            .field("disinfectant", .string)
            .field("tested_at", .datetime)
            .field("batch_id", .uuid, .references(ColdChainBatch.schema, "id"))
            .field("release_number", .string)
            .field("released_at", .datetime)
            .field("booked_by", .uuid, .required, .references(User.schema, "id"))
            .field("booked_at", .datetime, .required)
            .unique(on: "release_number")
            .create()
        try await SchemaIndex.create("warehouse_bookings_slot", on: WarehouseBooking.schema, columns: ["warehouse_id", "slot_at"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(WarehouseBooking.schema).delete()
    }
}
