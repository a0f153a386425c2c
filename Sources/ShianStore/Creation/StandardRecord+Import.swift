import FluentKit
import Foundation
import ShianCore

extension StandardRecord {
    /// Stores a validated standard and marks the older versions of its code superseded, with the
    /// audit entries, on `database` (run it inside the request's transaction).
    public static func store(
        _ standard: StandardDocument, regionCode: String, actor: AuditActor, now: Date, on database: any Database
    ) async throws -> StandardRecord {
        let older = try await StandardRecord.query(on: database)
            .filter(\.$code == standard.code).filter(\.$supersededAt == nil).all()
        for record in older {
            let before = record.auditFields
            record.supersededAt = now.storageRounded
            try await record.save(on: database)
            try await AuditLog.record(.update, record, before: before, actor: actor, on: database, at: now)
        }
        let record = try StandardRecord(standard, regionCode: regionCode, importedBy: actor.username, at: now)
        try await record.create(on: database)
        try await AuditLog.record(.create, record, before: nil, actor: actor, on: database, at: now)
        return record
    }

    /// The version of `code` in force (not superseded), if any.
    public static func current(code: String, on database: any Database) async throws -> StandardRecord? {
        try await StandardRecord.query(on: database).filter(\.$code == code).filter(\.$supersededAt == nil).first()
    }
}
