import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The creation pages: the board (the page a leader opens first), a unit's to-do list, an item with
/// its evidence, and the forms that submit, review, assign and unlock.
enum CreationController {
    /// `/creation?status=&unit=&part=&kind=&regionCode=`.
    static func board(request: Request) async throws -> Response {
        let principal = try request.require(.readCreation)
        let campaign: CreationCampaign
        do {
            campaign = try await CreationQueries.campaign(request, principal: principal, on: request.db)
        } catch let error as ShianError where error.code == "standardNotLoaded" {
            return .html(CreationBoardPage(context: request.pageContext, model: nil).render())
        }
        let query = (try? request.query.decode([String: String].self)) ?? [:]
        let model = CreationBoardPage.Model(
            campaign: campaign, forecast: campaign.forecast(), items: try CreationBoard.filtered(campaign, query),
            units: CreationBoard.units(campaign), filters: query)
        return .html(CreationBoardPage(context: request.pageContext, model: model).render())
    }

    /// `/creation/units?unit=`: the unit's items and what each lacks; the caller's own unit by default.
    static func units(request: Request) async throws -> Response {
        let principal = try request.require(.readCreation)
        let campaign = try await CreationQueries.campaign(request, principal: principal, on: request.db)
        let own = try await CreationQueries.unit(of: principal, on: request.db)
        let unit = (try? request.query.get(String.self, at: "unit")).flatMap { $0.isEmpty ? nil : $0 } ?? own
        let items = try CreationBoard.filtered(campaign, unit.map { ["unit": $0] } ?? [:])
        var page = CreationUnitPage(
            context: request.pageContext, campaign: campaign, unit: unit, items: items, units: CreationBoard.units(campaign))
        if let unit, RegionCode(validating: unit)?.level == .township, principal.scope.covers(unit) {
            // A township's to-do list also carries the reminders about its reports.
            page.reminders = try await ReportReminders.page(
                scope: principal.scope, under: unit, kind: nil, cursor: nil, limit: 10, on: request.db
            ).items.filter { !$0.settled }
        }
        return .html(page.render())
    }

    /// `/creation/indicators/{number}`.
    static func item(request: Request) async throws -> Response {
        try await renderItem(request, form: nil)
    }

    static func renderItem(_ request: Request, form: CreationItemPage.FormState?) async throws -> Response {
        let principal = try request.require(.readCreation)
        let campaign = try await CreationQueries.campaign(request, principal: principal, on: request.db)
        let number = try CreationAPIController.number(request)
        let detail = try await CreationBoard.detail(number, campaign: campaign, on: request.db)
        var history: [AuditEntry] = []
        if let assignment = campaign.assignments[number] {
            history = try await AuditLog.history(
                entityType: IndicatorAssignment.auditEntityType, entityID: assignment.requireID().uuidString, on: request.db)
        }
        let unit = try await CreationQueries.unit(of: principal, on: request.db)
        let units = principal.role.may(.manageCreation)
            ? try await CreationQueries.assignableUnits(place: campaign.place, on: request.db) : []
        let page = CreationItemPage(
            context: request.pageContext, campaign: campaign, detail: detail, history: history, callerUnit: unit, units: units,
            form: form)
        return .html(page.render(), status: form == nil ? .ok : form?.status ?? .unprocessableEntity)
    }

    struct EvidenceForm: Content {
        var text: String?
        var links: String?
        var selfScore: String?
        var deductionPoints: String?
        var deductionReason: String?
        var file: File?
    }

