import Foundation
import Testing

@testable import ShianCore

@Suite("Report periods, due times, reminders, outlier flags and form definitions")
struct ReportPeriodTests {
    @Test(arguments: [
        ("2026-11", ReportPeriodType.monthly, "2026-11"),
        ("2026-Q3", .quarterly, "2026-Q3"),
        ("2026", .yearly, "2026"),
        ("2026-13", .monthly, nil),
        ("2026-1", .monthly, nil),
        ("2026-Q5", .quarterly, nil),
        ("2026-Q0", .quarterly, nil),
        ("2026-11", .quarterly, nil),
        ("2026-Q3", .monthly, nil),
        ("2026-Q3", .yearly, nil),
        ("1999", .yearly, nil),
        ("２０２６", .yearly, nil),
        ("", .monthly, nil),
    ] as [(String, ReportPeriodType, String?)])
    func periodsParseFromTheirLabels(text: String, type: ReportPeriodType, expected: String?) {
        #expect(ReportPeriod(text, type: type)?.description == expected)
    }

    @Test(arguments: [
        (ReportPeriodType.monthly, "2026-01", -1, "2025-12"),
        (.monthly, "2026-11", 2, "2027-01"),
        (.quarterly, "2026-Q1", -1, "2025-Q4"),
        (.quarterly, "2026-Q4", 1, "2027-Q1"),
        (.yearly, "2026", -3, "2023"),
    ] as [(ReportPeriodType, String, Int, String)])
    func periodsStep(type: ReportPeriodType, from: String, by count: Int, expected: String) throws {
        #expect(try #require(ReportPeriod(from, type: type)).advanced(by: count).description == expected)
    }

    @Test func aWindowEndsWithThePeriodOldestFirst() throws {
        let quarter = try #require(ReportPeriod("2026-Q2", type: .quarterly))
        #expect(quarter.window(4).map(\.description) == ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"])
        #expect(quarter.window(0).isEmpty)
    }

    @Test(arguments: [
        (ReportPeriodType.monthly, "2026-10", 10, "2026-11-10 23:59"),
        (.monthly, "2026-12", 10, "2027-01-10 23:59"),
        (.monthly, "2026-02", 0, "2026-02-28 23:59"),
        (.quarterly, "2026-Q3", 15, "2026-10-15 23:59"),
        (.quarterly, "2026-Q4", 15, "2027-01-15 23:59"),
        (.yearly, "2025", 31, "2026-01-31 23:59"),
    ] as [(ReportPeriodType, String, Int, String)])
    func reportsAreDueDaysAfterThePeriodEndsChinaTime(type: ReportPeriodType, period: String, days: Int, expected: String) throws {
        let due = try #require(ReportPeriod(period, type: type)).dueAt(daysAfterEnd: days)
        let formatter = DateFormatter()
        formatter.calendar = .shanghai
        formatter.timeZone = Calendar.shanghai.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        #expect(formatter.string(from: due) == expected)
    }

    @Test(arguments: [
        ("2026-11-30T00:00:00Z", ReportPeriodType.monthly, "2026-11"),
        ("2026-09-30T16:30:00Z", .monthly, "2026-10"),  // 00:30 on 1 October in China
        ("2026-09-30T16:30:00Z", .quarterly, "2026-Q4"),
        ("2026-12-31T16:00:00Z", .yearly, "2027"),
    ] as [(String, ReportPeriodType, String)])
    func thePeriodContainingADateIsTakenInChinaTime(date: String, type: ReportPeriodType, expected: String) throws {
        let at = try #require(ISO8601DateFormatter().date(from: date))
        #expect(ReportPeriod(containing: at, type: type).description == expected)
    }

    @Test(arguments: [
        (-5 * 86400.0, ReportReminderKind?.none),
        (-3 * 86400.0 - 60, nil),
        (-3 * 86400.0, .dueSoon),
        (-60.0, .dueSoon),
        (0.0, .dueSoon),
        (1.0, .overdue),
        (40 * 86400.0, .overdue),
    ] as [(Double, ReportReminderKind?)])
    func remindersComeBeforeAndAfterTheDueTime(offset: Double, expected: ReportReminderKind?) {
        let due = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(ReportReminderKind.owed(dueAt: due, now: due.addingTimeInterval(offset), leadDays: 3) == expected)
    }

    @Test func outlierFlagsNameTheFieldAndTheExpectedRange() {
        let rule = OutlierRule(method: .medianAbsoluteDeviation, madMultiple: 3, minimumHistory: 3)
        let history: [[String: Double]] = [["samples": 10, "cases": 1], ["samples": 12, "cases": 1], ["samples": 11], ["samples": 13]]
        let flags = rule.flags(["samples": 60, "cases": 1], history: history)
        // samples: median 11.5, MAD 1 → 8.5…14.5; cases has only two periods of history: no judgement.
        #expect(flags == [OutlierFlag(field: "samples", value: 60, median: 11.5, low: 8.5, high: 14.5)])
        #expect(rule.flags(["samples": 12], history: history).isEmpty)
    }

    @Test func aFormDefinitionListsEveryProblem() {
        let rule = ReportValidationRule(
            code: "r", title: "t", leftSide: ReportExpression(fields: ["nope"]), comparison: .lessOrEqual,
            rightSide: ReportExpression(fields: ["a"]), importance: .high)
        let definition = ReportFormDefinition(
            code: "1bad", name: " ", periodType: .quarterly,
            fields: [ReportField(code: "a", label: "A"), ReportField(code: "a", label: "")], rules: [rule],
            outlierRule: OutlierRule(madMultiple: 0), dueDays: 40)
        let fields = definition.problems().compactMap(\.field)
        #expect(fields == ["code", "name", "fields[1].code", "fields[1].label", "rules[0].leftSide.fields[0]", "outlierRule.madMultiple", "dueDays"])
        var good = definition
        good.code = "quarterly-canteens"
        good.name = "季报"
        good.fields = [ReportField(code: "a", label: "A"), ReportField(code: "nope", label: "B")]
        good.outlierRule = OutlierRule()
        good.dueDays = 15
        #expect(good.problems().isEmpty)
    }
}
