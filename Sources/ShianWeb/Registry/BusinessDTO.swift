import Foundation
import ShianCore
import ShianStore
import Vapor

/// A business in the API.
struct BusinessDTO: Content {
    struct Permit: Content {
        let kind: String
        let number: String?
        /// Calendar days, YYYY-MM-DD.
        let validFrom: String?
        let validUntil: String?
        let cancelledAt: Date?
        /// expired, within30Days, within60Days, within90Days, valid or unknown.
        let expiry: String
    }

    let id: UUID
    let name: String
    let creditCode: String?
    let category: String
    /// The grid (or, for a business not yet placed, the village or township).
    let gridCode: String
    let address: String
    let legalRepresentative: String?
    let contactPhone: String?
    let safetyDirector: String?
    let safetyOfficer: String?
    let status: String
    let permit: Permit
    let areaSquareMetres: Double?
    let riskGrade: String?
    let creditRating: String?
    let createdAt: Date?
    let updatedAt: Date?

    init(_ business: Business, today: Date) throws {
        id = try business.requireID()
        name = business.name
        creditCode = business.creditCode
        category = business.category.rawValue
        gridCode = business.regionCode
        address = business.address
        legalRepresentative = business.legalRepresentative
        contactPhone = business.contactPhone
        safetyDirector = business.safetyDirector
        safetyOfficer = business.safetyOfficer
        status = business.status.rawValue
        permit = Permit(
            kind: business.permitKind.rawValue, number: business.permitNumber,
            validFrom: business.permitValidFrom.map(Formatting.day), validUntil: business.permitValidUntil.map(Formatting.day),
            cancelledAt: business.permitCancelledAt, expiry: business.permitExpiry(today: today).rawValue)
        areaSquareMetres = business.areaSquareMetres
        riskGrade = business.riskGrade
        creditRating = business.creditRating
        createdAt = business.createdAt
        updatedAt = business.updatedAt
    }
}
