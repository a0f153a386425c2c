import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Every change to a campaign, shared by the pages and the API: permission, scope, validation, the
/// write and its audit entry in one transaction.
///
/// Who may do what: the food-safety office (and the administrator) import standards, assign items,
/// review evidence and record metric values, county-wide; a department or township officer submits
/// evidence and self-scores for the items its unit leads; an approved item is locked until a level
/// above the county (a prefecture or provincial office, the administrator) unlocks it.
enum CreationWrites {
    struct AssignmentInput: Content {
        var leadUnit: String
        var supportingUnits: [String]?
        /// `2026-12-31` (the end of that day in China) or an ISO 8601 time; empty or absent clears it.
        var deadline: String?
    }

    struct DeductionInput: Content {
        var points: Double
        var reason: String
        var count: Int?
    }

    struct EvidenceInput: Content {
        var text: String?
        var links: [String]?
        var selfScore: Double?
        var deductions: [DeductionInput]?
    }

    struct EvidenceFile: Sendable {
        let data: Data
        let name: String?
    }

    struct ReviewInput: Content {
        /// `approve` or `return`.
        var decision: String
        var reason: String?
    }

    struct UnlockInput: Content {
        var reason: String
    }

    struct MetricValueInput: Content {
        var numerator: Double
        var denominator: Double?
        var source: String
        var year: Int?
    }

    /// The campaign a write goes to: the region, its standard, the caller's unit.
    struct Target: Sendable {
        let place: RegionCode
        let record: StandardRecord
        let standard: StandardDocument
        let unit: String?
    }

    static func target(_ request: Request, principal: Principal) async throws -> Target {
        let place = try CreationQueries.place(request, principal: principal)
        let code = try? request.query.get(String.self, at: "standard")
        let record = try await CreationQueries.standard(for: place, code: code, on: request.db)
        let unit = try await CreationQueries.unit(of: principal, on: request.db)
        return Target(place: place, record: record, standard: try record.standard(), unit: unit)
    }

    // MARK: standards

    /// Imports a standard from its interchange JSON: every problem at once (`StandardDocument.Problems`,
    /// which the API answers as 422 `standardInvalid`) and nothing written when it is malformed; a new
    /// version of a code supersedes the one in force.
    static func importStandard(_ data: Data, by principal: Principal, now: Date = Date(), on database: any Database) async throws
        -> StandardRecord
    {
        guard principal.role.may(.manageCreation) else { throw ShianError.forbidden }
        let standard: StandardDocument
        switch StandardDocument.parse(json: data) {
        case .success(let document): standard = document
        case .failure(let problems): throw problems
        }
        let exists = try await StandardRecord.query(on: database)
            .filter(\.$code == standard.code).filter(\.$version == standard.version).count()
        guard exists == 0 else {
            throw ShianError(.conflict, "standardVersionExists", field: "version", arguments: [standard.code, standard.version])
        }
        return try await database.transaction { db in
            try await StandardRecord.store(
                standard, regionCode: principal.user.regionCode, actor: principal.actor, now: now, on: db)
        }
    }

