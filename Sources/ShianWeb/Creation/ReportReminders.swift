import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Reading the reminders the job wrote: each caller sees those of the townships in its scope (a
/// township officer its own township's, the county office all of the county's).
enum ReportReminders {
    struct ReminderDTO: Content {
        let id: UUID
        let form: String
        let formName: String
        let periodType: ReportPeriodType
        let unitCode: String
        let unitName: String
        let period: String
        let kind: ReportReminderKind
        let dueAt: Date
        let createdAt: Date
        /// True once the report has come in: the reminder is settled.
        let settled: Bool
    }

    struct ReminderList: Content {
        let items: [ReminderDTO]
        let nextCursor: String?
    }

    /// `GET /api/v1/reminders?unitCode=&kind=&open=&limit=&cursor=`: newest first.
    static func list(request: Request) async throws -> ReminderList {
        let principal = try request.require(.readCreation)
        let parameters = try ListParameters(request)
        var kind: ReportReminderKind?
        if let text = parameters.rawQuery["kind"], !text.isEmpty {
            guard let value = ReportReminderKind(rawValue: text) else {
                throw ShianError(.badRequest, "reminderKindInvalid", field: "kind", arguments: [text])
            }
            kind = value
        }
        let page = try await page(
            scope: principal.scope, under: parameters.rawQuery["unitCode"], kind: kind, cursor: parameters.cursor, limit: parameters.limit,
            on: request.db)
        return ReminderList(items: page.items, nextCursor: page.nextCursor)
    }

    /// One page of reminders in `scope`, newest first, with their forms and whether they are settled.
    static func page(
        scope: Scope, under place: String?, kind: ReportReminderKind?, cursor: PageCursor?, limit: Int, on database: any Database
    ) async throws -> RecordPage<ReminderDTO> {
        let query = scope.query(ReportReminder.self, on: database, under: place.flatMap { $0.isEmpty ? nil : $0 })
        if let kind { query.filter(\.$kind == kind.rawValue) }
        let page = try await query.keysetPage(sortedBy: \.$createdAt, descending: true, after: cursor, limit: limit)
        let formIDs = Array(Set(page.items.map { $0.$form.id }))
        let forms = Dictionary(
            try await ReportForm.query(on: database).filter(\.$id ~~ formIDs).all().compactMap { form in form.id.map { ($0, form) } },
            uniquingKeysWith: { a, _ in a })
        let codes = Array(Set(page.items.map(\.regionCode)))
        let names = Dictionary(
            try await Region.query(on: database).filter(\.$code ~~ codes).all().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        var settled = Set<String>()
        for (formID, reminders) in Dictionary(grouping: page.items, by: { $0.$form.id }) {
            let submissions = try await ReportSubmission.query(on: database).filter(\.$form.$id == formID)
                .filter(\.$period ~~ Array(Set(reminders.map(\.period)))).filter(\.$regionCode ~~ Array(Set(reminders.map(\.regionCode)))).all()
            settled.formUnion(submissions.map { "\(formID)|\($0.regionCode)|\($0.period)" })
        }
        return RecordPage(
            items: page.items.compactMap { reminder in
                guard let id = reminder.id, let form = forms[reminder.$form.id], let kind = ReportReminderKind(rawValue: reminder.kind) else {
                    return nil
                }
                return ReminderDTO(
                    id: id, form: form.code, formName: form.name, periodType: form.type, unitCode: reminder.regionCode,
                    unitName: names[reminder.regionCode] ?? reminder.regionCode, period: reminder.period,
                    kind: kind, dueAt: reminder.dueAt, createdAt: reminder.createdAt,
                    settled: settled.contains("\(reminder.$form.id)|\(reminder.regionCode)|\(reminder.period)"))
            }, nextCursor: page.nextCursor)
    }
}
