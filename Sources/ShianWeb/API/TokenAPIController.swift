import FluentKit
import ShianStore
import Vapor

/// `POST /api/v1/auth/token`, `GET /api/v1/me`, and the caller's own tokens.
enum TokenAPIController {
    struct TokenRequest: Content {
        var username: String
        var password: String
        var name: String?
        var access: APIToken.Access?
        var expiresInDays: Int?
    }

    struct TokenResponse: Content {
        let token: String
        let tokenId: UUID
        let access: String
        let expiresAt: Date?
    }

    struct MeResponse: Content {
        let id: UUID
        let username: String
        let displayName: String
        let role: String
        let scope: ScopeDTO
    }

    static func issue(request: Request) async throws -> TokenResponse {
        let input = try APIBody.decode(TokenRequest.self, from: request)
        let user = try await LoginService.authenticate(username: input.username, password: input.password, on: request)
        let (token, secret) = try await TokenIssuer.issue(
            to: user, name: input.name, access: input.access ?? .readWrite, days: input.expiresInDays, on: request.db)
        return TokenResponse(token: secret, tokenId: try token.requireID(), access: token.access.rawValue, expiresAt: token.expiresAt)
    }

    static func me(request: Request) async throws -> MeResponse {
        let user = try request.requirePrincipal().user
        return MeResponse(
            id: try user.requireID(), username: user.username, displayName: user.displayName, role: user.role.rawValue,
            scope: ScopeDTO(user))
    }

    static func list(request: Request) async throws -> ListDTO<APITokenDTO> {
        let user = try request.requirePrincipal().user
        let tokens = try await APIToken.query(on: request.db)
            .filter(\.$user.$id == (try user.requireID()))
            .sort(\.$createdAt, .descending)
            .limit(500)
            .all()
        return ListDTO(RecordPage(items: try tokens.map(APITokenDTO.init), nextCursor: nil))
    }

    static func revoke(request: Request) async throws -> HTTPStatus {
        let user = try request.requirePrincipal().user
        try await TokenIssuer.revoke(try request.idParameter(), of: user, on: request.db)
        return .noContent
    }
}
