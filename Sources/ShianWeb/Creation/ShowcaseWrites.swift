import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Every change to a showcase project, shared by the pages and the API: permission, scope,
/// validation, the write and its audit entry in one transaction.
///
/// Who may do what: a department or township officer proposes projects for its own unit and runs
/// them (plan, status, milestones, evidence); the food-safety office may do all of that for any unit
/// of its county and alone records the review score. A reviewed project is locked.
enum ShowcaseWrites {
    struct ProjectInput: Content {
        var theme: String
        var title: String
        var summary: String?
        /// A department code or a township's region code; the caller's own unit when absent.
        var leadUnit: String?
        var plan: String?
        /// `proposed` (the default) or `draft`.
        var status: String?
    }

    struct PlanInput: Content {
        var title: String?
        var summary: String?
        var plan: String
    }

    struct StatusInput: Content {
        var status: String
    }

    struct ReviewInput: Content {
        var score: Double?
        var reason: String?
    }

    static let titleLimit = 200
    static let summaryLimit = 2_000
    static let planLimit = 10_000

    // MARK: projects

    static func create(
        _ input: ProjectInput, in target: CreationWrites.Target, by principal: Principal, now: Date = Date(),
        on database: any Database
    ) async throws -> ShowcaseProject {
        guard principal.role.may(.submitEvidence) else { throw ShianError.forbidden }
        let office = principal.role.may(.manageCreation)
        guard !office || principal.scope.covers(target.place.rawValue) else { throw ShianError.forbidden }
        _ = try showcaseIndicator(in: target.standard)
        guard let theme = ShowcaseTheme(rawValue: input.theme) else {
            throw ShianError(.unprocessableEntity, "showcaseThemeUnknown", field: "theme", arguments: [input.theme])
        }
        let title = try required(input.title, field: "title", limit: titleLimit)
        let summary = try optional(input.summary, field: "summary", limit: summaryLimit)
        let plan = try optional(input.plan, field: "plan", limit: planLimit)
        let status: ShowcaseProjectStatus
        switch input.status ?? "proposed" {
        case "proposed": status = .proposed
        case "draft": status = .draft
        default: throw ShianError(.unprocessableEntity, "showcaseStatusInvalid", field: "status", arguments: [input.status ?? ""])
        }
        let given = (input.leadUnit ?? "").trimmingCharacters(in: .whitespaces)
        guard let lead = given.isEmpty ? target.unit : given else {
            throw ShianError(.unprocessableEntity, "fieldMissing", field: "leadUnit", arguments: ["leadUnit"])
        }
        // Only the office proposes for another unit.
        guard office || lead == target.unit else { throw ShianError(.forbidden, "showcaseNotLeadUnit", field: "leadUnit") }
        let units = Set(try await CreationQueries.assignableUnits(place: target.place, on: database).map(\.code))
        guard units.contains(lead) else { throw ShianError(.unprocessableEntity, "unitUnknown", field: "leadUnit", arguments: [lead]) }
        return try await database.transaction { db in
            let project = ShowcaseProject()
            project.createdAt = now.storageRounded
            project.updatedAt = now.storageRounded
            project.regionCode = target.place.rawValue
            project.standardCode = target.standard.code
            project.theme = theme
            project.title = title
            project.summary = summary
            project.leadUnit = lead
            project.plan = plan
            project.status = status
            project.createdBy = principal.user.username
            try await project.create(on: db)
            try await AuditLog.record(.create, project, before: nil, actor: principal.actor, on: db, at: now)
            return project
        }
    }

    static func updatePlan(
        _ id: UUID, _ input: PlanInput, in target: CreationWrites.Target, by principal: Principal, now: Date = Date(),
        on database: any Database
    ) async throws -> ShowcaseProject {
        let title = try input.title.map { try required($0, field: "title", limit: titleLimit) }
        let summary = try input.summary.map { try optional($0, field: "summary", limit: summaryLimit) }
        let plan = try optional(input.plan, field: "plan", limit: planLimit)
        return try await database.transaction { db in
            let project = try await editable(id, in: target, by: principal, on: db)
            let before = project.auditFields
            if let title { project.title = title }
            if let summary { project.summary = summary }
            project.plan = plan
            project.updatedAt = now.storageRounded
            try await project.save(on: db)
            try await AuditLog.record(.update, project, before: before, actor: principal.actor, on: db, at: now)
            return project
        }
    }

