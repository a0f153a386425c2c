import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Markets' seller files (入场销售者档案) and entry checks linked to them")
struct MarketSellerTests {
    static func body(_ market: UUID, stall: String = "12", identity: String = "11010519491231002X", phone: String = "13904331234") -> String {
        #"{"marketBusinessId":"\#(market)","stall":"\#(stall)","name":"李桂兰","phone":"\#(phone)","identityNumber":"\#(identity)","# +
            #""address":"示范县城关镇和平村","products":"黄瓜、西红柿","supplyChannel":"自产","origin":"示范县城关镇"}"#
    }

    @Test(arguments: TestDatabase.all)
    func aSellerIsFiledLinkedToEntryChecksAndKeptAfterLeaving(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let market = try await ColdChainAPITests.business(app, .farmersMarket)
            let filed = try await app.api(.POST, "/api/v1/market-sellers", token: office, json: Self.body(market))
            #expect(filed.status == .created, "\(filed.body.string)")
            let sellerID = try filed.content.get(UUID.self, at: "id")
            #expect(try filed.content.get(String.self, at: "identityNumber") == "110105**********2X", "the resident number is masked")
            let stored = try #require(try await MarketSeller.find(sellerID, on: app.db))
            #expect(stored.identityNumber == "11010519491231002X")

            // The stall is taken while its seller is present.
            let twice = try await app.api(.POST, "/api/v1/market-sellers", token: office, json: Self.body(market))
            #expect(twice.status == .conflict)
            #expect(try twice.content.get(String.self, at: "error", "code") == "stallTaken")

            // An entry check by file takes the seller from it.
            let checks = "/api/v1/market-entry-checks"
            let check = try await app.api(.POST, checks, token: office,
                                          json: #"{"marketBusinessId":"\#(market)","sellerId":"\#(sellerID)","productName":"黄瓜","unit":"公斤"}"#)
            #expect(check.status == .created, "\(check.body.string)")
            #expect(try check.content.get(String.self, at: "seller") == "12 李桂兰")
            #expect(try check.content.get(UUID.self, at: "sellerId") == sellerID)

            let listed = try await app.api(.GET, "/api/v1/market-sellers?present=true&q=%E9%BB%84%E7%93%9C", token: office)
            #expect(listed.pluck("id") == [sellerID.uuidString])

            let left = try await app.api(.POST, "/api/v1/market-sellers/\(sellerID)/departure", token: office)
            #expect(left.status == .ok)
            #expect(try await app.api(.POST, "/api/v1/market-sellers/\(sellerID)/departure", token: office).status == .conflict)
            #expect(try await app.api(.GET, "/api/v1/market-sellers?present=true", token: office).items.isEmpty)
            #expect(try await app.api(.GET, "/api/v1/market-sellers?present=false", token: office).pluck("id") == [sellerID.uuidString])
            let afterLeaving = try await app.api(.POST, checks, token: office,
                                                 json: #"{"marketBusinessId":"\#(market)","sellerId":"\#(sellerID)","productName":"黄瓜","unit":"公斤"}"#)
            #expect(try afterLeaving.content.get(String.self, at: "error", "code") == "sellerUnknown")
            // The stall is free again for a new seller.
            #expect(try await app.api(.POST, "/api/v1/market-sellers", token: office, json: Self.body(market)).status == .created)

            // The page: files listed with masked numbers; a bad form answers in place; a departure by form.
            var browser = try await Browser.loggedIn(app, as: "office")
            let page = try await browser.get("/market-sellers")
            #expect(page.status == .ok && page.body.string.contains(#"data-seller="12""#) && !page.body.string.contains("11010519491231002X"))
            var form = ["market": market.uuidString, "stall": "7", "name": "王强", "phone": "13904339876", "identityNumber": "123",
                        "address": "城关镇", "products": "芹菜", "supplyChannel": "批发市场", "origin": "山东寿光"]
            let bad = try await browser.post("/market-sellers", form: form)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("居民身份证号码"))
            form["identityNumber"] = "11010519491231002X"
            #expect(try await browser.post("/market-sellers", form: form).status == .seeOther)
            let seven = try #require(try await MarketSeller.query(on: app.db).filter(\.$stall == "7").first()?.id)
            #expect(try await browser.post("/market-sellers/\(seven)/departure", form: [:]).status == .seeOther)
            #expect(try await MarketSeller.find(seven, on: app.db)?.leftAt != nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badFilesAreRefusedAndWriteNothing(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let market = try await ColdChainAPITests.business(app, .farmersMarket)
            let restaurant = try await ColdChainAPITests.business(app, .caterer)
            for (body, code, field) in [
                (Self.body(market, identity: "110105194912310021"), "identityNumberInvalid", "identityNumber"),
                (Self.body(market, phone: "12345"), "phoneInvalid", "phone"),
                (Self.body(market, stall: " "), "fieldRequired", "stall"),
                (Self.body(restaurant), "notAMarket", "marketBusinessId"),
                (#"{"stall":"1"}"#, "fieldRequired", "marketBusinessId"),
            ] {
                let refused = try await app.api(.POST, "/api/v1/market-sellers", token: office, json: body)
                #expect(refused.status == .unprocessableEntity, "\(body)")
                #expect(try refused.content.get(String.self, at: "error", "code") == code)
                #expect(try refused.content.get(String.self, at: "error", "field") == field)
            }
            #expect(try await app.api(.POST, "/api/v1/market-sellers", token: office, json: "{").status == .badRequest)
            #expect(try await app.api(.GET, "/api/v1/market-sellers?present=maybe", token: office).status == .badRequest)
            // A restaurant's operator may not file sellers at a market it does not run.
            let lamb = try await app.token(for: "business.lamb")
            #expect(try await app.api(.POST, "/api/v1/market-sellers", token: lamb, json: Self.body(market)).status == .notFound)
            #expect(try await MarketSeller.query(on: app.db).count() == 0)
        }
    }

    /// An operator account for a business (the demo has none for a market): the demo password, the
    /// business's grid as its region.
    static func operatorToken(_ app: Application, for businessID: UUID, username: String) async throws -> String {
        let template = try #require(try await ShianStore.User.query(on: app.db).filter(\.$username == "business.lamb").first())
        let business = try #require(try await Business.find(businessID, on: app.db))
        let scope = UserScope(regionCode: try RegionCode(business.regionCode), departmentID: nil, businessID: businessID)
        try await ShianStore.User(username: username, displayName: "\(business.name) 开办者", passwordHash: template.passwordHash,
                                  role: .businessOperator, scope: scope).create(on: app.db)
        return try await app.token(for: username)
    }

    @Test(arguments: TestDatabase.all)
    func aMarketOperatorKeepsItsOwnFilesAndChecksItsOwnLots(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let markets = try await Business.query(on: app.db).filter(\.$category == .farmersMarket).filter(\.$regionCode >= "222499")
                .filter(\.$regionCode < "222500").sort(\.$name).limit(2).all().compactMap(\.id)
            try #require(markets.count == 2)
            let own = try await Self.operatorToken(app, for: markets[0], username: "market.operator")
            let filed = try await app.api(.POST, "/api/v1/market-sellers", token: own, json: Self.body(markets[0]))
            #expect(filed.status == .created, "\(filed.body.string)")
            let sellerID = try filed.content.get(UUID.self, at: "id")
            #expect(try await app.api(.POST, "/api/v1/market-sellers", token: own, json: Self.body(markets[1], stall: "3")).status == .notFound,
                    "another market is outside its scope")
            let office = try await app.token(for: "office")
            #expect(try await app.api(.POST, "/api/v1/market-sellers", token: office, json: Self.body(markets[1], stall: "9")).status == .created)
            #expect(try await app.api(.GET, "/api/v1/market-sellers", token: own).pluck("id") == [sellerID.uuidString], "only its own files")

            // Its page records a lot for the filed stall without naming the market.
            var browser = try await Browser.loggedIn(app, as: "market.operator")
            _ = try await browser.get("/market-entry")
            let recorded = try await browser.post("/market-entry", form: ["seller": "12", "productName": "黄瓜", "unit": "公斤"])
            #expect(recorded.status == .seeOther)
            let check = try #require(try await MarketEntryCheck.query(on: app.db).first())
            #expect(check.sellerID == sellerID && check.$market.id == markets[0] && !check.hasCertificate)
            let files = try await browser.get("/market-sellers").body.string
            #expect(files.contains(#"data-seller="12""#) && files.contains(#"id="seller-form""#))
            var restaurant = try await Browser.loggedIn(app, as: "business.lamb")
            #expect(try await restaurant.get("/market-sellers").body.string.contains(#"id="seller-form""#) == false, "a restaurant files no sellers")
        }
    }
}
