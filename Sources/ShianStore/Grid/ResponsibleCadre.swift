import FluentKit
import Foundation

/// An official assigned to answer for named businesses (包保干部), with duties and a signed pledge.
public final class ResponsibleCadre: Model, @unchecked Sendable {
    public static let schema = "responsible_cadres"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "name") public var name: String
    @Field(key: "position") public var position: String
    /// The township or county the cadre works in.
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "phone") public var phone: String
    /// The duty list (包保责任清单).
    @Field(key: "duties") public var duties: String
    /// The day the pledge (承诺书) was signed; nil while it is not.
    @OptionalField(key: "pledge_signed_on") public var pledgeSignedOn: Date?
    @Field(key: "active") public var active: Bool

    // relationships
    @Siblings(through: CadreBusiness.self, from: \.$cadre, to: \.$business) public var businesses: [Business]

    public init() {}

    public init(name: String, position: String, regionCode: String, phone: String, duties: String, pledgeSignedOn: Date?) {
        self.name = name
        self.position = position
        self.regionCode = regionCode
        self.phone = phone
        self.duties = duties
        self.pledgeSignedOn = pledgeSignedOn
        self.active = true
    }
}

extension ResponsibleCadre: RegionScoped {
    public static var regionCodeKey: KeyPath<ResponsibleCadre, FieldProperty<ResponsibleCadre, String>> { \.$regionCode }
}

/// A cadre answers for a business.
public final class CadreBusiness: Model, @unchecked Sendable {
    public static let schema = "cadre_businesses"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "cadre_id") public var cadre: ResponsibleCadre
    @Parent(key: "business_id") public var business: Business

    public init() {}

    public init(cadreID: UUID, businessID: UUID) {
        self.$cadre.id = cadreID
        self.$business.id = businessID
    }
}
