import FluentKit
import Foundation
import SQLKit
import ShianCore
import ShianStore
import Vapor

/// The loop's figures per region and year, the ones creation indicators use: inspections done
/// against required (by risk grade), orders issued and closed (closure rate), and orders overdue
/// now. Each is a grouped count over the region's code range, broken down by the next level down.
/// Computed when read (indexed ranges); kept incrementally once the cockpit needs it at scale.
enum InspectionMetrics {
    struct Figures: Content {
        let regionCode: String
        let year: Int
        let inspectionsDone: Int
        let inspectionsRequired: Int
        let ordersIssued: Int
        let ordersClosed: Int
        /// Closed ÷ issued, 0–1; null when none were issued.
        let closureRate: Double?
        let overdueOrders: Int
    }

    struct Report: Content {
        let total: Figures
        let children: [Figures]
    }

    static func report(under place: RegionCode, year: Int, now: Date, on database: any Database) async throws -> Report {
        guard let sql = database as? any SQLDatabase else { throw ShianError(.internalServerError, "internalError") }
        let childLength = place.level.child?.codeLength ?? place.level.codeLength
        let range = place.descendantRange
        let upper = range.upper ?? "~"
        let start = Calendar.shanghai.date(from: DateComponents(year: year, month: 1, day: 1)) ?? now
        let end = Calendar.shanghai.date(from: DateComponents(year: year + 1, month: 1, day: 1)) ?? now

        struct Count: Decodable {
            let place: String
            let count: Int
        }
        struct GradeCount: Decodable {
            let place: String
            let grade: String?
            let count: Int
        }
        func grouped(_ table: String, where condition: SQLQueryString) async throws -> [String: Int] {
            let rows = try await sql.raw("""
                SELECT substr(region_code, 1, \(literal: childLength)) AS place, COUNT(*) AS count FROM \(ident: table)
                WHERE region_code >= \(bind: range.lower) AND region_code < \(bind: upper) AND \(condition)
                GROUP BY substr(region_code, 1, \(literal: childLength))
                """).all(decoding: Count.self)
            return Dictionary(rows.map { ($0.place, $0.count) }, uniquingKeysWith: +)
        }
        let done = try await grouped(Inspection.schema, where: "inspected_at >= \(bind: start) AND inspected_at < \(bind: end)")
        let issued = try await grouped(RectificationOrder.schema, where: "issued_at >= \(bind: start) AND issued_at < \(bind: end)")
        let closed = try await grouped(
            RectificationOrder.schema, where: "issued_at >= \(bind: start) AND issued_at < \(bind: end) AND status = 'closed'")
        let overdue = try await grouped(RectificationOrder.schema, where: "status <> 'closed' AND deadline < \(bind: now)")
        let grades = try await sql.raw("""
            SELECT substr(region_code, 1, \(literal: childLength)) AS place, risk_grade AS grade, COUNT(*) AS count FROM businesses
            WHERE region_code >= \(bind: range.lower) AND region_code < \(bind: upper) AND status = 'active'
            GROUP BY substr(region_code, 1, \(literal: childLength)), risk_grade
            """).all(decoding: GradeCount.self)
        var required: [String: Int] = [:]
        for row in grades {
            // Ungraded businesses count as grade A: at least one inspection a year.
            required[row.place, default: 0] += row.count * (row.grade.flatMap(RiskGrade.init(rawValue:)) ?? .a).inspectionsPerYear
        }
        func figures(_ code: String, _ pick: (([String: Int]) -> Int)) -> Figures {
            let issuedCount = pick(issued), closedCount = pick(closed)
            return Figures(
                regionCode: code, year: year, inspectionsDone: pick(done), inspectionsRequired: pick(required), ordersIssued: issuedCount,
                ordersClosed: closedCount, closureRate: issuedCount == 0 ? nil : Double(closedCount) / Double(issuedCount),
                overdueOrders: pick(overdue))
        }
        let places = Set(done.keys).union(issued.keys).union(overdue.keys).union(required.keys).sorted()
        let children = childLength == place.level.codeLength ? [] : places.map { code in figures(code) { $0[code] ?? 0 } }
        let total = figures(place.rawValue) { $0.values.reduce(0, +) }
        return Report(total: total, children: children)
    }

    /// `GET /api/v1/inspection-metrics?regionCode=&year=`.
    static func api(request: Request) async throws -> Report {
        let principal = try request.require(.readInspections)
        let text = (try? request.query.get(String.self, at: "regionCode")).flatMap { $0.isEmpty ? nil : $0 } ?? principal.user.regionCode
        guard let place = RegionCode(validating: text) else { throw ShianError(.badRequest, "regionCodeInvalid", field: "regionCode") }
        try principal.scope.require(covers: place.rawValue)
        let now = Date()
        let year: Int
        if let value = try? request.query.get(String.self, at: "year"), !value.isEmpty {
            guard let number = Int(value), (2000...2100).contains(number) else { throw ShianError(.badRequest, "yearInvalid", field: "year") }
            year = number
        } else {
            year = Calendar.shanghai.component(.year, from: now)
        }
        return try await report(under: place, year: year, now: now, on: request.db)
    }
}
