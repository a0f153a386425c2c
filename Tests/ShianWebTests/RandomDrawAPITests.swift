import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Random draws through the API")
struct RandomDrawAPITests {
    @Test(arguments: TestDatabase.all)
    func drawCheckAndPublish(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let body = #"{"name":"第四季度餐饮抽查","regionCode":"222499","category":"caterer","count":15}"#
            let drawn = try await app.api(.POST, "/api/v1/random-draws", token: office, json: body)
            #expect(drawn.status == .created)
            let pairings = try drawn.content.get([RandomDraws.DrawDTO.Pair].self, at: "pairings")
            #expect(pairings.count == 15 && Set(pairings.map(\.businessId)).count == 15)
            #expect(pairings.allSatisfy { $0.inspectors.count == 2 && !$0.businessName.isEmpty })
            let id = try drawn.content.get(String.self, at: "id")
            let check = try await app.api(.GET, "/api/v1/random-draws/\(id)/verification", token: office)
            #expect(try check.content.get(Bool.self, at: "matches"))

            // Tampering with the stored result is caught by the check.
            let record = try #require(try await RandomDrawRecord.find(UUID(uuidString: id), on: app.db))
            record.pairings = "[]"
            try await record.update(on: app.db)
            #expect(try await app.api(.GET, "/api/v1/random-draws/\(id)/verification", token: office).content.get(Bool.self, at: "matches") == false)

            let published = try await app.testing().sendRequest(.GET, "/api/v1/public/random-draws")
            #expect(published.status == .ok)
            #expect(published.pluck("name") == ["第四季度餐饮抽查"])

            let township = try await app.token(for: "township.101")
            #expect(try await app.api(.POST, "/api/v1/random-draws", token: township, json: body).status == .forbidden)
            let zero = try await app.api(.POST, "/api/v1/random-draws", token: office, json: body.replacingOccurrences(of: "15", with: "0"))
            #expect(zero.status == .unprocessableEntity)
            let far = try await app.api(.POST, "/api/v1/random-draws", token: try await app.token(for: "inspector.102"),
                                        json: body.replacingOccurrences(of: #""222499""#, with: #""222499101""#))
            #expect(far.status == .forbidden)
        }
    }
}

@Suite("Conflicts in random draws")
struct RecusalTests {
    @Test(arguments: TestDatabase.all)
    func declaredAndNamedConflictsAreNeverDrawn(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let lamb = try #require(try await ShianStore.User.query(on: app.db).filter(\.$username == "business.lamb").first()?.$business.id)
            let countyInspector = try await app.userID("inspector.county")
            let declared = try await app.api(.POST, "/api/v1/recusals", token: office,
                                             json: #"{"inspectorId":"\#(countyInspector)","businessId":"\#(lamb)","reason":"配偶在该店任职"}"#)
            #expect(declared.status == .created)
            let again = try await app.api(.POST, "/api/v1/recusals", token: office,
                                          json: #"{"inspectorId":"\#(countyInspector)","businessId":"\#(lamb)","reason":"配偶在该店任职"}"#)
            #expect(again.status == .ok, "declaring twice changes nothing")
            // The other county inspector is named on the business as its food-safety officer.
            let inspector = try #require(try await ShianStore.User.query(on: app.db).filter(\.$username == "inspector").first())
            let business = try #require(try await Business.find(lamb, on: app.db))
            business.safetyOfficer = String(inspector.displayName.split(separator: " ").last ?? "")
            try await business.update(on: app.db)

            let body = #"{"name":"城关镇餐饮抽查","regionCode":"222499101","category":"caterer","count":1000}"#
            let drawn = try await app.api(.POST, "/api/v1/random-draws", token: office, json: body)
            #expect(drawn.status == .created)
            let pairings = try drawn.content.get([RandomDraws.DrawDTO.Pair].self, at: "pairings")
            let lambPair = try #require(pairings.first { $0.businessId == lamb.uuidString })
            let names = Set(lambPair.inspectors)
            let countyName = try #require(try await ShianStore.User.find(countyInspector, on: app.db)?.displayName)
            #expect(!names.contains(countyName) && !names.contains(inspector.displayName), "\(names)")
            #expect(pairings.contains { $0.businessId != lamb.uuidString && $0.inspectors.contains(inspector.displayName) },
                    "the inspector is still drawn for the businesses they have no conflict with")

            let listed = try await app.api(.GET, "/api/v1/recusals?inspectorId=\(countyInspector)", token: office)
            #expect(listed.pluck("businessId") == [lamb.uuidString])
            let owner = try await app.token(for: "business.lamb")
            #expect(try await app.api(.POST, "/api/v1/recusals", token: owner, json: #"{"businessId":"\#(lamb)","reason":"x"}"#).status == .forbidden)
            let neighbour = try await app.token(for: "inspector.102")
            #expect(try await app.api(.POST, "/api/v1/recusals", token: neighbour,
                                      json: #"{"inspectorId":"\#(countyInspector)","businessId":"\#(lamb)","reason":"x"}"#).status == .forbidden)
            #expect(try await app.api(.POST, "/api/v1/recusals", token: neighbour, json: #"{"businessId":"\#(lamb)","reason":"x"}"#)
                .status == .notFound, "a business outside the inspector's scope does not exist for them")
        }
    }
}

@Suite("Public disclosure")
struct PublicDisclosureTests {
    @Test(arguments: TestDatabase.all)
    func publicPagesAndOpenData(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let business = try #require(try await Business.query(on: app.db).filter(\.$category == .caterer).first()?.id)
            let page = try await app.testing().sendRequest(.GET, "/public/businesses/\(business)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("public-rating") && page.body.string.contains("信用等级"))
            #expect(try await app.testing().sendRequest(.GET, "/public/random-draws").status == .ok)
            let unfiltered = try await app.testing().sendRequest(.GET, "/api/v1/public/businesses")
            #expect(unfiltered.status == .badRequest)
            #expect(try unfiltered.content.get(String.self, at: "error", "code") == "openDataNeedsFilter")
            let filtered = try await app.testing().sendRequest(.GET, "/api/v1/public/businesses?regionCode=222499101&limit=20")
            #expect(filtered.status == .ok)
            #expect(filtered.items.count == 20)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/public/businesses?regionCode=22").status == .badRequest)
        }
    }
}
