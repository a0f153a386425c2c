import FluentKit
import Foundation
import ShianCore

/// The form's JSON columns, decoded. A column that does not decode reads as empty: the API
/// validates what it stores, so only a hand-edited row could be bad, and a report must still load.
extension ReportForm {
    public var type: ReportPeriodType { ReportPeriodType(rawValue: periodType) ?? .monthly }
    public var fieldList: [ReportField] { Self.decode([ReportField].self, fields) ?? [] }
    public var ruleList: [ReportValidationRule] { Self.decode([ReportValidationRule].self, rules) ?? [] }
    public var outlierCheck: OutlierRule? { outlierRule.flatMap { Self.decode(OutlierRule.self, $0) } }
    /// The townships assigned; empty means every township of the county.
    public var assignedUnits: [String] { Self.decode([String].self, units) ?? [] }

    public var definition: ReportFormDefinition {
        ReportFormDefinition(
            code: code, name: name, periodType: type, fields: fieldList, rules: ruleList, outlierRule: outlierCheck, dueDays: dueDays)
    }

    /// Stores a definition (and the assigned townships) in the columns.
    public func apply(_ definition: ReportFormDefinition, units: [String]) throws {
        code = definition.code
        name = definition.name
        periodType = definition.periodType.rawValue
        fields = try Self.encode(definition.fields)
        rules = try Self.encode(definition.rules)
        outlierRule = try definition.outlierRule.map(Self.encode)
        dueDays = definition.dueDays
        self.units = try Self.encode(units)
    }

    /// When a period's report is due.
    public func dueAt(_ period: ReportPeriod) -> Date { period.dueAt(daysAfterEnd: dueDays) }

    /// The townships that owe this form's reports, sorted by code.
    public func reportingUnits(on database: any Database) async throws -> [Region] {
        let assigned = assignedUnits
        let range = RegionCode.prefixRange(regionCode)
        // Only the townships are read: a county holds some 500 villages and grids besides.
        let townships = try await Region.query(on: database).filter(\.$code >= range.lower).filter(\.$code < (range.upper ?? "~"))
            .filter(\.$level == .township).sort(\.$code).all()
        return assigned.isEmpty ? townships : townships.filter { assigned.contains($0.code) }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String) -> Value? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }

    public static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
