import Foundation
import Plot
import ShianCore
import ShianStore

/// The list of users in scope.
struct UserListPage {
    struct Model {
        let filter: UserQueries.Filter
        let rows: [User]
        let nextCursor: String?
        let rawQuery: [String: String]
        let canManage: Bool
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        Layout(context: context, title: context.t("users.title"), current: .users).render {
            H1(context.t("users.title"))
            Paragraph {
                if model.canManage { Link(context.t("action.new"), url: SiteURL.userNew.path).class("button primary") }
                ExportLink(context: context, path: SiteURL.users.path, query: model.rawQuery)
            }
            .class("toolbar")
            Form(url: SiteURL.users.path, method: .get) {
                FormField(label: context.t("filter.search"), name: "q", value: model.filter.query ?? "")
                SelectField(
                    label: context.t("field.role"), name: "role",
                    options: [("", context.t("filter.all"))] + Role.allCases.map { ($0.rawValue, context.t("role.\($0.rawValue)")) },
                    selected: model.filter.role?.rawValue ?? "")
                FormField(label: context.t("field.regionCode"), name: "regionCode", value: model.filter.regionCode ?? "")
                StatusFilter(context: context, selected: model.filter.active)
                Button(context.t("action.search")).attribute(named: "type", value: "submit")
            }
            .class("filter-form")
            if model.rows.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                UserTable(context: context, rows: model.rows)
            }
            Pager(context: context, path: SiteURL.users.path, query: model.rawQuery, nextCursor: model.nextCursor, shown: model.rows.count)
        }
    }
}

/// Users as a table.
struct UserTable: Component {
    let context: PageContext
    let rows: [User]

    var body: Component {
        Table(
            header: TableRow {
                TableHeaderCell(context.t("field.username"))
                TableHeaderCell(context.t("field.displayName"))
                TableHeaderCell(context.t("field.role"))
                TableHeaderCell(context.t("field.scope"))
                TableHeaderCell(context.t("field.status"))
            }
        ) {
            for user in rows {
                TableRow {
                    TableCell { if let id = user.id { Link(user.username, url: SiteURL.user(id).path) } }
                    TableCell(user.displayName)
                    TableCell(context.t("role.\(user.role.rawValue)"))
                    TableCell(user.regionCode).class("code")
                    TableCell { ActiveBadge(context: context, active: user.active) }
                }
            }
        }
        .class("data-table")
    }
}

/// One user and their history.
struct UserPage {
    struct Model {
        let user: User
        let history: [AuditEntry]
        let canManage: Bool
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let user = model.user
        return Layout(context: context, title: user.displayName, current: .users,
                      breadcrumb: [.init(title: context.t("users.title"), url: SiteURL.users.path),
                                   .init(title: user.username, url: nil)]).render {
            RecordTitle(context: context, title: user.displayName, active: user.active)
            DescriptionList {
                Term(context.t("field.username"))
                Definition(user.username).class("code")
                Term(context.t("field.role"))
                Definition(context.t("role.\(user.role.rawValue)"))
                Term(context.t("field.scope"))
                Definition { Link(user.regionCode, url: SiteURL.region(user.regionCode).path) }
                Term(context.t("field.phone"))
                Definition(user.phone ?? "—")
                Term(context.t("account.lastLogin"))
                Definition(context.dateTime(user.lastLoginAt))
            }
            .class("facts")
            if model.canManage, let id = user.id {
                Paragraph { Link(context.t("action.edit"), url: SiteURL.userEdit(id).path).class("button") }.class("toolbar")
            }
            HistoryTable(context: context, entries: model.history)
        }
    }
}

/// Create or edit a user.
struct UserFormPage {
    struct Model {
        let id: UUID?
        let form: UsersController.Form
        let errors: [String: String]
        let roles: [Role]
        /// The departments in the editor's scope, for department officers.
        let departments: [Department]
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let title = context.t(model.id == nil ? "users.new" : "users.edit")
        let form = model.form
        return Layout(context: context, title: title, current: .users).render {
            H1(title)
            if !model.errors.isEmpty {
                Paragraph(context.t("form.fixErrors")).class("form-error").attribute(named: "role", value: "alert")
            }
            Form(url: model.id.map { SiteURL.user($0).path } ?? SiteURL.users.path, method: .post) {
                CSRFField(context: context)
                if model.id == nil {
                    FormField(label: context.t("field.username"), name: "username", value: form.username ?? "",
                              error: model.errors["username"], isRequired: true, hint: context.t("users.usernameHint"))
                }
                FormField(label: context.t("field.displayName"), name: "displayName", value: form.displayName ?? "",
                          error: model.errors["displayName"], isRequired: true)
                SelectField(label: context.t("field.role"), name: "role",
                            options: model.roles.map { ($0.rawValue, context.t("role.\($0.rawValue)")) },
                            selected: form.role ?? "", error: model.errors["role"])
                FormField(label: context.t("field.regionCode"), name: "regionCode", value: form.regionCode ?? "",
                          error: model.errors["regionCode"], isRequired: true, hint: context.t("users.scopeHint"))
                SelectField(
                    label: context.t("field.departmentId"), name: "departmentId",
                    options: [("", context.t("users.noDepartment"))] + model.departments.compactMap { department in
                        department.id.map { ($0.uuidString, department.name) }
                    },
                    selected: form.departmentId ?? "", error: model.errors["departmentId"])
                FormField(label: context.t("field.businessId"), name: "businessId", value: form.businessId ?? "",
                          error: model.errors["businessId"])
                FormField(label: context.t("field.phone"), name: "phone", value: form.phone ?? "", type: .tel, error: model.errors["phone"])
                FormField(label: context.t(model.id == nil ? "field.password" : "users.resetPassword"), name: "password",
                          type: .password, error: model.errors["password"], isRequired: model.id == nil,
                          hint: context.t("account.passwordRule"))
                if model.id != nil {
                    SelectField(
                        label: context.t("field.status"), name: "active",
                        options: [("true", context.t("status.active")), ("false", context.t("status.inactive"))],
                        selected: form.active ?? "true", error: model.errors["active"])
                }
                Button(context.t("action.save")).attribute(named: "type", value: "submit").class("primary")
                    .attribute(named: "data-confirm", value: model.id == nil ? nil : context.t("form.confirmSave"))
            }
            .class("stacked-form")
        }
    }
}
