import FluentKit
import Foundation

/// The login log (登录日志): every attempt, successful or not. Throttling reads the recent failures.
public final class LoginAttempt: Model, @unchecked Sendable {
    public static let schema = "login_attempts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "ip") public var ip: String
    @Field(key: "succeeded") public var succeeded: Bool
    /// Why it failed (`badCredentials`, `locked`, `inactive`) or `ok`.
    @Field(key: "outcome") public var outcome: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(username: String, ip: String, succeeded: Bool, outcome: String, at: Date) {
        self.username = username
        self.ip = ip
        self.succeeded = succeeded
        self.outcome = outcome
        self.at = at
    }
}
