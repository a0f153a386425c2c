import FluentKit
import Foundation

/// A recall's notice to one business that held the batch when it was recalled: what it held, and
/// when it confirmed that the goods are off sale and sealed (下架封存).
public final class RecallNotice: Model, @unchecked Sendable {
    public static let schema = "recall_notices"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "batch_id") public var batch: ColdChainBatch
    @Parent(key: "business_id") public var business: Business
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "on_hand") public var onHand: String
    @Field(key: "in_transit") public var inTransit: String
    @Field(key: "notified_at") public var notifiedAt: Date
    @OptionalField(key: "confirmed_at") public var confirmedAt: Date?
    @OptionalField(key: "confirmation") public var confirmation: String?

    public init() {}
}

extension RecallNotice: RegionScoped {
    public static var regionCodeKey: KeyPath<RecallNotice, FieldProperty<RecallNotice, String>> { \.$regionCode }
}

extension RecallNotice: BusinessOwned {
    public static var businessIDColumn: FieldKey { "business_id" }
}

extension RecallNotice: Auditable {
    public static let auditEntityType = "recallNotice"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["batchId": $batch.id.uuidString, "businessId": $business.id.uuidString, "onHand": onHand, "inTransit": inTransit,
         "confirmedAt": confirmedAt.map { $0.formatted(.iso8601) } ?? "", "confirmation": confirmation ?? ""]
    }
}

/// A farm-produce certificate (承诺达标合格证), issued by a producer or a purchaser business.
public final class ProduceCertificate: Model, @unchecked Sendable {
    public static let schema = "produce_certificates"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "style") public var style: String
    @Field(key: "product_name") public var productName: String
    @OptionalField(key: "quantity") public var quantity: String?
    @Field(key: "unit") public var unit: String
    @Field(key: "issuer_name") public var issuerName: String
    @Field(key: "contact") public var contact: String
    @Field(key: "origin") public var origin: String
    @Field(key: "issued_on") public var issuedOn: Date
    /// Comma-separated `ProduceCertificateBasis` values.
    @Field(key: "bases") public var bases: String
    /// Comma-separated codes of the certificates a purchaser's re-issue replaces.
    @OptionalField(key: "source_codes") public var sourceCodes: String?
    @Parent(key: "business_id") public var business: Business
    @Field(key: "region_code") public var regionCode: String
    @Parent(key: "issued_by") public var issuedBy: User
    @OptionalField(key: "voided_at") public var voidedAt: Date?
    @OptionalField(key: "void_reason") public var voidReason: String?

    public init() {}
}

extension ProduceCertificate: RegionScoped {
    public static var regionCodeKey: KeyPath<ProduceCertificate, FieldProperty<ProduceCertificate, String>> { \.$regionCode }
}

extension ProduceCertificate: BusinessOwned {
    public static var businessIDColumn: FieldKey { "business_id" }
}

extension ProduceCertificate: Auditable {
    public static let auditEntityType = "produceCertificate"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["code": code, "style": style, "productName": productName, "quantity": quantity ?? "", "unit": unit, "origin": origin,
         "voidedAt": voidedAt.map { $0.formatted(.iso8601) } ?? "", "voidReason": voidReason ?? ""]
    }
}

/// A market's check of an incoming lot (入场查验): with the lot's certificate, or the record that it
/// had none — which is itself the finding, listed for the market's inspectors.
public final class MarketEntryCheck: Model, @unchecked Sendable {
    public static let schema = "market_entry_checks"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "market_id") public var market: Business
    @Field(key: "region_code") public var regionCode: String
    /// The stall or seller the lot is for (经营户).
    @Field(key: "seller") public var seller: String
    /// The seller's file at the market, when the lot was for a filed seller.
    @OptionalField(key: "seller_id") public var sellerID: UUID?
    @Field(key: "product_name") public var productName: String
    @OptionalField(key: "quantity") public var quantity: String?
    @Field(key: "unit") public var unit: String
    @OptionalParent(key: "certificate_id") public var certificate: ProduceCertificate?
    @Field(key: "has_certificate") public var hasCertificate: Bool
    @Field(key: "checked_at") public var checkedAt: Date
    /// `yyyy-MM` in China time, for the monthly coverage.
    @Field(key: "month") public var month: String
    @Parent(key: "checked_by") public var checkedBy: User

    public init() {}
}

extension MarketEntryCheck: RegionScoped {
    public static var regionCodeKey: KeyPath<MarketEntryCheck, FieldProperty<MarketEntryCheck, String>> { \.$regionCode }
}

extension MarketEntryCheck: BusinessOwned {
    public static var businessIDColumn: FieldKey { "market_id" }
}

public struct CreateRecallsCertificatesAndMarketEntry: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(ColdChainBatch.schema).field("recall_reason", .string).update()
        try await database.schema(RecallNotice.schema)
            .id()
            .field("batch_id", .uuid, .required, .references(ColdChainBatch.schema, "id"))
            .field("business_id", .uuid, .required, .references(Business.schema, "id"))
            .field("region_code", .string, .required)
            .field("on_hand", .string, .required)
            .field("in_transit", .string, .required)
            .field("notified_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .field("confirmation", .string)
            .unique(on: "batch_id", "business_id")
            .create()
        try await database.schema(ProduceCertificate.schema)
            .id()
            .field("code", .string, .required)
            .field("style", .string, .required)
            .field("product_name", .string, .required)
            .field("quantity", .string)
            .field("unit", .string, .required)
            .field("issuer_name", .string, .required)
            .field("contact", .string, .required)
            .field("origin", .string, .required)
            .field("issued_on", .datetime, .required)
            .field("bases", .string, .required)
            .field("source_codes", .string)
            .field("business_id", .uuid, .required, .references(Business.schema, "id"))
            .field("region_code", .string, .required)
            .field("issued_by", .uuid, .required, .references(User.schema, "id"))
            .field("voided_at", .datetime)
            .field("void_reason", .string)
            .unique(on: "code")
            .create()
        try await SchemaIndex.create("produce_certificates_business", on: ProduceCertificate.schema, columns: ["business_id", "issued_on"], in: database)
        try await database.schema(MarketEntryCheck.schema)
            .id()
            .field("market_id", .uuid, .required, .references(Business.schema, "id"))
            .field("region_code", .string, .required)
            .field("seller", .string, .required)
            .field("product_name", .string, .required)
            .field("quantity", .string)
            .field("unit", .string, .required)
            .field("certificate_id", .uuid, .references(ProduceCertificate.schema, "id"))
            .field("has_certificate", .bool, .required)
            .field("checked_at", .datetime, .required)
            .field("month", .string, .required)
            .field("checked_by", .uuid, .required, .references(User.schema, "id"))
            .create()
        // Coverage per place and month: a grouped count over this index.
        try await SchemaIndex.create(
            "market_entry_checks_region_month", on: MarketEntryCheck.schema, columns: ["region_code", "month", "has_certificate"], in: database)
        try await SchemaIndex.create("market_entry_checks_market", on: MarketEntryCheck.schema, columns: ["market_id", "checked_at"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(MarketEntryCheck.schema).delete()
        try await database.schema(ProduceCertificate.schema).delete()
        try await database.schema(RecallNotice.schema).delete()
        try await database.schema(ColdChainBatch.schema).deleteField("recall_reason").update()
    }
}
