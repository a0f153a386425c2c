import Foundation
import ShianCore

extension Business: Auditable {
    public static let auditEntityType = "business"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        [
            "name": name, "creditCode": creditCode ?? "", "category": category.rawValue, "regionCode": regionCode,
            "address": address, "legalRepresentative": legalRepresentative ?? "", "contactPhone": contactPhone ?? "",
            "safetyDirector": safetyDirector ?? "", "safetyOfficer": safetyOfficer ?? "", "status": status.rawValue,
            "permitKind": permitKind.rawValue, "permitNumber": permitNumber ?? "",
            "permitValidFrom": permitValidFrom.map { $0.formatted(.iso8601) } ?? "",
            "permitValidUntil": permitValidUntil.map { $0.formatted(.iso8601) } ?? "",
            "permitCancelledAt": permitCancelledAt.map { $0.formatted(.iso8601) } ?? "",
            "areaSquareMetres": areaSquareMetres.map { String($0) } ?? "",
        ]
    }
}

extension VendorZone: Auditable {
    public static let auditEntityType = "vendorZone"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["name": name, "location": location, "stalls": String(stalls), "hours": hours, "active": "\(active)"]
    }
}

extension WorkshopProduct: Auditable {
    public static let auditEntityType = "workshopProduct"
    /// Products are audited under their workshop's region; the caller loads the business first.
    public var auditRegionCode: String { $business.value?.regionCode ?? "" }
    public var auditFields: [String: String] {
        ["name": name, "catalogueCategory": catalogueCategory, "businessId": $business.id.uuidString]
    }
}
