import FluentKit
import SQLKit
import ShianCore
import ShianStore

/// Reads of the region tree, used by the region pages, the API and the benchmarks.
enum RegionQueries {
    struct Filter: Sendable {
        var query: String?
        var level: RegionLevel?
        var parent: String?
        var active: Bool?
        /// Only regions under this code (drill-down).
        var under: String?
    }

    /// A page of the regions in scope that match the filter, in code order.
    static func list(_ filter: Filter, scope: Scope, cursor: PageCursor?, limit: Int, on database: any Database)
        async throws -> RecordPage<Region>
    {
        let query = scope.query(Region.self, on: database, under: filter.under)
        if let parent = filter.parent { query.filter(\.$parentCode == parent) }
        if let level = filter.level { query.filter(\.$level == level) }
        if let active = filter.active { query.filter(\.$active == active) }
        if let text = filter.query?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if text.allSatisfy({ $0.isASCII && $0.isNumber }) {
                // Digits are a code prefix: a range on the indexed code.
                let range = RegionCode.prefixRange(text)
                query.filter(\.$code >= range.lower)
                if let upper = range.upper { query.filter(\.$code < upper) }
            } else {
                query.filter(\.$name ~~ text)
            }
        }
        return try await query.keysetPage(sortedBy: \.$code, after: cursor, limit: limit)
    }

    /// The region with this code inside the scope; 404 if none, 403 if it lies outside the scope.
    static func find(code: String, scope: Scope, on database: any Database) async throws -> Region {
        guard RegionCode(validating: code) != nil,
            let region = try await Region.query(on: database).filter(\.$code == code).first()
        else { throw ShianError.notFound }
        try scope.require(covers: region.code)
        return region
    }

    /// The regions from the top of the scope down to `region`, for the breadcrumb.
    static func lineage(of region: Region, scope: Scope, on database: any Database) async throws -> [Region] {
        let codes = (region.regionCode?.lineage ?? []).map(\.rawValue).filter(scope.covers)
        guard !codes.isEmpty else { return [region] }
        return try await Region.query(on: database).filter(\.$code ~~ codes).sort(\.$code).all()
    }

    /// How many active regions of each level lie under `region`: one grouped count over the
    /// indexed code range (a province holds some 50,000 regions).
    static func descendantCounts(of region: Region, on database: any Database) async throws -> [RegionLevel: Int] {
        guard let code = region.regionCode, let sql = database as? any SQLDatabase else { return [:] }
        struct Row: Decodable {
            let level: String
            let count: Int
        }
        let range = code.descendantRange
        var query = sql.select()
            .column("level")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count")
            .from(Region.schema)
            .where("code", .greaterThan, SQLBind(code.rawValue))
            .where("active", .equal, SQLBind(true))
        if let upper = range.upper {
            query = query.where("code", .lessThan, SQLBind(upper))
        }
        let rows = try await query.groupBy("level").all(decoding: Row.self)
        var counts: [RegionLevel: Int] = [:]
        for row in rows {
            if let level = RegionLevel(rawValue: row.level) { counts[level] = row.count }
        }
        return counts
    }
}
