import Fluent
import Foundation
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

/// The password every demo account has in the web tests.
let demoPassword = "Demo-Pass-2026!"
private let demoPasswordHash: String = (try? Bcrypt.hash(demoPassword, cost: 4)) ?? ""

/// Runs `body` against a configured Shian application on a fresh database, with the demo county
/// seeded unless `seedDemo` is false.
func withShianApp(
    _ database: TestDatabase, seedDemo: Bool = true, adjust: (inout ShianConfiguration) -> Void = { _ in },
    _ body: (Application) async throws -> Void
) async throws {
    let (url, drop) = try await database.makeFresh()
    let app = try await Application.make(.testing)
    do {
        var configuration = ShianConfiguration.testing(database: url.map { .postgres(url: $0) } ?? .sqliteMemory)
        configuration.demoPassword = demoPassword
        adjust(&configuration)
        try await configure(app, configuration)
        try await prepareDatabase(app)
        if seedDemo {
            try await DemoSeeder.seed(on: app.db, passwordHash: demoPasswordHash)
        }
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        try? await drop()
        throw error
    }
    try await app.asyncShutdown()
    try await drop()
}

extension Application {
    /// An API token for a demo account.
    func token(for username: String, access: String = "readWrite") async throws -> String {
        let response = try await testing().sendRequest(.POST, "/api/v1/auth/token", headers: ["Content-Type": "application/json"],
                                                       body: ByteBuffer(string: #"{"username":"\#(username)","password":"\#(demoPassword)","access":"\#(access)"}"#))
        #expect(response.status == .ok, "token for \(username)")
        return try response.content.get(String.self, at: "token")
    }

    /// Sends an API request with a bearer token and an optional JSON body.
    func api(_ method: HTTPMethod, _ path: String, token: String?, json: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = .init(token: token) }
        if json != nil { headers.contentType = .json }
        return try await testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// Posts a CSV table (an import) with a bearer token.
    func postCSV(_ path: String, _ csv: String, token: String) async throws -> TestingHTTPResponse {
        try await postBytes(path, Array(csv.utf8), contentType: "text/csv", token: token)
    }

    /// Posts a raw body (a file) with a bearer token.
    func postBytes(_ path: String, _ bytes: [UInt8], contentType: String, token: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        headers.replaceOrAdd(name: .contentType, value: contentType)
        return try await testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(bytes: bytes))
    }

    /// The id of a demo account.
    func userID(_ username: String) async throws -> UUID {
        try #require(try await ShianStore.User.query(on: db).filter(\ShianStore.User.$username == username).first()?.id)
    }
}

/// A logged-in browser: keeps cookies and the CSRF token of the last page.
struct Browser {
    let app: Application
    var cookies: [String: String] = [:]
    var csrfToken = ""

    init(app: Application) {
        self.app = app
    }

    /// Logs in through the login form, as a person would.
    static func loggedIn(_ app: Application, as username: String, password: String = demoPassword) async throws -> Browser {
        var browser = Browser(app: app)
        _ = try await browser.get("/login")
        let response = try await browser.post("/login", form: ["username": username, "password": password])
        #expect(response.status == .seeOther, "login as \(username)")
        return browser
    }

    mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    mutating func post(_ path: String, form: [String: String], includeCSRF: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if includeCSRF { fields["csrfToken"] = fields["csrfToken"] ?? csrfToken }
        let body = fields.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    mutating func send(_ method: HTTPMethod, _ path: String, body: String?, contentType: String? = nil) async throws
        -> TestingHTTPResponse
    {
        var headers = HTTPHeaders()
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if body != nil { headers.replaceOrAdd(name: .contentType, value: contentType ?? "application/x-www-form-urlencoded") }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[1].isEmpty { cookies[parts[0]] = nil } else { cookies[parts[0]] = parts[1] }
        }
        if let token = Self.csrfToken(in: response.body.string) { csrfToken = token }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrfToken" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.split(separator: "\"", maxSplits: 1).first.map(String.init)
    }
}

extension TestingHTTPResponse {
    /// The `items` of a list response, as JSON objects.
    var items: [[String: Any]] {
        guard let data = body.string.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [] }
        return object["items"] as? [[String: Any]] ?? []
    }

    /// One string field of every item (a dotted path reaches into nested objects).
    func pluck(_ path: String) -> [String] {
        items.compactMap { item in
            var value: Any? = item
            for key in path.split(separator: ".") { value = (value as? [String: Any])?[String(key)] }
            return value as? String
        }
    }
}
