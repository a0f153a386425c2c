import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Farm-produce certificates (承诺达标合格证): issued by a producer or purchaser business, looked up
/// by anyone by code, voided with a reason; and the markets' entry checks with the share of lots
/// arriving with one, per market, township and month.
enum ProduceCertificates {
    struct Input: Content {
        var businessId: UUID?
        var style: String?
        var productName: String?
        var quantity: Decimal?
        var unit: String?
        var contact: String?
        var origin: String?
        var issuedOn: String?
        var bases: [String]?
        var sourceCertificateCodes: [String]?
    }

    struct DTO: Content {
        let id: UUID
        let code: String
        let style: String
        let commitments: [String]
        let productName: String
        let quantity: Decimal?
        let unit: String
        let issuerName: String
        let contact: String
        let origin: String
        let issuedOn: String
        let bases: [String]
        let sourceCertificateCodes: [String]
        let voided: Bool
        let voidReason: String?

        init(_ certificate: ProduceCertificate) throws {
            id = try certificate.requireID()
            code = certificate.code
            style = certificate.style
            commitments = ProduceCertificateStyle(rawValue: certificate.style)?.commitments ?? []
            productName = certificate.productName
            quantity = certificate.quantity.flatMap { Decimal(string: $0) }
            unit = certificate.unit
            issuerName = certificate.issuerName
            contact = certificate.contact
            origin = certificate.origin
            issuedOn = Formatting.day(certificate.issuedOn)
            bases = certificate.bases.split(separator: ",").map(String.init)
            sourceCertificateCodes = certificate.sourceCodes?.split(separator: ",").map(String.init) ?? []
            voided = certificate.voidedAt != nil
            voidReason = certificate.voidReason
        }
    }

    /// `POST /api/v1/produce-certificates`: the issuer's operator, or an officer on its behalf.
    static func issueAPI(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let input = try APIBody.decode(Input.self, from: request)
        return try await DTO(try await issue(input, by: principal, on: request.db)).encodeResponse(status: .created, for: request)
    }

    static func issue(_ input: Input, by principal: Principal, on database: any Database) async throws -> ProduceCertificate {
        guard let businessID = input.businessId else {
            throw ShianError(.unprocessableEntity, "fieldRequired", field: "businessId", arguments: ["businessId"])
        }
        let business = try await principal.scope.find(Business.self, businessID, on: database)
        guard ColdChainWrites.mayActFor(business, principal) else { throw ShianError.forbidden }
        guard let style = input.style.flatMap(ProduceCertificateStyle.init(rawValue:)) else {
            throw ShianError(.unprocessableEntity, "certificateStyleInvalid", field: "style", arguments: [input.style ?? ""])
        }
        var chosen: Set<ProduceCertificateBasis> = []
        for (index, text) in (input.bases ?? []).enumerated() {
            guard let basis = ProduceCertificateBasis(rawValue: text) else {
                throw ShianError(.unprocessableEntity, "certificateBasisInvalid", field: "bases[\(index)]", arguments: [text])
            }
            chosen.insert(basis)
        }
        let bases = chosen
        let issued = input.issuedOn.flatMap(BusinessDraft.parseDate) ?? (input.issuedOn == nil ? Date() : nil)
        let draft = ProduceCertificateDraft(
            style: style, productName: input.productName ?? "", quantity: input.quantity, unit: input.unit ?? "", issuerName: business.name,
            contact: input.contact ?? business.contactPhone ?? "", origin: input.origin ?? business.address, issuedOn: issued, bases: bases,
            sourceCertificateCodes: input.sourceCertificateCodes)
        if let problem = draft.problems(today: Date()).first { throw ShianError(problem) }
        let sources = (input.sourceCertificateCodes ?? []).compactMap { ProduceCertificateCode(validating: $0)?.rawValue }
        if !sources.isEmpty {
            let known = try await ProduceCertificate.query(on: database).filter(\.$code ~~ sources).count()
            guard known == sources.count else { throw ShianError(.unprocessableEntity, "certificateUnknown", field: "sourceCertificateCodes") }
        }
        guard let county = RegionCode(validating: String(business.regionCode.prefix(RegionLevel.county.codeLength))) else {
            throw ShianError(.unprocessableEntity, "regionCodeInvalid", field: "businessId")
        }
        let now = Date().storageRounded
        return try await database.transaction { db in
            let day = try ProduceCertificateCode(county: county, issuedAt: now, serial: 1).rawValue.prefix(17)  // HGZ + county + date
            let serial = try await ProduceCertificate.query(on: db).filter(\.$code >= String(day)).filter(\.$code < String(day) + "~").count() + 1
            let certificate = ProduceCertificate()
            certificate.code = try ProduceCertificateCode(county: county, issuedAt: now, serial: serial).rawValue
            certificate.style = style.rawValue
            certificate.productName = draft.productName.trimmingCharacters(in: .whitespaces)
            certificate.quantity = draft.quantity.map { "\($0)" }
            certificate.unit = draft.unit.trimmingCharacters(in: .whitespaces)
            certificate.issuerName = business.name
            certificate.contact = draft.contact.trimmingCharacters(in: .whitespaces)
            certificate.origin = draft.origin.trimmingCharacters(in: .whitespaces)
            certificate.issuedOn = (issued ?? now).storageRounded
            certificate.bases = bases.sorted().map(\.rawValue).joined(separator: ",")
            certificate.sourceCodes = sources.isEmpty ? nil : sources.joined(separator: ",")
            certificate.$business.id = businessID
            certificate.regionCode = business.regionCode
            certificate.$issuedBy.id = try principal.user.requireID()
            try await certificate.create(on: db)
            try await AuditLog.record(.create, certificate, before: nil, actor: principal.actor, on: db)
            return certificate
        }
    }

    struct Voiding: Content {
        var reason: String?
    }

    /// `POST /api/v1/produce-certificates/{id}/void`: a wrong or withdrawn certificate, with the reason.
    static func voidCertificate(request: Request) async throws -> DTO {
        let principal = try request.requirePrincipal()
        let certificate = try await principal.scope.find(ProduceCertificate.self, try request.idParameter(), on: request.db)
        let own = principal.role == .businessOperator && principal.user.$business.id == certificate.$business.id
        guard own || principal.role.may(.manageBusinesses) else { throw ShianError.forbidden }
        guard certificate.voidedAt == nil else { throw ShianError(.conflict, "certificateVoided") }
        let reason = (try APIBody.decode(Voiding.self, from: request).reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ShianError(.unprocessableEntity, "fieldRequired", field: "reason", arguments: ["reason"]) }
        try await request.db.transaction { db in
            let before = certificate.auditFields
            certificate.voidedAt = Date().storageRounded
            certificate.voidReason = String(reason.prefix(500))
            try await certificate.update(on: db)
            try await AuditLog.record(.update, certificate, before: before, actor: principal.actor, on: db)
        }
        return try DTO(certificate)
    }

    /// `GET /api/v1/public/produce-certificates/{code}`: anyone, by code (a voided one says so).
    static func lookUp(request: Request) async throws -> DTO {
        guard let text = request.parameters.get("code"), let code = ProduceCertificateCode(validating: text),
            let certificate = try await ProduceCertificate.query(on: request.db).filter(\.$code == code.rawValue).first()
        else { throw ShianError.notFound }
        return try DTO(certificate)
    }
}
