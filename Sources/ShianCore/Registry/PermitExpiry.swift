import Foundation

/// Where a permit stands against its expiry date, for the 30/60/90-day lists.
public enum PermitExpiry: String, Codable, Sendable, CaseIterable, Comparable {
    case expired
    case within30Days
    case within60Days
    case within90Days
    case valid
    /// No expiry date recorded (or no permit needed).
    case unknown

    /// The standing of a permit valid until `validUntil` (the last valid day, in Asia/Shanghai) on `today`.
    public static func of(validUntil: Date?, today: Date, calendar: Calendar = .shanghai) -> PermitExpiry {
        guard let validUntil else { return .unknown }
        let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: today), to: calendar.startOfDay(for: validUntil)).day ?? 0
        switch days {
        case ..<0: return .expired
        case 0...30: return .within30Days
        case 31...60: return .within60Days
        case 61...90: return .within90Days
        default: return .valid
        }
    }

    /// The newest expiry date that still falls in this band on `today` (for range queries).
    public static func dayRange(_ band: PermitExpiry, today: Date, calendar: Calendar = .shanghai) -> (from: Date?, to: Date?) {
        let start = calendar.startOfDay(for: today)
        func day(_ offset: Int) -> Date? { calendar.date(byAdding: .day, value: offset, to: start) }
        switch band {
        case .expired: return (nil, start)
        case .within30Days: return (start, day(31))
        case .within60Days: return (day(31), day(61))
        case .within90Days: return (day(61), day(91))
        case .valid: return (day(91), nil)
        case .unknown: return (nil, nil)
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: PermitExpiry, rhs: PermitExpiry) -> Bool { lhs.order < rhs.order }
}

extension Calendar {
    /// The Gregorian calendar in China's time zone: days and deadlines are counted here.
    public static let shanghai: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        return calendar
    }()
}