    /// 422 `standardInvalid` with the problems listed beside the error (`problems`).
    static func refusal(_ failures: [ValidationFailure]) -> ShianError {
        struct Problem: Encodable {
            let code: String
            let field: String?
            let arguments: [String]
        }
        let problems = failures.map { Problem(code: $0.code, field: $0.field, arguments: $0.arguments) }
        let encoded = (try? JSONEncoder().encode(problems)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return ShianError(
            .unprocessableEntity, "standardInvalid", field: failures.first?.field, arguments: [String(failures.count)],
            details: ["problems": encoded])
    }

    // MARK: assignment

    static func assign(
        _ number: String, _ input: AssignmentInput, in target: Target, by principal: Principal, now: Date = Date(),
        on database: any Database
    ) async throws -> IndicatorAssignment {
        guard principal.role.may(.manageCreation), principal.scope.covers(target.place.rawValue) else { throw ShianError.forbidden }
        let indicator = try indicator(number, in: target.standard)
        let units = Set(try await CreationQueries.assignableUnits(place: target.place, on: database).map(\.code))
        let lead = input.leadUnit.trimmingCharacters(in: .whitespaces)
        guard !lead.isEmpty else { throw ShianError(.unprocessableEntity, "fieldMissing", field: "leadUnit", arguments: ["leadUnit"]) }
        guard units.contains(lead) else { throw ShianError(.unprocessableEntity, "unitUnknown", field: "leadUnit", arguments: [lead]) }
        var supporting: [String] = []
        for unit in (input.supportingUnits ?? []).map({ $0.trimmingCharacters(in: .whitespaces) }) where !unit.isEmpty {
            guard units.contains(unit) else { throw ShianError(.unprocessableEntity, "unitUnknown", field: "supportingUnits", arguments: [unit]) }
            guard unit != lead, !supporting.contains(unit) else {
                throw ShianError(.unprocessableEntity, "supportingUnitRepeated", field: "supportingUnits", arguments: [unit])
            }
            supporting.append(unit)
        }
        let deadline = try parseDeadline(input.deadline)
        let supportingUnits = supporting
        return try await database.transaction { db in
            let assignment = try await row(for: indicator, in: target, now: now, on: db)
            let before = assignment.auditFields
            assignment.leadUnit = lead
            assignment.supportingUnits = supportingUnits
            assignment.deadline = deadline
            assignment.updatedAt = now.storageRounded
            try await assignment.save(on: db)
            try await AuditLog.record(.update, assignment, before: before, actor: principal.actor, on: db, at: now)
            return assignment
        }
    }

    /// `2026-12-31` means the end of that day in Asia/Shanghai.
    static func parseDeadline(_ text: String?) throws -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        if text.count == 10, parts.count == 3, (2000...2100).contains(parts[0]) {
            var components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 23, minute: 59, second: 59)
            components.calendar = Calendar.shanghai
            if let date = Calendar.shanghai.date(from: components),
                Calendar.shanghai.component(.day, from: date) == parts[2]
            {
                return date.storageRounded
            }
        }
        if let date = ISO8601DateFormatter().date(from: text) { return date.storageRounded }
        throw ShianError(.unprocessableEntity, "deadlineInvalid", field: "deadline", arguments: [text])
    }

    // MARK: evidence

    static func submitEvidence(
        _ number: String, _ input: EvidenceInput, file: EvidenceFile?, in target: Target, by principal: Principal,
        store: FileStore, now: Date = Date(), on database: any Database
    ) async throws -> EvidenceSubmission {
        guard principal.role.may(.submitEvidence) else { throw ShianError.forbidden }
        let indicator = try indicator(number, in: target.standard)
        guard target.standard.takesEvidence(indicator) else {
            throw ShianError(.unprocessableEntity, "indicatorNotScoredByEvidence", field: "number", arguments: [number])
        }
        let (text, links) = try evidenceContent(text: input.text, links: input.links, file: file)
        if let score = input.selfScore, !(score.isFinite && score >= 0 && score <= indicator.points) {
            throw ShianError(.unprocessableEntity, "selfScoreOutOfRange", field: "selfScore", arguments: [indicator.points.pointsText])
        }
        var deductions: [ScoreDeduction] = []
        for (index, item) in (input.deductions ?? []).enumerated() {
            let reason = item.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard item.points.isFinite, item.points > 0, item.points <= indicator.points else {
                throw ShianError(.unprocessableEntity, "deductionPointsInvalid", field: "deductions[\(index)].points", arguments: [indicator.points.pointsText])
            }
            guard !reason.isEmpty, reason.count <= 500 else {
                throw ShianError(.unprocessableEntity, "deductionReasonRequired", field: "deductions[\(index)].reason")
            }
            deductions.append(ScoreDeduction(points: item.points, reason: reason, count: item.count))
        }
        let storedFile = try Self.store(file, in: store)
        let claimed = deductions
        return try await database.transaction { db in
            let assignment = try await row(for: indicator, in: target, now: now, on: db)
            guard principal.role.may(.manageCreation) || (target.unit != nil && assignment.leadUnit == target.unit) else {
                throw ShianError(.forbidden, "notLeadUnit", field: "number", arguments: [number])
            }
            guard !assignment.isLocked else { throw ShianError(.conflict, "indicatorLocked", field: "number", arguments: [number]) }
            let submission = EvidenceSubmission()
            submission.$assignment.id = try assignment.requireID()
            submission.regionCode = assignment.regionCode
            submission.text = text
            submission.linkList = links.joined(separator: "\n")
            if let stored = storedFile {
                submission.storedName = stored.name
                submission.contentType = stored.kind.contentType
                submission.byteCount = stored.bytes
                submission.fileName = Attachments.displayName(file?.name, kind: stored.kind)
            }
            submission.selfScore = input.selfScore
            submission.deductionList = (try? JSONEncoder().encode(claimed)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
            submission.submittedBy = principal.user.username
            submission.submittedAt = now.storageRounded
            try await submission.create(on: db)
            try await AuditLog.record(.create, submission, before: nil, actor: principal.actor, on: db, at: now)

            let before = assignment.auditFields
            assignment.status = .submitted
            assignment.selfScore = input.selfScore
            assignment.deductions = claimed
            assignment.returnReason = nil
            if assignment.approvedAt != nil { assignment.changesSinceApproval += 1 }
            assignment.updatedAt = now.storageRounded
            try await assignment.save(on: db)
            try await AuditLog.record(.update, assignment, before: before, actor: principal.actor, on: db, at: now)
            return submission
        }
    }

    // MARK: helpers

    /// Evidence's text and links, trimmed: something must be given (a file counts), within limits.
    static func evidenceContent(text: String?, links: [String]?, file: EvidenceFile?) throws -> (text: String, links: [String]) {
        let text = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let links = (links ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !text.isEmpty || !links.isEmpty || !(file?.data.isEmpty ?? true) else {
            throw ShianError(.unprocessableEntity, "evidenceEmpty", field: "text")
        }
        guard text.count <= 5_000 else { throw ShianError(.unprocessableEntity, "textTooLong", field: "text", arguments: ["5000"]) }
        guard links.count <= 20, links.allSatisfy({ $0.count <= 500 && !$0.contains("\n") }) else {
            throw ShianError(.unprocessableEntity, "linksInvalid", field: "links", arguments: ["20", "500"])
        }
        return (text, links)
    }

    /// An evidence file in the file store, once its size and kind (sniffed from its bytes) pass.
    static func store(_ file: EvidenceFile?, in store: FileStore) throws -> (name: String, kind: FileKind, bytes: Int)? {
        guard let file, !file.data.isEmpty else { return nil }
        guard file.data.count <= FileKind.maximumBytes else {
            throw ShianError(.payloadTooLarge, "fileTooLarge", field: "file", arguments: [String(FileKind.maximumBytes / 1024 / 1024)])
        }
        guard let kind = FileKind.sniff(file.data) else { throw ShianError(.unsupportedMediaType, "fileKindNotAccepted", field: "file") }
        return (try store.put(file.data, suffix: kind.suffix), kind, file.data.count)
    }

    static func indicator(_ number: String, in standard: StandardDocument) throws -> Indicator {
        guard let indicator = standard.indicators.first(where: { $0.number == number }) else {
            throw ShianError(.notFound, "indicatorNotFound", field: "number", arguments: [number])
        }
        return indicator
    }

    /// The region's row for the item, created (from the standard's suggestion) on first use.
    static func row(for indicator: Indicator, in target: Target, now: Date, on database: any Database) async throws
        -> IndicatorAssignment
    {
        if let row = try await IndicatorAssignment.query(on: database).filter(\.$regionCode == target.place.rawValue)
            .filter(\.$standardCode == target.standard.code).filter(\.$indicatorNumber == indicator.number).first()
        {
            return row
        }
        let row = IndicatorAssignment(regionCode: target.place.rawValue, standardCode: target.standard.code, indicator: indicator, now: now)
        try await row.create(on: database)
        return row
    }
}
