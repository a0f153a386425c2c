import FluentKit
import Foundation
import SQLKit
import ShianCore
import ShianStore
import Vapor

/// The campaign a request reads: the region that runs it (a county), the standard in force there,
/// each indicator's assignment, the metric values of the year, and the names of the units.
///
/// Scope: the campaign belongs to the county. Users scoped at or above it read it through the usual
/// region scope; department officers (scoped to the county) read it too; a township officer reads
/// the campaign of the county the township lies in, and acts only on the items the township leads.
struct CreationCampaign: Sendable {
    let place: RegionCode
    let record: StandardRecord
    let standard: StandardDocument
    /// Keyed by indicator number; items without a row have not been assigned or started.
    let assignments: [String: IndicatorAssignment]
    let metricValues: [MetricID: MetricValue]
    let unitNames: [String: String]
    /// The county's showcase projects; they score the standard's showcase indicator.
    let showcaseProjects: [ShowcaseProjectSummary]
    let year: Int
    let now: Date

    /// The item's lead unit: the county's assignment, else the standard's suggestion.
    func leadUnit(_ indicator: Indicator) -> String? {
        assignments[indicator.number].map { $0.leadUnit } ?? indicator.leadUnit
    }

    func unitName(_ unit: String?) -> String? {
        unit.map { unitNames[$0] ?? $0 }
    }

    func state(_ indicator: Indicator) -> IndicatorState {
        var state =
            assignments[indicator.number]?.state(leadUnitName: nil)
            ?? IndicatorState(leadUnit: indicator.leadUnit)
        state.leadUnit = unitName(state.leadUnit)
        state.metricValues = metricValues
        if indicator.number == standard.showcaseIndicator { state.showcase = ShowcaseStanding(projects: showcaseProjects) }
        return state
    }

    func forecast(topGapLimit: Int? = 10) -> Forecast {
        let states = Dictionary(uniqueKeysWithValues: standard.indicators.map { ($0.number, state($0)) })
        return Forecast.make(standard: standard, states: states, options: ForecastOptions(now: now, topGapLimit: topGapLimit))
    }

    /// The standard's item with this number, or 404.
    func indicator(_ number: String) throws -> Indicator {
        guard let indicator = standard.indicators.first(where: { $0.number == number }) else {
            throw ShianError(.notFound, "indicatorNotFound", field: "number", arguments: [number])
        }
        return indicator
    }
}

enum CreationQueries {
    /// The campaign region of a request: `regionCode` if given, else the caller's own region; a
    /// township or finer code means its county. 403 outside the caller's reach.
    static func place(_ request: Request, principal: Principal) throws -> RegionCode {
        let text = (try? request.query.get(String.self, at: "regionCode")).flatMap { $0.isEmpty ? nil : $0 } ?? principal.user.regionCode
        guard var code = RegionCode(validating: text) else { throw ShianError(.badRequest, "regionCodeInvalid", field: "regionCode") }
        if code.level > .county, let county = code.lineage.first(where: { $0.level == .county }) { code = county }
        let own = principal.user.scope.regionCode
        // The caller's own county is readable from inside it (a township officer's campaign).
        let ownCounty = code.level == .county && code.contains(own)
        guard principal.scope.covers(code.rawValue) || ownCounty else { throw ShianError.forbidden }
        return code
    }

    /// The caller's unit in a campaign: a department officer's department code, a township officer's
    /// township; nil for roles that act county-wide or not at all.
    static func unit(of principal: Principal, on database: any Database) async throws -> String? {
        switch principal.role {
        case .departmentOfficer:
            guard let id = principal.user.scope.departmentID else { return nil }
            return try await Department.find(id, on: database)?.code
        case .townshipOfficer:
            return principal.user.regionCode
        default:
            return nil
        }
    }

    /// The standard a region works to: `standard` (a code) if given; else the code its assignments
    /// use; else the standard imported last. Always the version in force.
    static func standard(for place: RegionCode, code: String?, on database: any Database) async throws -> StandardRecord {
        if let code, !code.isEmpty {
            guard let record = try await StandardRecord.current(code: code, on: database) else {
                throw ShianError(.notFound, "standardNotFound", field: "standard", arguments: [code])
            }
            return record
        }
        if let used = try await IndicatorAssignment.query(on: database).filter(\.$regionCode == place.rawValue).first(),
            let record = try await StandardRecord.current(code: used.standardCode, on: database)
        {
            return record
        }
        guard
            let record = try await StandardRecord.query(on: database).filter(\.$supersededAt == nil)
                .sort(\.$importedAt, .descending).first()
        else { throw ShianError(.notFound, "standardNotLoaded") }
        return record
    }

    /// Everything a page or the API needs about a region's campaign. `year` defaults to this year.
    static func campaign(
        _ request: Request, principal: Principal, now: Date = Date(), on database: any Database
    ) async throws -> CreationCampaign {
        let place = try place(request, principal: principal)
        let code = try? request.query.get(String.self, at: "standard")
        var year = Calendar.shanghai.component(.year, from: now)
        if let text = try? request.query.get(String.self, at: "year"), !text.isEmpty {
            guard let value = Int(text), (2000...2100).contains(value) else { throw ShianError(.badRequest, "yearInvalid", field: "year") }
            year = value
        }
        return try await campaign(place: place, standardCode: code, year: year, now: now, on: database)
    }

