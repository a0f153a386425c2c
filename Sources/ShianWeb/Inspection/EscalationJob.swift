import FluentKit
import Foundation
import ShianCore
import ShianStore
import NIOCore
import Vapor

/// Escalates orders past their deadline to the township office (逾期未整改上报乡镇): marks them
/// escalated, once, with an audit entry each. Idempotent: the update only takes orders not yet
/// escalated, so two app servers running it at once escalate each order once. Runs every
/// 15 minutes inside `shian serve` and on demand as `shian jobs escalate`.
enum EscalationJob {
    static let interval: TimeAmount = .minutes(15)

    @discardableResult
    static func run(on database: any Database, now: Date = Date()) async throws -> Int {
        try await database.transaction { db in
            let due = try await RectificationOrder.query(on: db)
                .filter(\.$status != .closed).filter(\.$deadline < now).filter(\.$escalatedAt == nil)
                .limit(5000).all()
            for order in due {
                let before = order.auditFields
                try await RectificationOrder.query(on: db)
                    .filter(\.$id == order.requireID()).filter(\.$escalatedAt == nil)
                    .set(\.$escalatedAt, to: now.storageRounded).update()
                order.escalatedAt = now.storageRounded
                try await AuditLog.record(.update, order, before: before, actor: .system, on: db, at: now)
            }
            return due.count
        }
    }

    /// Schedules the job on the application's event loop while it serves.
    static func schedule(on app: Application) {
        app.lifecycle.use(Lifecycle())
    }

    private struct Lifecycle: LifecycleHandler {
        func didBootAsync(_ application: Application) async throws {
            let database = application.db
            let logger = application.logger
            application.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .seconds(30), delay: EscalationJob.interval) { _ in
                application.eventLoopGroup.next().makeFutureWithTask {
                    do {
                        let count = try await EscalationJob.run(on: database)
                        if count > 0 { logger.notice("Escalated \(count) overdue rectification orders") }
                    } catch {
                        logger.report(error: error)
                    }
                }
            }
        }
    }
}

/// `shian jobs escalate` runs the escalation once; `shian jobs recount` recounts the loop's running
/// figures from the records (after a bulk load, or to check them); `shian jobs remind` writes the
/// report reminders owed now.
struct JobsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "job", help: "The job to run: escalate, recount or remind")
        var job: String
    }

    var help: String { "Runs a job once: escalate (overdue orders), recount (the loop's running figures) or remind (report reminders)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await prepareDatabase(context.application)
        switch signature.job {
        case "escalate":
            let count = try await EscalationJob.run(on: context.application.db)
            context.console.info("Escalated \(count) overdue rectification orders.")
        case "recount":
            try await LoopMetrics.rebuild(on: context.application.db)
            context.console.info("Recounted the inspection and rectification figures.")
        case "remind":
            let count = try await ReportReminderJob.run(on: context.application.db, leadDays: context.application.shian.reportReminderDays)
            context.console.info("Wrote \(count) report reminders.")
        default:
            throw SeedRefusal("Unknown job '\(signature.job)'; known: escalate, recount, remind")
        }
    }
}
