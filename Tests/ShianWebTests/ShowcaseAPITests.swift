import Fluent
import Foundation
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Showcase projects: propose, run, review, and the forecast's showcase points")
struct ShowcaseAPITests {
    static let base = "/api/v1/creation/showcase-projects"

    static func json(_ response: TestingHTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any]) ?? [:]
    }

    /// The demo standard imported by the office (the county then has no projects yet).
    static func importStandard(_ app: Application, office: String) async throws {
        let created = try await app.api(.POST, "/api/v1/standards/import", token: office, json: try CreationAPITests.standardJSON())
        #expect(created.status == .created)
    }

    static func showcaseGap(_ app: Application, token: String) async throws -> [String: Any]? {
        CreationAPITests.gap(try await CreationAPITests.forecast(app, token: token), "8.1")
    }

    @Test(arguments: TestDatabase.all)
    func proposeRunAndReviewMovesTheForecast(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let market = try await app.token(for: "dept.market")
            try await Self.importStandard(app, office: office)
            let before = try await CreationAPITests.forecast(app, token: office)
            let score = try #require(before["projectedScore"] as? Double)
            #expect(CreationAPITests.gap(before, "8.1")?["pointsAtRisk"] as? Double == 40)

            // MUT: the market department proposes for itself.
            let created = try await app.api(.POST, Self.base, token: market, json: """
                {"theme":"intelligentSupervision","title":"进口冷链智慧监管","summary":"全程追溯","plan":"一、建设追溯平台"}
                """)
            #expect(created.status == .created, "\(created.body.string)")
            #expect(try created.content.get(String.self, at: "project", "status") == "proposed")
            #expect(try created.content.get(String.self, at: "project", "leadUnit") == "market")
            #expect(try created.content.get(String.self, at: "project", "leadUnitName") == "县市场监督管理局")
            let id = try created.content.get(UUID.self, at: "project", "id")
            let project = "\(Self.base)/\(id)"

            // Proposed, not reviewed: nothing won yet, but listed as awaiting review with its unit.
            let awaiting = try #require(try await Self.showcaseGap(app, token: office))
            #expect(awaiting["pointsAtRisk"] as? Double == 40)
            let listed = awaiting["showcaseProjects"] as? [[String: Any]] ?? []
            #expect(listed.map { $0["unit"] as? String } == ["县市场监督管理局"])
            #expect(try await CreationAPITests.forecast(app, token: office)["projectedScore"] as? Double == score)

            let milestone = try await app.api(.POST, "\(project)/milestones", token: market, json: #"{"title":"平台上线","dueDate":"2030-06-30"}"#)
            #expect(milestone.status == .created, "\(milestone.body.string)")
            let milestoneID = try #require((Self.json(milestone)["milestones"] as? [[String: Any]])?.first?["id"] as? String)
            let done = try await app.api(.POST, "\(project)/milestones/\(milestoneID)/completion", token: market)
            #expect(done.status == .ok)
            #expect((Self.json(done)["milestones"] as? [[String: Any]])?.first?["doneAt"] is String)
            #expect(try await app.api(.POST, "\(project)/milestones/\(milestoneID)/completion", token: market).status == .conflict)
            let evidence = try await app.api(.POST, "\(project)/evidence", token: market, json: #"{"text":"上线报告","links":["/cold-chain"]}"#)
            #expect(evidence.status == .created)
            // A scan with its text in one multipart request, as for an indicator's evidence.
            let scan = EvidenceUploadTests.multipart(evidence: #"{"text":"验收报告"}"#, file: Array("%PDF-1.4\n%%EOF\n".utf8), filename: "验收.pdf")
            let uploaded = try await app.postBytes("\(project)/evidence", scan.body, contentType: scan.contentType, token: market)
            #expect(uploaded.status == .created, "\(uploaded.body.string)")
            #expect((Self.json(uploaded)["evidence"] as? [[String: Any]])?.contains { $0["fileName"] as? String == "验收.pdf" } == true)
            #expect(try await app.api(.POST, "\(project)/status", token: market, json: #"{"status":"underway"}"#).status == .ok)
            let plan = try await app.api(.PUT, "\(project)/plan", token: market, json: #"{"plan":"一、平台\n二、推广"}"#)
            #expect(try plan.content.get(String.self, at: "project", "plan") == "一、平台\n二、推广")

            // The office reviews: the score counts, capped at the indicator's 40 points.
            let reviewed = try await app.api(.POST, "\(project)/review", token: office, json: #"{"score":12.5,"reason":"可复制推广"}"#)
            #expect(reviewed.status == .ok, "\(reviewed.body.string)")
            #expect(try reviewed.content.get(String.self, at: "project", "status") == "reviewed")
            let after = try await CreationAPITests.forecast(app, token: office)
            #expect(after["projectedScore"] as? Double == score + 12.5)
            #expect(CreationAPITests.gap(after, "8.1")?["pointsAtRisk"] as? Double == 27.5)

            // Reviewed means locked for the unit.
            let locked = try await app.api(.PUT, "\(project)/plan", token: market, json: #"{"plan":"再改"}"#)
            #expect(locked.status == .conflict)
            #expect(try locked.content.get(String.self, at: "error", "code") == "showcaseProjectLocked")

            // Lists filter by theme and status.
            let list = try await app.api(.GET, "\(Self.base)?theme=intelligentSupervision&status=reviewed", token: office)
            #expect(list.pluck("title") == ["进口冷链智慧监管"])
            #expect(try await app.api(.GET, "\(Self.base)?theme=brandBuilding", token: office).items.isEmpty)
            #expect(try await app.api(.GET, "\(Self.base)?status=nonsense", token: office).status == .badRequest)

            // Every write is audited.
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "showcaseProject").count()
            #expect(audit == 4, "create, move, plan, review")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "showcaseMilestone").count() == 2)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "showcaseEvidence").count() == 2, "the text and the scan")
        }
    }

    @Test(arguments: TestDatabase.all)
    func badInputIsRefusedWithItsFieldAndNothingIsWritten(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let market = try await app.token(for: "dept.market")
            try await Self.importStandard(app, office: office)
            let cases: [(String, String, String)] = [
                (#"{"theme":"space","title":"x"}"#, "showcaseThemeUnknown", "theme"),
                (#"{"theme":"riskManagement","title":"  "}"#, "fieldMissing", "title"),
                (#"{"theme":"riskManagement","title":"\#(String(repeating: "长", count: 201))"}"#, "textTooLong", "title"),
                (#"{"theme":"riskManagement","title":"x","status":"reviewed"}"#, "showcaseStatusInvalid", "status"),
                (#"{"theme":"riskManagement","title":"x","leadUnit":"nowhere"}"#, "unitUnknown", "leadUnit"),
            ]
            for (body, code, field) in cases {
                let refused = try await app.api(.POST, Self.base, token: office, json: body)
                #expect(refused.status == .unprocessableEntity, "\(body)")
                #expect(try refused.content.get(String.self, at: "error", "code") == code)
                #expect(try refused.content.get(String.self, at: "error", "field") == field)
            }
            // The office has no unit of its own: it must name one.
            let noUnit = try await app.api(.POST, Self.base, token: office, json: #"{"theme":"riskManagement","title":"x"}"#)
            #expect(try noUnit.content.get(String.self, at: "error", "field") == "leadUnit")
            #expect(try await ShowcaseProject.query(on: app.db).count() == 0)

            let created = try await app.api(.POST, Self.base, token: market, json: #"{"theme":"riskManagement","title":"风险会商"}"#)
            let project = "\(Self.base)/\(try created.content.get(UUID.self, at: "project", "id"))"
            let bad: [(String, String, String, String)] = [
                ("\(project)/milestones", #"{"title":"节点","dueDate":"2030-02-30"}"#, "deadlineInvalid", "dueDate"),
                ("\(project)/milestones", #"{"title":"","dueDate":"2030-02-01"}"#, "fieldMissing", "title"),
                ("\(project)/evidence", #"{"text":" ","links":[]}"#, "evidenceEmpty", "text"),
                ("\(project)/review", #"{"score":41,"reason":"太高"}"#, "showcaseScoreOutOfRange", "score"),
                ("\(project)/review", #"{"score":-1,"reason":"负分"}"#, "showcaseScoreOutOfRange", "score"),
                ("\(project)/review", #"{"score":10,"reason":" "}"#, "showcaseReviewReasonRequired", "reason"),
            ]
            for (path, body, code, field) in bad {
                let token = path.hasSuffix("review") ? office : market
                let refused = try await app.api(.POST, path, token: token, json: body)
                #expect(refused.status == .unprocessableEntity, "\(path) \(body)")
                #expect(try refused.content.get(String.self, at: "error", "code") == code)
                #expect(try refused.content.get(String.self, at: "error", "field") == field)
            }
            let moved = try await app.api(.POST, "\(project)/status", token: market, json: #"{"status":"completed"}"#)
            #expect(moved.status == .conflict)
            #expect(try moved.content.get(String.self, at: "error", "code") == "showcaseStatusMoveRefused")
            #expect(try await ShowcaseMilestone.query(on: app.db).count() == 0)
            #expect(try await ShowcaseEvidence.query(on: app.db).count() == 0)
            let stored = try #require(try await ShowcaseProject.query(on: app.db).first())
            #expect(stored.status == .proposed && stored.reviewScore == nil)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "showcaseProject").count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyTheLeadUnitRunsAProjectAndOnlyTheOfficeReviews(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let market = try await app.token(for: "dept.market")
            let education = try await app.token(for: "dept.education")
            let township = try await app.token(for: "township.201")
            let leader = try await app.token(for: "leader")
            try await Self.importStandard(app, office: office)

            // A township proposes for itself, not for a department.
            let forOther = try await app.api(.POST, Self.base, token: township, json: #"{"theme":"threeSmallsGovernance","title":"x","leadUnit":"market"}"#)
            #expect(forOther.status == .forbidden)
            #expect(try forOther.content.get(String.self, at: "error", "code") == "showcaseNotLeadUnit")
            let own = try await app.api(.POST, Self.base, token: township, json: #"{"theme":"threeSmallsGovernance","title":"小作坊集中加工区"}"#)
            #expect(own.status == .created, "\(own.body.string)")
            #expect(try own.content.get(String.self, at: "project", "leadUnit") == "222499201")
            let project = "\(Self.base)/\(try own.content.get(UUID.self, at: "project", "id"))"

            // Another unit may read but not change it; the township may not review it.
            #expect(try await app.api(.GET, project, token: education).status == .ok)
            let edit = try await app.api(.PUT, "\(project)/plan", token: market, json: #"{"plan":"改"}"#)
            #expect(edit.status == .forbidden)
            #expect(try await app.api(.POST, "\(project)/milestones", token: education, json: #"{"title":"x","dueDate":"2030-01-01"}"#).status == .forbidden)
            #expect(try await app.api(.POST, "\(project)/review", token: township, json: #"{"score":10,"reason":"自评"}"#).status == .forbidden)
            #expect(try await app.api(.POST, "\(project)/review", token: market, json: #"{"score":10,"reason":"自评"}"#).status == .forbidden)
            // A leader reads; proposing is not a leader's work.
            #expect(try await app.api(.GET, Self.base, token: leader).items.count == 1)
            #expect(try await app.api(.POST, Self.base, token: leader, json: #"{"theme":"riskManagement","title":"x","leadUnit":"market"}"#).status == .forbidden)
            // The office runs it for the township, and reviews it.
            #expect(try await app.api(.POST, "\(project)/status", token: office, json: #"{"status":"underway"}"#).status == .ok)
            #expect(try await app.api(.POST, "\(project)/review", token: office, json: #"{"score":8,"reason":"成效初显"}"#).status == .ok)
            // An unknown id is a 404.
            #expect(try await app.api(.GET, "\(Self.base)/\(UUID())", token: office).status == .notFound)
            #expect(try await ShowcaseProject.query(on: app.db).first()?.reviewScore == 8)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theDemoCountyShowsWonPointsAndProjectsAwaitingReview(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            try await DemoCreation.seed(on: app.db, now: Date())
            let office = try await app.token(for: "office")
            let gap = try #require(try await Self.showcaseGap(app, token: office))
            // 14 of 40 won by the reviewed project; three await review, the underway one late.
            #expect(gap["pointsAtRisk"] as? Double == 26)
            let awaiting = gap["showcaseProjects"] as? [[String: Any]] ?? []
            #expect(Set(awaiting.compactMap { $0["status"] as? String }) == ["proposed", "underway", "completed"])
            #expect(awaiting.first { $0["status"] as? String == "underway" }?["overdueMilestones"] as? Int == 1)
            let evidence = try await app.api(.POST, "/api/v1/creation/indicators/8.1/evidence", token: office, json: #"{"text":"材料"}"#)
            #expect(evidence.status == .unprocessableEntity, "the showcase indicator scores its projects, not evidence")
            let items = try await app.api(.GET, "/api/v1/creation/indicators?limit=200", token: office).items
            #expect(items.filter { $0["scoredByProjects"] as? Bool == true }.compactMap { $0["indicatorId"] as? String } == ["8.1"])
            #expect(try await app.api(.GET, Self.base, token: office).items.count == 4)
        }
    }
}
