import Foundation
import Logging
import ShianCore

/// Shian's settings, read from the environment. Loading fails fast and names every bad value at
/// once, so an operator fixes them in one go.
public struct ShianConfiguration: Sendable {
    public enum Database: Sendable, Equatable {
        /// The embedded default: a SQLite file in the data folder (WAL mode).
        case sqlite(path: String)
        /// A fresh in-memory SQLite database (tests).
        case sqliteMemory
        /// PostgreSQL at this URL.
        case postgres(url: String)
    }

    public var dataDirectory: String
    public var database: Database
    public var demoPassword: String?
    public var bcryptCost: Int
    public var sessionLifetime: TimeInterval
    public var sessionIdleTimeout: TimeInterval
    public var secureCookies: Bool
    public var loginMaxFailures: Int
    public var loginLockout: TimeInterval
    public var logFormat: LogFormat
    public var logLevel: Logger.Level
    /// Seed the demo county on the first start of an empty database.
    public var seedDemoOnFirstStart: Bool
    /// The province's rules for the three smalls (`SHIAN_SMALL_BUSINESS_RULES`: `jilin`, `gansu`
    /// or the path of a JSON file in the shape of `SmallBusinessRules`).
    public var smallBusinessRules: SmallBusinessRules = .jilin
    /// Days to rectify by severity (`SHIAN_RECTIFICATION_DAYS`, e.g. `critical=3,major=10,general=30`).
    public var rectificationPolicy = RectificationPolicy()
    /// Requests a minute one address may make to the public pages and API (`SHIAN_PUBLIC_RATE_LIMIT`;
    /// 0 turns the limit off, e.g. behind a gateway that limits already).
    public var publicRequestsPerMinute = 120
    /// Hours ahead a warehouse slot must be booked (`SHIAN_WAREHOUSE_LEAD_HOURS`; Shaanxi 48,
    /// Puyang 24 — research/domain-cn.md §c-3).
    public var warehouseLeadHours = 48
    /// Days before a report's due time that townships yet to send it are reminded
    /// (`SHIAN_REPORT_REMINDER_DAYS`; the research files name no lead time, 3 is a working week's notice).
    public var reportReminderDays = 3
    /// The rate limit's window, a minute; only tests change it.
    public var publicRateWindow: TimeInterval = 60

    public enum LogFormat: String, Sendable { case text, json }

