import Foundation
import ShianCore

extension GridCharter: Auditable {
    public static let auditEntityType = "gridCharter"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["areaDescription": areaDescription, "targets": targets, "duties": duties, "rewardsAndPenalties": rewardsAndPenalties]
    }
}

extension GridCharterRecord: Auditable {
    public static let auditEntityType = "gridCharterRecord"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["kind": kind.rawValue, "occurredOn": occurredOn.formatted(.iso8601), "description": description, "recipient": recipient,
         "amountFen": amountFen.map(String.init) ?? ""]
    }
}

extension GrassrootsStaff: Auditable {
    public static let auditEntityType = "grassrootsStaff"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["name": name, "kind": kind.rawValue, "regionCode": regionCode, "phone": phone, "annualSubsidyFen": String(annualSubsidyFen),
         "appointedOn": appointedOn.formatted(.iso8601), "trainedOn": trainedOn.map { $0.formatted(.iso8601) } ?? "",
         "active": "\(active)"]
    }
}

extension ResponsibleCadre: Auditable {
    public static let auditEntityType = "responsibleCadre"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["name": name, "position": position, "regionCode": regionCode, "phone": phone, "duties": duties,
         "pledgeSignedOn": pledgeSignedOn.map { $0.formatted(.iso8601) } ?? "", "active": "\(active)"]
    }
}
