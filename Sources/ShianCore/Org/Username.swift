import Foundation

/// Usernames: 3–64 characters of lowercase letters, digits, dot, dash and underscore, starting with
/// a letter. Stored as typed after lowercasing, so logins are case-insensitive.
public enum Username {
    public static func normalize(_ raw: String) throws(ValidationFailure) -> String {
        let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard name.count >= 3, name.count <= 64 else {
            throw ValidationFailure(code: "usernameLength", field: "username", arguments: ["3", "64"])
        }
        guard let first = name.first, first.isASCII, first.isLetter,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) })
        else {
            throw ValidationFailure(code: "usernameCharacters", field: "username")
        }
        return name
    }
}
