import Foundation

/// Risk grade A (low) to D (high) under the 食品生产经营风险分级管理办法 (2016): a static part from what
/// the business is (category, scale, vulnerable consumers) and a dynamic part from its record.
public enum RiskGrade: String, Codable, Sendable, CaseIterable, Comparable {
    case a = "A", b = "B", c = "C", d = "D"

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: RiskGrade, rhs: RiskGrade) -> Bool { lhs.rank < rhs.rank }

    /// Minimum inspections a year (办法: A ≥1, B 1–2, C 2–3, D 3–4); Shian plans the upper figure.
    public var inspectionsPerYear: Int {
        switch self {
        case .a: 1
        case .b: 2
        case .c: 3
        case .d: 4
        }
    }
}

public enum RiskGrading {
    public struct Record: Sendable, Equatable {
        public var category: BusinessCategory
        /// Serves vulnerable consumers (pupils, patients, the elderly) or is a large-scale caterer.
        public var vulnerableConsumers: Bool
        public var lastResult: InspectionResult?
        /// Critical findings in the last twelve months.
        public var criticalFindingsLastYear: Int
        /// Rectification orders past their deadline and not closed.
        public var overdueOrders: Int
        /// Orders within their deadline and not yet verified closed: the hazard is still there.
        public var openOrders: Int

        public init(
            category: BusinessCategory, vulnerableConsumers: Bool = false, lastResult: InspectionResult? = nil,
            criticalFindingsLastYear: Int = 0, overdueOrders: Int = 0, openOrders: Int = 0
        ) {
            self.category = category
            self.vulnerableConsumers = vulnerableConsumers
            self.lastResult = lastResult
            self.criticalFindingsLastYear = criticalFindingsLastYear
            self.overdueOrders = overdueOrders
            self.openOrders = openOrders
        }
    }

    /// Static risk points by category (办法: dairy and meat products, special foods, canteens and
    /// caterers for special groups are highest).
    static func staticPoints(_ category: BusinessCategory) -> Int {
        switch category {
        case .schoolCanteen, .canteen: 40
        case .producer, .coldStore, .centralWarehouse: 35
        case .caterer, .smallWorkshop, .wholesaleMarket: 30
        case .smallEatery, .farmersMarket, .streetVendor: 20
        case .retailer, .smallGrocery, .farmProducer: 10
        }
    }

    /// Points: static (0–40) + vulnerable consumers (20) + dynamic (last result 0/10/25, 10 per critical
    /// finding up to 30, 10 per overdue order up to 30, 10 per order open within its deadline up to
    /// 20). Bands: A < 30, B < 45, C < 60, D ≥ 60. Closing an order therefore lowers the grade
    /// and moves the next inspection later.
    public static func grade(_ record: Record) -> (grade: RiskGrade, points: Int) {
        var points = staticPoints(record.category) + (record.vulnerableConsumers ? 20 : 0)
        switch record.lastResult {
        case .fail: points += 25
        case .passWithConditions: points += 10
        case .pass, nil: break
        }
        points += min(30, 10 * record.criticalFindingsLastYear) + min(30, 10 * record.overdueOrders) + min(20, 10 * record.openOrders)
        let grade: RiskGrade = points < 30 ? .a : points < 45 ? .b : points < 60 ? .c : .d
        return (grade, points)
    }

    /// The next inspection is due a year divided by the grade's yearly inspections after the last one
    /// (or now, for a business never inspected).
    public static func nextDue(after last: Date?, grade: RiskGrade, now: Date, calendar: Calendar = .shanghai) -> Date {
        guard let last else { return calendar.startOfDay(for: now) }
        let days = 365 / grade.inspectionsPerYear
        return calendar.date(byAdding: .day, value: days, to: calendar.startOfDay(for: last)) ?? last
    }
}

/// Credit rating from the record. Formula (documented, configurable later): start at 100; −15 per
/// failed inspection and −5 per inspection passed with conditions in the last 24 months; −10 per
/// order now overdue; within the deadline, −5 per order waiting for the business's answer and −2
/// per order answered but not yet verified (the business has acted; the fix is not yet proven);
/// −5 per answer rejected in the last 24 months; −5 per critical finding in the last 12 months. Grades: A ≥ 90, B ≥ 75,
/// C ≥ 60, D below; a score below 40 lists the business as a serious violator (严重违法失信 candidate).
public enum CreditScoring {
    public struct Record: Sendable, Equatable {
        public var failsLast24Months: Int
        public var conditionalPassesLast24Months: Int
        public var overdueOrders: Int
        public var criticalFindingsLastYear: Int
        /// Orders open (not answered) and within their deadline.
        public var unansweredOrders: Int
        /// Orders answered, waiting for verification, within their deadline.
        public var unverifiedOrders: Int
        public var rejectedAnswersLast24Months: Int

        public init(
            failsLast24Months: Int = 0, conditionalPassesLast24Months: Int = 0, overdueOrders: Int = 0, criticalFindingsLastYear: Int = 0,
            unansweredOrders: Int = 0, unverifiedOrders: Int = 0, rejectedAnswersLast24Months: Int = 0
        ) {
            self.failsLast24Months = failsLast24Months
            self.conditionalPassesLast24Months = conditionalPassesLast24Months
            self.overdueOrders = overdueOrders
            self.criticalFindingsLastYear = criticalFindingsLastYear
            self.unansweredOrders = unansweredOrders
            self.unverifiedOrders = unverifiedOrders
            self.rejectedAnswersLast24Months = rejectedAnswersLast24Months
        }
    }

    /// Scores below this list the business as a serious violator.
    public static let seriousViolatorBelow = 40

    public static func score(_ record: Record) -> (score: Int, grade: String, seriousViolator: Bool) {
        let score = max(0, 100 - 15 * record.failsLast24Months - 5 * record.conditionalPassesLast24Months
            - 10 * record.overdueOrders - 5 * record.criticalFindingsLastYear - 5 * record.unansweredOrders
            - 2 * record.unverifiedOrders - 5 * record.rejectedAnswersLast24Months)
        let grade = score >= 90 ? "A" : score >= 75 ? "B" : score >= 60 ? "C" : "D"
        return (score, grade, score < seriousViolatorBelow)
    }
}
