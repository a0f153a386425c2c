import Foundation
import Testing

@testable import ShianCore

@Suite("Password policy, usernames and login throttling")
struct SecurityRuleTests {
    @Test(arguments: [
        ("short1!", "passwordTooShort"), ("abcdefgh", "passwordTooSimple"), ("12345678", "passwordTooSimple"),
        ("abcd1234", "passwordTooSimple"), ("office-2026!", "passwordContainsUsername"),
    ])
    func weakPasswordsAreRefused(password: String, failure: String) {
        #expect(throws: ValidationFailure.self) { try PasswordPolicy().check(password, username: "office") }
        do {
            try PasswordPolicy().check(password, username: "office")
        } catch {
            #expect(error.code == failure)
        }
    }

    @Test func strongPasswordPasses() throws {
        try PasswordPolicy().check("Demo-Pass-2026!", username: "office")
        try PasswordPolicy().check("食品安全2026!abc")
    }

    @Test(arguments: [("Office", "office"), (" township.101 ", "township.101"), ("dept_market-1", "dept_market-1")])
    func usernamesAreNormalized(raw: String, normalized: String) throws {
        #expect(try Username.normalize(raw) == normalized)
    }

    @Test(arguments: ["ab", "1abc", "张三abc", "a b c", String(repeating: "a", count: 65)])
    func badUsernamesAreRefused(raw: String) {
        #expect(throws: ValidationFailure.self) { try Username.normalize(raw) }
    }

    @Test func lockoutAfterMaxFailuresWithinWindow() {
        let throttle = LoginThrottle(maxFailures: 5, lockout: 600)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let four = (1...4).map { now.addingTimeInterval(Double(-$0 * 10)) }
        #expect(throttle.lockedUntil(recentFailures: four, now: now) == nil)
        let five = four + [now.addingTimeInterval(-5)]
        #expect(throttle.lockedUntil(recentFailures: five, now: now) == now.addingTimeInterval(-5 + 600))
        // Failures older than the window do not count.
        let old = (1...5).map { now.addingTimeInterval(Double(-700 - $0)) }
        #expect(throttle.lockedUntil(recentFailures: old, now: now) == nil)
    }
}
