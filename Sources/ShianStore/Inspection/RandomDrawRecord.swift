import FluentKit
import Foundation

/// A published random draw (双随机、一公开): its filters, its seed and the snapshot of the pool and
/// the inspectors it drew from, so the draw can be run again and checked.
public final class RandomDrawRecord: Model, @unchecked Sendable {
    public static let schema = "random_draws"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "drawn_at") public var drawnAt: Date
    @Field(key: "name") public var name: String
    @Field(key: "region_code") public var regionCode: String
    @OptionalField(key: "category") public var category: String?
    @OptionalField(key: "risk_grade") public var riskGrade: String?
    @Field(key: "requested") public var requested: Int
    /// The generator's seed, as decimal text (a UInt64 does not fit every database's integer).
    @Field(key: "seed") public var seed: String
    /// JSON: the pool of businesses ({id, regionCode}) and the inspectors ({id, gridCodes, namedOn}) drawn from.
    @Field(key: "pool") public var pool: String
    @Field(key: "inspectors") public var inspectors: String
    /// JSON: the pairings drawn ([{businessID, inspectorIDs}]).
    @Field(key: "pairings") public var pairings: String
    @Parent(key: "created_by") public var createdBy: User

    public init() {}
}

extension RandomDrawRecord: RegionScoped {
    public static var regionCodeKey: KeyPath<RandomDrawRecord, FieldProperty<RandomDrawRecord, String>> { \.$regionCode }
}

public struct CreateRandomDraws: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(RandomDrawRecord.schema)
            .id()
            .field("drawn_at", .datetime, .required)
            .field("name", .string, .required)
            .field("region_code", .string, .required)
            .field("category", .string)
            .field("risk_grade", .string)
            .field("requested", .int, .required)
            .field("seed", .string, .required)
            .field("pool", .string, .required)
            .field("inspectors", .string, .required)
            .field("pairings", .string, .required)
            .field("created_by", .uuid, .required, .references(User.schema, "id"))
            .field("created_at", .datetime)
            .create()
        try await SchemaIndex.create("random_draws_region", on: RandomDrawRecord.schema, columns: ["region_code", "drawn_at"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(RandomDrawRecord.schema).delete()
    }
}
