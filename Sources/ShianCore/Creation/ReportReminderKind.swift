import Foundation

/// The reminders a unit gets about a report it has not sent: one "due in N days" before the due
/// time, one "overdue" after it (DESIGN.md principle 7: deadlines have reminders).
public enum ReportReminderKind: String, Codable, Sendable, CaseIterable {
    case dueSoon
    case overdue

    /// The reminder owed at `now` for a report due at `dueAt` and not yet sent, or nil when none is:
    /// overdue once the due time has passed, due soon within `leadDays` days before it.
    public static func owed(dueAt: Date, now: Date, leadDays: Int) -> ReportReminderKind? {
        if now > dueAt { return .overdue }
        return dueAt.timeIntervalSince(now) <= Double(max(0, leadDays)) * 86400 ? .dueSoon : nil
    }
}
