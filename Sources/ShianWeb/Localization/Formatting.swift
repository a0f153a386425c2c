import Foundation
import ShianCore

/// The one date and number helper: dates are stored in UTC and shown in Asia/Shanghai, as
/// 2026年11月30日 (zh-CN) or 30 Nov 2026 (en); numbers with grouping.
public enum Formatting {
    static let displayTimeZone = Calendar.shanghai.timeZone

    public static func date(_ date: Date?, locale: AppLocale) -> String {
        guard let date else { return "—" }
        let parts = Calendar(identifier: .gregorian).dateComponents(in: displayTimeZone, from: date)
        let (year, month, day) = (parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        switch locale {
        case .zhCN: return "\(year)年\(month)月\(day)日"
        case .en:
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(day) \(months[max(0, min(11, month - 1))]) \(year)"
        }
    }

    public static func dateTime(_ date: Date?, locale: AppLocale) -> String {
        guard let date else { return "—" }
        let parts = Calendar(identifier: .gregorian).dateComponents(in: displayTimeZone, from: date)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return "\(Self.date(date, locale: locale)) \(time)"
    }

    public static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A calendar day as YYYY-MM-DD in Asia/Shanghai (permit dates, deadlines).
    public static func day(_ date: Date) -> String {
        let parts = Calendar.shanghai.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// ISO 8601 in UTC with `Z`, the API's date format.
    public static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
