import Foundation
import Vapor

/// The languages of the UI: Chinese first, English second.
public enum AppLocale: String, Sendable, CaseIterable {
    case zhCN = "zh-CN"
    case en

    /// The cookie that remembers the choice.
    static let cookieName = "shian_lang"

    /// The cookie wins; pages are otherwise in Chinese, the product's first language, whatever the
    /// browser says; API messages follow an English `Accept-Language` for machine clients.
    static func of(_ request: Request) -> AppLocale {
        if let cookie = request.cookies[cookieName]?.string, let locale = AppLocale(rawValue: cookie) {
            return locale
        }
        if request.url.path.hasPrefix("/api/"),
            let accept = request.headers.first(name: .acceptLanguage)?.lowercased(), accept.hasPrefix("en")
        {
            return .en
        }
        return .zhCN
    }
}

extension Request {
    /// The language this request is answered in.
    public var locale: AppLocale {
        if let cached = storage[LocaleKey.self] { return cached }
        let locale = AppLocale.of(self)
        storage[LocaleKey.self] = locale
        return locale
    }

    /// A string from the catalog in this request's language.
    func t(_ key: String, _ arguments: String...) -> String {
        Catalog.shared.string(key, locale: locale, arguments: arguments)
    }

    private struct LocaleKey: StorageKey {
        typealias Value = AppLocale
    }
}
