import FluentKit
import Foundation
import SQLKit
import ShianCore

/// The loop's running counts per place (the business's region code when inspected) and year:
/// inspections done, orders issued, orders closed and answers rejected, counted by the order's
/// year of issue so that closed ÷ issued is the year's closure rate. Each step of the loop adds to
/// them in its own transaction, so a township or county figure is a sum over a few thousand rows
/// instead of a count over millions of inspections. `rebuild` recounts them from the records
/// (after bulk seeding, or to check them).
public enum LoopMetrics {
    public static let schema = "loop_metrics"

    public struct Counts: Codable, Sendable, Equatable {
        public var inspectionsDone = 0
        public var ordersIssued = 0
        public var ordersClosed = 0
        public var answersRejected = 0

        public init(inspectionsDone: Int = 0, ordersIssued: Int = 0, ordersClosed: Int = 0, answersRejected: Int = 0) {
            self.inspectionsDone = inspectionsDone
            self.ordersIssued = ordersIssued
            self.ordersClosed = ordersClosed
            self.answersRejected = answersRejected
        }

        public static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(
                inspectionsDone: lhs.inspectionsDone + rhs.inspectionsDone, ordersIssued: lhs.ordersIssued + rhs.ordersIssued,
                ordersClosed: lhs.ordersClosed + rhs.ordersClosed, answersRejected: lhs.answersRejected + rhs.answersRejected)
        }
    }

    /// Adds `delta` to the place's row for the year, creating it on first use (one upsert: the same
    /// SQL on SQLite and PostgreSQL, safe when two requests count at once).
    public static func add(_ delta: Counts, regionCode: String, year: Int, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("""
            INSERT INTO loop_metrics (region_code, year, inspections_done, orders_issued, orders_closed, answers_rejected)
            VALUES (\(bind: regionCode), \(bind: year), \(bind: delta.inspectionsDone), \(bind: delta.ordersIssued),
                    \(bind: delta.ordersClosed), \(bind: delta.answersRejected))
            ON CONFLICT (region_code, year) DO UPDATE SET
                inspections_done = loop_metrics.inspections_done + excluded.inspections_done,
                orders_issued = loop_metrics.orders_issued + excluded.orders_issued,
                orders_closed = loop_metrics.orders_closed + excluded.orders_closed,
                answers_rejected = loop_metrics.answers_rejected + excluded.answers_rejected
            """).run()
    }

    /// The counts under a code range for a year, summed per code prefix of `prefixLength` (the
    /// children of the place asked for).
    public static func counts(lower: String, upper: String, prefixLength: Int, year: Int, on database: any Database) async throws
        -> [String: Counts]
    {
        guard let sql = database as? any SQLDatabase else { return [:] }
        struct Row: Decodable {
            let place: String
            let inspections_done: Int
            let orders_issued: Int
            let orders_closed: Int
            let answers_rejected: Int
        }
        let rows = try await sql.raw("""
            SELECT substr(region_code, 1, \(literal: prefixLength)) AS place, SUM(inspections_done) AS inspections_done,
                SUM(orders_issued) AS orders_issued, SUM(orders_closed) AS orders_closed, SUM(answers_rejected) AS answers_rejected
            FROM loop_metrics WHERE year = \(bind: year) AND region_code >= \(bind: lower) AND region_code < \(bind: upper)
            GROUP BY substr(region_code, 1, \(literal: prefixLength))
            """).all(decoding: Row.self)
        return Dictionary(
            rows.map {
                ($0.place, Counts(
                    inspectionsDone: $0.inspections_done, ordersIssued: $0.orders_issued, ordersClosed: $0.orders_closed,
                    answersRejected: $0.answers_rejected))
            }, uniquingKeysWith: +)
    }

    /// Recounts every row from the inspections and orders, year by year, in one transaction.
    public static func rebuild(on database: any Database, calendar: Calendar = .shanghai) async throws {
        try await database.transaction { db in
            guard let sql = db as? any SQLDatabase else { return }
            try await sql.delete(from: schema).run()
            guard let first = try await Inspection.query(on: db).min(\.$inspectedAt),
                let last = try await Inspection.query(on: db).max(\.$inspectedAt)
            else { return }
            let firstOrder = try await RectificationOrder.query(on: db).min(\.$issuedAt) ?? first
            let lastOrder = try await RectificationOrder.query(on: db).max(\.$issuedAt) ?? last
            let years = calendar.component(.year, from: min(first, firstOrder))...calendar.component(.year, from: max(last, lastOrder))
            for year in years {
                guard let start = calendar.date(from: DateComponents(year: year, month: 1, day: 1)),
                    let end = calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1))
                else { continue }
                var counts: [String: Counts] = [:]
                for (place, count) in try await grouped(sql, Inspection.schema, "inspected_at", start, end, "1 = 1") {
                    counts[place, default: Counts()].inspectionsDone = count
                }
                for (place, count) in try await grouped(sql, RectificationOrder.schema, "issued_at", start, end, "1 = 1") {
                    counts[place, default: Counts()].ordersIssued = count
                }
                for (place, count) in try await grouped(sql, RectificationOrder.schema, "issued_at", start, end, "status = 'closed'") {
                    counts[place, default: Counts()].ordersClosed = count
                }
                for (place, count) in try await grouped(sql, RectificationOrder.schema, "issued_at", start, end, "rejections > 0", sum: "rejections") {
                    counts[place, default: Counts()].answersRejected = count
                }
                for (place, delta) in counts { try await add(delta, regionCode: place, year: year, on: db) }
            }
        }
    }

    private static func grouped(
        _ sql: any SQLDatabase, _ table: String, _ dateColumn: String, _ start: Date, _ end: Date, _ condition: String, sum: String? = nil
    ) async throws -> [(String, Int)] {
        struct Row: Decodable {
            let place: String
            let count: Int
        }
        // PostgreSQL sums BIGINT columns as NUMERIC; the cast keeps the result an integer on both.
        let measure = sum.map { "CAST(SUM(\($0)) AS BIGINT)" } ?? "COUNT(*)"
        return try await sql.raw("""
            SELECT region_code AS place, \(unsafeRaw: measure) AS count FROM \(ident: table)
            WHERE \(ident: dateColumn) >= \(bind: start) AND \(ident: dateColumn) < \(bind: end) AND \(unsafeRaw: condition)
            GROUP BY region_code
            """).all(decoding: Row.self).map { ($0.place, $0.count) }
    }
}

public struct CreateLoopMetrics: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(table: LoopMetrics.schema)
            .column("region_code", type: .text, .notNull)
            .column("year", type: .int, .notNull)
            .column("inspections_done", type: .int, .notNull)
            .column("orders_issued", type: .int, .notNull)
            .column("orders_closed", type: .int, .notNull)
            .column("answers_rejected", type: .int, .notNull)
            .primaryKey("region_code", "year")
            .run()
        // The overdue and open-order lists read only unclosed orders, a small share of all of them.
        try await sql.raw("""
            CREATE INDEX rectification_orders_unclosed ON rectification_orders (deadline, region_code) WHERE status <> 'closed'
            """).run()
        try await LoopMetrics.rebuild(on: database)
    }

    public func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX rectification_orders_unclosed").run()
        try await sql.drop(table: LoopMetrics.schema).run()
    }
}