    /// The lead unit's moves: propose, back to draft, start, complete (`ShowcaseProjectStatus.mayMove`).
    static func move(
        _ id: UUID, _ input: StatusInput, in target: CreationWrites.Target, by principal: Principal, now: Date = Date(),
        on database: any Database
    ) async throws -> ShowcaseProject {
        guard let next = ShowcaseProjectStatus(rawValue: input.status), next != .reviewed else {
            throw ShianError(.unprocessableEntity, "showcaseStatusInvalid", field: "status", arguments: [input.status])
        }
        return try await database.transaction { db in
            let project = try await editable(id, in: target, by: principal, on: db)
            guard project.status.mayMove(to: next) else {
                throw ShianError(.conflict, "showcaseStatusMoveRefused", field: "status", arguments: [project.status.rawValue, next.rawValue])
            }
            let before = project.auditFields
            project.status = next
            project.updatedAt = now.storageRounded
            try await project.save(on: db)
            try await AuditLog.record(.update, project, before: before, actor: principal.actor, on: db, at: now)
            return project
        }
    }

    /// The office records the score (0 to the showcase indicator's points) and why.
    static func review(
        _ id: UUID, _ input: ReviewInput, in target: CreationWrites.Target, by principal: Principal, now: Date = Date(),
        on database: any Database
    ) async throws -> ShowcaseProject {
        guard principal.role.may(.manageCreation), principal.scope.covers(target.place.rawValue) else { throw ShianError.forbidden }
        let cap = try showcaseIndicator(in: target.standard).points
        guard let score = input.score, score.isFinite, score >= 0, score <= cap else {
            throw ShianError(.unprocessableEntity, "showcaseScoreOutOfRange", field: "score", arguments: [cap.pointsText])
        }
        let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ShianError(.unprocessableEntity, "showcaseReviewReasonRequired", field: "reason") }
        guard reason.count <= 1_000 else { throw ShianError(.unprocessableEntity, "textTooLong", field: "reason", arguments: ["1000"]) }
        return try await database.transaction { db in
            let project = try await find(id, in: target, on: db)
            guard project.status.mayBeReviewed else {
                throw ShianError(.conflict, "showcaseProjectNotProposed", field: "status", arguments: [project.status.rawValue])
            }
            let before = project.auditFields
            project.status = .reviewed
            project.reviewScore = (score * 100).rounded() / 100
            project.reviewReason = reason
            project.reviewedBy = principal.user.username
            project.reviewedAt = now.storageRounded
            project.updatedAt = now.storageRounded
            try await project.save(on: db)
            try await AuditLog.record(.update, project, before: before, actor: principal.actor, on: db, at: now)
            return project
        }
    }

    // MARK: helpers

    /// The standard's showcase indicator; 422 when the standard has none.
    static func showcaseIndicator(in standard: StandardDocument) throws -> Indicator {
        guard let number = standard.showcaseIndicator, let indicator = standard.indicators.first(where: { $0.number == number }) else {
            throw ShianError(.unprocessableEntity, "showcaseNotInStandard", field: "standard", arguments: [standard.code])
        }
        return indicator
    }

    /// The project of the campaign, or 404 (another county's projects are not disclosed).
    static func find(_ id: UUID, in target: CreationWrites.Target, on database: any Database) async throws -> ShowcaseProject {
        guard let project = try await ShowcaseProject.find(id, on: database), project.regionCode == target.place.rawValue else {
            throw ShianError(.notFound, "showcaseProjectNotFound", field: "id", arguments: [id.uuidString])
        }
        return project
    }

    /// The project, if the caller may change it: its lead unit or the office, and not yet reviewed.
    static func editable(
        _ id: UUID, in target: CreationWrites.Target, by principal: Principal, on database: any Database
    ) async throws -> ShowcaseProject {
        guard principal.role.may(.submitEvidence) else { throw ShianError.forbidden }
        let project = try await find(id, in: target, on: database)
        let office = principal.role.may(.manageCreation) && principal.scope.covers(project.regionCode)
        guard office || (target.unit != nil && target.unit == project.leadUnit) else {
            throw ShianError(.forbidden, "showcaseNotLeadUnit", field: "leadUnit")
        }
        guard !project.status.isLocked else { throw ShianError(.conflict, "showcaseProjectLocked", field: "status") }
        return project
    }

    static func required(_ text: String, field: String, limit: Int) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ShianError(.unprocessableEntity, "fieldMissing", field: field, arguments: [field]) }
        return try optional(trimmed, field: field, limit: limit)
    }

    static func optional(_ text: String?, field: String, limit: Int) throws -> String {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= limit else { throw ShianError(.unprocessableEntity, "textTooLong", field: field, arguments: [String(limit)]) }
        return trimmed
    }
}
