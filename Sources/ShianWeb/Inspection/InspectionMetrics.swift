import FluentKit
import Foundation
import SQLKit
import ShianCore
import ShianStore
import Vapor

/// The loop's figures per region and year, the ones creation indicators use: inspections done
/// against required (by risk grade), orders issued and closed (closure rate), answers rejected,
/// and orders open, awaiting verification and overdue now — broken down by the next level down.
/// Done, issued, closed and rejected come from the running counts the loop keeps (`LoopMetrics`);
/// the orders not yet closed and the businesses' grades are counted when read, over indexes that
/// hold only unclosed orders and the registry.
enum InspectionMetrics {
    struct Figures: Content, Equatable {
        let regionCode: String
        let year: Int
        let inspectionsDone: Int
        let inspectionsRequired: Int
        let ordersIssued: Int
        let ordersClosed: Int
        /// Closed ÷ issued, 0–1; null when none were issued.
        let closureRate: Double?
        let answersRejected: Int
        /// Waiting for the business's answer, within the deadline.
        let ordersOpen: Int
        /// Answered, waiting for the inspector's verification.
        let ordersAwaitingVerification: Int
        let overdueOrders: Int
    }

    struct Report: Content, Equatable {
        let total: Figures
        let children: [Figures]
    }

    /// The figures as the metrics creation indicators bind to (`MetricDefinition.catalogue`).
    static func metricValues(_ figures: Figures) -> [MetricID: MetricValue] {
        let definitions = MetricDefinition.byID
        func value(_ id: MetricID, _ numerator: Int, _ denominator: Int?) -> (MetricID, MetricValue)? {
            definitions[id].map { (id, $0.value(numerator: Double(numerator), denominator: denominator.map(Double.init))) }
        }
        return Dictionary(
            uniqueKeysWithValues: [
                value(.inspectionsDoneVsRequired, figures.inspectionsDone, figures.inspectionsRequired),
                value(.rectificationClosureRate, figures.ordersClosed, figures.ordersIssued),
                value(.overdueRectificationOrders, figures.overdueOrders, nil),
            ].compactMap { $0 })
    }

    static func report(under place: RegionCode, year: Int, now: Date, on database: any Database) async throws -> Report {
        guard let sql = database as? any SQLDatabase else { throw ShianError(.internalServerError, "internalError") }
        let childLength = place.level.child?.codeLength ?? place.level.codeLength
        let range = place.descendantRange
        let upper = range.upper ?? "~"

        struct Unclosed: Decodable {
            let place: String
            let status: String
            let overdue: Int
            let count: Int
        }
        struct GradeCount: Decodable {
            let place: String
            let grade: String?
            let count: Int
        }
        let counts = try await LoopMetrics.counts(lower: range.lower, upper: upper, prefixLength: childLength, year: year, on: database)
        let unclosed = try await sql.raw("""
            SELECT substr(region_code, 1, \(literal: childLength)) AS place, status,
                CASE WHEN deadline < \(bind: now) THEN 1 ELSE 0 END AS overdue, COUNT(*) AS count
            FROM rectification_orders
            WHERE status <> 'closed' AND region_code >= \(bind: range.lower) AND region_code < \(bind: upper)
            GROUP BY 1, 2, 3
            """).all(decoding: Unclosed.self)
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
        var open: [String: Int] = [:], answered: [String: Int] = [:], overdue: [String: Int] = [:]
        for row in unclosed {
            if row.overdue == 1 {
                overdue[row.place, default: 0] += row.count
            } else if row.status == RectificationOrder.Status.answered.rawValue {
                answered[row.place, default: 0] += row.count
            } else {
                open[row.place, default: 0] += row.count
            }
        }
        func figures(_ code: String, _ places: [String]) -> Figures {
            let sum = places.reduce(LoopMetrics.Counts()) { $0 + (counts[$1] ?? .init()) }
            func total(_ table: [String: Int]) -> Int { places.reduce(0) { $0 + (table[$1] ?? 0) } }
            return Figures(
                regionCode: code, year: year, inspectionsDone: sum.inspectionsDone, inspectionsRequired: total(required),
                ordersIssued: sum.ordersIssued, ordersClosed: sum.ordersClosed,
                closureRate: sum.ordersIssued == 0 ? nil : Double(sum.ordersClosed) / Double(sum.ordersIssued),
                answersRejected: sum.answersRejected, ordersOpen: total(open), ordersAwaitingVerification: total(answered),
                overdueOrders: total(overdue))
        }
        let places = Set(counts.keys).union(required.keys).union(open.keys).union(answered.keys).union(overdue.keys).sorted()
        let children = childLength == place.level.codeLength ? [] : places.map { figures($0, [$0]) }
        return Report(total: figures(place.rawValue, places), children: children)
    }

    /// The place and year a request asks for: the caller's own region and this year by default.
    static func request(_ request: Request) throws -> (place: RegionCode, year: Int) {
        let principal = try request.require(.readInspections)
        let text = (try? request.query.get(String.self, at: "regionCode")).flatMap { $0.isEmpty ? nil : $0 } ?? principal.user.regionCode
        guard let place = RegionCode(validating: text) else { throw ShianError(.badRequest, "regionCodeInvalid", field: "regionCode") }
        try principal.scope.require(covers: place.rawValue)
        guard let value = try? request.query.get(String.self, at: "year"), !value.isEmpty else {
            return (place, Calendar.shanghai.component(.year, from: Date()))
        }
        guard let year = Int(value), (2000...2100).contains(year) else { throw ShianError(.badRequest, "yearInvalid", field: "year") }
        return (place, year)
    }

    /// `GET /api/v1/inspection-metrics?regionCode=&year=`.
    static func api(request: Request) async throws -> Report {
        let (place, year) = try Self.request(request)
        return try await report(under: place, year: year, now: Date(), on: request.db)
    }

    /// `/inspection-metrics?regionCode=&year=`: the same figures as a table, each child a drill-down.
    static func page(request: Request) async throws -> Response {
        let (place, year) = try Self.request(request)
        let report = try await report(under: place, year: year, now: Date(), on: request.db)
        let codes = [place.rawValue] + report.children.map(\.regionCode)
        let regions = try await Region.query(on: request.db).filter(\.$code ~~ codes).all()
        let names = Dictionary(regions.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        return .html(InspectionMetricsPage(context: request.pageContext, report: report, names: names).render())
    }
}
