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
            "riskGrade": riskGrade ?? "", "creditRating": creditRating ?? "", "creditScore": creditScore.map(String.init) ?? "",
            "nextInspectionDue": nextInspectionDue.map { $0.formatted(.iso8601) } ?? "",
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

extension Inspection: Auditable {
    public static let auditEntityType = "inspection"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["businessId": $business.id.uuidString, "kind": kind.rawValue, "inspectedAt": inspectedAt.formatted(.iso8601),
         "score": String(score), "result": result.rawValue, "acknowledgedBy": acknowledgedBy ?? ""]
    }
}

extension RectificationOrder: Auditable {
    public static let auditEntityType = "rectificationOrder"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["number": number, "businessId": $business.id.uuidString, "severity": severity.rawValue, "deadline": deadline.formatted(.iso8601),
         "status": status.rawValue, "answer": answer ?? "", "rejectionReason": rejectionReason ?? "", "rejections": String(rejections),
         "closedAt": closedAt.map { $0.formatted(.iso8601) } ?? "", "escalatedAt": escalatedAt.map { $0.formatted(.iso8601) } ?? ""]
    }
}
