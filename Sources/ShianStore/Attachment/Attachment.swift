import FluentKit
import Foundation
import SQLKit

/// A photo or document attached to a record of the loop: the inspector's photos of an inspection,
/// the business's proof of a fix on a rectification order. The bytes live in the data folder
/// under their SHA-256 (`storedName`); the row keeps who, when, what and where, for scoping.
public final class Attachment: Model, @unchecked Sendable {
    public static let schema = "attachments"

    public enum Subject: String, Codable, Sendable, CaseIterable { case inspection, rectificationOrder }

    // managed fields
    @ID(key: .id) public var id: UUID?

    // data fields
    @Enum(key: "subject") public var subject: Subject
    @Field(key: "subject_id") public var subjectID: UUID
    @Parent(key: "business_id") public var business: Business
    @Field(key: "region_code") public var regionCode: String
    /// The name the uploader gave the file, for display and download only.
    @Field(key: "file_name") public var fileName: String
    @Field(key: "content_type") public var contentType: String
    @Field(key: "byte_count") public var byteCount: Int
    @Field(key: "stored_name") public var storedName: String
    @Parent(key: "uploaded_by") public var uploadedBy: User
    @Field(key: "uploaded_at") public var uploadedAt: Date

    public init() {}
}

extension Attachment: RegionScoped {
    public static var regionCodeKey: KeyPath<Attachment, FieldProperty<Attachment, String>> { \.$regionCode }
}

extension Attachment: BusinessOwned {
    public static var businessIDColumn: FieldKey { "business_id" }
}

extension Attachment: Auditable {
    public static let auditEntityType = "attachment"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["subject": subject.rawValue, "subjectId": subjectID.uuidString, "fileName": fileName, "contentType": contentType,
         "byteCount": String(byteCount), "storedName": storedName]
    }
}

public struct CreateAttachments: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Attachment.schema)
            .id()
            .field("subject", .string, .required)
            .field("subject_id", .uuid, .required)
            .field("business_id", .uuid, .required, .references(Business.schema, "id"))
            .field("region_code", .string, .required)
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("byte_count", .int, .required)
            .field("stored_name", .string, .required)
            .field("uploaded_by", .uuid, .required, .references(User.schema, "id"))
            .field("uploaded_at", .datetime, .required)
            .create()
        try await SchemaIndex.create("attachments_subject", on: Attachment.schema, columns: ["subject_id", "uploaded_at"], in: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Attachment.schema).delete()
    }
}
