import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

/// For every role: it sees its scope and is refused outside it, in the API and in the pages.
@Suite("Scoping of every role")
struct RoleScopingTests {
    /// (account, a region inside its scope or nil, a region outside it, allowed to read regions)
    static let cases: [(String, String?, String, Bool)] = [
        ("admin", "222499101", "11", true),
        ("office", "222499101001", "2224", true),
        ("leader", "222499102", "222400", true),
        ("dept.market", nil, "222499", false),
        ("township.101", "222499101001001", "222499102", true),
        ("inspector.102", "222499102001", "222499101", true),
        ("grid.101001", "222499101001001", "222499101002001", true),
        ("business.lamb", nil, "222499101001001", false),
    ]

    @Test(arguments: TestDatabase.all)
    func everyRoleSeesItsScopeAndNothingElse(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            for (username, inside, outside, readsRegions) in Self.cases {
                let token = try await app.token(for: username)
                if let inside {
                    let ok = try await app.api(.GET, "/api/v1/regions/\(inside)", token: token)
                    #expect(ok.status == .ok, "\(username) reads \(inside)")
                }
                let refused = try await app.api(.GET, "/api/v1/regions/\(outside)", token: token)
                #expect([.forbidden, .notFound].contains(refused.status), "\(username) is refused \(outside)")
                let children = try await app.api(.GET, "/api/v1/regions?parent=\(outside)", token: token)
                #expect([.forbidden, .notFound].contains(children.status), "\(username) lists under \(outside)")

                // Every region a role can list lies inside its scope.
                let list = try await app.api(.GET, "/api/v1/regions?limit=500", token: token)
                if readsRegions {
                    let codes = list.pluck("code")
                    let scope = try await User.query(on: app.db).filter(\.$username == username).first()?.regionCode ?? "?"
                    #expect(!codes.isEmpty)
                    #expect(codes.allSatisfy { $0.hasPrefix(scope) }, "\(username) lists only inside \(scope)")
                } else {
                    #expect(list.status == .forbidden, "\(username) may not list regions")
                }
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func departmentOfficerSeesOnlyTheirDepartment(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let token = try await app.token(for: "dept.market")
            let list = try await app.api(.GET, "/api/v1/departments", token: token)
            #expect(list.pluck("code") == ["market"])
            let other = try #require(try await Department.query(on: app.db).filter(\.$code == "education").first()?.id)
            #expect(try await app.api(.GET, "/api/v1/departments/\(other)", token: token).status == .notFound)
            let office = try await app.token(for: "office")
            let all = try await app.api(.GET, "/api/v1/departments?limit=100", token: office)
            #expect(all.pluck("code").count == 20)
        }
    }

    @Test(arguments: TestDatabase.all)
    func townshipOfficerManagesOnlyTheirTownship(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let token = try await app.token(for: "township.101")
            let users = try await app.api(.GET, "/api/v1/users?limit=500", token: token)
            let scopes = users.pluck("scope.regionCode")
            #expect(!scopes.isEmpty && scopes.allSatisfy { $0.hasPrefix("222499101") })
            let neighbour = try await app.userID("township.102")
            #expect(try await app.api(.GET, "/api/v1/users/\(neighbour)", token: token).status == .notFound)
            let patch = try await app.api(.PATCH, "/api/v1/users/\(neighbour)", token: token, json: #"{"displayName":"x"}"#)
            #expect(patch.status == .notFound)
            #expect(try await User.find(neighbour, on: app.db)?.displayName != "x")
        }
    }

    @Test(arguments: TestDatabase.all)
    func auditIsForOfficesOnly(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            for (username, allowed) in [("office", true), ("admin", true), ("leader", false), ("township.101", false), ("inspector", false)] {
                let response = try await app.api(.GET, "/api/v1/audit-entries", token: try await app.token(for: username))
                #expect(response.status == (allowed ? .ok : .forbidden), "\(username)")
            }
        }
    }
}
