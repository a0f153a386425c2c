import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The showcase pages: the projects by theme with the points they have won, one project with its
/// plan, milestones, evidence and review, and the forms that change them.
enum ShowcaseController {
    /// `/creation/showcase?regionCode=`.
    static func list(request: Request) async throws -> Response {
        try await renderList(request, form: nil)
    }

    static func renderList(_ request: Request, form: CreationItemPage.FormState?) async throws -> Response {
        let principal = try request.require(.readCreation)
        let campaign = try await CreationQueries.campaign(request, principal: principal, on: request.db)
        let unit = try await CreationQueries.unit(of: principal, on: request.db)
        let units = try await CreationQueries.assignableUnits(place: campaign.place, on: request.db)
        let page = ShowcaseListPage(context: request.pageContext, campaign: campaign, callerUnit: unit, units: units, form: form)
        return .html(page.render(), status: form?.status ?? .ok)
    }

    /// `/creation/showcase/{id}`.
    static func show(request: Request) async throws -> Response {
        try await renderProject(request, form: nil)
    }

    static func renderProject(_ request: Request, form: CreationItemPage.FormState?) async throws -> Response {
        let principal = try request.require(.readCreation)
        let campaign = try await CreationQueries.campaign(request, principal: principal, on: request.db)
        let id = try request.idParameter()
        let detail = try await ShowcaseQueries.detail(id, place: campaign.place, campaign: campaign, on: request.db)
        let history = try await AuditLog.history(entityType: ShowcaseProject.auditEntityType, entityID: id.uuidString, on: request.db)
        let unit = try await CreationQueries.unit(of: principal, on: request.db)
        let page = ShowcaseProjectPage(
            context: request.pageContext, campaign: campaign, detail: detail, history: history, callerUnit: unit, form: form)
        return .html(page.render(), status: form?.status ?? .ok)
    }

