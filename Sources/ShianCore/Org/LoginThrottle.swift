import Foundation

/// Login throttling. RuoYi's defaults, which Chinese government users know (research/ecosystem-cn.md
/// §2.6): after 5 failed attempts the account is locked for 10 minutes. Both are configuration.
public struct LoginThrottle: Sendable, Equatable {
    public var maxFailures: Int
    public var lockout: TimeInterval

    public init(maxFailures: Int = 5, lockout: TimeInterval = 600) {
        self.maxFailures = maxFailures
        self.lockout = lockout
    }

    /// The moment a login may be tried again, or nil when it may be tried now.
    /// `recentFailures` are the times of failed attempts since the last success, newest last.
    public func lockedUntil(recentFailures: [Date], now: Date) -> Date? {
        let window = recentFailures.filter { now.timeIntervalSince($0) < lockout }
        guard window.count >= maxFailures, let newest = window.max() else { return nil }
        let until = newest.addingTimeInterval(lockout)
        return until > now ? until : nil
    }
}
