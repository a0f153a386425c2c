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
        let (text, links) = try CreationWrites.evidenceContent(text: input.text, links: input.links, file: file)
        // Permission before the file is stored, so a refused caller leaves nothing behind.
        _ = try await editable(id, in: target, by: principal, on: database)
        let storedFile = try CreationWrites.store(file, in: store)
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
