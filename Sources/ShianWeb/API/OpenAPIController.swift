import Vapor

/// Serves the OpenAPI 3.1 document of `/api/v1` (hand-written, kept true by a test that compares it
/// with the registered routes).
enum OpenAPIController {
    static let document: Data? = Bundle.module
        .url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
        .flatMap { try? Data(contentsOf: $0) }

    static func document(request: Request) async throws -> Response {
        guard let document else { throw ShianError(.internalServerError, "internalError") }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: document))
    }
}
