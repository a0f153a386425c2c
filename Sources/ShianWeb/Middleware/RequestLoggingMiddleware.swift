import Vapor

/// One structured log line per request: method, path, status and duration, with the request id
/// Vapor puts in the logger's metadata, so a slow or failing request can be followed.
struct RequestLoggingMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        request.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(request.url.path),
                "status": .stringConvertible(response.status.code),
                "durationMs": .string(String(format: "%.1f", milliseconds)),
                "user": .string(request.principal?.user.username ?? "-"),
            ])
        return response
    }
}
