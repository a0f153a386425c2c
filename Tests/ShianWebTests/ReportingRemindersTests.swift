import Fluent
import Foundation
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Data reporting: reminders before and after due dates")
struct ReportingRemindersTests {
    /// 12:00 on a day of November 2026, China time.
    static func november(_ day: Int) throws -> Date {
        try #require(Calendar.shanghai.date(from: DateComponents(year: 2026, month: 11, day: day, hour: 12)))
    }

    @Test(arguments: TestDatabase.all)
    func theJobRemindsOnceBeforeAndOnceAfterTheDueDate(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            try await DemoCreation.seed(on: app.db, now: Date())
            let office = try await app.token(for: "office")
            let township = try await app.token(for: "township.101")
            let body = #"{"code":"fixed","name":"月报","periodType":"monthly","dueDays":10,"fields":[{"code":"n","label":"N"}],"units":["222499101","222499102"]}"#
            #expect(try await app.api(.POST, "/api/v1/reports", token: office, json: body).status == .created)
            let form = try #require(try await ReportForm.query(on: app.db).filter(\.$code == "fixed").first())
            // 101 has sent June to September; 102 nothing.
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "township.101").first())
            for month in 6...9 {
                let submission = ReportSubmission()
                submission.$form.id = try form.requireID()
                submission.regionCode = "222499101"
                submission.period = String(format: "2026-%02d", month)
                submission.values = #"{"n":1}"#
                submission.warnings = "[]"
                submission.outliers = "[]"
                submission.submittedAt = try Self.november(1)
                submission.$submittedBy.id = try user.requireID()
                try await submission.create(on: app.db)
            }

            // 6 November: October's report (due 10 November 23:59) is 4.5 days off; 102's June to
            // September are overdue.
            #expect(try await ReportReminderJob.run(on: app.db, now: try Self.november(6), leadDays: 3) == 4)
            #expect(try await ReportReminderJob.run(on: app.db, now: try Self.november(6), leadDays: 3) == 0, "once only")
            // 8 November: October is due in 2.5 days, for both.
            #expect(try await ReportReminderJob.run(on: app.db, now: try Self.november(8), leadDays: 3) == 2)
            #expect(try await ReportReminderJob.run(on: app.db, now: try Self.november(9), leadDays: 3) == 0)
            // 11 November: October is overdue, for both.
            #expect(try await ReportReminderJob.run(on: app.db, now: try Self.november(11), leadDays: 3) == 2)
            #expect(try await ReportReminderJob.run(on: app.db, now: try Self.november(12), leadDays: 3) == 0)
            let kinds = try await ReportReminder.query(on: app.db).filter(\.$regionCode == "222499101").all().map(\.kind).sorted()
            #expect(kinds == ["dueSoon", "overdue"])

            // A township sees its own reminders only; the office the county's.
            let own = try await app.api(.GET, "/api/v1/reminders", token: township)
            #expect(own.status == .ok)
            let mine = try own.content.get([ReportReminders.ReminderDTO].self, at: "items")
            #expect(mine.count == 2 && mine.allSatisfy { $0.unitCode == "222499101" && $0.period == "2026-10" && !$0.settled })
            let other = try await app.api(.GET, "/api/v1/reminders?unitCode=222499102", token: township)
            #expect(try other.content.get([ReportReminders.ReminderDTO].self, at: "items").isEmpty)
            let county = try await app.api(.GET, "/api/v1/reminders?kind=overdue&limit=3", token: office)
            #expect(try county.content.get([ReportReminders.ReminderDTO].self, at: "items").count == 3)
            let cursor = try #require(try county.content.get(String?.self, at: "nextCursor"))
            let rest = try await app.api(.GET, "/api/v1/reminders?kind=overdue&limit=3&cursor=\(cursor)", token: office)
            #expect(try rest.content.get([ReportReminders.ReminderDTO].self, at: "items").count == 3, "6 overdue in all")
            #expect(try await app.api(.GET, "/api/v1/reminders?kind=later", token: office).status == .badRequest)

            // The township's to-do list carries its open reminders.
            var browser = try await Browser.loggedIn(app, as: "township.101")
            let todo = try await browser.get("/creation/units").body.string
            #expect(todo.contains(#"data-reminder="dueSoon""#) && todo.contains(#"data-reminder="overdue""#))

            // Once October's report comes in, its reminders are settled, and none follow.
            let report = #"{"period":"2026-10","values":{"n":2}}"#
            #expect(try await app.api(.POST, "/api/v1/reports/fixed/submissions", token: township, json: report).status == .created)
            let settled = try await app.api(.GET, "/api/v1/reminders", token: township)
            #expect(try settled.content.get([ReportReminders.ReminderDTO].self, at: "items").allSatisfy(\.settled))
            let page = try await browser.get("/creation/reports").body.string
            #expect(page.contains(#"data-reminder="overdue" data-unit="222499101""#))
            #expect(!page.contains(#"data-reminder="overdue" data-unit="222499102""#), "only its own reminders")
            #expect(!(try await browser.get("/creation/units").body.string.contains("data-reminder")), "settled ones leave the to-do list")
        }
    }

    @Test func theLeadTimeIsConfigurable() throws {
        #expect(try ShianConfiguration.load(from: [:]).reportReminderDays == 3)
        #expect(try ShianConfiguration.load(from: ["SHIAN_REPORT_REMINDER_DAYS": "7"]).reportReminderDays == 7)
        #expect(throws: ShianConfiguration.Invalid.self) { try ShianConfiguration.load(from: ["SHIAN_REPORT_REMINDER_DAYS": "-1"]) }
    }
}
