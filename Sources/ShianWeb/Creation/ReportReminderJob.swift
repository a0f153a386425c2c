import FluentKit
import Foundation
import NIOCore
import ShianCore
import ShianStore
import Vapor

/// Writes reminders to townships about reports they have not sent: "due in N days" before the due
/// time, "overdue" after it, for every form and every period of its window. Idempotent: a reminder
/// exists at most once per form, township, period and kind (the table's unique key settles a race
/// between two servers), so running it again writes nothing new. Reminders are notices derived from
/// the forms and submissions, not changes to a record, so they are not audited. Runs every hour inside
/// `shian serve` and on demand as `shian jobs remind`.
enum ReportReminderJob {
    static let interval: TimeAmount = .hours(1)

    /// Writes the reminders owed at `now`; returns how many were new. `leadDays` is
    /// `SHIAN_REPORT_REMINDER_DAYS`.
    @discardableResult
    static func run(on database: any Database, now: Date = Date(), leadDays: Int) async throws -> Int {
        var created = 0
        for form in try await ReportForm.query(on: database).all() {
            created += try await run(form, on: database, now: now, leadDays: leadDays)
        }
        return created
    }

    private static func run(_ form: ReportForm, on database: any Database, now: Date, leadDays: Int) async throws -> Int {
        let formID = try form.requireID()
        // The window ends with the period after the current one too: a yearly report can fall due
        // soon after the year it covers has ended, and so can a report due on its period's last day.
        let periods = ReportPeriod(containing: now, type: form.type).advanced(by: 1).window(form.type.window + 1)
        let labels = periods.map(\.description)
        let townships = try await form.reportingUnits(on: database).map(\.code)
        let submitted = Set(
            try await ReportSubmission.query(on: database).filter(\.$form.$id == formID).filter(\.$period ~~ labels).all()
                .map { "\($0.regionCode)|\($0.period)" })
        let existing = Set(
            try await ReportReminder.query(on: database).filter(\.$form.$id == formID).filter(\.$period ~~ labels).all()
                .map { "\($0.regionCode)|\($0.period)|\($0.kind)" })
        var owed: [ReportReminder] = []
        for period in periods {
            let dueAt = form.dueAt(period)
            guard let kind = ReportReminderKind.owed(dueAt: dueAt, now: now, leadDays: leadDays) else { continue }
            for township in townships where !submitted.contains("\(township)|\(period)") {
                guard !existing.contains("\(township)|\(period)|\(kind.rawValue)") else { continue }
                let reminder = ReportReminder()
                reminder.$form.id = formID
                reminder.regionCode = township
                reminder.period = period.description
                reminder.kind = kind.rawValue
                reminder.dueAt = dueAt.storageRounded
                reminder.createdAt = now.storageRounded
                owed.append(reminder)
            }
        }
        var created = 0
        for reminder in owed {
            // One insert each, outside a transaction: when another server wrote the same reminder
            // first, the unique key refuses this one and the rest still go in.
            do {
                try await reminder.create(on: database)
                created += 1
            } catch {
                let exists = try await ReportReminder.query(on: database).filter(\.$form.$id == formID)
                    .filter(\.$regionCode == reminder.regionCode).filter(\.$period == reminder.period).filter(\.$kind == reminder.kind).count()
                if exists == 0 { throw error }
            }
        }
        return created
    }

    /// Schedules the job on the application's event loop while it serves.
    static func schedule(on app: Application) {
        app.lifecycle.use(Lifecycle())
    }

    private struct Lifecycle: LifecycleHandler {
        func didBootAsync(_ application: Application) async throws {
            let database = application.db
            let logger = application.logger
            let leadDays = application.shian.reportReminderDays
            application.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .seconds(45), delay: ReportReminderJob.interval) { _ in
                application.eventLoopGroup.next().makeFutureWithTask {
                    do {
                        let count = try await ReportReminderJob.run(on: database, leadDays: leadDays)
                        if count > 0 { logger.notice("Wrote \(count) report reminders") }
                    } catch {
                        logger.report(error: error)
                    }
                }
            }
        }
    }
}
