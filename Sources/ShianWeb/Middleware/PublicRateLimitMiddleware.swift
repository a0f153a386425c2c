import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Limits how often one address may call the pages and API open to everyone (ratings, draws, open
/// data): a fixed one-minute window per address, answered with 429 and `Retry-After` beyond it.
/// Counts live in memory, per server process; the table is swept when it grows large.
final class PublicRateLimitMiddleware: AsyncMiddleware, Sendable {
    private struct Window {
        var start: Date
        var count: Int
    }

    private let limit: Int
    private let windows = NIOLockedValueBox<[String: Window]>([:])

    init(requestsPerMinute: Int) {
        limit = requestsPerMinute
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard limit > 0 else { return try await next.respond(to: request) }
        let address = request.remoteAddress?.ipAddress ?? "unknown"
        let now = Date()
        let retryAfter: Int? = windows.withLockedValue { windows in
            if windows.count > 50_000 { windows = windows.filter { now.timeIntervalSince($0.value.start) < 60 } }
            var window = windows[address].flatMap { now.timeIntervalSince($0.start) < 60 ? $0 : nil } ?? Window(start: now, count: 0)
            window.count += 1
            windows[address] = window
            return window.count > limit ? max(1, Int(60 - now.timeIntervalSince(window.start))) : nil
        }
        if let retryAfter {
            let error = ShianError(.tooManyRequests, "tooManyRequests")
            let response = try ErrorRenderingMiddleware.render(error, for: request)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter))
            return response
        }
        return try await next.respond(to: request)
    }
}
