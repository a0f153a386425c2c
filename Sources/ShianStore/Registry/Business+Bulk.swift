import Foundation
import SQLKit

/// The columns of a business row for bulk inserts (imports, demo and scale seeding): one place,
/// so a new column cannot be forgotten in one of them. A multi-row INSERT per chunk is what makes
/// an import of 100,000 rows take seconds rather than minutes.
public enum BulkRow {
    public static let columns = [
        "id", "name", "credit_code", "category", "region_code", "address", "identity_key", "legal_representative",
        "contact_phone", "safety_director", "safety_officer", "status", "permit_kind", "permit_number", "permit_valid_from",
        "permit_valid_until", "permit_cancelled_at", "area_square_metres", "risk_grade", "credit_rating", "credit_score",
        "last_inspected_at", "next_inspection_due", "created_at", "updated_at",
    ]

    public static func values(_ business: Business, now: Date) -> [any SQLExpression] {
        [
            SQLBind(business.id ?? UUID()), SQLBind(business.name), SQLBind(business.creditCode), SQLBind(business.category.rawValue),
            SQLBind(business.regionCode), SQLBind(business.address), SQLBind(business.identityKey),
            SQLBind(business.legalRepresentative), SQLBind(business.contactPhone), SQLBind(business.safetyDirector),
            SQLBind(business.safetyOfficer), SQLBind(business.status.rawValue), SQLBind(business.permitKind.rawValue),
            SQLBind(business.permitNumber), SQLBind(business.permitValidFrom), SQLBind(business.permitValidUntil),
            SQLBind(business.permitCancelledAt), SQLBind(business.areaSquareMetres), SQLBind(business.riskGrade),
            SQLBind(business.creditRating), SQLBind(business.creditScore), SQLBind(business.lastInspectedAt),
            SQLBind(business.nextInspectionDue), SQLBind(now), SQLBind(now),
        ]
    }
}
