import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// `/api/v1/inspections`, `/api/v1/rectification-orders`, `/api/v1/checklist-templates` and the
/// public rating.
enum InspectionsAPIController {
    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.recordInspections)
        let input = try APIBody.decode(InspectionRecorder.Input.self, from: request)
        let recorded = try await InspectionRecorder.record(
            input, by: principal, policy: request.application.shian.rectificationPolicy, on: request.db)
        let business = try await Business.find(input.businessId, on: request.db) ?? Business()
        return try await InspectionDTO(recorded, business: business, now: Date()).encodeResponse(status: .created, for: request)
    }

    static func listOrders(request: Request) async throws -> ListDTO<RectificationOrderDTO> {
        let principal = try request.requirePrincipal()
        guard principal.role.may(.readInspections) || principal.role == .businessOperator else { throw ShianError.forbidden }
        let list = try ListParameters(request)
        let region = list.rawQuery["regionCode"].flatMap { $0.isEmpty ? nil : $0 }
        if let region {
            guard RegionCode(validating: region) != nil else { throw ShianError(.badRequest, "regionCodeInvalid", field: "regionCode") }
            try principal.scope.require(covers: region)
        }
        let now = Date()
        let page = try await RectificationQueries.list(
            status: list.rawQuery["status"], regionCode: region, scope: principal.scope, cursor: list.cursor, limit: list.limit, now: now,
            on: request.db)
        return ListDTO(try page.map { try RectificationOrderDTO($0, now: now) })
    }

    static func answer(request: Request) async throws -> RectificationOrderDTO {
        let principal = try request.requirePrincipal()
        let order = try await principal.scope.find(RectificationOrder.self, try request.idParameter(), on: request.db)
        let input = try APIBody.decode(RectificationWrites.Answer.self, from: request)
        return try RectificationOrderDTO(try await RectificationWrites.answer(order, input, by: principal, on: request.db), now: Date())
    }

    static func verify(request: Request) async throws -> RectificationOrderDTO {
        let principal = try request.require(.recordInspections)
        let order = try await principal.scope.find(RectificationOrder.self, try request.idParameter(), on: request.db)
        let input = try APIBody.decode(RectificationWrites.Verification.self, from: request)
        return try RectificationOrderDTO(try await RectificationWrites.verify(order, input, by: principal, on: request.db), now: Date())
    }

    static func templates(request: Request) async throws -> ListDTO<ChecklistTemplateDTO> {
        _ = try request.require(.readInspections)
        let templates = try await ChecklistTemplate.query(on: request.db).filter(\.$active == true).with(\.$items).sort(\.$code).all()
        return ListDTO(RecordPage(items: templates.map(ChecklistTemplateDTO.init), nextCursor: nil))
    }

    /// `GET /api/v1/checklist-templates/{id}`: one version, in the JSON shape the import takes back
    /// (inactive versions too, so an old inspection's checklist can be read).
    static func exportTemplate(request: Request) async throws -> Response {
        _ = try request.require(.readInspections)
        guard let template = try await ChecklistTemplate.query(on: request.db).filter(\.$id == request.idParameter()).with(\.$items).first()
        else { throw ShianError.notFound }
        let response = try await ChecklistTemplateDTO(template).encodeResponse(for: request)
        let name = "checklist-\(template.code)-v\(template.version).json"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }

    /// `POST /api/v1/checklist-templates`: a template in the JSON shape the list returns; a new
    /// version of an existing code replaces it as the active one.
    static func importTemplate(request: Request) async throws -> Response {
        let principal = try request.require(.manageDepartments)
        let input = try APIBody.decode(ChecklistTemplateDTO.self, from: request)
        let template = try await ChecklistTemplates.save(input, by: principal.actor, on: request.db)
        return try await ChecklistTemplateDTO(template).encodeResponse(status: .created, for: request)
    }

    struct PublicRating: Content {
        struct LastInspection: Content {
            let date: String
            let result: String
            let score: Int
        }

        let businessId: UUID
        let name: String
        let category: String
        let address: String
        /// A–D from the record; null before the first inspection.
        let creditRating: String?
        let ratingDate: String?
        let lastInspection: LastInspection?
    }

    /// `GET /api/v1/public/businesses/{id}/rating`, without login: what the UK scheme shows on a
    /// sticker — the rating, its date and the last inspection's result.
    static func publicRating(request: Request) async throws -> PublicRating {
        guard let text = request.parameters.get("id"), let id = UUID(uuidString: text),
            let business = try await Business.find(id, on: request.db)
        else { throw ShianError.notFound }
        let last = try await Inspection.query(on: request.db).filter(\.$business.$id == id).sort(\.$inspectedAt, .descending).first()
        return PublicRating(
            businessId: id, name: business.name, category: business.category.rawValue, address: business.address,
            creditRating: last == nil ? nil : business.creditRating, ratingDate: last.map { Formatting.day($0.inspectedAt) },
            lastInspection: last.map { .init(date: Formatting.day($0.inspectedAt), result: $0.result.rawValue, score: $0.score) })
    }
}
