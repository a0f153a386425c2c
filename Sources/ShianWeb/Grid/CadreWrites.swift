import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Responsible cadres (包保干部): appointing one, and binding the businesses they answer for.
enum CadreWrites {
    struct Input: Content {
        var name: String?
        var position: String?
        var regionCode: String?
        var phone: String?
        var duties: String?
        var pledgeSignedOn: String?
    }

    struct Binding: Content {
        var businessId: UUID?
    }

    struct CadreDTO: Content {
        let id: UUID
        let name: String
        let position: String
        let regionCode: String
        let phone: String
        let duties: String
        let pledgeSignedOn: String?
        let businessIds: [UUID]
    }

    static func create(_ input: Input, by principal: Principal, on database: any Database) async throws -> ResponsibleCadre {
        guard principal.role.may(.manageGrids) else { throw ShianError.forbidden }
        let name = try RegionWrites.validName(input.name)
        let position = (input.position ?? "").trimmingCharacters(in: .whitespaces)
        guard !position.isEmpty, position.count <= 60 else { throw ShianError(.unprocessableEntity, "fieldRequired", field: "position", arguments: ["position"]) }
        let code = try RegionCode((input.regionCode ?? "").trimmingCharacters(in: .whitespaces))
        guard principal.scope.covers(code.rawValue) else { throw ShianError(.forbidden, "scopeOutsideOwn", field: "regionCode") }
        let phone = (input.phone ?? "").trimmingCharacters(in: .whitespaces)
        guard phone.count == 11, phone.first == "1", phone.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ShianError(.unprocessableEntity, "phoneInvalid", field: "phone")
        }
        let duties = try DepartmentWrites.validDuties(input.duties)
        var pledge: Date?
        if let text = input.pledgeSignedOn, !text.isEmpty {
            guard let day = BusinessDraft.parseDate(text) else { throw ShianError(.unprocessableEntity, "dateInvalid", field: "pledgeSignedOn", arguments: [text]) }
            pledge = day
        }
        let cadre = ResponsibleCadre(name: name, position: position, regionCode: code.rawValue, phone: phone, duties: duties, pledgeSignedOn: pledge)
        try await database.transaction { db in
            try await cadre.create(on: db)
            try await AuditLog.record(.create, cadre, before: nil, actor: principal.actor, on: db)
        }
        return cadre
    }

    /// Binds a business in scope to a cadre in scope; binding twice changes nothing.
    static func bind(_ cadre: ResponsibleCadre, businessID: UUID?, by principal: Principal, on database: any Database) async throws {
        guard principal.role.may(.manageGrids) else { throw ShianError.forbidden }
        guard let businessID, let business = try await principal.scope.query(Business.self, on: database).filter(\.$id == businessID).first() else {
            throw ShianError(.unprocessableEntity, "businessMissing", field: "businessId")
        }
        let cadreID = try cadre.requireID()
        let existing = try await CadreBusiness.query(on: database).filter(\.$cadre.$id == cadreID).filter(\.$business.$id == businessID).first()
        guard existing == nil else { return }
        try await database.transaction { db in
            try await CadreBusiness(cadreID: cadreID, businessID: businessID).create(on: db)
            try await AuditEntry(
                at: Date(), actorID: principal.user.id, actorUsername: principal.user.username, action: .update,
                entityType: ResponsibleCadre.auditEntityType, entityID: cadreID.uuidString, regionCode: cadre.regionCode,
                before: nil, after: String(decoding: try JSONEncoder().encode(["business": business.name]), as: UTF8.self)
            ).create(on: db)
        }
    }

    static func dto(_ cadre: ResponsibleCadre, on database: any Database) async throws -> CadreDTO {
        let id = try cadre.requireID()
        let links = try await CadreBusiness.query(on: database).filter(\.$cadre.$id == id).all()
        return CadreDTO(
            id: id, name: cadre.name, position: cadre.position, regionCode: cadre.regionCode, phone: cadre.phone, duties: cadre.duties,
            pledgeSignedOn: cadre.pledgeSignedOn.map(Formatting.day), businessIds: links.map { $0.$business.id })
    }
}

/// `/api/v1/responsible-cadres`.
enum CadresAPIController {
    static func list(request: Request) async throws -> ListDTO<CadreWrites.CadreDTO> {
        let principal = try request.require(.readGrids)
        let list = try ListParameters(request)
        let page = try await principal.scope.query(ResponsibleCadre.self, on: request.db).keysetPage(sortedBy: \.$name, after: list.cursor, limit: list.limit)
        var items: [CadreWrites.CadreDTO] = []
        for cadre in page.items { items.append(try await CadreWrites.dto(cadre, on: request.db)) }
        return ListDTO(RecordPage(items: items, nextCursor: page.nextCursor))
    }

    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.manageGrids)
        let cadre = try await CadreWrites.create(try APIBody.decode(CadreWrites.Input.self, from: request), by: principal, on: request.db)
        return try await CadreWrites.dto(cadre, on: request.db).encodeResponse(status: .created, for: request)
    }

    static func bind(request: Request) async throws -> CadreWrites.CadreDTO {
        let principal = try request.require(.manageGrids)
        let cadre = try await principal.scope.find(ResponsibleCadre.self, try request.idParameter(), on: request.db)
        try await CadreWrites.bind(cadre, businessID: try APIBody.decode(CadreWrites.Binding.self, from: request).businessId, by: principal, on: request.db)
        return try await CadreWrites.dto(cadre, on: request.db)
    }
}