    /// The evidence form (multipart, with an optional file).
    static func submit(request: Request) async throws -> Response {
        let principal = try request.require(.submitEvidence)
        let form = (try? request.content.decode(EvidenceForm.self)) ?? EvidenceForm()
        let typed = [
            "text": form.text ?? "", "links": form.links ?? "", "selfScore": form.selfScore ?? "",
            "deductionPoints": form.deductionPoints ?? "", "deductionReason": form.deductionReason ?? "",
        ]
        return try await handle(request, form: "evidence", typed: typed) {
            var deductions: [CreationWrites.DeductionInput] = []
            let points = (form.deductionPoints ?? "").trimmingCharacters(in: .whitespaces)
            if !points.isEmpty || !(form.deductionReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                guard let value = Double(points) else { throw ShianError(.unprocessableEntity, "deductionPointsInvalid", field: "deductionPoints", arguments: ["—"]) }
                deductions.append(.init(points: value, reason: form.deductionReason ?? "", count: nil))
            }
            let scoreText = (form.selfScore ?? "").trimmingCharacters(in: .whitespaces)
            guard scoreText.isEmpty || Double(scoreText) != nil else {
                throw ShianError(.unprocessableEntity, "selfScoreOutOfRange", field: "selfScore", arguments: ["—"])
            }
            let input = CreationWrites.EvidenceInput(
                text: form.text, links: (form.links ?? "").split(whereSeparator: \.isNewline).map(String.init),
                selfScore: Double(scoreText), deductions: deductions)
            let file = form.file.flatMap { $0.data.readableBytes > 0 ? CreationWrites.EvidenceFile(data: Data($0.data.readableBytesView), name: $0.filename) : nil }
            let target = try await CreationWrites.target(request, principal: principal)
            _ = try await CreationWrites.submitEvidence(
                try CreationAPIController.number(request), input, file: file, in: target, by: principal,
                store: FileStore(dataDirectory: request.application.shian.dataDirectory), on: request.db)
        }
    }

    struct ReviewForm: Content {
        var decision: String?
        var reason: String?
    }

    static func review(request: Request) async throws -> Response {
        let principal = try request.require(.manageCreation)
        let form = (try? request.content.decode(ReviewForm.self)) ?? ReviewForm()
        return try await handle(request, form: "review", typed: ["reason": form.reason ?? ""]) {
            let target = try await CreationWrites.target(request, principal: principal)
            _ = try await CreationWrites.review(
                try CreationAPIController.number(request), .init(decision: form.decision ?? "", reason: form.reason), in: target,
                by: principal, on: request.db)
        }
    }

    struct AssignmentForm: Content {
        var leadUnit: String?
        var supportingUnits: String?
        var deadline: String?
    }

    static func assign(request: Request) async throws -> Response {
        let principal = try request.require(.manageCreation)
        let form = (try? request.content.decode(AssignmentForm.self)) ?? AssignmentForm()
        let typed = ["leadUnit": form.leadUnit ?? "", "supportingUnits": form.supportingUnits ?? "", "deadline": form.deadline ?? ""]
        return try await handle(request, form: "assignment", typed: typed) {
            let supporting = (form.supportingUnits ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " }).map(String.init)
            let target = try await CreationWrites.target(request, principal: principal)
            _ = try await CreationWrites.assign(
                try CreationAPIController.number(request),
                .init(leadUnit: form.leadUnit ?? "", supportingUnits: supporting, deadline: form.deadline), in: target,
                by: principal, on: request.db)
        }
    }

    struct UnlockForm: Content {
        var reason: String?
    }

    static func unlock(request: Request) async throws -> Response {
        let principal = try request.require(.manageCreation)
        let form = (try? request.content.decode(UnlockForm.self)) ?? UnlockForm()
        return try await handle(request, form: "unlock", typed: ["reason": form.reason ?? ""]) {
            let target = try await CreationWrites.target(request, principal: principal)
            _ = try await CreationWrites.unlock(
                try CreationAPIController.number(request), .init(reason: form.reason ?? ""), in: target, by: principal, on: request.db)
        }
    }

    /// Runs a form's write; back to the item on success, the item again with the message beside the
    /// field and the typed values on a refusal.
    private static func handle(
        _ request: Request, form: String, typed: [String: String], _ write: () async throws -> Void
    ) async throws -> Response {
        do {
            try await write()
        } catch let error as ShianError where error.status.code < 500 && error.status != .notFound {
            let message = request.t("error.\(error.code)", error.arguments)
            let state = CreationItemPage.FormState(
                form: form, field: error.field, message: message, typed: typed, status: error.status)
            return try await renderItem(request, form: state)
        }
        let number = try CreationAPIController.number(request)
        let region = (try? request.query.get(String.self, at: "regionCode")).map { "?regionCode=\($0)" } ?? ""
        return request.redirect(to: "/creation/indicators/\(number)\(region)")
    }
}
