import FluentKit
import Foundation
import SQLKit
import ShianCore
import ShianStore

/// The traceability figures creation indicators bind (MetricDefinition's catalogue), per region
/// and year: the share of produce lots that came to market with a certificate
/// (`certificateCoverageAtMarketEntry`), and the share of imported cold-chain batches registered
/// with all three certificates (`coldChainDocumentCompleteness`; the trace code, the fourth of the
/// four no's, every batch has). A year with nothing recorded gives no value, not 0 %.
enum TraceMetrics {
    private struct Counts: Decodable {
        let total: Int
        let covered: Int?
    }

    static func metricValues(place: RegionCode, year: Int, on database: any Database) async throws -> [MetricID: MetricValue] {
        guard let sql = database as? any SQLDatabase else { return [:] }
        let range = place.descendantRange
        let upper = range.upper ?? "~"
        var values: [MetricID: MetricValue] = [:]
        // Entry checks carry their China-time month, so the year is a range of month strings.
        let lots = try await sql.raw("""
            SELECT COUNT(*) AS total, SUM(CASE WHEN has_certificate THEN 1 ELSE 0 END) AS covered
            FROM market_entry_checks
            WHERE region_code >= \(bind: range.lower) AND region_code < \(bind: upper)
                AND month >= \(bind: String(format: "%04d-01", year)) AND month <= \(bind: String(format: "%04d-12", year))
            """).first(decoding: Counts.self)
        if let lots, lots.total > 0 {
            values[.certificateCoverageAtMarketEntry] = MetricDefinition.byID[.certificateCoverageAtMarketEntry]?
                .value(numerator: Double(lots.covered ?? 0), denominator: Double(lots.total))
        }
        let calendar = Calendar.shanghai
        guard let start = calendar.date(from: DateComponents(year: year, month: 1, day: 1)),
            let end = calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1))
        else { return values }
        // First-stop batches only: a split or processed batch inherits its source's certificates.
        let batches = try await sql.raw("""
            SELECT COUNT(*) AS total,
                SUM(CASE WHEN (SELECT COUNT(DISTINCT d.kind) FROM import_documents d WHERE d.batch_id = b.id) = \(bind: ImportDocumentKind.allCases.count)
                    THEN 1 ELSE 0 END) AS covered
            FROM cold_chain_batches b
            WHERE b.region_code >= \(bind: range.lower) AND b.region_code < \(bind: upper) AND b.parent_id IS NULL
                AND b.registered_at >= \(bind: start) AND b.registered_at < \(bind: end)
            """).first(decoding: Counts.self)
        if let batches, batches.total > 0 {
            values[.coldChainDocumentCompleteness] = MetricDefinition.byID[.coldChainDocumentCompleteness]?
                .value(numerator: Double(batches.covered ?? 0), denominator: Double(batches.total))
        }
        return values
    }
}
