import FluentKit
import ShianCore
import ShianStore
import Vapor

/// The department pages.
enum DepartmentsController {
    /// HTML forms send `active` as text.
    struct Form: Content {
        var regionCode: String?
        var code: String?
        var name: String?
        var duties: String?
        var active: String?

        var input: DepartmentWrites.Input {
            .init(regionCode: regionCode, code: code, name: name, duties: duties, active: active.map { $0 == "true" })
        }
    }

    static func index(request: Request) async throws -> Response {
        let principal = try request.require(.readDepartments)
        let list = try ListParameters(request)
        if CSVExport.isRequested(request) {
            let rows = try await CSVExport.collect { cursor in
                try await DepartmentQueries.list(
                    query: list.query, active: list.active, scope: principal.scope, cursor: cursor, limit: 500, on: request.db)
            }
            return try await CSVExport.response(
                filename: "departments",
                header: ["field.name", "field.code", "field.regionCode", "field.duties", "field.status"].map { request.t($0) },
                rows: rows.map { [$0.name, $0.code, $0.regionCode, $0.duties, request.t($0.active ? "status.active" : "status.inactive")] },
                entityType: "department", principal: principal, on: request.db)
        }
        let page = try await DepartmentQueries.list(
            query: list.query, active: list.active, scope: principal.scope, cursor: list.cursor, limit: list.limit, on: request.db)
        let model = DepartmentListPage.Model(
            query: list.query ?? "", active: list.active, rows: page.items, nextCursor: page.nextCursor, rawQuery: list.rawQuery,
            canManage: principal.role.may(.manageDepartments))
        return .html(DepartmentListPage(context: request.pageContext, model: model).render())
    }

    static func show(request: Request) async throws -> Response {
        let principal = try request.require(.readDepartments)
        let department = try await principal.scope.find(Department.self, try request.idParameter(), on: request.db)
        async let history = AuditLog.history(entityType: Department.auditEntityType, entityID: department.id?.uuidString ?? "", on: request.db)
        async let staff = User.query(on: request.db).filter(\.$department.$id == department.id).sort(\.$username).limit(100).all()
        let model = DepartmentPage.Model(
            department: department, staff: principal.role.may(.readUsers) ? try await staff : [], history: try await history,
            canManage: principal.role.may(.manageDepartments))
        return .html(DepartmentPage(context: request.pageContext, model: model).render())
    }

    static func new(request: Request) async throws -> Response {
        let principal = try request.require(.manageDepartments)
        let form = Form(regionCode: principal.user.regionCode, active: "true")
        return .html(DepartmentFormPage(context: request.pageContext, model: .init(id: nil, form: form, errors: [:])).render())
    }

    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.manageDepartments)
        let form = try request.content.decode(Form.self)
        do {
            let department = try await DepartmentWrites.create(form.input, by: principal, on: request.db)
            return request.redirect(to: SiteURL.department(try department.requireID()).path)
        } catch let caught {
            let error = ShianError.from(caught)
            guard error.field != nil else { throw caught }
            let errors = [error.field ?? "": request.t("error.\(error.code)", error.arguments)]
            return .html(DepartmentFormPage(context: request.pageContext, model: .init(id: nil, form: form, errors: errors)).render(),
                         status: error.status)
        }
    }

    static func edit(request: Request) async throws -> Response {
        let principal = try request.require(.manageDepartments)
        let department = try await principal.scope.find(Department.self, try request.idParameter(), on: request.db)
        let form = Form(regionCode: department.regionCode, code: department.code, name: department.name, duties: department.duties,
                        active: department.active ? "true" : "false")
        return .html(DepartmentFormPage(context: request.pageContext, model: .init(id: department.id, form: form, errors: [:])).render())
    }

    static func update(request: Request) async throws -> Response {
        let principal = try request.require(.manageDepartments)
        let department = try await principal.scope.find(Department.self, try request.idParameter(), on: request.db)
        let form = try request.content.decode(Form.self)
        do {
            _ = try await DepartmentWrites.update(department, with: form.input, by: principal, on: request.db)
            return request.redirect(to: SiteURL.department(try department.requireID()).path)
        } catch let caught {
            let error = ShianError.from(caught)
            guard error.field != nil else { throw caught }
            let errors = [error.field ?? "": request.t("error.\(error.code)", error.arguments)]
            return .html(DepartmentFormPage(context: request.pageContext, model: .init(id: department.id, form: form, errors: errors)).render(),
                         status: error.status)
        }
    }
}
