import Foundation

/// How often a form is reported (DHIS2's period type, research/anchors-intl.md §1).
public enum ReportPeriodType: String, Codable, Sendable, CaseIterable {
    case monthly
    case quarterly
    case yearly

    /// Months in one period.
    public var months: Int {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .yearly: 12
        }
    }

    /// How many periods completeness and timeliness look back over: half a year of months, a year
    /// of quarters, three years — enough to show a pattern, short enough that an old gap is forgiven.
    public var window: Int {
        switch self {
        case .monthly: 6
        case .quarterly: 4
        case .yearly: 3
        }
    }

    /// A period label of this type, to show in error messages.
    public var example: String {
        switch self {
        case .monthly: "2026-11"
        case .quarterly: "2026-Q3"
        case .yearly: "2026"
        }
    }
}

/// One reporting period, labelled `2026-11` (monthly), `2026-Q3` (quarterly) or `2026` (yearly).
/// The labels of one type sort as the periods do, so they are stored and compared as text.
public struct ReportPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let type: ReportPeriodType
    public let year: Int
    /// The month (1–12), the quarter (1–4), or 1 for a year.
    public let index: Int

    public init(type: ReportPeriodType, year: Int, index: Int) {
        self.type = type
        self.year = year
        self.index = index
    }

    /// The period `text` names, or nil when it is not a label of `type` between 2000 and 2100.
    public init?(_ text: String, type: ReportPeriodType) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, first.allSatisfy(\.isASCII), let year = Int(first),
            (2000...2100).contains(year)
        else { return nil }
        switch (type, parts.count) {
        case (.yearly, 1):
            self.init(type: type, year: year, index: 1)
        case (.monthly, 2):
            guard parts[1].count == 2, parts[1].allSatisfy(\.isNumber), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.init(type: type, year: year, index: month)
        case (.quarterly, 2):
            guard parts[1].count == 2, parts[1].first == "Q", let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else {
                return nil
            }
            self.init(type: type, year: year, index: quarter)
        default:
            return nil
        }
    }

    /// The period of `type` that contains `date` (in China time).
    public init(containing date: Date, type: ReportPeriodType, calendar: Calendar = .shanghai) {
        let parts = calendar.dateComponents([.year, .month], from: date)
        let month = parts.month ?? 1
        self.init(type: type, year: parts.year ?? 2000, index: (month - 1) / type.months + 1)
    }

    public var description: String {
        switch type {
        case .monthly: String(format: "%04d-%02d", year, index)
        case .quarterly: String(format: "%04d-Q%d", year, index)
        case .yearly: String(format: "%04d", year)
        }
    }

    /// Periods counted from the year 0, to step and compare.
    private var ordinal: Int { year * (12 / type.months) + index - 1 }

    private init(type: ReportPeriodType, ordinal: Int) {
        let perYear = 12 / type.months
        self.init(type: type, year: ordinal / perYear, index: ordinal % perYear + 1)
    }

    /// The period `count` periods later (earlier when negative).
    public func advanced(by count: Int) -> ReportPeriod { ReportPeriod(type: type, ordinal: ordinal + count) }

    /// The `count` periods ending with this one, oldest first.
    public func window(_ count: Int) -> [ReportPeriod] {
        (0..<max(0, count)).reversed().map { advanced(by: -$0) }
    }

    public static func < (lhs: ReportPeriod, rhs: ReportPeriod) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The period's first month, as year and month.
    private var firstMonth: (year: Int, month: Int) { (year, (index - 1) * type.months + 1) }

    /// When the report is due: the end of the day (23:59, China time) `daysAfterEnd` days after the
    /// period's last day. 10 days after a month is the 10th of the next month; 0 is the last day.
    public func dueAt(daysAfterEnd: Int, calendar: Calendar = .shanghai) -> Date {
        let next = advanced(by: 1).firstMonth
        guard let start = calendar.date(from: DateComponents(year: next.year, month: next.month, day: 1, hour: 23, minute: 59)),
            let due = calendar.date(byAdding: .day, value: daysAfterEnd - 1, to: start)
        else { return .distantFuture }
        return due
    }
}
