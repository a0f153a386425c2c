/// A rule refused an input. `code` is a stable lowerCamelCase identifier; the web layer turns it into a
/// message in the caller's language, and `field` names the input it concerns.
public struct ValidationFailure: Error, Equatable, Sendable {
    public let code: String
    public let field: String?
    /// Values the message may interpolate (for example a minimum length).
    public let arguments: [String]

    public init(code: String, field: String? = nil, arguments: [String] = []) {
        self.code = code
        self.field = field
        self.arguments = arguments
    }
}
