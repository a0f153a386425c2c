import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// The databases a store or web test runs against: in-memory SQLite always, and PostgreSQL too
/// when `SHIAN_TEST_POSTGRES_URL` names a server (the CI starts one). Use as
/// `@Test(arguments: TestDatabase.all)`.
public enum TestDatabase: Sendable, CustomStringConvertible {
    case sqlite
    case postgres(serverURL: String)

    public static var all: [TestDatabase] {
        if let url = ProcessInfo.processInfo.environment["SHIAN_TEST_POSTGRES_URL"], !url.isEmpty {
            return [.sqlite, .postgres(serverURL: url)]
        }
        return [.sqlite]
    }

    public var description: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// A fresh, empty database: its URL (nil for in-memory SQLite) and a clean-up to run after the test.
    public func makeFresh() async throws -> (url: String?, drop: @Sendable () async throws -> Void) {
        switch self {
        case .sqlite:
            return (nil, {})
        case .postgres(let serverURL):
            let name = "shian_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await Self.admin(serverURL, "CREATE DATABASE \(name)")
            guard var components = URLComponents(string: serverURL) else { throw URLError(.badURL) }
            components.path = "/" + name
            let url = components.string ?? serverURL
            return (url, { try await Self.admin(serverURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") })
        }
    }

    /// Runs one statement on the server's maintenance connection.
    private static func admin(_ serverURL: String, _ statement: String) async throws {
        let configuration = try SQLPostgresConfiguration(url: serverURL).coreConfiguration
        let logger = Logger(label: "shian.test.postgres")
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger)
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
