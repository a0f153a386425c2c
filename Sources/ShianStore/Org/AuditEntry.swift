import FluentKit
import Foundation

/// One change to one record: who, when, what, and the values before and after. Append-only: the
/// application has no path that updates or deletes an entry, and the migration adds database
/// triggers that refuse both.
public final class AuditEntry: Model, @unchecked Sendable {
    public static let schema = "audit_entries"

    public enum Action: String, Codable, Sendable, CaseIterable {
        case create, update, delete, deactivate, reactivate, login, logout, passwordChange, tokenIssue, tokenRevoke, export
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "at") public var at: Date
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "actor_username") public var actorUsername: String
    @Enum(key: "action") public var action: Action
    @Field(key: "entity_type") public var entityType: String
    @Field(key: "entity_id") public var entityID: String
    /// The region the record belongs to, so that audit lists are scoped like everything else.
    @Field(key: "region_code") public var regionCode: String
    /// JSON objects of field → value; nil for a create (before) or a delete (after).
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?

    public init() {}

    public init(
        at: Date, actorID: UUID?, actorUsername: String, action: Action, entityType: String, entityID: String,
        regionCode: String, before: String?, after: String?
    ) {
        self.at = at.storageRounded
        self.actorID = actorID
        self.actorUsername = actorUsername
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.regionCode = regionCode
        self.before = before
        self.after = after
    }
}

extension AuditEntry: RegionScoped {
    public static var regionCodeKey: KeyPath<AuditEntry, FieldProperty<AuditEntry, String>> { \.$regionCode }
}
