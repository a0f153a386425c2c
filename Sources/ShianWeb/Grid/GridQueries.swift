import FluentKit
import FluentSQL
import Foundation
import SQLKit
import ShianCore
import ShianStore

/// Reads of the grid system: grids with their counts, and the coverage figures.
enum GridQueries {
    struct GridRow: Sendable {
        let grid: Region
        let businesses: Int
        let informants: Int
        let assistants: Int
    }

    /// The grids under `place` (in scope), with active businesses and staff counted per grid.
    static func grids(under place: RegionCode, scope: Scope, cursor: PageCursor?, limit: Int, on database: any Database)
        async throws -> RecordPage<GridRow>
    {
        let page = try await RegionQueries.list(
            .init(level: .grid, active: true, under: place.rawValue), scope: scope, cursor: cursor, limit: limit, on: database)
        guard let first = page.items.first?.code, let last = page.items.last?.code else {
            return RecordPage(items: [], nextCursor: nil)
        }
        let businesses = try await countByRegion(table: Business.schema, from: first, through: last, extra: "status = 'active'", on: database)
        let villageFirst = String(first.prefix(12)), villageLast = String(last.prefix(12))
        let informants = try await countByRegion(
            table: GrassrootsStaff.schema, from: first, through: last, extra: "kind = 'informant' AND active", on: database)
        let assistants = try await countByRegion(
            table: GrassrootsStaff.schema, from: villageFirst, through: villageLast + "999", extra: "kind = 'assistant' AND active",
            on: database)
        return page.map { grid in
            GridRow(
                grid: grid, businesses: businesses[grid.code] ?? 0, informants: informants[grid.code] ?? 0,
                assistants: assistants[String(grid.code.prefix(12))] ?? 0)
        }
    }

    /// Rows per region code between two codes (inclusive), in one grouped query.
    static func countByRegion(table: String, from: String, through: String, extra: String, on database: any Database) async throws
        -> [String: Int]
    {
        guard let sql = database as? any SQLDatabase else { return [:] }
        struct Row: Decodable {
            let regionCode: String
            let count: Int
            enum CodingKeys: String, CodingKey { case regionCode = "region_code", count }
        }
        let rows = try await sql.raw("""
            SELECT region_code, COUNT(*) AS count FROM \(ident: table)
            WHERE region_code >= \(bind: from) AND region_code <= \(bind: through) AND \(unsafeRaw: extra)
            GROUP BY region_code
            """).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.regionCode, $0.count) }, uniquingKeysWith: +)
    }

    /// The coverage figures for everything under `place`.
    static func coverage(under place: RegionCode, on database: any Database) async throws -> GridCoverage {
        async let regions = Region.query(on: database).within(place).filter(\.$active == true)
            .filter(\.$level ~~ [RegionLevel.village, .grid]).all()
        async let staff = GrassrootsStaff.query(on: database).within(place).filter(\.$active == true).all()
        async let unplaced = Business.query(on: database).within(place).filter(\.$status != .closed)
            .filter(.sql(unsafeRaw: "LENGTH(region_code) < 15")).count()
        let tree = try await regions
        return GridCoverage.compute(
            villages: tree.filter { $0.level == .village }.map(\.code), grids: tree.filter { $0.level == .grid }.map(\.code),
            staff: try await staff.map { ($0.kind, $0.regionCode) }, businessesWithoutGrid: try await unplaced)
    }
}