    static func campaign(
        place: RegionCode, standardCode: String?, year: Int, now: Date, on database: any Database
    ) async throws -> CreationCampaign {
        let record = try await standard(for: place, code: standardCode, on: database)
        let standard = try record.standard()
        async let rows = IndicatorAssignment.query(on: database)
            .filter(\.$regionCode == place.rawValue).filter(\.$standardCode == standard.code).all()
        async let values = metricValues(place: place, year: year, now: now, on: database)
        let assignments = Dictionary(try await rows.map { ($0.indicatorNumber, $0) }, uniquingKeysWith: { first, _ in first })
        var units = Set(standard.indicators.compactMap(\.leadUnit))
        units.formUnion(assignments.values.compactMap(\.leadUnit))
        units.formUnion(assignments.values.flatMap(\.supportingUnits))
        units.formUnion(try await ShowcaseQueries.leadUnits(place: place, on: database))
        let names = try await unitNames(units, place: place, on: database)
        let projects = try await ShowcaseQueries.summaries(
            place: place, standardCode: standard.code, now: now, unitNames: names, on: database)
        return CreationCampaign(
            place: place, record: record, standard: standard, assignments: assignments, metricValues: try await values,
            unitNames: names, showcaseProjects: projects, year: year, now: now)
    }

    /// Names of units: departments of the region by code, townships by region code.
    static func unitNames(_ units: Set<String>, place: RegionCode, on database: any Database) async throws -> [String: String] {
        let departments = try await Department.query(on: database).filter(\.$regionCode == place.rawValue).all()
        var names = Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let codes = units.filter { $0.first?.isNumber == true }
        if !codes.isEmpty {
            for region in try await Region.query(on: database).filter(\.$code ~~ Array(codes)).all() { names[region.code] = region.name }
        }
        return names
    }

    /// The units a region may assign: its departments (by code) and its townships (by region code).
    static func assignableUnits(place: RegionCode, on database: any Database) async throws -> [(code: String, name: String)] {
        let departments = try await Department.query(on: database).filter(\.$regionCode == place.rawValue)
            .filter(\.$active == true).sort(\.$code).all()
        let townships = place.level == .county
            ? try await Region.query(on: database).within(place).filter(\.$level == .township).sort(\.$code).all() : []
        return departments.map { ($0.code, $0.name) } + townships.map { ($0.code, $0.name) }
    }

    /// The metric values of a region and year: recorded values first, then what Shian computes from
    /// its records (the inspection loop's figures, licence coverage, market-entry certificate
    /// coverage, cold-chain certificate completeness, reporting rates), which win.
    static func metricValues(place: RegionCode, year: Int, now: Date, on database: any Database) async throws -> [MetricID: MetricValue] {
        var values: [MetricID: MetricValue] = [:]
        let definitions = MetricDefinition.byID
        let recorded = try await MetricObservation.query(on: database)
            .filter(\.$regionCode == place.rawValue).filter(\.$year == year).all()
        for observation in recorded {
            let id = MetricID(observation.metric)
            guard let definition = definitions[id] else { continue }
            values[id] = definition.value(numerator: observation.numerator, denominator: observation.denominator)
        }
        let report = try await InspectionMetrics.report(under: place, year: year, now: now, on: database)
        let loop = InspectionMetrics.metricValues(report.total)
        // No inspections required and none issued yet means no data, not a computed zero.
        for (id, value) in loop where value.value != nil || values[id] == nil { values[id] = value }
        if let coverage = try await licenceCoverage(place: place, now: now, on: database) { values[.licenceCoverage] = coverage }
        for (id, value) in try await TraceMetrics.metricValues(place: place, year: year, on: database) { values[id] = value }
        // Computed from the townships' reports once forms exist; recorded figures stand until then.
        for (id, value) in try await Reporting.metricValues(county: place, now: now, on: database) { values[id] = value }
        return values
    }

    /// Active businesses holding a licence, registration or filing in force ÷ active businesses.
    static func licenceCoverage(place: RegionCode, now: Date, on database: any Database) async throws -> MetricValue? {
        guard let sql = database as? any SQLDatabase else { return nil }
        struct Row: Decodable {
            let total: Int
            let covered: Int?
        }
        let range = place.descendantRange
        let row = try await sql.raw("""
            SELECT COUNT(*) AS total,
                SUM(CASE WHEN permit_kind <> 'none' AND permit_cancelled_at IS NULL
                    AND (permit_valid_until IS NULL OR permit_valid_until >= \(bind: now)) THEN 1 ELSE 0 END) AS covered
            FROM businesses
            WHERE status = 'active' AND region_code >= \(bind: range.lower) AND region_code < \(bind: range.upper ?? "~")
            """).first(decoding: Row.self)
        guard let row, row.total > 0 else { return nil }
        return MetricDefinition.byID[.licenceCoverage]?.value(numerator: Double(row.covered ?? 0), denominator: Double(row.total))
    }
}
