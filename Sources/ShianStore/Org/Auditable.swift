import FluentKit
import Foundation

/// A record whose changes go to the audit log. `auditFields` lists what a person would want to see
/// compared before and after a change; secrets (password hashes, tokens) never appear in it.
public protocol Auditable: FluentKit.Model {
    static var auditEntityType: String { get }
    var auditRegionCode: String { get }
    var auditFields: [String: String] { get }
}

/// Who made a change.
public struct AuditActor: Sendable, Equatable {
    public let id: UUID?
    public let username: String

    public init(id: UUID?, username: String) {
        self.id = id
        self.username = username
    }

    /// Changes made by Shian itself (seeding, scheduled jobs, command-line tools).
    public static let system = AuditActor(id: nil, username: "system")
}

/// The one audit call. Run it on the same database handle (transaction) as the change it records,
/// so that a change and its audit entry are written together or not at all.
public enum AuditLog {
    public static func record<Record: Auditable>(
        _ action: AuditEntry.Action, _ record: Record, before: [String: String]?, actor: AuditActor,
        on database: any Database, at now: Date = Date(), entityID: String? = nil
    ) async throws {
        let after: [String: String]? = action == .delete ? nil : record.auditFields
        let entry = AuditEntry(
            at: now, actorID: actor.id, actorUsername: actor.username, action: action,
            entityType: Record.auditEntityType, entityID: entityID ?? record.id.map { "\($0)" } ?? "",
            regionCode: record.auditRegionCode, before: try encode(before), after: try encode(after))
        try await entry.create(on: database)
    }

    /// The history of one record, newest first.
    public static func history(entityType: String, entityID: String, on database: any Database) async throws
        -> [AuditEntry]
    {
        try await AuditEntry.query(on: database)
            .filter(\.$entityType == entityType)
            .filter(\.$entityID == entityID)
            .sort(\.$at, .descending)
            .limit(200)
            .all()
    }

    /// Decodes a stored snapshot.
    public static func decode(_ text: String?) -> [String: String] {
        guard let data = text?.data(using: .utf8),
            let fields = try? JSONDecoder().decode([String: String].self, from: data)
        else { return [:] }
        return fields
    }

    private static func encode(_ fields: [String: String]?) throws -> String? {
        guard let fields else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(fields), as: UTF8.self)
    }
}
