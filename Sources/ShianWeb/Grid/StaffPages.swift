import Foundation
import Plot
import ShianCore
import ShianStore

/// The roster list.
struct StaffListPage {
    struct Model {
        let rows: [GrassrootsStaff]
        let nextCursor: String?
        let rawQuery: [String: String]
        let canManage: Bool
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        Layout(context: context, title: context.t("staff.title"), current: .grids).render {
            H1(context.t("staff.title"))
            Paragraph {
                if model.canManage { Link(context.t("action.new"), url: SiteURL.staffNew.path).class("button primary") }
                ExportLink(context: context, path: SiteURL.staff.path, query: model.rawQuery)
            }
            .class("toolbar")
            Form(url: SiteURL.staff.path, method: .get) {
                FormField(label: context.t("filter.search"), name: "q", value: model.rawQuery["q"] ?? "")
                SelectField(label: context.t("staff.kind"), name: "kind",
                            options: [("", context.t("filter.all"))] + GrassrootsStaffKind.allCases.map { ($0.rawValue, context.t("staffKind.\($0.rawValue)")) },
                            selected: model.rawQuery["kind"] ?? "")
                FormField(label: context.t("field.regionCode"), name: "regionCode", value: model.rawQuery["regionCode"] ?? "")
                StatusFilter(context: context, selected: model.rawQuery["active"].flatMap { $0.isEmpty ? nil : $0 == "true" })
                Button(context.t("action.search")).attribute(named: "type", value: "submit")
            }
            .class("filter-form")
            if model.rows.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("field.name"))
                        TableHeaderCell(context.t("staff.kind"))
                        TableHeaderCell(context.t("field.regionCode"))
                        TableHeaderCell(context.t("field.phone"))
                        TableHeaderCell(context.t("staff.subsidy"))
                        TableHeaderCell(context.t("staff.trainedOn"))
                        TableHeaderCell(context.t("field.status"))
                    }
                ) {
                    for member in model.rows {
                        TableRow {
                            TableCell { if let id = member.id { Link(member.name, url: SiteURL.staffMember(id).path) } }
                            TableCell(context.t("staffKind.\(member.kind.rawValue)"))
                            TableCell(member.regionCode).class("code")
                            TableCell(member.phone)
                            TableCell(String(format: "%.0f", Double(member.annualSubsidyFen) / 100))
                            TableCell {
                                if let trained = member.trainedOn { Text(context.date(trained)) } else { Badge(text: context.t("staff.untrained"), tone: .amber) }
                            }
                            TableCell { ActiveBadge(context: context, active: member.active) }
                        }
                    }
                }
                .class("data-table")
            }
            Pager(context: context, path: SiteURL.staff.path, query: model.rawQuery, nextCursor: model.nextCursor, shown: model.rows.count)
        }
    }
}

/// A roster entry: create, view, edit.
struct StaffFormPage {
    struct Model {
        let id: UUID?
        let input: StaffController.Input
        let errors: [String: String]
        var history: [AuditEntry] = []
        var readOnly = false
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let title = model.id == nil ? context.t("staff.new") : (model.input.name ?? context.t("staff.title"))
        let input = model.input
        return Layout(context: context, title: title, current: .grids).render {
            H1(title)
            if !model.errors.isEmpty {
                Paragraph(context.t("form.fixErrors")).class("form-error").attribute(named: "role", value: "alert")
            }
            Form(url: model.id.map { SiteURL.staffMember($0).path } ?? SiteURL.staff.path, method: .post) {
                CSRFField(context: context)
                FormField(label: context.t("field.name"), name: "name", value: input.name ?? "", error: model.errors["name"], isRequired: true)
                SelectField(label: context.t("staff.kind"), name: "kind",
                            options: GrassrootsStaffKind.allCases.map { ($0.rawValue, context.t("staffKind.\($0.rawValue)")) },
                            selected: input.kind ?? "", error: model.errors["kind"])
                FormField(label: context.t("field.regionCode"), name: "regionCode", value: input.regionCode ?? "", error: model.errors["regionCode"],
                          isRequired: true, hint: context.t("staff.placeHint"))
                FormField(label: context.t("field.phone"), name: "phone", value: input.phone ?? "", type: .tel, error: model.errors["phone"], isRequired: true)
                FormField(label: context.t("staff.subsidyYuan"), name: "annualSubsidyYuan", value: input.annualSubsidyYuan ?? "", type: .number,
                          error: model.errors["annualSubsidyYuan"])
                FormField(label: context.t("staff.appointedOn"), name: "appointedOn", value: input.appointedOn ?? "", type: .date,
                          error: model.errors["appointedOn"], isRequired: true)
                FormField(label: context.t("staff.trainedOn"), name: "trainedOn", value: input.trainedOn ?? "", type: .date, error: model.errors["trainedOn"])
                SelectField(label: context.t("field.status"), name: "active",
                            options: [("true", context.t("status.active")), ("false", context.t("status.inactive"))], selected: input.active ?? "true")
                if !model.readOnly {
                    Button(context.t("action.save")).attribute(named: "type", value: "submit").class("primary")
                }
            }
            .class("stacked-form").id("staff-form")
            if model.id != nil { HistoryTable(context: context, entries: model.history) }
        }
    }
}
