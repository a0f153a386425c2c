import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("HTML pages: login, CSRF, navigation by role, scope, language")
struct PageTests {
    static let navigation: [(String, [String])] = [
        ("admin", ["home", "creation", "regions", "businesses", "grids", "orders", "trace", "departments", "users", "audit", "account"]),
        ("office", ["home", "creation", "regions", "businesses", "grids", "orders", "trace", "departments", "users", "audit", "account"]),
        ("leader", ["home", "creation", "regions", "businesses", "grids", "orders", "trace", "departments", "account"]),
        ("dept.market", ["home", "creation", "businesses", "orders", "trace", "departments", "account"]),
        ("township.101", ["home", "creation", "regions", "businesses", "grids", "orders", "trace", "users", "account"]),
        ("inspector", ["home", "creation", "regions", "businesses", "grids", "orders", "trace", "account"]),
        ("grid.101001", ["home", "regions", "businesses", "grids", "orders", "trace", "account"]),
        ("business.lamb", ["home", "orders", "trace", "account"]),
    ]

    @Test(arguments: TestDatabase.all)
    func everyRoleGetsItsHomeAndNavigation(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            for (username, items) in Self.navigation {
                var browser = try await Browser.loggedIn(app, as: username)
                let home = try await browser.get("/")
                #expect(home.status == .ok)
                let html = home.body.string
                let shown = html.components(separatedBy: #"data-nav=""#).dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
                #expect(shown == items, "\(username)")
                #expect(html.contains(#"<html lang="zh-CN""#))
                // Each item it shows opens; each it does not show is refused.
                for item in NavItem.allCases {
                    let page = try await browser.get(item.url.path)
                    #expect((page.status == .ok) == items.contains(item.rawValue), "\(username) \(item)")
                }
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func townshipOfficerIsRefusedAnotherTownship(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            var browser = try await Browser.loggedIn(app, as: "township.101")
            let own = try await browser.get("/regions/222499101")
            #expect(own.status == .ok)
            #expect(own.body.string.contains("城关镇"))
            let other = try await browser.get("/regions/222499102")
            #expect(other.status == .forbidden)
            #expect(other.body.string.contains(#"data-status="403""#))
            let county = try await browser.get("/regions/222499")
            #expect(county.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func loginNeedsCSRFAndRightPassword(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            var browser = Browser(app: app)
            let anonymous = try await browser.get("/")
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers.first(name: .location)?.hasPrefix("/login") == true)
            _ = try await browser.get("/login")
            let noToken = try await browser.post("/login", form: ["username": "office", "password": demoPassword], includeCSRF: false)
            #expect(noToken.status == .forbidden)
            let wrong = try await browser.post("/login", form: ["username": "office", "password": "Wrong-pass-1!"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.string.contains("form-error"))
            #expect(wrong.body.string.contains(#"value="office""#), "the username typed is kept")
            let before = browser.cookies["shian_session"]
            let right = try await browser.post("/login", form: ["username": "office", "password": demoPassword, "next": "/regions"])
            #expect(right.status == .seeOther)
            #expect(right.headers.first(name: .location) == "/regions")
            #expect(browser.cookies["shian_session"] != nil && browser.cookies["shian_session"] != before)
            let cookie = right.headers[.setCookie].first { $0.hasPrefix("shian_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            // An outside address after login is ignored.
            var other = Browser(app: app)
            _ = try await other.get("/login")
            let offsite = try await other.post("/login", form: ["username": "leader", "password": demoPassword, "next": "//evil.example/"])
            #expect(offsite.headers.first(name: .location) == "/")
        }
    }

    @Test(arguments: TestDatabase.all)
    func logoutEndsTheSessionInTheDatabase(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            var browser = try await Browser.loggedIn(app, as: "leader")
            #expect(try await UserSession.query(on: app.db).count() == 1)
            let token = browser.cookies["shian_session"]
            let missingCSRF = try await browser.post("/logout", form: [:], includeCSRF: false)
            #expect(missingCSRF.status == .forbidden)
            _ = try await browser.get("/")
            let out = try await browser.post("/logout", form: [:])
            #expect(out.status == .seeOther)
            #expect(try await UserSession.query(on: app.db).count() == 0)
            // The old cookie no longer opens anything.
            var replay = Browser(app: app)
            replay.cookies["shian_session"] = token
            #expect(try await replay.get("/").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.all)
    func languageSwitch(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            var browser = try await Browser.loggedIn(app, as: "office")
            let switched = try await browser.get("/language/en?next=%2Fregions")
            #expect(switched.status == .seeOther)
            #expect(switched.headers.first(name: .location) == "/regions")
            let page = try await browser.get("/regions")
            #expect(page.body.string.contains(#"<html lang="en""#))
            #expect(page.body.string.contains(">Home<"))
            #expect(try await browser.get("/language/xx").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func formsKeepInputAndShowErrorsBesideFields(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            var browser = try await Browser.loggedIn(app, as: "office")
            _ = try await browser.get("/departments/new")
            let bad = try await browser.post("/departments", form: ["regionCode": "222499", "code": "market", "name": "重复的市场监管局"])
            #expect(bad.status == .conflict)
            #expect(bad.body.string.contains(#"data-field="code""#))
            #expect(bad.body.string.contains("重复的市场监管局"))
            let good = try await browser.post("/departments", form: ["regionCode": "222499", "code": "customs", "name": "县海关联络办", "duties": "口岸协同"])
            #expect(good.status == .seeOther)
            let location = try #require(good.headers.first(name: .location))
            let page = try await browser.get(location)
            #expect(page.body.string.contains("县海关联络办"))
            #expect(page.body.string.contains(#"id="history""#))
        }
    }

    @Test(arguments: TestDatabase.all)
    func passwordChangeEndsOtherSessions(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            var first = try await Browser.loggedIn(app, as: "inspector")
            var second = try await Browser.loggedIn(app, as: "inspector")
            _ = try await first.get("/account")
            let weak = try await first.post("/account/password", form: ["currentPassword": demoPassword, "newPassword": "short", "confirmPassword": "short"])
            #expect(weak.status == .unprocessableEntity)
            let changed = try await first.post("/account/password", form: ["currentPassword": demoPassword, "newPassword": "New-pass-2027!", "confirmPassword": "New-pass-2027!"])
            #expect(changed.status == .ok)
            #expect(try await first.get("/").status == .ok)
            #expect(try await second.get("/").status == .seeOther, "the other session ended")
            _ = try await Browser.loggedIn(app, as: "inspector", password: "New-pass-2027!")
        }
    }

    @Test(arguments: TestDatabase.all)
    func regionPageCountsWhatLiesUnderIt(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let county = try #require(try await Region.query(on: app.db).filter(\.$code == "222499").first())
            let counts = try await RegionQueries.descendantCounts(of: county, on: app.db)
            #expect(counts[.township] == 12)
            #expect(counts[.village] == 150)
            #expect(counts[.grid] == DemoCounty.regions().filter { $0.code.level == .grid }.count)
            #expect(counts[.county] == nil, "the region itself is not counted")
            var browser = try await Browser.loggedIn(app, as: "leader")
            let page = try await browser.get("/regions/222499")
            #expect(page.body.string.contains(">150<"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func listsExportToCSVWithinScope(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            var browser = try await Browser.loggedIn(app, as: "township.101")
            let csv = try await browser.get("/users?format=csv")
            #expect(csv.status == .ok)
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            let text = csv.body.string
            #expect(text.hasPrefix("\u{FEFF}用户名,"))
            #expect(text.contains("township.101") && text.contains("grid.101001"))
            #expect(!text.contains("township.102"), "only the township's own users")
            let villages = try await browser.get("/regions?format=csv&level=village")
            #expect(villages.body.string.split(separator: "\r\n").count == 1 + 13)
            let exports = try await AuditEntry.query(on: app.db).filter(\.$action == .export).count()
            #expect(exports == 2)
        }
    }

    @Test func csvCellsAreQuotedAndNeverFormulas() {
        #expect(CSVExport.line(["a", "b,c", "say \"hi\"", "=SUM(A1)", "-1"]) == "a,\"b,c\",\"say \"\"hi\"\"\",'=SUM(A1),'-1\r\n")
    }
}