    struct ProjectForm: Content {
        var theme: String?
        var title: String?
        var summary: String?
        var leadUnit: String?
        var plan: String?
    }

    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.submitEvidence)
        let form = (try? request.content.decode(ProjectForm.self)) ?? ProjectForm()
        let typed = [
            "theme": form.theme ?? "", "title": form.title ?? "", "summary": form.summary ?? "", "leadUnit": form.leadUnit ?? "",
            "plan": form.plan ?? "",
        ]
        let project: ShowcaseProject
        do {
            let target = try await CreationWrites.target(request, principal: principal)
            let input = ShowcaseWrites.ProjectInput(
                theme: form.theme ?? "", title: form.title ?? "", summary: form.summary, leadUnit: form.leadUnit, plan: form.plan,
                status: "proposed")
            project = try await ShowcaseWrites.create(input, in: target, by: principal, on: request.db)
        } catch let error as ShianError where error.status.code < 500 && error.status != .notFound {
            return try await renderList(request, form: state(request, error, form: "project", typed: typed))
        }
        return request.redirect(to: "/creation/showcase/\(try project.requireID())\(regionSuffix(request))")
    }

    struct PlanForm: Content {
        var title: String?
        var summary: String?
        var plan: String?
    }

    static func updatePlan(request: Request) async throws -> Response {
        let form = (try? request.content.decode(PlanForm.self)) ?? PlanForm()
        let typed = ["title": form.title ?? "", "summary": form.summary ?? "", "plan": form.plan ?? ""]
        return try await handle(request, form: "plan", typed: typed) { id, target, principal in
            _ = try await ShowcaseWrites.updatePlan(
                id, .init(title: form.title, summary: form.summary, plan: form.plan ?? ""), in: target, by: principal, on: request.db)
        }
    }

    struct StatusForm: Content {
        var status: String?
    }

    static func move(request: Request) async throws -> Response {
        let form = (try? request.content.decode(StatusForm.self)) ?? StatusForm()
        return try await handle(request, form: "status", typed: [:]) { id, target, principal in
            _ = try await ShowcaseWrites.move(id, .init(status: form.status ?? ""), in: target, by: principal, on: request.db)
        }
    }

    struct MilestoneForm: Content {
        var title: String?
        var dueDate: String?
    }

    static func addMilestone(request: Request) async throws -> Response {
        let form = (try? request.content.decode(MilestoneForm.self)) ?? MilestoneForm()
        let typed = ["title": form.title ?? "", "dueDate": form.dueDate ?? ""]
        return try await handle(request, form: "milestone", typed: typed) { id, target, principal in
            _ = try await ShowcaseWrites.addMilestone(
                id, .init(title: form.title ?? "", dueDate: form.dueDate ?? ""), in: target, by: principal, on: request.db)
        }
    }

    static func completeMilestone(request: Request) async throws -> Response {
        try await handle(request, form: "milestone", typed: [:]) { id, target, principal in
            guard let milestone = request.parameters.get("milestoneId").flatMap(UUID.init(uuidString:)) else {
                throw ShianError(.notFound, "showcaseMilestoneNotFound", field: "milestoneId")
            }
            _ = try await ShowcaseWrites.completeMilestone(id, milestone: milestone, in: target, by: principal, on: request.db)
        }
    }

    struct EvidenceForm: Content {
        var text: String?
        var links: String?
        var file: File?
    }

    static func addEvidence(request: Request) async throws -> Response {
        let form = (try? request.content.decode(EvidenceForm.self)) ?? EvidenceForm()
        let typed = ["text": form.text ?? "", "links": form.links ?? ""]
        return try await handle(request, form: "evidence", typed: typed) { id, target, principal in
            let input = ShowcaseWrites.EvidenceInput(
                text: form.text, links: (form.links ?? "").split(whereSeparator: \.isNewline).map(String.init))
            let file = form.file.flatMap {
                $0.data.readableBytes > 0 ? CreationWrites.EvidenceFile(data: Data($0.data.readableBytesView), name: $0.filename) : nil
            }
            _ = try await ShowcaseWrites.addEvidence(
                id, input, file: file, in: target, by: principal,
                store: FileStore(dataDirectory: request.application.shian.dataDirectory), on: request.db)
        }
    }

    struct ReviewForm: Content {
        var score: String?
        var reason: String?
    }

    static func review(request: Request) async throws -> Response {
        _ = try request.require(.manageCreation)
        let form = (try? request.content.decode(ReviewForm.self)) ?? ReviewForm()
        let typed = ["score": form.score ?? "", "reason": form.reason ?? ""]
        return try await handle(request, form: "review", typed: typed) { id, target, principal in
            let text = (form.score ?? "").trimmingCharacters(in: .whitespaces)
            let score = Double(text)
            guard score != nil || text.isEmpty else {
                let cap = (try? ShowcaseWrites.showcaseIndicator(in: target.standard).points) ?? 0
                throw ShianError(.unprocessableEntity, "showcaseScoreOutOfRange", field: "score", arguments: [cap.pointsText])
            }
            _ = try await ShowcaseWrites.review(id, .init(score: score, reason: form.reason), in: target, by: principal, on: request.db)
        }
    }

    /// Runs a project form's write; back to the project on success, the project again with the
    /// message beside the field and the typed values on a refusal.
    private static func handle(
        _ request: Request, form: String, typed: [String: String],
        _ write: (UUID, CreationWrites.Target, Principal) async throws -> Void
    ) async throws -> Response {
        let principal = try request.require(.submitEvidence)
        let id = try request.idParameter()
        do {
            let target = try await CreationWrites.target(request, principal: principal)
            try await write(id, target, principal)
        } catch let error as ShianError where error.status.code < 500 && error.status != .notFound {
            return try await renderProject(request, form: state(request, error, form: form, typed: typed))
        }
        return request.redirect(to: "/creation/showcase/\(id)\(regionSuffix(request))")
    }

    private static func state(_ request: Request, _ error: ShianError, form: String, typed: [String: String]) -> CreationItemPage.FormState {
        CreationItemPage.FormState(
            form: form, field: error.field, message: request.t("error.\(error.code)", error.arguments), typed: typed,
            status: error.status)
    }

    private static func regionSuffix(_ request: Request) -> String {
        (try? request.query.get(String.self, at: "regionCode")).map { "?regionCode=\($0)" } ?? ""
    }
}
