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
    /// The window's length: a minute; tests lengthen it so that a slow machine cannot reset it.
    private let window: TimeInterval
    private let windows = NIOLockedValueBox<[String: Window]>([:])

    init(requestsPerMinute: Int, window: TimeInterval = 60) {
        limit = requestsPerMinute
        self.window = window
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard limit > 0 else { return try await next.respond(to: request) }
        let address = request.remoteAddress?.ipAddress ?? "unknown"
        let now = Date()
        let retryAfter: Int? = windows.withLockedValue { windows in
            let length = self.window
            if windows.count > 50_000 { windows = windows.filter { now.timeIntervalSince($0.value.start) < length } }
            var current = windows[address].flatMap { now.timeIntervalSince($0.start) < length ? $0 : nil } ?? Window(start: now, count: 0)
            current.count += 1
            windows[address] = current
            return current.count > limit ? max(1, Int(length - now.timeIntervalSince(current.start))) : nil
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
