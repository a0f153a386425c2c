import Foundation
import ShianCore

extension Region: Auditable {
    public static let auditEntityType = "region"
    public var auditRegionCode: String { code }
    public var auditFields: [String: String] {
        ["code": code, "name": name, "level": level.rawValue, "parentCode": parentCode ?? "", "active": "\(active)"]
    }
}

extension Department: Auditable {
    public static let auditEntityType = "department"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["code": code, "name": name, "regionCode": regionCode, "duties": duties, "active": "\(active)"]
    }
}

extension User: Auditable {
    public static let auditEntityType = "user"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        [
            "username": username, "displayName": displayName, "role": role.rawValue, "regionCode": regionCode,
            "departmentId": $department.id?.uuidString ?? "", "businessId": $business.id?.uuidString ?? "",
            "phone": phone ?? "", "active": "\(active)",
        ]
    }
}

extension APIToken: Auditable {
    public static let auditEntityType = "apiToken"
    /// Tokens are audited under their owner's region; the caller sets it before recording.
    public var auditRegionCode: String { $user.value?.regionCode ?? "" }
    public var auditFields: [String: String] {
        ["name": name, "access": access.rawValue, "revoked": "\(revokedAt != nil)"]
    }
}
