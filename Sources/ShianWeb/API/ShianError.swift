import ShianCore
import Vapor

/// The one error type of the web layer. `code` is stable and lowerCamelCase; the message is looked
/// up in the catalog (`error.<code>`) in the caller's language when the error is rendered.
public struct ShianError: AbortError, Sendable {
    public let status: HTTPResponseStatus
    public let code: String
    public let field: String?
    public let arguments: [String]
    /// Extra JSON members beside `error` (for example the bad rows of an import).
    public let details: [String: String]

    public init(
        _ status: HTTPResponseStatus, _ code: String, field: String? = nil, arguments: [String] = [],
        details: [String: String] = [:]
    ) {
        self.status = status
        self.code = code
        self.field = field
        self.arguments = arguments
        self.details = details
    }

    public var reason: String { code }

    /// A rule refused the input (422).
    public init(_ failure: ValidationFailure) {
        self.init(.unprocessableEntity, failure.code, field: failure.field, arguments: failure.arguments)
    }

    static let notFound = ShianError(.notFound, "notFound")
    static let forbidden = ShianError(.forbidden, "forbidden")
    static let unauthorized = ShianError(.unauthorized, "unauthorized")
    static let csrf = ShianError(.forbidden, "csrfTokenInvalid")

    static func malformed(_ field: String? = nil) -> ShianError {
        ShianError(.badRequest, "malformedRequest", field: field)
    }

    static func missing(_ field: String) -> ShianError {
        ShianError(.badRequest, "fieldMissing", field: field, arguments: [field])
    }
}

/// The JSON body of every API error: `{"error": {"code", "message", "field"?}}`.
struct ErrorBody: Content {
    struct Detail: Content {
        let code: String
        let message: String
        let field: String?
    }

    let error: Detail
}

extension ShianError {
    /// Maps any error thrown while handling a request to a `ShianError`, so every error a user or a
    /// client sees has a code and a message in their language.
    static func from(_ error: any Error) -> ShianError {
        switch error {
        case let error as ShianError:
            return error
        case let failure as ValidationFailure:
            return ShianError(failure)
        case is DecodingError:
            return .malformed()
        case let abort as any AbortError:
            switch abort.status {
            case .notFound: return .notFound
            case .unauthorized: return .unauthorized
            case .forbidden: return .forbidden
            case .payloadTooLarge: return ShianError(.payloadTooLarge, "payloadTooLarge")
            case .unsupportedMediaType: return ShianError(.unsupportedMediaType, "unsupportedMediaType")
            case .methodNotAllowed: return ShianError(.methodNotAllowed, "methodNotAllowed")
            case .tooManyRequests: return ShianError(.tooManyRequests, "tooManyRequests")
            default:
                return abort.status.code < 500
                    ? ShianError(abort.status.code == 422 ? .unprocessableEntity : .badRequest, "malformedRequest")
                    : ShianError(.internalServerError, "internalError")
            }
        default:
            return ShianError(.internalServerError, "internalError")
        }
    }
}
