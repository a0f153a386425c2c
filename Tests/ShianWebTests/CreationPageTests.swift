import Foundation
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Creation pages: the board, an item with its forms, a unit's to-do list")
struct CreationPageTests {
    @Test(arguments: TestDatabase.all)
    func theBoardShowsTheForecastVetoRisksFirstAndTheGaps(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            var leader = try await Browser.loggedIn(app, as: "leader")
            let empty = try await leader.get("/creation")
            #expect(empty.status == .ok)
            #expect(empty.body.string.contains("尚未导入评价标准"))

            try await DemoCreation.seed(on: app.db, now: Date())
            let board = try await leader.get("/creation")
            #expect(board.status == .ok)
            let html = board.body.string
            #expect(html.contains(#"data-passes="false""#))
            #expect(html.contains(#"data-veto="1.2""#))
            let veto = try #require(html.range(of: #"id="veto-risks""#)), gaps = try #require(html.range(of: #"id="top-gaps""#))
            #expect(veto.lowerBound < gaps.lowerBound, "veto risks come first")
            #expect(html.contains("演示标准"))
            let filtered = try await leader.get("/creation?status=returned")
            #expect(filtered.body.string.components(separatedBy: #"data-status="returned""#).count - 1 == 3)
            let unit = try await leader.get("/creation/units?unit=market")
            #expect(unit.status == .ok)
            #expect(unit.body.string.contains("县市场监督管理局"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDepartmentResubmitsAReturnedItemAndTheOfficeApprovesIt(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            try await DemoCreation.seed(on: app.db, now: Date())
            var market = try await Browser.loggedIn(app, as: "dept.market")
            let page = try await market.get("/creation/indicators/3.10")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("应急演练记录缺少演练脚本"))
            #expect(page.body.string.contains(#"id="evidence-form""#))
            #expect(!page.body.string.contains(#"id="review-form""#))

            let refused = try await market.post("/creation/indicators/3.10/evidence", form: ["text": "", "selfScore": "9"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("field-error"))
            let sent = try await market.post("/creation/indicators/3.10/evidence", form: ["text": "补充演练脚本和评估报告"])
            #expect(sent.status == .seeOther)

            var office = try await Browser.loggedIn(app, as: "office")
            let review = try await office.get("/creation/indicators/3.10")
            #expect(review.body.string.contains(#"id="review-form""#))
            let approved = try await office.post("/creation/indicators/3.10/review", form: ["decision": "approve"])
            #expect(approved.status == .seeOther)
            let after = try await office.get("/creation/indicators/3.10")
            #expect(after.body.string.contains(#"data-status="approved""#))
            #expect(after.body.string.contains("已锁定"))

            // Another department sees the item but no form.
            var education = try await Browser.loggedIn(app, as: "dept.education")
            let other = try await education.get("/creation/indicators/3.2")
            #expect(other.status == .ok)
            #expect(!other.body.string.contains(#"id="evidence-form""#))
        }
    }
}
