import Vapor

/// CSRF protection for the HTML pages. A logged-in session carries its own token; before login a
/// random token is kept in a cookie (double submit). Every POST must send the token back in the
/// `csrfToken` form field (or the `X-CSRF-Token` header); otherwise 403 and nothing is done.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "shian_csrf"
    static let fieldName = "csrfToken"
    let secureCookies: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var newAnonymousToken: String?
        if request.principal == nil, request.cookies[Self.cookieName]?.string == nil {
            newAnonymousToken = SecretToken.generate()
            request.storage[AnonymousTokenKey.self] = newAnonymousToken
        }
        if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            let expected = request.principal?.csrfToken ?? request.cookies[Self.cookieName]?.string
            let sent =
                request.headers.first(name: "X-CSRF-Token")
                ?? (try? request.content.get(String.self, at: Self.fieldName))
            guard let expected, let sent, SecretToken.constantTimeEquals(expected, sent) else {
                throw ShianError.csrf
            }
        }
        let response = try await next.respond(to: request)
        if let token = newAnonymousToken {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: token, path: "/", isSecure: secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    struct AnonymousTokenKey: StorageKey {
        typealias Value = String
    }
}

extension Request {
    /// The CSRF token to put in this page's forms.
    var csrfToken: String {
        principal?.csrfToken
            ?? storage[CSRFMiddleware.AnonymousTokenKey.self]
            ?? cookies[CSRFMiddleware.cookieName]?.string
            ?? ""
    }
}
