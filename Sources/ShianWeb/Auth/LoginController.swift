import FluentKit
import ShianCore
import ShianStore
import Vapor

/// The login and logout pages, and the language switch.
enum LoginController {
    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    static func show(request: Request) async throws -> Response {
        if request.principal != nil { return request.redirect(to: SiteURL.home.path) }
        let next = try? request.query.get(String.self, at: "next")
        return .html(LoginPage(context: request.pageContext, username: "", next: safeNext(next), error: nil).render())
    }

    static func submit(request: Request) async throws -> Response {
        let form = (try? request.content.decode(LoginForm.self)) ?? LoginForm()
        let username = form.username ?? ""
        do {
            let user = try await LoginService.authenticate(username: username, password: form.password ?? "", on: request)
            return try await startSession(for: user, request: request, next: safeNext(form.next))
        } catch let error as ShianError where [.unauthorized, .tooManyRequests].contains(error.status) {
            let message = request.t("error.\(error.code)", error.arguments)
            let page = LoginPage(context: request.pageContext, username: username, next: safeNext(form.next), error: message)
            return .html(page.render(), status: error.status)
        }
    }

    /// A new session with a new token on every login (never reusing one an attacker could have set).
    private static func startSession(for user: User, request: Request, next: String) async throws -> Response {
        let settings = request.application.shian
        let now = Date()
        let token = SecretToken.generate()
        if let old = request.cookies[SessionAuthenticator.cookieName]?.string {
            try await UserSession.query(on: request.db).filter(\.$tokenHash == SecretToken.hash(old)).delete()
        }
        let session = UserSession(
            userID: try user.requireID(), tokenHash: SecretToken.hash(token), csrfToken: SecretToken.generate(), now: now,
            expiresAt: now.addingTimeInterval(settings.sessionLifetime))
        try await session.create(on: request.db)
        let response = request.redirect(to: next)
        response.cookies[SessionAuthenticator.cookieName] = SessionSettings(
            lifetime: settings.sessionLifetime, idleTimeout: settings.sessionIdleTimeout, secureCookies: settings.secureCookies
        ).cookie(token, expires: session.expiresAt)
        return response
    }

    static func logout(request: Request) async throws -> Response {
        if case .session(let id, _) = request.principal?.credential {
            try await UserSession.query(on: request.db).filter(\.$id == id).delete()
        }
        let response = request.redirect(to: SiteURL.login.path)
        response.cookies[SessionAuthenticator.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isHTTPOnly: true)
        return response
    }

    static func switchLanguage(request: Request) async throws -> Response {
        guard let code = request.parameters.get("locale"), let locale = AppLocale(rawValue: code) else {
            throw ShianError.notFound
        }
        let next = safeNext(try? request.query.get(String.self, at: "next"))
        let response = request.redirect(to: next)
        response.cookies[AppLocale.cookieName] = HTTPCookies.Value(
            string: locale.rawValue, expires: Date().addingTimeInterval(365 * 86400), path: "/", isHTTPOnly: false,
            sameSite: .lax)
        return response
    }

    /// Only local paths are followed after login, never another site (open-redirect protection).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), !next.contains("\n") else {
            return SiteURL.home.path
        }
        return next
    }
}
