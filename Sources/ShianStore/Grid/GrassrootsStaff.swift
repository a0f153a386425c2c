import FluentKit
import Foundation
import ShianCore

/// A grid assistant (协管员) or informant (信息员) on a township's roster.
public final class GrassrootsStaff: Model, @unchecked Sendable {
    public static let schema = "grassroots_staff"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "name") public var name: String
    @Enum(key: "kind") public var kind: GrassrootsStaffKind
    /// The village or grid they serve.
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "phone") public var phone: String
    /// Yearly subsidy in fen.
    @Field(key: "annual_subsidy_fen") public var annualSubsidyFen: Int
    @Field(key: "appointed_on") public var appointedOn: Date
    @OptionalField(key: "trained_on") public var trainedOn: Date?
    @Field(key: "active") public var active: Bool

    public init() {}

    public init(
        name: String, kind: GrassrootsStaffKind, regionCode: String, phone: String, annualSubsidyFen: Int,
        appointedOn: Date, trainedOn: Date?, active: Bool = true
    ) {
        self.name = name
        self.kind = kind
        self.regionCode = regionCode
        self.phone = phone
        self.annualSubsidyFen = annualSubsidyFen
        self.appointedOn = appointedOn
        self.trainedOn = trainedOn
        self.active = active
    }
}

extension GrassrootsStaff: RegionScoped {
    public static var regionCodeKey: KeyPath<GrassrootsStaff, FieldProperty<GrassrootsStaff, String>> { \.$regionCode }
}