    public struct Invalid: Error, CustomStringConvertible, Equatable {
        /// One line per bad variable: `NAME: why`.
        public let problems: [String]
        public var description: String {
            "Invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    /// Settings for tests: in-memory SQLite, cheap Bcrypt, no demo data unless asked.
    public static func testing(database: Database = .sqliteMemory) -> ShianConfiguration {
        ShianConfiguration(
            dataDirectory: NSTemporaryDirectory(), database: database, demoPassword: nil, bcryptCost: 4,
            sessionLifetime: 8 * 3600, sessionIdleTimeout: 1800, secureCookies: false, loginMaxFailures: 5,
            loginLockout: 600, logFormat: .text, logLevel: .warning, seedDemoOnFirstStart: false)
    }

    /// Reads the settings from `environment`, collecting every problem before failing.
    public static func load(from environment: [String: String]) throws(Invalid) -> ShianConfiguration {
        var problems: [String] = []

        func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) -> Int {
            guard let text = environment[name], !text.isEmpty else { return value }
            guard let number = Int(text), range.contains(number) else {
                problems.append("\(name): '\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
                return value
            }
            return number
        }

        func flag(_ name: String, default value: Bool) -> Bool {
            guard let text = environment[name]?.lowercased(), !text.isEmpty else { return value }
            switch text {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default:
                problems.append("\(name): '\(text)' is not true or false")
                return value
            }
        }

        let dataDirectory = environment["SHIAN_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        var database = Database.sqlite(path: (dataDirectory as NSString).appendingPathComponent("shian.sqlite"))
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"), URL(string: url)?.host != nil {
                database = .postgres(url: url)
            } else {
                problems.append("DATABASE_URL: expected postgres://user:password@host:port/database")
            }
        }

        var demoPassword = environment["SHIAN_DEMO_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if let password = demoPassword, password.count < 8 {
            problems.append("SHIAN_DEMO_PASSWORD: must have at least 8 characters")
            demoPassword = nil
        }

        let logFormatText = environment["SHIAN_LOG_FORMAT"] ?? "text"
        let logFormat = LogFormat(rawValue: logFormatText.isEmpty ? "text" : logFormatText)
        if logFormat == nil { problems.append("SHIAN_LOG_FORMAT: '\(logFormatText)' is not text or json") }

        let logLevelText = environment["LOG_LEVEL"] ?? "info"
        let logLevel = Logger.Level(rawValue: logLevelText.isEmpty ? "info" : logLevelText.lowercased())
        if logLevel == nil {
            problems.append("LOG_LEVEL: '\(logLevelText)' is not one of trace, debug, info, notice, warning, error, critical")
        }

        let configuration = ShianConfiguration(
            dataDirectory: dataDirectory,
            database: database,
            demoPassword: demoPassword,
            bcryptCost: integer("SHIAN_BCRYPT_COST", default: 10, in: 4...16),
            sessionLifetime: TimeInterval(integer("SHIAN_SESSION_HOURS", default: 8, in: 1...720) * 3600),
            // 等保 practice: log out after 30 idle minutes (research/ecosystem-cn.md §2.6).
            sessionIdleTimeout: TimeInterval(integer("SHIAN_SESSION_IDLE_MINUTES", default: 30, in: 5...1440) * 60),
            secureCookies: flag("SHIAN_SECURE_COOKIES", default: false),
            loginMaxFailures: integer("SHIAN_LOGIN_MAX_FAILURES", default: 5, in: 1...100),
            loginLockout: TimeInterval(integer("SHIAN_LOGIN_LOCKOUT_MINUTES", default: 10, in: 1...1440) * 60),
            logFormat: logFormat ?? .text,
            logLevel: logLevel ?? .info,
            seedDemoOnFirstStart: flag("SHIAN_SEED_DEMO", default: true))
        var configured = configuration
        configured.publicRequestsPerMinute = integer("SHIAN_PUBLIC_RATE_LIMIT", default: 120, in: 0...100_000)
        configured.warehouseLeadHours = integer("SHIAN_WAREHOUSE_LEAD_HOURS", default: 48, in: 0...720)
        configured.reportReminderDays = integer("SHIAN_REPORT_REMINDER_DAYS", default: 3, in: 0...60)
        switch environment["SHIAN_SMALL_BUSINESS_RULES"] ?? "" {
        case "", "jilin": configured.smallBusinessRules = .jilin
        case "gansu": configured.smallBusinessRules = .gansu
        case let path:
            if let data = FileManager.default.contents(atPath: path),
                let rules = try? JSONDecoder().decode(SmallBusinessRules.self, from: data)
            {
                configured.smallBusinessRules = rules
            } else {
                problems.append("SHIAN_SMALL_BUSINESS_RULES: '\(path)' is not jilin, gansu or a readable rules JSON file")
            }
        }
        if let text = environment["SHIAN_RECTIFICATION_DAYS"], !text.isEmpty {
            var days = configured.rectificationPolicy.days
            for pair in text.split(separator: ",") {
                let parts = pair.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, let severity = Severity(rawValue: parts[0]), let value = Int(parts[1]), (1...365).contains(value) {
                    days[severity] = value
                } else {
                    problems.append("SHIAN_RECTIFICATION_DAYS: '\(pair)' is not severity=days (critical, major, general; 1–365)")
                }
            }
            configured.rectificationPolicy = RectificationPolicy(days: days)
        }
        guard problems.isEmpty else { throw Invalid(problems: problems) }
        return configured
    }
}
