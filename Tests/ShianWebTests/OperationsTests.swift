import Foundation
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Operations: health, metrics, headers, configuration, errors")
struct OperationsTests {
    @Test func healthMetricsAndSecurityHeaders() async throws {
        try await withShianApp(.sqlite, seedDemo: false) { app in
            let health = try await app.testing().sendRequest(.GET, "/healthz")
            #expect(health.status == .ok)
            #expect(health.body.string.contains("ok"))
            let metrics = try await app.testing().sendRequest(.GET, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers.contentType?.description.contains("text/plain") == true)
            let login = try await app.testing().sendRequest(.GET, "/login")
            #expect(login.headers.first(name: "X-Frame-Options") == "SAMEORIGIN")
            #expect(login.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(login.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
        }
    }

    @Test func unknownRoutesAnswerInTheRightShape() async throws {
        try await withShianApp(.sqlite, seedDemo: false) { app in
            let api = try await app.testing().sendRequest(.GET, "/api/v1/nothing-here")
            #expect(api.status == .notFound)
            #expect(try api.content.get(String.self, at: "error", "code") == "notFound")
            let page = try await app.testing().sendRequest(.GET, "/nothing-here")
            #expect(page.status == .notFound)
            #expect(page.body.string.contains(#"data-status="404""#))
        }
    }

    @Test func publicEndpointsAreRateLimitedPerAddress() async throws {
        try await withShianApp(.sqlite, seedDemo: false, adjust: { $0.publicRequestsPerMinute = 3; $0.publicRateWindow = 3600 }) { app in
            for _ in 0..<3 {
                #expect(try await app.testing().sendRequest(.GET, "/api/v1/public/random-draws").status == .ok)
            }
            let limited = try await app.testing().sendRequest(.GET, "/public/random-draws")
            #expect(limited.status == .tooManyRequests, "pages and API share one counter")
            #expect(Int(limited.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
            let api = try await app.testing().sendRequest(.GET, "/api/v1/public/random-draws")
            #expect(try api.content.get(String.self, at: "error", "code") == "tooManyRequests")
            #expect(try await app.testing().sendRequest(.GET, "/healthz").status == .ok, "other routes are not counted")
        }
        #expect(try ShianConfiguration.load(from: ["SHIAN_PUBLIC_RATE_LIMIT": "0"]).publicRequestsPerMinute == 0)
        #expect(throws: ShianConfiguration.Invalid.self) { try ShianConfiguration.load(from: ["SHIAN_PUBLIC_RATE_LIMIT": "lots"]) }
    }

    @Test func configurationNamesEveryBadValue() {
        let environment = [
            "DATABASE_URL": "mysql://nope", "SHIAN_BCRYPT_COST": "99", "SHIAN_LOG_FORMAT": "xml",
            "SHIAN_SECURE_COOKIES": "perhaps", "SHIAN_DEMO_PASSWORD": "short",
        ]
        #expect(throws: ShianConfiguration.Invalid.self) { try ShianConfiguration.load(from: environment) }
        do {
            _ = try ShianConfiguration.load(from: environment)
        } catch {
            let names = error.problems.map { $0.split(separator: ":").first.map(String.init) ?? "" }
            #expect(Set(names) == ["DATABASE_URL", "SHIAN_BCRYPT_COST", "SHIAN_LOG_FORMAT", "SHIAN_SECURE_COOKIES", "SHIAN_DEMO_PASSWORD"])
        }
    }

    @Test func configurationDefaults() throws {
        let configuration = try ShianConfiguration.load(from: [:])
        #expect(configuration.database == .sqlite(path: "./data/shian.sqlite"))
        #expect(configuration.loginMaxFailures == 5)
        #expect(configuration.sessionIdleTimeout == 1800)
        let postgres = try ShianConfiguration.load(from: ["DATABASE_URL": "postgres://u:p@127.0.0.1:5432/shian", "SHIAN_DATA_DIR": "/srv/shian"])
        #expect(postgres.database == .postgres(url: "postgres://u:p@127.0.0.1:5432/shian"))
        #expect(postgres.dataDirectory == "/srv/shian")
    }

    @Test func provinceRulesAreChosenByConfiguration() throws {
        #expect(try ShianConfiguration.load(from: [:]).smallBusinessRules == .jilin)
        #expect(try ShianConfiguration.load(from: ["SHIAN_SMALL_BUSINESS_RULES": "gansu"]).smallBusinessRules == .gansu)
        #expect(throws: ShianConfiguration.Invalid.self) {
            try ShianConfiguration.load(from: ["SHIAN_SMALL_BUSINESS_RULES": "/nonexistent/rules.json"])
        }
    }

    @Test func serveIsTheDefaultCommand() {
        #expect(Startup.isServe(["shian"]))
        #expect(Startup.isServe(["shian", "serve", "--port", "8080"]))
        #expect(Startup.isServe(["shian", "--port", "8080"]))
        #expect(!Startup.isServe(["shian", "migrate"]))
        #expect(!Startup.isServe(["shian", "demo-accounts", "--json"]))
    }
}
