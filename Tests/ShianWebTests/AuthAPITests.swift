import Fluent
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("API authentication")
struct AuthAPITests {
    @Test(arguments: TestDatabase.all)
    func tokenContract(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let token = try await app.token(for: "office")
            #expect(token.hasPrefix("shian_"))

            let me = try await app.api(.GET, "/api/v1/me", token: token)
            #expect(me.status == .ok)
            #expect(try me.content.get(String.self, at: "username") == "office")
            #expect(try me.content.get(String.self, at: "role") == "foodSafetyOffice")
            #expect(try me.content.get(String.self, at: "scope", "regionCode") == "222499")

            let wrong = try await app.api(.POST, "/api/v1/auth/token", token: nil, json: #"{"username":"office","password":"nope-nope-1!"}"#)
            #expect(wrong.status == .unauthorized)
            #expect(try wrong.content.get(String.self, at: "error", "code") == "badCredentials")
            #expect(!(try wrong.content.get(String.self, at: "error", "message")).isEmpty)

            for body in [#"{"username":"#, "[]", #"{"username": 3}"#, ""] {
                let malformed = try await app.api(.POST, "/api/v1/auth/token", token: nil, json: body)
                #expect(malformed.status == .badRequest, "body \(body)")
                #expect(try malformed.content.get(String.self, at: "error", "code") != "")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func missingAndBadTokensAreRefused(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let none = try await app.api(.GET, "/api/v1/me", token: nil)
            #expect(none.status == .unauthorized)
            #expect(try none.content.get(String.self, at: "error", "code") == "unauthorized")
            let bad = try await app.api(.GET, "/api/v1/me", token: "shian_not-a-token")
            #expect(bad.status == .unauthorized)
            #expect(try bad.content.get(String.self, at: "error", "code") == "tokenInvalid")
        }
    }

    @Test(arguments: TestDatabase.all)
    func revokedTokenStopsWorking(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let token = try await app.token(for: "leader")
            let list = try await app.api(.GET, "/api/v1/api-tokens", token: token)
            let id = try list.content.get(String.self, at: "items", "0", "id")
            #expect(try await app.api(.DELETE, "/api/v1/api-tokens/\(id)", token: token).status == .noContent)
            #expect(try await app.api(.GET, "/api/v1/me", token: token).status == .unauthorized)
            // The hash, never the token, is stored.
            let stored = try await APIToken.query(on: app.db).all()
            #expect(stored.allSatisfy { !$0.tokenHash.contains(token) && $0.tokenHash.count == 64 })
        }
    }

    @Test(arguments: TestDatabase.all)
    func readOnlyTokenCannotWrite(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let token = try await app.token(for: "admin", access: "read")
            #expect(try await app.api(.GET, "/api/v1/regions", token: token).status == .ok)
            let write = try await app.api(.POST, "/api/v1/regions", token: token, json: #"{"code":"222499301","name":"新区"}"#)
            #expect(write.status == .forbidden)
            #expect(try write.content.get(String.self, at: "error", "code") == "tokenReadOnly")
            #expect(try await Region.query(on: app.db).filter(\.$code == "222499301").count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func repeatedFailuresLockTheAccount(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            for _ in 1...5 {
                let attempt = try await app.api(.POST, "/api/v1/auth/token", token: nil, json: #"{"username":"inspector","password":"Wrong-pass-1!"}"#)
                #expect(attempt.status == .unauthorized)
            }
            // Even the right password is refused while locked.
            let locked = try await app.api(.POST, "/api/v1/auth/token", token: nil, json: #"{"username":"inspector","password":"\#(demoPassword)"}"#)
            #expect(locked.status == .tooManyRequests)
            #expect(try locked.content.get(String.self, at: "error", "code") == "loginLocked")
            #expect(try await LoginAttempt.query(on: app.db).filter(\.$username == "inspector").count() == 6)
            // Other accounts are not affected.
            #expect(try await app.token(for: "leader").isEmpty == false)
        }
    }

    @Test(arguments: TestDatabase.all)
    func deactivatedUserCannotLogIn(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let id = try await app.userID("township.102")
            let change = try await app.api(.PATCH, "/api/v1/users/\(id)", token: office, json: #"{"active":false}"#)
            #expect(change.status == .ok)
            let login = try await app.api(.POST, "/api/v1/auth/token", token: nil, json: #"{"username":"township.102","password":"\#(demoPassword)"}"#)
            #expect(login.status == .unauthorized)
        }
    }
}
