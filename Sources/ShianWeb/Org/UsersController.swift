import FluentKit
import ShianCore
import ShianStore
import Vapor

/// The user administration pages.
enum UsersController {
    /// HTML forms send everything as text.
    struct Form: Content {
        var username: String?
        var displayName: String?
        var password: String?
        var role: String?
        var regionCode: String?
        var departmentId: String?
        var businessId: String?
        var phone: String?
        var active: String?

        var input: UserWrites.Input {
            .init(
                username: username, displayName: displayName, password: password, role: role, regionCode: regionCode,
                departmentId: departmentId.flatMap(UUID.init(uuidString:)), businessId: businessId.flatMap(UUID.init(uuidString:)),
                phone: phone, active: active.map { $0 == "true" })
        }
    }

    static func index(request: Request) async throws -> Response {
        let principal = try request.require(.readUsers)
        let list = try ListParameters(request)
        let raw = list.rawQuery
        let filter = UserQueries.Filter(
            query: list.query, role: raw["role"].flatMap(Role.init(rawValue:)),
            regionCode: raw["regionCode"].flatMap { $0.isEmpty ? nil : $0 }, active: list.active)
        if CSVExport.isRequested(request) {
            let rows = try await CSVExport.collect { cursor in
                try await UserQueries.list(filter, scope: principal.scope, cursor: cursor, limit: 500, on: request.db)
            }
            return try await CSVExport.response(
                filename: "users",
                header: ["field.username", "field.displayName", "field.role", "field.scope", "field.phone", "field.status",
                         "account.lastLogin"].map { request.t($0) },
                rows: rows.map { [$0.username, $0.displayName, request.t("role.\($0.role.rawValue)"), $0.regionCode, $0.phone ?? "",
                                  request.t($0.active ? "status.active" : "status.inactive"),
                                  Formatting.dateTime($0.lastLoginAt, locale: request.locale)] },
                entityType: "user", principal: principal, on: request.db)
        }
        let page = try await UserQueries.list(filter, scope: principal.scope, cursor: list.cursor, limit: list.limit, on: request.db)
        let model = UserListPage.Model(filter: filter, rows: page.items, nextCursor: page.nextCursor, rawQuery: raw,
                                       canManage: principal.role.may(.manageUsers))
        return .html(UserListPage(context: request.pageContext, model: model).render())
    }

    static func show(request: Request) async throws -> Response {
        let principal = try request.require(.readUsers)
        let user = try await principal.scope.find(User.self, try request.idParameter(), on: request.db)
        let history = try await AuditLog.history(entityType: User.auditEntityType, entityID: user.id?.uuidString ?? "", on: request.db)
        let model = UserPage.Model(user: user, history: history,
                                   canManage: principal.role.may(.manageUsers) && principal.role.assignableRoles.contains(user.role))
        return .html(UserPage(context: request.pageContext, model: model).render())
    }

    static func new(request: Request) async throws -> Response {
        let principal = try request.require(.manageUsers)
        let form = Form(regionCode: principal.user.regionCode, active: "true")
        let model = UserFormPage.Model(
            id: nil, form: form, errors: [:], roles: principal.role.assignableRoles,
            departments: try await departments(for: principal, on: request.db))
        return .html(UserFormPage(context: request.pageContext, model: model).render())
    }

    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.manageUsers)
        let form = try request.content.decode(Form.self)
        do {
            let user = try await UserWrites.create(form.input, by: principal, passwords: request.password.async, on: request.db)
            return request.redirect(to: SiteURL.user(try user.requireID()).path)
        } catch let error as ShianError where error.field != nil {
            return try await formError(error, request: request, principal: principal, id: nil, form: form)
        } catch let failure as ValidationFailure {
            return try await formError(ShianError(failure), request: request, principal: principal, id: nil, form: form)
        }
    }

    static func edit(request: Request) async throws -> Response {
        let principal = try request.require(.manageUsers)
        let user = try await principal.scope.find(User.self, try request.idParameter(), on: request.db)
        guard principal.role.assignableRoles.contains(user.role) else { throw ShianError.forbidden }
        let form = Form(
            username: user.username, displayName: user.displayName, role: user.role.rawValue, regionCode: user.regionCode,
            departmentId: user.$department.id?.uuidString, businessId: user.$business.id?.uuidString, phone: user.phone,
            active: user.active ? "true" : "false")
        let model = UserFormPage.Model(
            id: user.id, form: form, errors: [:], roles: principal.role.assignableRoles,
            departments: try await departments(for: principal, on: request.db))
        return .html(UserFormPage(context: request.pageContext, model: model).render())
    }

    static func update(request: Request) async throws -> Response {
        let principal = try request.require(.manageUsers)
        let user = try await principal.scope.find(User.self, try request.idParameter(), on: request.db)
        var form = try request.content.decode(Form.self)
        form.username = user.username
        do {
            _ = try await UserWrites.update(user, with: form.input, by: principal, passwords: request.password.async, on: request.db)
            return request.redirect(to: SiteURL.user(try user.requireID()).path)
        } catch let error as ShianError where error.field != nil {
            return try await formError(error, request: request, principal: principal, id: user.id, form: form)
        } catch let failure as ValidationFailure {
            return try await formError(ShianError(failure), request: request, principal: principal, id: user.id, form: form)
        }
    }

    private static func formError(_ error: ShianError, request: Request, principal: Principal, id: UUID?, form: Form)
        async throws -> Response
    {
        var kept = form
        kept.password = nil
        let errors = [error.field ?? "": request.t("error.\(error.code)", error.arguments)]
        let model = UserFormPage.Model(
            id: id, form: kept, errors: errors, roles: principal.role.assignableRoles,
            departments: try await departments(for: principal, on: request.db))
        return .html(UserFormPage(context: request.pageContext, model: model).render(), status: error.status)
    }

    /// The active departments the editor may assign (a page of up to 500, in code order).
    private static func departments(for principal: Principal, on database: any Database) async throws -> [Department] {
        guard principal.role.may(.readDepartments) else { return [] }
        return try await DepartmentQueries.list(
            query: nil, active: true, scope: principal.scope, cursor: nil, limit: 500, on: database
        ).items
    }
}
