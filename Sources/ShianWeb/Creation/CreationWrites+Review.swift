import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Review and unlock of an item's evidence, and the figures recorded by hand.
extension CreationWrites {
    // MARK: review

    static func review(
        _ number: String, _ input: ReviewInput, in target: Target, by principal: Principal, now: Date = Date(),
        on database: any Database
    ) async throws -> IndicatorAssignment {
        guard principal.role.may(.manageCreation), principal.scope.covers(target.place.rawValue) else { throw ShianError.forbidden }
        let indicator = try indicator(number, in: target.standard)
        let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let approve: Bool
        switch input.decision {
        case "approve": approve = true
        case "return": approve = false
        default: throw ShianError(.unprocessableEntity, "decisionInvalid", field: "decision", arguments: [input.decision])
        }
        guard approve || !reason.isEmpty else { throw ShianError(.unprocessableEntity, "returnReasonRequired", field: "reason") }
        guard reason.count <= 1_000 else { throw ShianError(.unprocessableEntity, "textTooLong", field: "reason", arguments: ["1000"]) }
        return try await database.transaction { db in
            let assignment = try await row(for: indicator, in: target, now: now, on: db)
            guard assignment.status == .submitted else {
                throw ShianError(.conflict, "indicatorNotSubmitted", field: "number", arguments: [number])
            }
            if let submission = try await EvidenceSubmission.query(on: db).filter(\.$assignment.$id == assignment.requireID())
                .sort(\.$submittedAt, .descending).first()
            {
                let before = submission.auditFields
                submission.decision = approve ? .approved : .returned
                submission.reason = reason.isEmpty ? nil : reason
                submission.reviewedBy = principal.user.username
                submission.reviewedAt = now.storageRounded
                try await submission.save(on: db)
                try await AuditLog.record(.update, submission, before: before, actor: principal.actor, on: db, at: now)
            }
            let before = assignment.auditFields
            if approve {
                assignment.status = .approved
                assignment.approvedAt = now.storageRounded
                assignment.approvedBy = principal.user.username
                assignment.changesSinceApproval = 0
                assignment.unlockReason = nil
                assignment.returnReason = nil
            } else {
                assignment.status = .returned
                assignment.returnReason = reason
            }
            assignment.updatedAt = now.storageRounded
            try await assignment.save(on: db)
            try await AuditLog.record(.update, assignment, before: before, actor: principal.actor, on: db, at: now)
            return assignment
        }
    }

    /// A level above the county reopens an approved item; the reason is kept and audited, and the
    /// change counts toward "changes since approval".
    static func unlock(
        _ number: String, _ input: UnlockInput, in target: Target, by principal: Principal, now: Date = Date(),
        on database: any Database
    ) async throws -> IndicatorAssignment {
        let scope = principal.user.scope.regionCode
        guard principal.role.may(.manageCreation), scope.contains(target.place), scope.level < target.place.level else {
            throw ShianError(.forbidden, "unlockNeedsHigherLevel", field: "number")
        }
        let indicator = try indicator(number, in: target.standard)
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 1_000 else { throw ShianError(.unprocessableEntity, "unlockReasonRequired", field: "reason") }
        return try await database.transaction { db in
            let assignment = try await row(for: indicator, in: target, now: now, on: db)
            guard assignment.isLocked else { throw ShianError(.conflict, "indicatorNotLocked", field: "number", arguments: [number]) }
            let before = assignment.auditFields
            assignment.status = .submitted
            assignment.unlockReason = reason
            assignment.changesSinceApproval += 1
            assignment.updatedAt = now.storageRounded
            try await assignment.save(on: db)
            try await AuditLog.record(.update, assignment, before: before, actor: principal.actor, on: db, at: now)
            return assignment
        }
    }

    // MARK: recorded metric values

    static func recordMetricValue(
        _ name: String, _ input: MetricValueInput, place: RegionCode, by principal: Principal, now: Date = Date(),
        on database: any Database
    ) async throws -> MetricObservation {
        guard principal.role.may(.manageCreation), principal.scope.covers(place.rawValue) else { throw ShianError.forbidden }
        guard let definition = MetricDefinition.byID[MetricID(name)] else {
            throw ShianError(.notFound, "metricUnknown", field: "metric", arguments: [name])
        }
        let year = input.year ?? Calendar.shanghai.component(.year, from: now)
        guard (2000...2100).contains(year) else { throw ShianError(.unprocessableEntity, "yearInvalid", field: "year") }
        guard input.numerator.isFinite, input.numerator >= 0 else {
            throw ShianError(.unprocessableEntity, "numeratorInvalid", field: "numerator")
        }
        if definition.denominator != nil {
            guard let denominator = input.denominator, denominator.isFinite, denominator > 0, input.numerator <= denominator || definition.unit == .perThousandPeople else {
                throw ShianError(.unprocessableEntity, "denominatorInvalid", field: "denominator")
            }
        } else if input.denominator != nil {
            throw ShianError(.unprocessableEntity, "denominatorNotAllowed", field: "denominator", arguments: [name])
        }
        let source = input.source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !source.isEmpty, source.count <= 200 else { throw ShianError(.unprocessableEntity, "sourceRequired", field: "source") }
        return try await database.transaction { db in
            let existing = try await MetricObservation.query(on: db).filter(\.$regionCode == place.rawValue)
                .filter(\.$metric == name).filter(\.$year == year).first()
            let observation = existing ?? MetricObservation()
            let before = existing?.auditFields
            observation.regionCode = place.rawValue
            observation.metric = name
            observation.year = year
            observation.numerator = input.numerator
            observation.denominator = definition.denominator == nil ? nil : input.denominator
            observation.source = source
            observation.recordedBy = principal.user.username
            observation.recordedAt = now.storageRounded
            try await observation.save(on: db)
            try await AuditLog.record(existing == nil ? .create : .update, observation, before: before, actor: principal.actor, on: db, at: now)
            return observation
        }
    }
}
