import Foundation
import Plot
import ShianStore

/// The list of departments.
struct DepartmentListPage {
    struct Model {
        let query: String
        let active: Bool?
        let rows: [Department]
        let nextCursor: String?
        let rawQuery: [String: String]
        let canManage: Bool
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        Layout(context: context, title: context.t("departments.title"), current: .departments).render {
            H1(context.t("departments.title"))
            Paragraph {
                if model.canManage { Link(context.t("action.new"), url: SiteURL.departmentNew.path).class("button primary") }
                ExportLink(context: context, path: SiteURL.departments.path, query: model.rawQuery)
            }
            .class("toolbar")
            Form(url: SiteURL.departments.path, method: .get) {
                FormField(label: context.t("filter.search"), name: "q", value: model.query)
                StatusFilter(context: context, selected: model.active)
                Button(context.t("action.search")).attribute(named: "type", value: "submit")
            }
            .class("filter-form")
            if model.rows.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("field.name"))
                        TableHeaderCell(context.t("field.code"))
                        TableHeaderCell(context.t("field.duties"))
                        TableHeaderCell(context.t("field.status"))
                    }
                ) {
                    for department in model.rows {
                        TableRow {
                            TableCell {
                                if let id = department.id { Link(department.name, url: SiteURL.department(id).path) }
                            }
                            TableCell(department.code).class("code")
                            TableCell(department.duties)
                            TableCell { ActiveBadge(context: context, active: department.active) }
                        }
                    }
                }
                .class("data-table")
            }
            Pager(context: context, path: SiteURL.departments.path, query: model.rawQuery, nextCursor: model.nextCursor,
                  shown: model.rows.count)
        }
    }
}

/// One department: its duties, its staff and its history.
struct DepartmentPage {
    struct Model {
        let department: Department
        let staff: [User]
        let history: [AuditEntry]
        let canManage: Bool
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let department = model.department
        return Layout(context: context, title: department.name, current: .departments,
                      breadcrumb: [.init(title: context.t("departments.title"), url: SiteURL.departments.path),
                                   .init(title: department.name, url: nil)]).render {
            RecordTitle(context: context, title: department.name, active: department.active)
            DescriptionList {
                Term(context.t("field.code"))
                Definition(department.code).class("code")
                Term(context.t("field.regionCode"))
                Definition(department.regionCode).class("code")
                Term(context.t("field.duties"))
                Definition(department.duties)
            }
            .class("facts")
            if model.canManage, let id = department.id {
                Paragraph { Link(context.t("action.edit"), url: SiteURL.departmentEdit(id).path).class("button") }.class("toolbar")
            }
            if !model.staff.isEmpty {
                PageSection {
                    H2(context.t("departments.staff"))
                    UserTable(context: context, rows: model.staff)
                }
            }
            HistoryTable(context: context, entries: model.history)
        }
    }
}

/// Create or edit a department.
struct DepartmentFormPage {
    struct Model {
        let id: UUID?
        let form: DepartmentsController.Form
        let errors: [String: String]
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let title = context.t(model.id == nil ? "departments.new" : "departments.edit")
        let form = model.form
        return Layout(context: context, title: title, current: .departments).render {
            H1(title)
            if !model.errors.isEmpty {
                Paragraph(context.t("form.fixErrors")).class("form-error").attribute(named: "role", value: "alert")
            }
            Form(url: model.id.map { SiteURL.department($0).path } ?? SiteURL.departments.path, method: .post) {
                CSRFField(context: context)
                if model.id == nil {
                    FormField(label: context.t("field.regionCode"), name: "regionCode", value: form.regionCode ?? "",
                              error: model.errors["regionCode"], isRequired: true)
                    FormField(label: context.t("field.code"), name: "code", value: form.code ?? "", error: model.errors["code"],
                              isRequired: true, hint: context.t("departments.codeHint"))
                }
                FormField(label: context.t("field.name"), name: "name", value: form.name ?? "", error: model.errors["name"],
                          isRequired: true)
                FormField(label: context.t("field.duties"), name: "duties", value: form.duties ?? "", error: model.errors["duties"])
                if model.id != nil {
                    SelectField(
                        label: context.t("field.status"), name: "active",
                        options: [("true", context.t("status.active")), ("false", context.t("status.inactive"))],
                        selected: form.active ?? "true")
                }
                Button(context.t("action.save")).attribute(named: "type", value: "submit").class("primary")
            }
            .class("stacked-form")
        }
    }
}
