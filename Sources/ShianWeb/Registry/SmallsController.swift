import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The rest of the three smalls: designated vendor zones and the products a small workshop may make.
enum SmallsController {
    struct ZoneInput: Content {
        var regionCode: String?
        var name: String?
        var location: String?
        var stalls: String?
        var hours: String?
    }

    struct ProductInput: Content {
        var name: String?
        var catalogueCategory: String?
    }

    struct ZoneDTO: Content {
        let id: UUID
        let regionCode: String
        let name: String
        let location: String
        let stalls: Int
        let hours: String
        let active: Bool

        init(_ zone: VendorZone) throws {
            id = try zone.requireID()
            regionCode = zone.regionCode
            name = zone.name
            location = zone.location
            stalls = zone.stalls
            hours = zone.hours
            active = zone.active
        }
    }

    struct ProductDTO: Content {
        let id: UUID
        let name: String
        let catalogueCategory: String

        init(_ product: WorkshopProduct) throws {
            id = try product.requireID()
            name = product.name
            catalogueCategory = product.catalogueCategory
        }
    }

    // MARK: vendor zones

    static func zones(request: Request) async throws -> Response {
        let principal = try request.require(.readBusinesses)
        let list = try ListParameters(request)
        let page = try await principal.scope.query(VendorZone.self, on: request.db).keysetPage(sortedBy: \.$name, after: list.cursor, limit: list.limit)
        return .html(VendorZonesPage(context: request.pageContext, zones: page.items, nextCursor: page.nextCursor, rawQuery: list.rawQuery,
                                     canManage: principal.role.may(.manageBusinesses), errors: [:], input: ZoneInput()).render())
    }

    static func createZoneFromForm(request: Request) async throws -> Response {
        let principal = try request.require(.manageBusinesses)
        let input = try request.content.decode(ZoneInput.self)
        do {
            _ = try await createZone(input, by: principal, on: request.db)
            return request.redirect(to: SiteURL.vendorZones.path)
        } catch let caught {
            let error = ShianError.from(caught)
            guard error.field != nil else { throw caught }
            let page = try await principal.scope.query(VendorZone.self, on: request.db).keysetPage(sortedBy: \.$name, after: nil, limit: 50)
            return .html(VendorZonesPage(context: request.pageContext, zones: page.items, nextCursor: page.nextCursor, rawQuery: [:],
                                         canManage: true, errors: [error.field ?? "": request.t("error.\(error.code)", error.arguments)],
                                         input: input).render(), status: error.status)
        }
    }

    static func listZonesAPI(request: Request) async throws -> ListDTO<ZoneDTO> {
        let principal = try request.require(.readBusinesses)
        let list = try ListParameters(request)
        let page = try await principal.scope.query(VendorZone.self, on: request.db).keysetPage(sortedBy: \.$name, after: list.cursor, limit: list.limit)
        return ListDTO(try page.map(ZoneDTO.init))
    }

    static func createZoneAPI(request: Request) async throws -> Response {
        let principal = try request.require(.manageBusinesses)
        let zone = try await createZone(try APIBody.decode(ZoneInput.self, from: request), by: principal, on: request.db)
        return try await ZoneDTO(zone).encodeResponse(status: .created, for: request)
    }

    static func createZone(_ input: ZoneInput, by principal: Principal, on database: any Database) async throws -> VendorZone {
        let code = try RegionCode((input.regionCode ?? "").trimmingCharacters(in: .whitespaces))
        guard code.level >= .township else { throw ShianError(.unprocessableEntity, "gridCodeTooWide", field: "regionCode", arguments: [code.rawValue]) }
        guard principal.scope.covers(code.rawValue) else { throw ShianError(.forbidden, "scopeOutsideOwn", field: "regionCode") }
        let name = try RegionWrites.validName(input.name)
        let location = (input.location ?? "").trimmingCharacters(in: .whitespaces)
        guard !location.isEmpty, location.count <= 200 else { throw ShianError(.unprocessableEntity, "fieldRequired", field: "location", arguments: ["location"]) }
        guard let stalls = Int((input.stalls ?? "").trimmingCharacters(in: .whitespaces)), (1...10_000).contains(stalls) else {
            throw ShianError(.unprocessableEntity, "numberInvalid", field: "stalls", arguments: [input.stalls ?? ""])
        }
        let hours = (input.hours ?? "").trimmingCharacters(in: .whitespaces)
        guard !hours.isEmpty, hours.count <= 100 else { throw ShianError(.unprocessableEntity, "fieldRequired", field: "hours", arguments: ["hours"]) }
        guard try await Region.query(on: database).filter(\.$code == code.rawValue).first() != nil else {
            throw ShianError(.unprocessableEntity, "regionMissing", field: "regionCode", arguments: [code.rawValue])
        }
        let zone = VendorZone(regionCode: code.rawValue, name: name, location: location, stalls: stalls, hours: hours)
        try await database.transaction { db in
            try await zone.create(on: db)
            try await AuditLog.record(.create, zone, before: nil, actor: principal.actor, on: db)
        }
        return zone
    }

    // MARK: workshop products

    static func addProductFromForm(request: Request) async throws -> Response {
        let principal = try request.require(.manageBusinesses)
        let business = try await principal.scope.find(Business.self, try request.idParameter(), on: request.db)
        _ = try await addProduct(try request.content.decode(ProductInput.self), to: business, request: request, principal: principal)
        return request.redirect(to: SiteURL.business(try business.requireID()).path + "#products")
    }

    static func listProductsAPI(request: Request) async throws -> ListDTO<ProductDTO> {
        let principal = try request.require(.readBusinesses)
        let business = try await principal.scope.find(Business.self, try request.idParameter(), on: request.db)
        let products = try await WorkshopProduct.query(on: request.db).filter(\.$business.$id == business.requireID()).sort(\.$name).all()
        return ListDTO(RecordPage(items: try products.map(ProductDTO.init), nextCursor: nil))
    }

    static func addProductAPI(request: Request) async throws -> Response {
        let principal = try request.require(.manageBusinesses)
        let business = try await principal.scope.find(Business.self, try request.idParameter(), on: request.db)
        let product = try await addProduct(try APIBody.decode(ProductInput.self, from: request), to: business, request: request, principal: principal)
        return try await ProductDTO(product).encodeResponse(status: .created, for: request)
    }

    static func addProduct(_ input: ProductInput, to business: Business, request: Request, principal: Principal) async throws -> WorkshopProduct {
        guard business.category == .smallWorkshop else { throw ShianError(.unprocessableEntity, "productsOnlyForWorkshops", field: "category") }
        let name = try RegionWrites.validName(input.name)
        let catalogue = request.application.shian.smallBusinessRules.workshopCatalogue
        guard let category = input.catalogueCategory, catalogue.contains(category) else {
            throw ShianError(.unprocessableEntity, "productOutsideCatalogue", field: "catalogueCategory", arguments: [input.catalogueCategory ?? ""])
        }
        let product = WorkshopProduct(businessID: try business.requireID(), name: name, catalogueCategory: category)
        product.$business.value = business
        try await request.db.transaction { db in
            try await product.create(on: db)
            try await AuditLog.record(.create, product, before: nil, actor: principal.actor, on: db)
        }
        return product
    }
}
