import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// `/api/v1/creation/showcase-projects`: the county's showcase projects (示范引领), their plans,
/// milestones, evidence and review scores. Every write answers with the project in full.
enum ShowcaseAPIController {
    /// `GET /api/v1/creation/showcase-projects?theme=&status=&q=&limit=&cursor=&regionCode=`.
    static func list(request: Request) async throws -> ListDTO<ShowcaseProjectDTO> {
        let principal = try request.require(.readCreation)
        let parameters = try ListParameters(request)
        let campaign = try await CreationQueries.campaign(request, principal: principal, on: request.db)
        let page = try await ShowcaseQueries.page(
            place: campaign.place, standardCode: campaign.standard.code, parameters: parameters, on: request.db)
        return ListDTO(try page.map { try ShowcaseProjectDTO($0, campaign: campaign) })
    }

    /// `GET /api/v1/creation/showcase-projects/{id}`.
    static func show(request: Request) async throws -> ShowcaseDetailDTO {
        let principal = try request.require(.readCreation)
        return try await detail(request, principal: principal, id: try request.idParameter())
    }

    /// `POST /api/v1/creation/showcase-projects`: theme, title, summary, leadUnit, plan, status.
    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.submitEvidence)
        let input = try APIBody.decode(ShowcaseWrites.ProjectInput.self, from: request)
        let target = try await CreationWrites.target(request, principal: principal)
        let project = try await ShowcaseWrites.create(input, in: target, by: principal, on: request.db)
        return try await detail(request, principal: principal, id: try project.requireID()).encodeResponse(status: .created, for: request)
    }

    /// `PUT /api/v1/creation/showcase-projects/{id}/plan`: plan, and optionally title and summary.
    static func updatePlan(request: Request) async throws -> ShowcaseDetailDTO {
        try await write(request, ShowcaseWrites.PlanInput.self) { id, input, target, principal in
            _ = try await ShowcaseWrites.updatePlan(id, input, in: target, by: principal, on: request.db)
        }
    }

    /// `POST /api/v1/creation/showcase-projects/{id}/status`: `{"status": "proposed" | "draft" | "underway" | "completed"}`.
    static func move(request: Request) async throws -> ShowcaseDetailDTO {
        try await write(request, ShowcaseWrites.StatusInput.self) { id, input, target, principal in
            _ = try await ShowcaseWrites.move(id, input, in: target, by: principal, on: request.db)
        }
    }

    /// `POST /api/v1/creation/showcase-projects/{id}/milestones`: `{"title", "dueDate"}`.
    static func addMilestone(request: Request) async throws -> Response {
        try await write(request, ShowcaseWrites.MilestoneInput.self) { id, input, target, principal in
            _ = try await ShowcaseWrites.addMilestone(id, input, in: target, by: principal, on: request.db)
        }.encodeResponse(status: .created, for: request)
    }

    /// `POST /api/v1/creation/showcase-projects/{id}/milestones/{milestoneId}/completion`.
    static func completeMilestone(request: Request) async throws -> ShowcaseDetailDTO {
        let principal = try request.require(.submitEvidence)
        let id = try request.idParameter()
        guard let milestone = request.parameters.get("milestoneId").flatMap(UUID.init(uuidString:)) else {
            throw ShianError(.notFound, "showcaseMilestoneNotFound", field: "milestoneId", arguments: [request.parameters.get("milestoneId") ?? ""])
        }
        let target = try await CreationWrites.target(request, principal: principal)
        _ = try await ShowcaseWrites.completeMilestone(id, milestone: milestone, in: target, by: principal, on: request.db)
        return try await detail(request, principal: principal, id: id)
    }

    /// `POST /api/v1/creation/showcase-projects/{id}/evidence`: `{"text", "links"}`, or multipart
    /// with that JSON in `evidence` and a document in `file` (`EvidenceUpload`).
    static func addEvidence(request: Request) async throws -> Response {
        let principal = try request.require(.submitEvidence)
        let id = try request.idParameter()
        let (input, file) = try EvidenceUpload.decode(ShowcaseWrites.EvidenceInput.self, from: request, empty: .init())
        let target = try await CreationWrites.target(request, principal: principal)
        _ = try await ShowcaseWrites.addEvidence(
            id, input, file: file, in: target, by: principal, store: FileStore(dataDirectory: request.application.shian.dataDirectory), on: request.db)
        return try await detail(request, principal: principal, id: id).encodeResponse(status: .created, for: request)
    }

    /// `POST /api/v1/creation/showcase-projects/{id}/review`: `{"score", "reason"}`, by the office.
    static func review(request: Request) async throws -> ShowcaseDetailDTO {
        _ = try request.require(.manageCreation)
        return try await write(request, ShowcaseWrites.ReviewInput.self) { id, input, target, principal in
            _ = try await ShowcaseWrites.review(id, input, in: target, by: principal, on: request.db)
        }
    }

    /// `GET /api/v1/creation/showcase-evidence/{id}/file` (and `/creation/showcase/evidence/{id}/file`).
    static func evidenceFile(request: Request) async throws -> Response {
        let principal = try request.require(.readCreation)
        guard let evidence = try await ShowcaseEvidence.find(try request.idParameter(), on: request.db),
            let storedName = evidence.storedName
        else { throw ShianError.notFound }
        return try CreationAPIController.fileResponse(
            storedName: storedName, contentType: evidence.contentType, fileName: evidence.fileName,
            regionCode: evidence.regionCode, principal: principal, request: request)
    }

    // MARK: helpers

    /// Decodes the body, runs the write against the request's campaign, and answers the project.
    private static func write<Input: Decodable>(
        _ request: Request, _ type: Input.Type,
        _ body: (UUID, Input, CreationWrites.Target, Principal) async throws -> Void
    ) async throws -> ShowcaseDetailDTO {
        let principal = try request.require(.submitEvidence)
        let id = try request.idParameter()
        let input = try APIBody.decode(Input.self, from: request)
        let target = try await CreationWrites.target(request, principal: principal)
        try await body(id, input, target, principal)
        return try await detail(request, principal: principal, id: id)
    }

    static func detail(_ request: Request, principal: Principal, id: UUID) async throws -> ShowcaseDetailDTO {
        let campaign = try await CreationQueries.campaign(request, principal: principal, on: request.db)
        return try await ShowcaseQueries.detail(id, place: campaign.place, campaign: campaign, on: request.db)
    }
}
