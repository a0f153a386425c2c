import Foundation
import Plot
import ShianCore
import ShianStore
import Vapor

/// `/creation/reports`: each form (monthly, quarterly, yearly) with its townships, lagging first,
/// the outlier flags on their reports, and the reminders the caller's townships were sent.
enum ReportingPages {
    static func index(request: Request) async throws -> Response {
        try await render(request, state: nil)
    }

    static func render(_ request: Request, state: ReportingPage.FormState?) async throws -> Response {
        let principal = try request.require(.readCreation)
        let county = try Reporting.readableCounty(request, principal: principal)
        let forms = try await Reporting.forms(county: county, on: request.db)
        let now = Date()
        var tables: [ReportingPage.FormTable] = []
        for form in forms {
            let lagging = try await Reporting.lagging(form, through: ReportPeriod(containing: now, type: form.type), now: now, on: request.db)
            tables.append(.init(form: form.definition, lagging: lagging))
        }
        let reminders = try await ReportReminders.page(scope: principal.scope, under: nil, kind: nil, cursor: nil, limit: 20, on: request.db)
        // A township officer reports for their own township from this page; offices use the API.
        let own = principal.user.regionCode
        let submitUnit = principal.role.may(.submitEvidence) && RegionCode(validating: own)?.level == .township ? own : nil
        let page = ReportingPage(
            context: request.pageContext, tables: tables, reminders: reminders.items, submitUnit: submitUnit, state: state,
            sent: try? request.query.get(String.self, at: "sent"))
        return .html(page.render(), status: state?.status ?? .ok)
    }

    /// The township officer's report form: back to the page on success, the page again with the
    /// message beside the field and the typed values on a refusal.
    static func submit(request: Request) async throws -> Response {
        let principal = try request.require(.submitEvidence)
        let form = try await Reporting.form(request, principal: principal)
        let typed = (try? request.content.decode([String: String].self)) ?? [:]
        do {
            var values: [String: Double] = [:]
            for field in form.fieldList {
                let text = (typed["value_\(field.code)"] ?? "").trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }  // the write names the first missing field
                guard let number = Double(text) else {
                    throw ShianError(.unprocessableEntity, "numberInvalid", field: "values.\(field.code)")
                }
                values[field.code] = number
            }
            let input = Reporting.SubmissionInput(period: typed["period"], unitCode: nil, values: values)
            _ = try await Reporting.record(input, on: form, by: principal, now: Date(), on: request.db)
        } catch let error as ShianError where error.status.code < 500 && error.status != .notFound && error.status != .forbidden {
            let state = ReportingPage.FormState(
                form: form.code, field: error.field, message: request.t("error.\(error.code)", error.arguments), typed: typed,
                status: error.status)
            return try await render(request, state: state)
        }
        return request.redirect(to: "/creation/reports?sent=\(form.code)")
    }
}

struct ReportingPage {
    struct FormTable {
        let form: ReportFormDefinition
        let lagging: Reporting.LaggingDTO
    }

    /// What a refused report form had typed, and why it was refused.
    struct FormState {
        let form: String
        let field: String?
        let message: String
        let typed: [String: String]
        let status: HTTPResponseStatus
    }

    let context: PageContext
    let tables: [FormTable]
    let reminders: [ReportReminders.ReminderDTO]
    /// The caller's township, when they may report for it here.
    var submitUnit: String?
    var state: FormState?
    /// The code of the form just sent.
    var sent: String?

    func render() -> String {
        Layout(context: context, title: context.t("reporting.title"), current: .creation).render {
            H1(context.t("reporting.title"))
            if tables.isEmpty { EmptyState(text: context.t("reporting.none")) }
            for table in tables { formSection(table) }
            PageSection {
                H2(context.t("reporting.reminders"))
                if reminders.isEmpty { EmptyState(text: context.t("reminder.none")) }
                ReminderList(context: context, reminders: reminders)
            }
            .attribute(named: "data-reminders", value: "true")
        }
    }

    private func formSection(_ table: FormTable) -> Component {
        let form = table.form
        let labels = Dictionary(form.fields.map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
        return PageSection {
            H2 {
                Text(form.name + " ")
                Badge(text: context.t("reporting.periodType.\(form.periodType.rawValue)"), tone: .grey)
            }
            Paragraph(context.t("reporting.hint", String(table.lagging.periods.count), String(form.dueDays))).class("hint")
            Table(
                header: TableRow {
                    TableHeaderCell(context.t("reporting.unit"))
                    TableHeaderCell(context.t("reporting.completeness"))
                    TableHeaderCell(context.t("reporting.timeliness"))
                    TableHeaderCell(context.t("reporting.missing"))
                    TableHeaderCell(context.t("reporting.outliers"))
                }
            ) {
                for unit in table.lagging.units {
                    TableRow {
                        TableCell {
                            Text(unit.name)
                            if unit.lagging { Text(" "); Badge(text: context.t("reporting.lagging"), tone: .red) }
                        }
                        TableCell(unit.completeness.map { String(format: "%.0f%%", $0) } ?? "—")
                        TableCell(unit.timeliness.map { String(format: "%.0f%%", $0) } ?? "—")
                        TableCell(unit.missingPeriods.joined(separator: "、"))
                        TableCell {
                            for flag in unit.outliers {
                                Span {
                                    Badge(text: context.t("reporting.outlier"), tone: .amber)
                                    let field = labels[flag.field] ?? flag.field
                                    let (value, low, high) = (Self.number(flag.value), Self.number(max(0, flag.low)), Self.number(flag.high))
                                    Text(" " + context.t("reporting.outlierDetail", flag.period, field, value, low, high))
                                }
                                .class("outlier-flag")
                                .attribute(named: "data-outlier", value: flag.field)
                            }
                        }
                    }
                    .attribute(named: "data-unit", value: unit.unitCode)
                    .attribute(named: "data-lagging", value: unit.lagging ? "true" : "false")
                }
            }
            .class("data-table")
            if let unit = submitUnit {
                ReportSubmissionForm(
                    context: context, form: form, lagging: table.lagging, unit: unit, state: state?.form == form.code ? state : nil,
                    sent: sent == form.code)
            }
        }
        .attribute(named: "data-form", value: form.code)
        .attribute(named: "data-period-type", value: form.periodType.rawValue)
    }

    /// A figure as typed: whole numbers without decimals.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.1f", value)
    }
}

/// Reminders about reports not yet sent, newest first; those whose report has come in since are
/// marked settled.
struct ReminderList: Component {
    let context: PageContext
    let reminders: [ReportReminders.ReminderDTO]

    var body: Component {
        UnorderedList {
            for reminder in reminders {
                ListItem {
                    Badge(
                        text: context.t("reminder.kind.\(reminder.kind.rawValue)"),
                        tone: reminder.settled ? .grey : reminder.kind == .overdue ? .red : .amber)
                    Text(" " + context.t("reminder.text", reminder.formName, reminder.period, reminder.unitName, context.dateTime(reminder.dueAt)))
                    if reminder.settled { Text(" "); Badge(text: context.t("reminder.settled"), tone: .green) }
                }
                .attribute(named: "data-reminder", value: reminder.kind.rawValue)
                .attribute(named: "data-unit", value: reminder.unitCode)
            }
        }
        .class("reminders")
    }
}
