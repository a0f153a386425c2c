import FluentKit
import Foundation
import ShianCore

/// One indicator of a standard in one campaign region (a county): who leads it and helps, by when,
/// and where its evidence stands in the review. Keyed by the standard's code, not its version, so a
/// new version of the standard keeps the county's work on the items it still has.
///
/// A unit is a department of the region (its code, e.g. `market`) or a township (its region code).
public final class IndicatorAssignment: Model, @unchecked Sendable {
    public static let schema = "indicator_assignments"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Field(key: "updated_at") public var updatedAt: Date

    // data fields
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "standard_code") public var standardCode: String
    @Field(key: "indicator_number") public var indicatorNumber: String
    /// The number with each component zero-padded ("0003.0010"), so the standard's order is the
    /// column's order.
    @Field(key: "sort_key") public var sortKey: String
    @OptionalField(key: "lead_unit") public var leadUnit: String?
    /// Supporting units, comma-separated.
    @Field(key: "supporting_units") public var supportingUnitList: String
    @OptionalField(key: "deadline") public var deadline: Date?
    @Enum(key: "status") public var status: IndicatorStatus
    /// The unit's own score (自评); nil claims the item in full.
    @OptionalField(key: "self_score") public var selfScore: Double?
    /// `[ScoreDeduction]` as JSON.
    @Field(key: "deductions") public var deductionList: String
    /// Why the reviewer returned it, while it is returned.
    @OptionalField(key: "return_reason") public var returnReason: String?
    @OptionalField(key: "approved_at") public var approvedAt: Date?
    @OptionalField(key: "approved_by") public var approvedBy: String?
    /// Why a higher level unlocked the approved item, until it is approved again.
    @OptionalField(key: "unlock_reason") public var unlockReason: String?
    /// Changes made since the item was last approved (an unlock and every later submission count).
    @Field(key: "changes_since_approval") public var changesSinceApproval: Int

    public init() {}

    public init(regionCode: String, standardCode: String, indicator: Indicator, now: Date) {
        self.regionCode = regionCode
        self.standardCode = standardCode
        indicatorNumber = indicator.number
        sortKey = Self.sortKey(indicator.number)
        leadUnit = indicator.leadUnit
        supportingUnitList = indicator.supportingUnits.joined(separator: ",")
        status = .notStarted
        deductionList = "[]"
        changesSinceApproval = 0
        updatedAt = now.storageRounded
    }

    public static func sortKey(_ number: String) -> String {
        number.split(separator: ".").map { String(repeating: "0", count: max(0, 4 - $0.count)) + $0 }.joined(separator: ".")
    }

    public var supportingUnits: [String] {
        get { supportingUnitList.split(separator: ",").map(String.init) }
        set { supportingUnitList = newValue.joined(separator: ",") }
    }

    public var deductions: [ScoreDeduction] {
        get { (try? JSONDecoder().decode([ScoreDeduction].self, from: Data(deductionList.utf8))) ?? [] }
        set { deductionList = (try? JSONEncoder().encode(newValue)).map { String(decoding: $0, as: UTF8.self) } ?? "[]" }
    }

    /// Approved evidence is locked until a higher level unlocks it.
    public var isLocked: Bool { status == .approved }

    /// The state the forecast reads (metric values are added by the caller).
    public func state(leadUnitName: String?) -> IndicatorState {
        IndicatorState(
            status: status, selfScore: selfScore, deductions: deductions, leadUnit: leadUnitName ?? leadUnit, deadline: deadline)
    }
}

extension IndicatorAssignment: RegionScoped {
    public static var regionCodeKey: KeyPath<IndicatorAssignment, FieldProperty<IndicatorAssignment, String>> { \.$regionCode }
}

extension IndicatorAssignment: Auditable {
    public static let auditEntityType = "indicatorAssignment"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["standardCode": standardCode, "indicatorNumber": indicatorNumber, "leadUnit": leadUnit ?? "",
         "supportingUnits": supportingUnitList, "deadline": deadline.map { $0.formatted(.iso8601) } ?? "",
         "status": status.rawValue, "selfScore": selfScore.map { String($0) } ?? "", "deductions": deductionList,
         "returnReason": returnReason ?? "", "unlockReason": unlockReason ?? "", "changesSinceApproval": String(changesSinceApproval)]
    }
}
