import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// A showcase project's milestones and evidence.
extension ShowcaseWrites {
    struct MilestoneInput: Content {
        var title: String
        /// `2026-12-31` (the end of that day in China) or an ISO 8601 time.
        var dueDate: String
    }

    struct EvidenceInput: Content {
        var text: String?
        var links: [String]?
    }

    // MARK: milestones

    static func addMilestone(
        _ id: UUID, _ input: MilestoneInput, in target: CreationWrites.Target, by principal: Principal, now: Date = Date(),
        on database: any Database
    ) async throws -> ShowcaseMilestone {
        let title = try required(input.title, field: "title", limit: titleLimit)
        let due: Date
        do {
            guard let parsed = try CreationWrites.parseDeadline(input.dueDate) else {
                throw ShianError(.unprocessableEntity, "fieldMissing", field: "dueDate", arguments: ["dueDate"])
            }
            due = parsed
        } catch let error as ShianError where error.field == "deadline" {
            throw ShianError(error.status, error.code, field: "dueDate", arguments: error.arguments)
        }
        return try await database.transaction { db in
            let project = try await editable(id, in: target, by: principal, on: db)
            let milestone = ShowcaseMilestone()
            milestone.$project.id = try project.requireID()
            milestone.regionCode = project.regionCode
            milestone.title = title
            milestone.dueAt = due
            try await milestone.create(on: db)
            try await AuditLog.record(.create, milestone, before: nil, actor: principal.actor, on: db, at: now)
            project.updatedAt = now.storageRounded
            try await project.save(on: db)
            return milestone
        }
    }

    static func completeMilestone(
        _ id: UUID, milestone milestoneID: UUID, in target: CreationWrites.Target, by principal: Principal, now: Date = Date(),
        on database: any Database
    ) async throws -> ShowcaseMilestone {
        try await database.transaction { db in
            let project = try await editable(id, in: target, by: principal, on: db)
            guard let milestone = try await ShowcaseMilestone.find(milestoneID, on: db), milestone.$project.id == project.id else {
                throw ShianError(.notFound, "showcaseMilestoneNotFound", field: "milestoneId", arguments: [milestoneID.uuidString])
            }
            guard milestone.doneAt == nil else { throw ShianError(.conflict, "showcaseMilestoneDone", field: "milestoneId") }
            let before = milestone.auditFields
            milestone.doneAt = now.storageRounded
            milestone.doneBy = principal.user.username
            try await milestone.save(on: db)
            try await AuditLog.record(.update, milestone, before: before, actor: principal.actor, on: db, at: now)
            project.updatedAt = now.storageRounded
            try await project.save(on: db)
            return milestone
        }
    }

    // MARK: evidence

    /// Text, links and optionally one file (checked and stored as an indicator's evidence files are).
    static func addEvidence(
        _ id: UUID, _ input: EvidenceInput, file: CreationWrites.EvidenceFile?, in target: CreationWrites.Target,
        by principal: Principal, store: FileStore, now: Date = Date(), on database: any Database
    ) async throws -> ShowcaseEvidence {
        let text = (input.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let links = (input.links ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !text.isEmpty || !links.isEmpty || !(file?.data.isEmpty ?? true) else {
            throw ShianError(.unprocessableEntity, "evidenceEmpty", field: "text")
        }
        guard text.count <= 5_000 else { throw ShianError(.unprocessableEntity, "textTooLong", field: "text", arguments: ["5000"]) }
        guard links.count <= 20, links.allSatisfy({ $0.count <= 500 && !$0.contains("\n") }) else {
            throw ShianError(.unprocessableEntity, "linksInvalid", field: "links", arguments: ["20", "500"])
        }
        // Permission before the file is stored, so a refused caller leaves nothing behind.
        _ = try await editable(id, in: target, by: principal, on: database)
        var stored: (name: String, kind: FileKind, bytes: Int)?
        if let file, !file.data.isEmpty {
            guard file.data.count <= FileKind.maximumBytes else {
                throw ShianError(.payloadTooLarge, "fileTooLarge", field: "file", arguments: [String(FileKind.maximumBytes / 1024 / 1024)])
            }
            guard let kind = FileKind.sniff(file.data) else { throw ShianError(.unsupportedMediaType, "fileKindNotAccepted", field: "file") }
            stored = (try store.put(file.data, suffix: kind.suffix), kind, file.data.count)
        }
        let storedFile = stored
        return try await database.transaction { db in
            let project = try await editable(id, in: target, by: principal, on: db)
            let evidence = ShowcaseEvidence()
            evidence.$project.id = try project.requireID()
            evidence.regionCode = project.regionCode
            evidence.text = text
            evidence.linkList = links.joined(separator: "\n")
            if let stored = storedFile {
                evidence.storedName = stored.name
                evidence.contentType = stored.kind.contentType
                evidence.byteCount = stored.bytes
                evidence.fileName = Attachments.displayName(file?.name, kind: stored.kind)
            }
            evidence.submittedBy = principal.user.username
            evidence.submittedAt = now.storageRounded
            try await evidence.create(on: db)
            try await AuditLog.record(.create, evidence, before: nil, actor: principal.actor, on: db, at: now)
            project.updatedAt = now.storageRounded
            try await project.save(on: db)
            return evidence
        }
    }
}
