import FluentKit
import ShianStore
import Vapor

/// `/api/v1/departments`.
enum DepartmentsAPIController {
    static func list(request: Request) async throws -> ListDTO<DepartmentDTO> {
        let principal = try request.require(.readDepartments)
        let list = try ListParameters(request)
        let page = try await DepartmentQueries.list(
            query: list.query, active: list.active, scope: principal.scope, cursor: list.cursor, limit: list.limit, on: request.db)
        return ListDTO(try page.map(DepartmentDTO.init))
    }

    static func show(request: Request) async throws -> DepartmentDTO {
        let principal = try request.require(.readDepartments)
        return try DepartmentDTO(try await principal.scope.find(Department.self, try request.idParameter(), on: request.db))
    }

    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.manageDepartments)
        let input = try APIBody.decode(DepartmentWrites.Input.self, from: request)
        let department = try await DepartmentWrites.create(input, by: principal, on: request.db)
        return try await DepartmentDTO(department).encodeResponse(status: .created, for: request)
    }

    static func update(request: Request) async throws -> DepartmentDTO {
        let principal = try request.require(.manageDepartments)
        let department = try await principal.scope.find(Department.self, try request.idParameter(), on: request.db)
        let input = try APIBody.decode(DepartmentWrites.Input.self, from: request)
        return try DepartmentDTO(try await DepartmentWrites.update(department, with: input, by: principal, on: request.db))
    }
}
