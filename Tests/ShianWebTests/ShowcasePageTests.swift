import Fluent
import Foundation
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Showcase pages: the projects by theme, one project with its forms")
struct ShowcasePageTests {
    @Test(arguments: TestDatabase.all)
    func theListShowsTheThemesTheWonPointsAndTheMissedMilestone(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            try await DemoCreation.seed(on: app.db, now: Date())
            var leader = try await Browser.loggedIn(app, as: "leader")
            let board = try await leader.get("/creation")
            #expect(board.body.string.contains(#"href="/creation/showcase""#), "the board links the showcase projects")
            #expect(board.body.string.contains(#"data-showcase-awaiting="3""#), "the gap names the projects awaiting review")

            let list = try await leader.get("/creation/showcase")
            #expect(list.status == .ok)
            let html = list.body.string
            #expect(html.contains("示范引领项目"))
            #expect(html.contains(#"data-showcase-score="14""#))
            #expect(html.contains(#"data-awaiting="3""#))
            #expect(html.components(separatedBy: "data-theme=").count - 1 == 10)
            #expect(html.contains("1 个节点逾期"))
            #expect(!html.contains(#"id="propose-form""#), "a leader reads, does not propose")

            let underway = try #require(try await ShowcaseProject.query(on: app.db).filter(\.$status == .underway).first())
            let page = try await leader.get("/creation/showcase/\(try underway.requireID())")
            #expect(page.status == .ok)
            #expect(page.body.string.contains(#"data-overdue="true""#))
            #expect(!page.body.string.contains(#"id="review-form""#))
            #expect(try await leader.get("/creation/showcase/\(UUID())").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDepartmentProposesAndTheOfficeReviewsThroughTheForms(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            try await DemoCreation.seed(on: app.db, now: Date())
            var market = try await Browser.loggedIn(app, as: "dept.market")
            let item = try await market.get("/creation/indicators/8.1")
            #expect(item.body.string.contains(#"id="showcase-link""#))
            #expect(!item.body.string.contains(#"id="evidence-form""#), "the showcase item scores its projects")

            let list = try await market.get("/creation/showcase")
            #expect(list.body.string.contains(#"id="propose-form""#))
            let refused = try await market.post("/creation/showcase", form: ["theme": "riskManagement", "title": " ", "plan": "方案草稿"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("field-error"))
            #expect(refused.body.string.contains("方案草稿"), "what was typed is kept")
            #expect(try await ShowcaseProject.query(on: app.db).count() == 4)

            let sent = try await market.post("/creation/showcase", form: ["theme": "riskManagement", "title": "食品安全风险会商", "plan": "每月会商"])
            #expect(sent.status == .seeOther)
            let location = try #require(sent.headers.first(name: .location))
            let milestone = try await market.post("\(location)/milestones", form: ["title": "首次会商", "dueDate": "2030-01-31"])
            #expect(milestone.status == .seeOther)
            let badDate = try await market.post("\(location)/milestones", form: ["title": "二次会商", "dueDate": "明天"])
            #expect(badDate.status == .unprocessableEntity)
            #expect(badDate.body.string.contains(#"data-field="dueDate""#))

            var office = try await Browser.loggedIn(app, as: "office")
            let open = try await office.get(location)
            #expect(open.body.string.contains(#"id="review-form""#))
            let tooHigh = try await office.post("\(location)/review", form: ["score": "50", "reason": "很好"])
            #expect(tooHigh.status == .unprocessableEntity)
            #expect(tooHigh.body.string.contains("0 至 40 分"))
            let reviewed = try await office.post("\(location)/review", form: ["score": "6", "reason": "机制完整"])
            #expect(reviewed.status == .seeOther)
            let after = try await office.get(location)
            #expect(after.body.string.contains(#"data-review-score="6""#))
            let total = try await office.get("/creation/showcase")
            #expect(total.body.string.contains(#"data-showcase-score="20""#))
        }
    }

    @Test(arguments: TestDatabase.all)
    func evidenceWithAFileIsStoredAndServedToReadersOnly(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            try await DemoCreation.seed(on: app.db, now: Date())
            let proposed = try #require(try await ShowcaseProject.query(on: app.db).filter(\.$status == .proposed).first())
            let page = "/creation/showcase/\(try proposed.requireID())"
            // The proposed demo project is led by the commerce bureau: the market department may not add to it.
            var market = try await Browser.loggedIn(app, as: "dept.market")
            _ = try await market.get(page)
            let refused = try await market.upload("\(page)/evidence", file: "%PDF-1.4 plan", filename: "plan.pdf")
            #expect(refused.status == .forbidden)
            #expect(try await ShowcaseEvidence.query(on: app.db).filter(\.$project.$id == proposed.requireID()).count() == 0)

            var office = try await Browser.loggedIn(app, as: "office")
            _ = try await office.get(page)
            let sent = try await office.upload("\(page)/evidence", file: "%PDF-1.4 plan", filename: "plan.pdf")
            #expect(sent.status == .seeOther)
            let evidence = try #require(try await ShowcaseEvidence.query(on: app.db).filter(\.$project.$id == proposed.requireID()).first())
            #expect(evidence.fileName == "plan.pdf" && evidence.contentType == "application/pdf")
            let url = "/creation/showcase/evidence/\(try evidence.requireID())/file"
            #expect(try await office.get(page).body.string.contains(url))
            let file = try await office.get(url)
            #expect(file.status == .ok)
            #expect(file.body.string.hasPrefix("%PDF-"))
            let token = try await app.token(for: "dept.education")
            #expect(try await app.api(.GET, "/api/v1/creation/showcase-evidence/\(try evidence.requireID())/file", token: token).status == .ok)
            let business = try await app.token(for: "business.lamb")
            #expect(try await app.api(.GET, "/api/v1/creation/showcase-evidence/\(try evidence.requireID())/file", token: business).status == .forbidden)
        }
    }
}
