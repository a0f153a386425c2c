import FluentKit
import Prometheus
import SQLKit
import Vapor

/// Health and metrics for operators and load balancers.
enum OperationsController {
    /// 200 when the database answers, 503 otherwise.
    static func health(request: Request) async throws -> Response {
        var body = ["status": "ok"]
        var status = HTTPResponseStatus.ok
        do {
            if let sql = request.db as? any SQLDatabase {
                try await sql.raw("SELECT 1").run()
            }
        } catch {
            body = ["status": "unavailable"]
            status = .serviceUnavailable
        }
        let response = try await body.encodeResponse(status: status, for: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Prometheus text format.
    static func metrics(request: Request) async throws -> Response {
        var buffer: [UInt8] = []
        request.application.metricsRegistry?.emit(into: &buffer)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(data: Data(buffer)))
    }
}
