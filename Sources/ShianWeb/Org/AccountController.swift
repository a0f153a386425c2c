import FluentKit
import ShianCore
import ShianStore
import Vapor

/// The user's own account: profile, password change and API tokens.
enum AccountController {
    struct PasswordForm: Content {
        var currentPassword: String?
        var newPassword: String?
        var confirmPassword: String?
    }

    struct TokenForm: Content {
        var name: String?
        var access: String?
        var expiresInDays: String?
    }

    static func show(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        return try await render(request, principal: principal)
    }

    static func changePassword(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = (try? request.content.decode(PasswordForm.self)) ?? PasswordForm()
        let user = principal.user
        var errors: [String: String] = [:]
        let verified = (try? await request.password.async.verify(form.currentPassword ?? "", created: user.passwordHash)) ?? false
        if !verified {
            errors["currentPassword"] = request.t("error.currentPasswordWrong")
        } else if form.newPassword != form.confirmPassword {
            errors["confirmPassword"] = request.t("error.passwordMismatch")
        } else {
            do {
                try PasswordPolicy().check(form.newPassword ?? "", username: user.username)
            } catch {
                errors["newPassword"] = request.t("error.\(error.code)", error.arguments)
            }
        }
        guard errors.isEmpty, let newPassword = form.newPassword else {
            return try await render(request, principal: principal, passwordErrors: errors, status: .unprocessableEntity)
        }
        let hash = try await request.password.async.hash(newPassword)
        try await request.db.transaction { db in
            let before = user.auditFields
            user.passwordHash = hash
            user.passwordChangedAt = Date()
            try await user.update(on: db)
            // Other sessions of this user end: a changed password locks out whoever else had it.
            if case .session(let current, _) = principal.credential {
                try await UserSession.query(on: db).filter(\.$user.$id == (try user.requireID())).filter(\.$id != current).delete()
            }
            try await AuditLog.record(.passwordChange, user, before: before, actor: principal.actor, on: db)
        }
        return try await render(request, principal: principal, notice: request.t("account.passwordChanged"))
    }

    static func issueToken(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = (try? request.content.decode(TokenForm.self)) ?? TokenForm()
        let access = APIToken.Access(rawValue: form.access ?? "read") ?? .read
        let days = form.expiresInDays.flatMap { Int($0) }
        do {
            let (_, secret) = try await TokenIssuer.issue(to: principal.user, name: form.name, access: access, days: days, on: request.db)
            return try await render(request, principal: principal, newToken: secret)
        } catch let error as ShianError where error.field != nil {
            return try await render(
                request, principal: principal, tokenErrors: [error.field ?? "": request.t("error.\(error.code)", error.arguments)],
                status: error.status)
        }
    }

    static func revokeToken(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        try await TokenIssuer.revoke(try request.idParameter(), of: principal.user, on: request.db)
        return request.redirect(to: SiteURL.account.path)
    }

    private static func render(
        _ request: Request, principal: Principal, passwordErrors: [String: String] = [:],
        tokenErrors: [String: String] = [:], notice: String? = nil, newToken: String? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let tokens = try await APIToken.query(on: request.db)
            .filter(\.$user.$id == (try principal.user.requireID()))
            .sort(\.$createdAt, .descending).limit(100).all()
        let model = AccountPage.Model(
            user: principal.user, tokens: tokens, passwordErrors: passwordErrors, tokenErrors: tokenErrors, notice: notice,
            newToken: newToken)
        return .html(AccountPage(context: request.pageContext, model: model).render(), status: status)
    }
}
