import FluentKit
import FluentSQL
import Foundation
import ShianCore
import ShianStore

/// Reads of the business registry.
enum BusinessQueries {
    struct Filter: Sendable {
        /// Name or address contains it, or (digits and capitals) the credit code starts with it.
        var query: String?
        var category: BusinessCategory?
        /// Everything under this region (drill-down: county → township → village → grid).
        var regionCode: String?
        var status: BusinessStatus?
        var expiry: PermitExpiry?
        /// Only businesses placed above grid level (no grid yet).
        var unplaced = false
        /// Only businesses whose next inspection (set by their risk grade) is past due.
        var inspectionOverdue = false
        var riskGrade: RiskGrade?
        /// Only businesses whose credit score marks them as serious violators (`CreditScoring`).
        var seriousViolators = false
    }

    static func list(_ filter: Filter, scope: Scope, cursor: PageCursor?, limit: Int, today: Date, on database: any Database)
        async throws -> RecordPage<Business>
    {
        try await query(filter, scope: scope, today: today, on: database).keysetPage(sortedBy: \.$name, after: cursor, limit: limit)
    }

    static func count(_ filter: Filter, scope: Scope, today: Date, on database: any Database) async throws -> Int {
        try await query(filter, scope: scope, today: today, on: database).count()
    }

    static func query(_ filter: Filter, scope: Scope, today: Date, on database: any Database) -> QueryBuilder<Business> {
        let query = scope.query(Business.self, on: database, under: filter.regionCode)
        if let category = filter.category { query.filter(\.$category == category) }
        if let status = filter.status { query.filter(\.$status == status) }
        if filter.unplaced { query.filter(.sql(unsafeRaw: "LENGTH(region_code) < 15")) }
        if filter.inspectionOverdue {
            query.filter(\.$status == .active).filter(\.$nextInspectionDue != nil).filter(\.$nextInspectionDue < Calendar.shanghai.startOfDay(for: today))
        }
        if let grade = filter.riskGrade { query.filter(\.$riskGrade == grade.rawValue) }
        if filter.seriousViolators { query.filter(\.$creditScore < CreditScoring.seriousViolatorBelow) }
        if let band = filter.expiry {
            if band == .unknown {
                query.group(.or) { $0.filter(\.$permitValidUntil == nil).filter(\.$permitKind == .none) }
            } else {
                let range = PermitExpiry.dayRange(band, today: today)
                query.filter(\.$permitKind != .none).filter(\.$permitCancelledAt == nil).filter(\.$permitValidUntil != nil)
                if let from = range.from { query.filter(\.$permitValidUntil >= from) }
                if let to = range.to { query.filter(\.$permitValidUntil < to) }
            }
        }
        if let text = filter.query, !text.isEmpty {
            let upper = text.uppercased()
            let looksLikeCode = upper.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
            query.group(.or) { or in
                or.filter(\.$name ~~ text).filter(\.$address ~~ text)
                if looksLikeCode { or.filter(\.$creditCode =~ upper) }
            }
        }
        return query
    }
}
