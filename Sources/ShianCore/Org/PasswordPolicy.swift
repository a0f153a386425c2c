/// Password rules. 等保 2.0 practice (research/ecosystem-cn.md §2.6): at least 8 characters mixing
/// letters, digits and other characters. The minimum length is configuration.
public struct PasswordPolicy: Sendable {
    public var minimumLength: Int

    public init(minimumLength: Int = 8) {
        self.minimumLength = minimumLength
    }

    public func check(_ password: String, username: String? = nil) throws(ValidationFailure) {
        guard password.count >= minimumLength else {
            throw ValidationFailure(code: "passwordTooShort", field: "password", arguments: [String(minimumLength)])
        }
        guard password.count <= 128 else {
            throw ValidationFailure(code: "passwordTooLong", field: "password", arguments: ["128"])
        }
        let hasLetter = password.contains { $0.isLetter }
        let hasDigit = password.contains { $0.isNumber }
        let hasOther = password.contains { !$0.isLetter && !$0.isNumber }
        guard hasLetter, hasDigit, hasOther else {
            throw ValidationFailure(code: "passwordTooSimple", field: "password")
        }
        if let username, !username.isEmpty, password.lowercased().contains(username.lowercased()) {
            throw ValidationFailure(code: "passwordContainsUsername", field: "password")
        }
    }
}
