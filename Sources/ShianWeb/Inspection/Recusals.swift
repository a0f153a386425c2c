import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Declared conflicts between inspectors and businesses, which random draws respect, and the
/// conflicts Shian can see by itself (the inspector's name or phone on the business's record).
enum Recusals {
    struct Input: Content {
        var inspectorId: UUID?
        var businessId: UUID?
        var reason: String?
    }

    struct DTO: Content {
        let id: UUID
        let inspectorId: UUID
        let businessId: UUID
        let reason: String
        let declaredAt: Date

        init(_ recusal: Recusal) throws {
            id = try recusal.requireID()
            inspectorId = recusal.$inspector.id
            businessId = recusal.$business.id
            reason = recusal.reason
            declaredAt = recusal.declaredAt
        }
    }

    /// `POST /api/v1/recusals`: an inspector declares their own conflict; the office (or an
    /// administrator) may declare one for any inspector in its scope. Declaring twice is a no-op.
    static func create(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let input = try APIBody.decode(Input.self, from: request)
        let own = try principal.user.requireID()
        let inspectorID = input.inspectorId ?? own
        guard principal.role.may(.recordInspections), inspectorID == own || principal.role.may(.manageDepartments) else {
            throw ShianError.forbidden
        }
        guard let inspector = try await principal.scope.query(User.self, on: request.db).filter(\.$id == inspectorID).first(),
            inspector.role == .inspector
        else { throw ShianError(.unprocessableEntity, "inspectorUnknown", field: "inspectorId") }
        guard let businessID = input.businessId else {
            throw ShianError(.unprocessableEntity, "fieldRequired", field: "businessId", arguments: ["businessId"])
        }
        let business = try await principal.scope.find(Business.self, businessID, on: request.db)
        let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else {
            throw ShianError(.unprocessableEntity, "fieldRequired", field: "reason", arguments: ["reason"])
        }
        if let existing = try await Recusal.query(on: request.db).filter(\.$inspector.$id == inspectorID)
            .filter(\.$business.$id == businessID).first()
        {
            return try await DTO(existing).encodeResponse(status: .ok, for: request)
        }
        let recusal = Recusal()
        recusal.$inspector.id = inspectorID
        recusal.$business.id = businessID
        recusal.regionCode = business.regionCode
        recusal.reason = reason
        recusal.declaredAt = Date().storageRounded
        recusal.$declaredBy.id = own
        try await request.db.transaction { db in
            try await recusal.create(on: db)
            try await AuditLog.record(.create, recusal, before: nil, actor: principal.actor, on: db)
        }
        return try await DTO(recusal).encodeResponse(status: .created, for: request)
    }

    /// `GET /api/v1/recusals?inspectorId=`: the declarations on businesses in the caller's scope.
    static func list(request: Request) async throws -> ListDTO<DTO> {
        let principal = try request.require(.readInspections)
        let list = try ListParameters(request)
        let query = principal.scope.query(Recusal.self, on: request.db)
        if let text = list.rawQuery["inspectorId"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw ShianError(.badRequest, "malformedRequest", field: "inspectorId") }
            query.filter(\.$inspector.$id == id)
        }
        let page = try await query.keysetPage(sortedBy: \.$declaredAt, descending: true, after: list.cursor, limit: list.limit)
        return ListDTO(try page.map(DTO.init))
    }

    /// For each inspector, the businesses of `pool` they may not be sent to: declared recusals, and
    /// businesses whose legal representative, food-safety director or officer bears the inspector's
    /// name, or whose contact phone is the inspector's.
    static func conflicts(of inspectors: [User], in pool: [Business], on database: any Database) async throws -> [UUID: Set<String>] {
        let ids = inspectors.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        var conflicts: [UUID: Set<String>] = [:]
        for recusal in try await Recusal.query(on: database).filter(\.$inspector.$id ~~ ids).all() {
            conflicts[recusal.$inspector.id, default: []].insert(recusal.$business.id.uuidString)
        }
        for inspector in inspectors {
            guard let id = inspector.id else { continue }
            // Display names read "执法人员 周涛": the person's name is the last word.
            let name = inspector.displayName.split(separator: " ").last.map(String.init) ?? ""
            let phone = inspector.phone ?? ""
            for business in pool {
                let people = [business.legalRepresentative, business.safetyDirector, business.safetyOfficer].compactMap { $0 }
                if (name.count >= 2 && people.contains(name)) || (!phone.isEmpty && business.contactPhone == phone) {
                    conflicts[id, default: []].insert(business.id?.uuidString ?? "")
                }
            }
        }
        return conflicts
    }
}
