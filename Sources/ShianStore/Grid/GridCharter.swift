import FluentKit
import Foundation

/// The charter of a grid under the "five fixes" (五定: 定区域、定目标、定责任、定人员、定奖惩). Its
/// targets (the businesses) and staff are derived from the registry and the rosters; the charter
/// holds what people write: the area, the duties and the reward and penalty rules.
public final class GridCharter: Model, @unchecked Sendable {
    public static let schema = "grid_charters"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    /// The grid's region code (15 digits); one charter per grid.
    @Field(key: "region_code") public var regionCode: String
    /// 定区域: the streets, blocks or hamlets the grid covers.
    @Field(key: "area_description") public var areaDescription: String
    /// 定目标: what the grid must achieve (for example patrol frequency, full registration).
    @Field(key: "targets") public var targets: String
    /// 定责任: the duties of the grid's people.
    @Field(key: "duties") public var duties: String
    /// 定奖惩: the rules for rewards and penalties (each one given is a `GridCharterRecord`).
    @Field(key: "rewards_and_penalties") public var rewardsAndPenalties: String

    public init() {}

    public init(regionCode: String, areaDescription: String, targets: String, duties: String, rewardsAndPenalties: String) {
        self.regionCode = regionCode
        self.areaDescription = areaDescription
        self.targets = targets
        self.duties = duties
        self.rewardsAndPenalties = rewardsAndPenalties
    }
}

extension GridCharter: RegionScoped {
    public static var regionCodeKey: KeyPath<GridCharter, FieldProperty<GridCharter, String>> { \.$regionCode }
}

/// A reward or penalty given under a grid's charter.
public final class GridCharterRecord: Model, @unchecked Sendable {
    public static let schema = "grid_charter_records"

    public enum Kind: String, Codable, Sendable, CaseIterable { case reward, penalty }

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "region_code") public var regionCode: String
    @Enum(key: "kind") public var kind: Kind
    @Field(key: "occurred_on") public var occurredOn: Date
    @Field(key: "description") public var description: String
    /// Who it was given to (a person on the grid's roster, by name).
    @Field(key: "recipient") public var recipient: String
    /// Money involved, in fen, if any.
    @OptionalField(key: "amount_fen") public var amountFen: Int?

    public init() {}

    public init(regionCode: String, kind: Kind, occurredOn: Date, description: String, recipient: String, amountFen: Int?) {
        self.regionCode = regionCode
        self.kind = kind
        self.occurredOn = occurredOn
        self.description = description
        self.recipient = recipient
        self.amountFen = amountFen
    }
}

extension GridCharterRecord: RegionScoped {
    public static var regionCodeKey: KeyPath<GridCharterRecord, FieldProperty<GridCharterRecord, String>> { \.$regionCode }
}
