import Plot
import Vapor

/// Turns every error into what the caller can use: the JSON error shape under `/api`, a redirect to
/// the login page for an HTML page that needs a login, and otherwise an error page in the user's
/// language. A 500 is logged with its cause; the caller sees only a code.
struct ErrorRenderingMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let failure = ShianError.from(error)
            if failure.status == .internalServerError {
                request.logger.report(error: error)
            }
            return try Self.render(failure, for: request)
        }
    }

    static func isAPI(_ request: Request) -> Bool {
        request.url.path.hasPrefix("/api/")
    }

    static func render(_ failure: ShianError, for request: Request) throws -> Response {
        let message = request.t("error.\(failure.code)", failure.arguments)
        if Self.isAPI(request) {
            var object: [String: Any] = [
                "error": ["code": failure.code, "message": message].merging(failure.field.map { ["field": $0] } ?? [:]) { $1 }
            ]
            for (key, value) in failure.details {
                object[key] = (try? JSONSerialization.jsonObject(with: Data(value.utf8), options: [.fragmentsAllowed])) ?? value
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            var headers = HTTPHeaders()
            headers.contentType = .json
            if failure.status == .unauthorized {
                headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
            }
            return Response(status: failure.status, headers: headers, body: .init(data: data))
        }
        if failure.status == .unauthorized, request.method == .GET {
            let next = request.url.string.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return request.redirect(to: "\(SiteURL.login.path)?next=\(next)")
        }
        let context = request.pageContext
        let html = Layout(context: context, title: context.t("error.title.\(failure.status.code)"), status: Int(failure.status.code))
            .render {
                H1(context.t("error.title.\(failure.status.code)"))
                Paragraph(message).class("error-message").attribute(named: "data-code", value: failure.code)
                Paragraph { Link(context.t("action.backHome"), url: SiteURL.home.path) }
            }
        return .html(html, status: failure.status)
    }
}

extension Request {
    /// A catalog string with an argument list (for errors carrying their arguments). An argument that
    /// is itself a catalog key of a named value (`level.county`) is shown in the user's language.
    func t(_ key: String, _ arguments: [String]) -> String {
        let shown = arguments.map { argument in
            argument.hasPrefix("level.") ? Catalog.shared.string(argument, locale: locale) : argument
        }
        return Catalog.shared.string(key, locale: locale, arguments: shown)
    }
}
