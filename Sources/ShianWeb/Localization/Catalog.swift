import Foundation

/// The string catalog: one JSON file per language in `Resources/Localization`, key → text, where
/// `{0}`, `{1}` … stand for arguments. Views never hold UI text of their own; a test checks that every
/// key used in the sources exists in every language.
public struct Catalog: Sendable {
    public let strings: [AppLocale: [String: String]]

    /// The catalog shipped with Shian, loaded once.
    public static let shared: Catalog = {
        var strings: [AppLocale: [String: String]] = [:]
        for locale in AppLocale.allCases {
            guard
                let url = Bundle.module.url(
                    forResource: locale.rawValue, withExtension: "json", subdirectory: "Resources/Localization"),
                let data = try? Data(contentsOf: url),
                let table = try? JSONDecoder().decode([String: String].self, from: data)
            else { continue }
            strings[locale] = table
        }
        return Catalog(strings: strings)
    }()

    /// The text for `key`; falls back to Chinese, then to the key itself so a gap shows, not crashes.
    public func string(_ key: String, locale: AppLocale, arguments: [String] = []) -> String {
        var text = strings[locale]?[key] ?? strings[.zhCN]?[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }
}
