import FluentKit
import ShianCore
import ShianStore
import Vapor

/// `/api/v1/users`.
enum UsersAPIController {
    static func list(request: Request) async throws -> ListDTO<UserDTO> {
        let principal = try request.require(.readUsers)
        let list = try ListParameters(request)
        let raw = list.rawQuery
        var filter = UserQueries.Filter(query: list.query, active: list.active)
        if let role = raw["role"], !role.isEmpty {
            guard let value = Role(rawValue: role) else { throw ShianError(.badRequest, "roleInvalid", field: "role") }
            filter.role = value
        }
        if let code = raw["regionCode"], !code.isEmpty {
            guard RegionCode(validating: code) != nil else { throw ShianError(.badRequest, "regionCodeInvalid", field: "regionCode") }
            try principal.scope.require(covers: code)
            filter.regionCode = code
        }
        let page = try await UserQueries.list(filter, scope: principal.scope, cursor: list.cursor, limit: list.limit, on: request.db)
        return ListDTO(try page.map(UserDTO.init))
    }

    static func show(request: Request) async throws -> UserDTO {
        let principal = try request.require(.readUsers)
        return try UserDTO(try await principal.scope.find(User.self, try request.idParameter(), on: request.db))
    }

    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.manageUsers)
        let input = try APIBody.decode(UserWrites.Input.self, from: request)
        let user = try await UserWrites.create(input, by: principal, passwords: request.password.async, on: request.db)
        return try await UserDTO(user).encodeResponse(status: .created, for: request)
    }

    static func update(request: Request) async throws -> UserDTO {
        let principal = try request.require(.manageUsers)
        let user = try await principal.scope.find(User.self, try request.idParameter(), on: request.db)
        let input = try APIBody.decode(UserWrites.Input.self, from: request)
        return try UserDTO(try await UserWrites.update(user, with: input, by: principal, passwords: request.password.async, on: request.db))
    }
}
