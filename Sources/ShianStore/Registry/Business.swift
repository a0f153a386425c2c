import FluentKit
import Foundation
import ShianCore

/// A food business operator (食品生产经营者): the registry's record.
public final class Business: Model, @unchecked Sendable {
    public static let schema = "businesses"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "name") public var name: String
    /// The unified social credit code (统一社会信用代码); some small businesses have none.
    @OptionalField(key: "credit_code") public var creditCode: String?
    @Enum(key: "category") public var category: BusinessCategory
    /// The grid the business belongs to (or, until it is placed, its village or township).
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "address") public var address: String
    /// Name and address, normalised: what makes a business without a credit code the same one on
    /// a second import.
    @Field(key: "identity_key") public var identityKey: String
    @OptionalField(key: "legal_representative") public var legalRepresentative: String?
    @OptionalField(key: "contact_phone") public var contactPhone: String?
    @OptionalField(key: "safety_director") public var safetyDirector: String?
    @OptionalField(key: "safety_officer") public var safetyOfficer: String?
    @Enum(key: "status") public var status: BusinessStatus

    // permit: licence, registration certificate or filing card
    @Enum(key: "permit_kind") public var permitKind: PermitKind
    @OptionalField(key: "permit_number") public var permitNumber: String?
    @OptionalField(key: "permit_valid_from") public var permitValidFrom: Date?
    @OptionalField(key: "permit_valid_until") public var permitValidUntil: Date?
    @OptionalField(key: "permit_cancelled_at") public var permitCancelledAt: Date?
    /// Floor area, for the three smalls whose province limits it.
    @OptionalField(key: "area_square_metres") public var areaSquareMetres: Double?

    // filled by later modules
    @OptionalField(key: "risk_grade") public var riskGrade: String?
    @OptionalField(key: "credit_rating") public var creditRating: String?
    @OptionalField(key: "credit_score") public var creditScore: Int?
    @OptionalField(key: "last_inspected_at") public var lastInspectedAt: Date?
    @OptionalField(key: "next_inspection_due") public var nextInspectionDue: Date?

    public init() {}

    public init(
        id: UUID? = nil, name: String, creditCode: String? = nil, category: BusinessCategory, regionCode: String,
        address: String, status: BusinessStatus = .active, permitKind: PermitKind = .licence
    ) {
        self.id = id
        self.name = name
        self.creditCode = creditCode
        self.category = category
        self.regionCode = regionCode
        self.address = address
        self.identityKey = Business.identityKey(name: name, address: address)
        self.status = status
        self.permitKind = permitKind
    }

    /// Fills the record from validated fields: the one way a business's fields are set, by forms,
    /// the API, imports and the demo alike.
    public func apply(_ draft: BusinessDraft) {
        name = draft.name
        creditCode = draft.creditCode?.rawValue
        category = draft.category
        regionCode = draft.regionCode.rawValue
        address = draft.address
        identityKey = Business.identityKey(name: draft.name, address: draft.address)
        legalRepresentative = draft.legalRepresentative
        contactPhone = draft.contactPhone
        safetyDirector = draft.safetyDirector
        safetyOfficer = draft.safetyOfficer
        status = draft.status
        permitKind = draft.permitKind
        permitNumber = draft.permitNumber
        permitValidFrom = draft.permitValidFrom
        permitValidUntil = draft.permitValidUntil
        areaSquareMetres = draft.areaSquareMetres
    }

    /// Name + address with white space removed and letters lower-cased.
    public static func identityKey(name: String, address: String) -> String {
        let squeeze: (String) -> String = { $0.filter { !$0.isWhitespace }.lowercased() }
        return squeeze(name) + "|" + squeeze(address)
    }

    /// Where the permit stands on `today`.
    public func permitExpiry(today: Date) -> PermitExpiry {
        permitKind == .none || permitCancelledAt != nil ? .unknown : PermitExpiry.of(validUntil: permitValidUntil, today: today)
    }
}

extension Business: RegionScoped {
    public static var regionCodeKey: KeyPath<Business, FieldProperty<Business, String>> { \.$regionCode }
}
