import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Regions, departments and users through the API")
struct OrgAPITests {
    @Test(arguments: TestDatabase.all)
    func adminCreatesRegionWithAuditAndRefusals(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let admin = try await app.token(for: "admin")
            let created = try await app.api(.POST, "/api/v1/regions", token: admin, json: #"{"code":"222499301","name":"新城街道"}"#)
            #expect(created.status == .created)
            #expect(try created.content.get(String.self, at: "level") == "township")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "region").filter(\.$regionCode == "222499301").all()
            #expect(audit.count == 1 && audit.first?.actorUsername == "admin" && audit.first?.action == .create)

            let regionsBefore = try await Region.query(on: app.db).count()
            let cases: [(String, HTTPResponseStatus, String)] = [
                (#"{"code":"222499301","name":"重复"}"#, .conflict, "regionCodeTaken"),
                (#"{"code":"2224999","name":"x"}"#, .unprocessableEntity, "regionCodeBadLength"),
                (#"{"code":"222499777001","name":"孤儿村"}"#, .unprocessableEntity, "regionParentMissing"),
                (#"{"code":"222499302","name":""}"#, .unprocessableEntity, "nameMissing"),
                (#"{"code":"23","name":"外省"}"#, .forbidden, "forbidden"),
                (#"{"code":"222499303""#, .badRequest, "malformedRequest"),
            ]
            for (body, status, code) in cases {
                let response = try await app.api(.POST, "/api/v1/regions", token: admin, json: body)
                #expect(response.status == status, "\(body)")
                #expect(try response.content.get(String.self, at: "error", "code") == code, "\(body)")
            }
            #expect(try await Region.query(on: app.db).count() == regionsBefore, "refused writes change nothing")

            let office = try await app.token(for: "office")
            let notAdmin = try await app.api(.POST, "/api/v1/regions", token: office, json: #"{"code":"222499304","name":"x"}"#)
            #expect(notAdmin.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func deactivatingARegionWithActiveChildrenIsRefused(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let admin = try await app.token(for: "admin")
            let refused = try await app.api(.PATCH, "/api/v1/regions/222499101", token: admin, json: #"{"active":false}"#)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.content.get(String.self, at: "error", "field") == "active")
            let grid = try await app.api(.PATCH, "/api/v1/regions/222499101001002", token: admin, json: #"{"active":false}"#)
            let leafCode = grid.status == .ok ? "222499101001002" : "222499101001001"
            if grid.status != .ok {
                #expect(try await app.api(.PATCH, "/api/v1/regions/\(leafCode)", token: admin, json: #"{"active":false}"#).status == .ok)
            }
            let entry = try await AuditEntry.query(on: app.db).filter(\.$action == .deactivate).first()
            #expect(entry?.regionCode == leafCode)
        }
    }

    @Test(arguments: TestDatabase.all)
    func officeCreatesUsersWithinItsReach(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let good = #"{"username":"township.new","displayName":"新干事","password":"Strong-pass-9!","role":"townshipOfficer","regionCode":"222499103","phone":"13800000000"}"#
            let created = try await app.api(.POST, "/api/v1/users", token: office, json: good)
            #expect(created.status == .created)
            #expect(try created.content.get(String.self, at: "scope", "regionCode") == "222499103")

            let before = try await User.query(on: app.db).count()
            let refusals: [(String, HTTPResponseStatus, String?)] = [
                (#"{"username":"township.new","displayName":"x","password":"Strong-pass-9!","role":"townshipOfficer","regionCode":"222499103"}"#, .conflict, "username"),
                (#"{"username":"weak.one","displayName":"x","password":"weak","role":"townshipOfficer","regionCode":"222499103"}"#, .unprocessableEntity, "password"),
                (#"{"username":"boss","displayName":"x","password":"Strong-pass-9!","role":"systemAdmin","regionCode":"222499"}"#, .forbidden, "role"),
                (#"{"username":"far.away","displayName":"x","password":"Strong-pass-9!","role":"townshipOfficer","regionCode":"222500101"}"#, .forbidden, "regionCode"),
                (#"{"username":"wrong.level","displayName":"x","password":"Strong-pass-9!","role":"townshipOfficer","regionCode":"222499"}"#, .unprocessableEntity, "regionCode"),
                (#"{"username":"no.dept","displayName":"x","password":"Strong-pass-9!","role":"departmentOfficer","regionCode":"222499"}"#, .unprocessableEntity, "departmentId"),
                (#"{"username":"bad.phone","displayName":"x","password":"Strong-pass-9!","role":"inspector","regionCode":"222499","phone":"12345"}"#, .unprocessableEntity, "phone"),
                (#"{"username":"x","displayName":"x","password":"Strong-pass-9!","role":"inspector","regionCode":"222499"}"#, .unprocessableEntity, "username"),
                (#"{"username":"no.role","displayName":"x","password":"Strong-pass-9!","role":"king","regionCode":"222499"}"#, .unprocessableEntity, "role"),
            ]
            for (body, status, field) in refusals {
                let response = try await app.api(.POST, "/api/v1/users", token: office, json: body)
                #expect(response.status == status, "\(body)")
                #expect((try? response.content.get(String.self, at: "error", "field")) == field, "\(body)")
            }
            #expect(try await User.query(on: app.db).count() == before, "refused writes change nothing")
        }
    }

    @Test(arguments: TestDatabase.all)
    func townshipOfficerCannotPromoteOrReachOut(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let township = try await app.token(for: "township.101")
            let grid = #"{"username":"grid.new","displayName":"网格员","password":"Strong-pass-9!","role":"gridStaff","regionCode":"222499101002001"}"#
            #expect(try await app.api(.POST, "/api/v1/users", token: township, json: grid).status == .created)
            let office = #"{"username":"office.two","displayName":"x","password":"Strong-pass-9!","role":"foodSafetyOffice","regionCode":"222499"}"#
            #expect(try await app.api(.POST, "/api/v1/users", token: township, json: office).status == .forbidden)
            let otherGrid = #"{"username":"grid.far","displayName":"x","password":"Strong-pass-9!","role":"gridStaff","regionCode":"222499102001001"}"#
            #expect(try await app.api(.POST, "/api/v1/users", token: township, json: otherGrid).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func departmentsAreCreatedAndAudited(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let created = try await app.api(.POST, "/api/v1/departments", token: office,
                                            json: #"{"code":"customs","name":"县海关联络办","duties":"进口冷链协同"}"#)
            #expect(created.status == .created)
            let id = try created.content.get(String.self, at: "id")
            let updated = try await app.api(.PATCH, "/api/v1/departments/\(id)", token: office, json: #"{"duties":"进口冷链食品口岸协同"}"#)
            #expect(updated.status == .ok)
            let history = try await app.api(.GET, "/api/v1/audit-entries?entityType=department&entityId=\(id)", token: office)
            #expect(history.pluck("action") == ["update", "create"])
            let duplicate = try await app.api(.POST, "/api/v1/departments", token: office, json: #"{"code":"customs","name":"x"}"#)
            #expect(duplicate.status == .conflict)
            let leader = try await app.token(for: "leader")
            #expect(try await app.api(.POST, "/api/v1/departments", token: leader, json: #"{"code":"y","name":"y"}"#).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func listsPageWithCursorsAndRefuseBadParameters(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            var seen: [String] = []
            var path = "/api/v1/regions?level=village&limit=40"
            for _ in 0..<10 {
                let page = try await app.api(.GET, path, token: office)
                seen += page.pluck("code")
                guard let next = try? page.content.get(String.self, at: "nextCursor") else { break }
                path = "/api/v1/regions?level=village&limit=40&cursor=\(next)"
            }
            #expect(seen.count == 150 && Set(seen).count == 150)
            for bad in ["limit=0", "limit=501", "limit=abc", "cursor=garbage", "level=planet", "active=maybe", "parent=12x"] {
                let response = try await app.api(.GET, "/api/v1/regions?\(bad)", token: office)
                #expect(response.status == .badRequest, "\(bad)")
            }
            let search = try await app.api(.GET, "/api/v1/regions?q=城关", token: office)
            #expect(search.pluck("name").contains("城关镇"))
            let prefix = try await app.api(.GET, "/api/v1/regions?q=222499102&level=village", token: office)
            #expect(prefix.pluck("code").allSatisfy { $0.hasPrefix("222499102") } && prefix.items.count == 13)
        }
    }
}
