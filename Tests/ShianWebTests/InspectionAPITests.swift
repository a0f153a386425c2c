import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("The closed loop: inspections, orders, credit and risk")
struct InspectionAPITests {
    /// The lamb-noodle shop, the catering template, and an inspection body with one critical item failed.
    static func setUp(_ app: Application, failCritical: Bool = true) async throws -> (business: UUID, body: String) {
        let business = try #require(try await ShianStore.User.query(on: app.db).filter(\.$username == "business.lamb").first()?.$business.id)
        let template = try #require(try await ChecklistTemplate.query(on: app.db).filter(\.$code == "catering").with(\.$items).first())
        let critical = try #require(template.items.first { $0.severity == .critical }?.id)
        let items = template.items.compactMap { item -> String? in
            guard let id = item.id else { return nil }
            let outcome = failCritical && id == critical ? "nonCompliant" : "compliant"
            return #"{"itemId":"\#(id)","outcome":"\#(outcome)"}"#
        }
        let body = #"{"businessId":"\#(business)","templateId":"\#(try template.requireID())","acknowledgedBy":"金成浩","items":[\#(items.joined(separator: ","))]}"#
        return (business, body)
    }

    @Test(arguments: TestDatabase.all)
    func criticalFailureOpensAnOrderAndMovesTheStanding(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let inspector = try await app.token(for: "inspector")
            let (business, body) = try await Self.setUp(app)
            let response = try await app.api(.POST, "/api/v1/inspections", token: inspector, json: body)
            #expect(response.status == .created)
            #expect(try response.content.get(String.self, at: "result") == "fail")
            #expect(try response.content.get(String.self, at: "rectificationOrder", "status") == "open")
            #expect(try response.content.get(String.self, at: "rectificationOrder", "severity") == "critical")
            let deadline = try response.content.get(Date.self, at: "rectificationOrder", "deadline")
            #expect(deadline > Date().addingTimeInterval(2 * 86400) && deadline < Date().addingTimeInterval(4 * 86400))
            let stored = try #require(try await Business.find(business, on: app.db))
            #expect(stored.creditScore == 75, "one fail (−15), one critical finding (−5), one order to answer (−5)")
            #expect(stored.riskGrade == "D", "a caterer that failed with a critical finding")
            #expect(stored.nextInspectionDue != nil)
            #expect(try await Finding.query(on: app.db).filter(\.$business.$id == business).count() == 1)

            let rating = try await app.testing().sendRequest(.GET, "/api/v1/public/businesses/\(business)/rating")
            #expect(rating.status == .ok)
            #expect(try rating.content.get(String.self, at: "creditRating") == "B")
            #expect(try rating.content.get(String.self, at: "lastInspection", "result") == "fail")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/public/businesses/\(UUID())/rating").status == .notFound)
        }
    }

    /// The business's standing and the township's figures after each step of the loop.
    struct Step: Equatable, CustomStringConvertible {
        var credit: Int?, grade: String?, nextDue: Date?
        var done = 0, issued = 0, closed = 0, rejected = 0, open = 0, awaiting = 0
        var closure: Double?

        var description: String {
            "credit \(credit ?? -1) grade \(grade ?? "-") done \(done) issued \(issued) closed \(closed) rejected \(rejected) open \(open) awaiting \(awaiting)"
        }
    }

    static func step(_ app: Application, _ business: UUID, token: String) async throws -> Step {
        let stored = try #require(try await Business.find(business, on: app.db))
        let figures = try await app.api(.GET, "/api/v1/inspection-metrics?regionCode=222499101", token: token)
        func count(_ key: String) throws -> Int { try figures.content.get(Int.self, at: "total", key) }
        return Step(
            credit: stored.creditScore, grade: stored.riskGrade, nextDue: stored.nextInspectionDue, done: try count("inspectionsDone"),
            issued: try count("ordersIssued"), closed: try count("ordersClosed"), rejected: try count("answersRejected"),
            open: try count("ordersOpen"), awaiting: try count("ordersAwaitingVerification"),
            closure: try? figures.content.get(Double.self, at: "total", "closureRate"))
    }

    @Test(arguments: TestDatabase.all)
    func answerRejectOnceThenAcceptMovesTheStandingAndTheTownship(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let inspector = try await app.token(for: "inspector")
            let owner = try await app.token(for: "business.lamb")
            let office = try await app.token(for: "office")
            let (business, body) = try await Self.setUp(app)
            let start = try await Self.step(app, business, token: office)
            #expect(start.done == 0 && start.issued == 0 && start.open == 0)

            let recorded = try await app.api(.POST, "/api/v1/inspections", token: inspector, json: body)
            let order = try recorded.content.get(String.self, at: "rectificationOrder", "id")
            let path = "/api/v1/rectification-orders/\(order)"
            let inspected = try await Self.step(app, business, token: office)
            #expect(inspected.credit == 75 && inspected.grade == "D" && inspected.nextDue != start.nextDue)
            #expect(inspected.done == 1 && inspected.issued == 1 && inspected.open == 1 && inspected.closure == 0)

            #expect(try await app.api(.POST, path + "/verification", token: inspector, json: #"{"accepted":true}"#).status == .conflict)
            #expect(try await app.api(.POST, path + "/answer", token: owner, json: #"{"text":"已更换消毒柜并培训员工"}"#).status == .ok)
            let answered = try await Self.step(app, business, token: office)
            #expect(answered.credit == 78, "the business has acted: −2 instead of −5 while it waits for verification")
            #expect(answered.open == 0 && answered.awaiting == 1)

            let noReason = try await app.api(.POST, path + "/verification", token: inspector, json: #"{"accepted":false}"#)
            #expect(noReason.status == .unprocessableEntity)
            #expect(try await Self.step(app, business, token: office) == answered, "a refused verification changes nothing")
            let rejected = try await app.api(.POST, path + "/verification", token: inspector, json: #"{"accepted":false,"reason":"未见消毒记录"}"#)
            #expect(try rejected.content.get(String.self, at: "status") == "open")
            #expect(try rejected.content.get(Int.self, at: "rejections") == 1)
            let afterRejection = try await Self.step(app, business, token: office)
            #expect(afterRejection.credit == 70, "waiting for an answer again (−5) and one rejected answer (−5)")
            #expect(afterRejection.rejected == 1 && afterRejection.open == 1 && afterRejection.awaiting == 0)

            #expect(try await app.api(.POST, path + "/answer", token: owner, json: #"{"text":"补充消毒记录照片"}"#).status == .ok)
            let answeredAgain = try await Self.step(app, business, token: office)
            #expect(answeredAgain.credit == 73 && answeredAgain.awaiting == 1)
            let accepted = try await app.api(.POST, path + "/verification", token: inspector, json: #"{"accepted":true}"#)
            #expect(try accepted.content.get(String.self, at: "status") == "closed")
            let closed = try await Self.step(app, business, token: office)
            #expect(closed.credit == 75 && closed.closed == 1 && closed.closure == 1 && closed.awaiting == 0 && closed.open == 0)
            // Closing the order lifts its 10 risk points; a caterer that failed on a critical item
            // stays D (65 points), so its grade and due date stay as they were.
            #expect(closed.grade == "D" && closed.nextDue == inspected.nextDue)

            // The running counts equal a recount from the records.
            let counted = try await app.api(.GET, "/api/v1/inspection-metrics?regionCode=222499101", token: office)
            try await LoopMetrics.rebuild(on: app.db)
            let recounted = try await app.api(.GET, "/api/v1/inspection-metrics?regionCode=222499101", token: office)
            let report = InspectionMetrics.Report.self
            #expect(try counted.content.decode(report) == recounted.content.decode(report))

            // The same figures feed the creation indicators that bind them.
            let values = InspectionMetrics.metricValues(try counted.content.decode(report).total)
            #expect(values[.rectificationClosureRate]?.value == 100, "one order issued, one closed")
            #expect(values[.overdueRectificationOrders]?.value == 0)
            #expect(values[.inspectionsDoneVsRequired]?.numerator == 1)

            // The operator of another business neither sees nor answers this one.
            let other = try await app.token(for: "business.korean")
            #expect(try await app.api(.GET, "/api/v1/rectification-orders", token: other).items.isEmpty)
            #expect(try await app.api(.POST, path + "/answer", token: other, json: #"{"text":"x"}"#).status == .notFound)
            let history = try await AuditEntry.query(on: app.db).filter(\.$entityType == "rectificationOrder").count()
            #expect(history == 5, "created, answered, rejected, answered, accepted")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aSmallEateryGradeFallsWhenItsOrderIsClosed(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let inspector = try await app.token(for: "inspector")
            let office = try await app.token(for: "office")
            let eatery = try #require(
                try await Business.query(on: app.db).filter(\.$category == .smallEatery).filter(\.$regionCode >= "222499101")
                    .filter(\.$regionCode < "222499102").sort(\.$name).first())
            let template = try #require(try await ChecklistTemplate.query(on: app.db).filter(\.$code == "catering").with(\.$items).first())
            let critical = try #require(template.items.first { $0.severity == .critical }?.id)
            let items = template.items.compactMap { item in
                item.id.map { #"{"itemId":"\#($0)","outcome":"\#($0 == critical ? "nonCompliant" : "compliant")"}"# }
            }
            let body = #"{"businessId":"\#(try eatery.requireID())","templateId":"\#(try template.requireID())","items":[\#(items.joined(separator: ","))]}"#
            let recorded = try await app.api(.POST, "/api/v1/inspections", token: inspector, json: body)
            #expect(recorded.status == .created)
            let order = try recorded.content.get(String.self, at: "rectificationOrder", "id")
            let failed = try #require(try await Business.find(eatery.id, on: app.db))
            #expect(failed.riskGrade == "D", "20 static + 25 fail + 10 critical + 10 open order")
            let path = "/api/v1/rectification-orders/\(order)"
            #expect(try await app.api(.POST, path + "/answer", token: office, json: #"{"text":"代企业提交：已整改"}"#).status == .ok)
            #expect(try await app.api(.POST, path + "/verification", token: inspector, json: #"{"accepted":true}"#).status == .ok)
            let fixed = try #require(try await Business.find(eatery.id, on: app.db))
            #expect(fixed.riskGrade == "C", "the open order's points are lifted")
            #expect(try #require(fixed.nextInspectionDue) > (try #require(failed.nextInspectionDue)), "C is inspected three times a year, D four")
        }
    }

    @Test(arguments: TestDatabase.all)
    func overdueOrdersAreListedInScope(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let inspector = try await app.token(for: "inspector")
            let (_, body) = try await Self.setUp(app)
            let recorded = try await app.api(.POST, "/api/v1/inspections", token: inspector, json: body)
            let id = try recorded.content.get(UUID.self, at: "rectificationOrder", "id")
            let order = try #require(try await RectificationOrder.find(id, on: app.db))
            order.deadline = Date().addingTimeInterval(-86400)
            try await order.update(on: app.db)
            let office = try await app.token(for: "office")
            let overdue = try await app.api(.GET, "/api/v1/rectification-orders?status=overdue&regionCode=222499101", token: office)
            #expect(overdue.pluck("id") == [id.uuidString])
            #expect(overdue.items.first?["overdue"] as? Bool == true)
            let township = try await app.token(for: "township.102")
            let hidden = try await app.api(.GET, "/api/v1/rectification-orders?status=overdue", token: township)
            #expect(hidden.items.isEmpty)
            #expect(try await app.api(.GET, "/api/v1/rectification-orders?status=overdue&regionCode=222499101", token: township).status == .forbidden)
            #expect(try await app.api(.GET, "/api/v1/rectification-orders?status=late", token: office).status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badInspectionsAreRefusedAndWriteNothing(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let inspector = try await app.token(for: "inspector")
            let (business, body) = try await Self.setUp(app)
            let template = try #require(try await ChecklistTemplate.query(on: app.db).filter(\.$code == "catering").with(\.$items).first())
            let oneItem = #"{"businessId":"\#(business)","templateId":"\#(try template.requireID())","items":[{"itemId":"\#(try template.items[0].requireID())","outcome":"compliant"}]}"#
            let refused = try await app.api(.POST, "/api/v1/inspections", token: inspector, json: oneItem)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.content.get(String.self, at: "error", "code") == "itemsIncomplete")
            let retail = try #require(try await ChecklistTemplate.query(on: app.db).filter(\.$code == "retail").first()?.id)
            let wrongTemplate = body.replacingOccurrences(of: try template.requireID().uuidString, with: retail.uuidString)
            #expect(try await app.api(.POST, "/api/v1/inspections", token: inspector, json: wrongTemplate).status == .unprocessableEntity)
            let township = try await app.token(for: "township.101")
            #expect(try await app.api(.POST, "/api/v1/inspections", token: township, json: body).status == .forbidden)
            let neighbour = try await app.token(for: "inspector.102")
            #expect(try await app.api(.POST, "/api/v1/inspections", token: neighbour, json: body).status == .notFound)
            #expect(try await app.api(.POST, "/api/v1/inspections", token: inspector, json: #"{"businessId":"x"}"#).status == .badRequest)
            #expect(try await Inspection.query(on: app.db).count() == 0)
            #expect(try await RectificationOrder.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func townshipFiguresFollowTheLoop(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let inspector = try await app.token(for: "inspector")
            let office = try await app.token(for: "office")
            let (business, body) = try await Self.setUp(app)
            let before = try await app.api(.GET, "/api/v1/inspection-metrics?regionCode=222499", token: office)
            let required = try before.content.get(Int.self, at: "total", "inspectionsRequired")
            #expect(required >= 2800, "every active business needs at least one inspection a year")
            #expect(try before.content.get(Int.self, at: "total", "inspectionsDone") == 0)

            let recorded = try await app.api(.POST, "/api/v1/inspections", token: inspector, json: body)
            let orderID = try recorded.content.get(UUID.self, at: "rectificationOrder", "id")
            let after = try await app.api(.GET, "/api/v1/inspection-metrics?regionCode=222499", token: office)
            #expect(try after.content.get(Int.self, at: "total", "inspectionsDone") == 1)
            #expect(try after.content.get(Int.self, at: "total", "ordersIssued") == 1)
            #expect(try after.content.get(Int.self, at: "total", "inspectionsRequired") > required, "a D grade needs four a year")
            let township = try await app.api(.GET, "/api/v1/inspection-metrics?regionCode=222499101", token: office)
            #expect(try township.content.get(Int.self, at: "total", "inspectionsDone") == 1)

            let order = try #require(try await RectificationOrder.find(orderID, on: app.db))
            order.deadline = Date().addingTimeInterval(-3600)
            try await order.update(on: app.db)
            let overdue = try await app.api(.GET, "/api/v1/inspection-metrics?regionCode=222499101", token: office)
            #expect(try overdue.content.get(Int.self, at: "total", "overdueOrders") == 1)

            let stored = try #require(try await Business.find(business, on: app.db))
            stored.nextInspectionDue = Date().addingTimeInterval(-10 * 86400)
            try await stored.update(on: app.db)
            let due = try await app.api(.GET, "/api/v1/businesses?inspectionOverdue=true&regionCode=222499101001001", token: office)
            #expect(due.pluck("id") == [business.uuidString])
            #expect(try await app.api(.GET, "/api/v1/inspection-metrics?regionCode=222499&year=99", token: office).status == .badRequest)
            #expect(try await app.api(.GET, "/api/v1/inspection-metrics?regionCode=222499", token: try await app.token(for: "township.102")).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func overdueOrdersEscalateOnceAndViolatorsAreListed(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let inspector = try await app.token(for: "inspector")
            let (business, body) = try await Self.setUp(app)
            let recorded = try await app.api(.POST, "/api/v1/inspections", token: inspector, json: body)
            let id = try recorded.content.get(UUID.self, at: "rectificationOrder", "id")
            #expect(try await EscalationJob.run(on: app.db) == 0, "nothing is overdue yet")
            let order = try #require(try await RectificationOrder.find(id, on: app.db))
            order.deadline = Date().addingTimeInterval(-60).storageRounded
            try await order.update(on: app.db)
            #expect(try await EscalationJob.run(on: app.db) == 1)
            #expect(try await EscalationJob.run(on: app.db) == 0, "once only")
            #expect(try await RectificationOrder.find(id, on: app.db)?.escalatedAt != nil)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityID == id.uuidString).filter(\.$actorUsername == "system").count()
            #expect(audit == 1)

            let stored = try #require(try await Business.find(business, on: app.db))
            stored.creditScore = 30
            try await stored.update(on: app.db)
            let office = try await app.token(for: "office")
            let violators = try await app.api(.GET, "/api/v1/businesses?seriousViolators=true&limit=500", token: office)
            #expect(violators.pluck("id").contains(business.uuidString))
            #expect(violators.items.count < 50)
        }
    }
}
