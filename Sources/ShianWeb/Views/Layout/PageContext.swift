import ShianCore
import Vapor

/// What every page needs besides its own view model: the language, the user, the CSRF token and
/// the path (to mark the current navigation item and to come back after switching language).
struct PageContext: Sendable {
    let locale: AppLocale
    let principal: Principal?
    let csrfToken: String
    let path: String

    func t(_ key: String, _ arguments: String...) -> String {
        Catalog.shared.string(key, locale: locale, arguments: arguments)
    }

    func date(_ date: Date?) -> String { Formatting.date(date, locale: locale) }
    func dateTime(_ date: Date?) -> String { Formatting.dateTime(date, locale: locale) }
}

extension Request {
    var pageContext: PageContext {
        PageContext(locale: locale, principal: principal, csrfToken: csrfToken, path: url.path)
    }
}
