import Fluent
import Foundation
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Creation: standards, assignment, evidence and review, forecast")
struct CreationAPITests {
    /// The demo standard under another code and version, as a file to import.
    static func standardJSON(code: String = "test-standard", version: String = "2026.1", edit: (inout StandardDocument) -> Void = { _ in }) throws
        -> String
    {
        var document = DemoStandard.document
        document.code = code
        document.version = version
        document.isDemo = false
        edit(&document)
        return String(decoding: try document.json(), as: UTF8.self)
    }

    static func json(_ response: TestingHTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any]) ?? [:]
    }

    static func forecast(_ app: Application, token: String) async throws -> [String: Any] {
        let response = try await app.api(.GET, "/api/v1/creation/forecast", token: token)
        #expect(response.status == .ok, "\(response.body.string)")
        return json(response)
    }

    static func gap(_ forecast: [String: Any], _ id: String) -> [String: Any]? {
        (forecast["topGaps"] as? [[String: Any]])?.first { $0["indicatorId"] as? String == id }
    }

    @Test(arguments: TestDatabase.all)
    func importListExportAndSupersede(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            // MUT
            let created = try await app.api(.POST, "/api/v1/standards/import", token: office, json: try Self.standardJSON())
            #expect(created.status == .created, "\(created.body.string)")
            #expect(try created.content.get(Int.self, at: "indicatorCount") == 94)
            #expect(try created.content.get(Bool.self, at: "current"))
            let id = try created.content.get(UUID.self, at: "id")

            let exported = try await app.api(.GET, "/api/v1/standards/\(id)/document", token: office)
            #expect(exported.status == .ok)
            let parsed = try StandardDocument.parse(json: Data(exported.body.string.utf8)).get()
            #expect(parsed.code == "test-standard" && parsed.indicators == DemoStandard.document.indicators)

            let again = try await app.api(.POST, "/api/v1/standards/import", token: office, json: try Self.standardJSON())
            #expect(again.status == .conflict)
            #expect(try again.content.get(String.self, at: "error", "code") == "standardVersionExists")

            let newer = try await app.api(.POST, "/api/v1/standards/import", token: office, json: try Self.standardJSON(version: "2026.2"))
            #expect(newer.status == .created)
            let list = try await app.api(.GET, "/api/v1/standards", token: office)
            #expect(list.items.count == 2)
            let current = try await app.api(.GET, "/api/v1/standards?current=true", token: office)
            #expect(current.pluck("version") == ["2026.2"])

            // Only the office imports.
            let department = try await app.token(for: "dept.market")
            let refused = try await app.api(.POST, "/api/v1/standards/import", token: department, json: try Self.standardJSON(version: "9"))
            #expect(refused.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func malformedFilesAreRefusedWithTheirProblemsAndNothingIsWritten(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let invalid = try Self.standardJSON { document in
                document.indicators[0].points = -1
                document.indicators[1].kind = .veto
                document.passRules.keyItemShare = 2
            }
            for body in [invalid, "{not json", #"{"formatVersion": 1}"#, ""] {
                let response = try await app.api(.POST, "/api/v1/standards/import", token: office, json: body)
                #expect(response.status == .unprocessableEntity, "\(body.prefix(20))")
                #expect(try response.content.get(String.self, at: "error", "code") == "standardInvalid")
                let problems = Self.json(response)["problems"] as? [[String: Any]] ?? []
                #expect(!problems.isEmpty)
                if body == invalid {
                    #expect(problems.count >= 2)
                    #expect(problems.contains { $0["field"] as? String == "passRules.keyItemShare" })
                }
            }
            #expect(try await StandardRecord.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "standard").count() == 0)
        }
    }

    /// The issue's "done when": the office assigns, a department submits, the office returns it once
    /// and approves it the second time, and the forecast and the gaps follow.
    @Test(arguments: TestDatabase.all)
    func submitReturnResubmitApproveAndTheForecastFollows(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let market = try await app.token(for: "dept.market")
            let education = try await app.token(for: "dept.education")
            #expect(try await app.api(.POST, "/api/v1/standards/import", token: office, json: try Self.standardJSON()).status == .created)
            let item = "/api/v1/creation/indicators/3.2"

            let assigned = try await app.api(.PUT, "\(item)/assignment", token: office,
                                             json: #"{"leadUnit":"market","supportingUnits":["agriculture"],"deadline":"2030-06-30"}"#)
            #expect(assigned.status == .ok, "\(assigned.body.string)")
            #expect(try assigned.content.get(String.self, at: "item", "leadUnitName") == "县市场监督管理局")
            let badUnit = try await app.api(.PUT, "\(item)/assignment", token: office, json: #"{"leadUnit":"nowhere"}"#)
            #expect(badUnit.status == .unprocessableEntity)
            #expect(try await app.api(.PUT, "\(item)/assignment", token: market, json: #"{"leadUnit":"market"}"#).status == .forbidden)

            let before = try await Self.forecast(app, token: office)
            #expect(Set(before.keys).isSuperset(of: ["projectedScore", "maxScore", "passes", "vetoRisks", "topGaps"]))
            #expect(before["maxScore"] as? Double == 156)
            #expect(before["passes"] as? Bool == false)
            let gap = try #require(Self.gap(before, "3.2"))
            #expect(gap["pointsAtRisk"] as? Double == 2 && gap["unit"] as? String == "县市场监督管理局")
            let score = try #require(before["projectedScore"] as? Double)

            // Another department may not submit for market's item.
            let other = try await app.api(.POST, "\(item)/evidence", token: education, json: #"{"text":"材料"}"#)
            #expect(other.status == .forbidden)
            #expect(try other.content.get(String.self, at: "error", "code") == "notLeadUnit")
            #expect(try await app.api(.POST, "\(item)/evidence", token: market, json: #"{"text":" "}"#).status == .unprocessableEntity)

            let first = try await app.api(.POST, "\(item)/evidence", token: market,
                                          json: #"{"text":"快检室建设情况","links":["/businesses"],"selfScore":1.5,"deductions":[{"points":0.5,"reason":"一处快检室未设","count":1}]}"#)
            #expect(first.status == .created, "\(first.body.string)")
            let submitted = try await Self.forecast(app, token: office)
            #expect(submitted["projectedScore"] as? Double == score + 1.5)

            #expect(try await app.api(.POST, "\(item)/review", token: office, json: #"{"decision":"return"}"#).status == .unprocessableEntity)
            let returned = try await app.api(.POST, "\(item)/review", token: office, json: #"{"decision":"return","reason":"缺少快检室照片"}"#)
            #expect(returned.status == .ok)
            #expect(try returned.content.get(String.self, at: "item", "status") == "returned")
            #expect(try returned.content.get(String.self, at: "item", "returnReason") == "缺少快检室照片")
            let afterReturn = try await Self.forecast(app, token: office)
            #expect(afterReturn["projectedScore"] as? Double == score)
            #expect(Self.gap(afterReturn, "3.2")?["status"] as? String == "returned")

            let second = try await app.api(.POST, "\(item)/evidence", token: market, json: #"{"text":"补充快检室照片","selfScore":2}"#)
            #expect(second.status == .created)
            let approved = try await app.api(.POST, "\(item)/review", token: office, json: #"{"decision":"approve"}"#)
            #expect(try approved.content.get(String.self, at: "item", "status") == "approved")
            #expect(try approved.content.get(Bool.self, at: "item", "locked"))
            let submissions = Self.json(approved)["submissions"] as? [[String: Any]] ?? []
            #expect(submissions.compactMap { $0["decision"] as? String } == ["approved", "returned"])
            let after = try await Self.forecast(app, token: office)
            #expect(after["projectedScore"] as? Double == score + 2)
            #expect(Self.gap(after, "3.2") == nil)

            // Locked: no change until a higher level unlocks it, and that is audited and counted.
            let locked = try await app.api(.POST, "\(item)/evidence", token: market, json: #"{"text":"再改"}"#)
            #expect(locked.status == .conflict)
            #expect(try await app.api(.POST, "\(item)/unlock", token: office, json: #"{"reason":"复核"}"#).status == .forbidden)
            let admin = try await app.token(for: "admin")
            let unlocked = try await app.api(.POST, "\(item)/unlock?regionCode=222499", token: admin, json: #"{"reason":"省级复核发现照片不清"}"#)
            #expect(unlocked.status == .ok, "\(unlocked.body.string)")
            #expect(try unlocked.content.get(Int.self, at: "item", "changesSinceApproval") == 1)
            #expect(try unlocked.content.get(Bool.self, at: "item", "locked") == false)
            #expect(try await app.api(.POST, "\(item)/evidence", token: market, json: #"{"text":"更换清晰照片"}"#).status == .created)
            let shown = try await app.api(.GET, item, token: market)
            #expect(try shown.content.get(Int.self, at: "item", "changesSinceApproval") == 2)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "indicatorAssignment").all()
            #expect(audit.contains { $0.actorUsername == "admin" && ($0.after ?? "").contains("省级复核") })
        }
    }

    /// A computed indicator reads the inspection loop: one inspection with a critical failure moves
    /// inspections done (4.4) and gives the closure rate (4.5) a value.
    @Test(arguments: TestDatabase.all)
    func computedIndicatorsMoveWithTheRecords(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            #expect(try await app.api(.POST, "/api/v1/standards/import", token: office, json: try Self.standardJSON()).status == .created)
            let before = try await app.api(.GET, "/api/v1/creation/indicators/4.4", token: office)
            #expect(try before.content.get(Double.self, at: "metricValue", "numerator") == 0)
            let closureBefore = try await app.api(.GET, "/api/v1/creation/indicators/4.5", token: office)
            let valueBefore = (Self.json(closureBefore)["metricValue"] as? [String: Any])?["value"]
            #expect(valueBefore == nil || valueBefore is NSNull, "no orders issued: no closure rate yet")

            let inspector = try await app.token(for: "inspector")
            let (_, body) = try await InspectionAPITests.setUp(app)
            #expect(try await app.api(.POST, "/api/v1/inspections", token: inspector, json: body).status == .created)

            let after = try await app.api(.GET, "/api/v1/creation/indicators/4.4", token: office)
            #expect(try after.content.get(Double.self, at: "metricValue", "numerator") == 1)
            let closure = try await app.api(.GET, "/api/v1/creation/indicators/4.5", token: office)
            #expect(try closure.content.get(Double.self, at: "metricValue", "denominator") == 1)
            let forecast = try await Self.forecast(app, token: office)
            let explanation = (forecast["explanations"] as? [[String: Any]])?.first { $0["indicatorId"] as? String == "4.5" }
            let reasons = (explanation?["losses"] as? [[String: Any]])?.compactMap { $0["reason"] as? String }
            #expect(reasons == ["metricBelowTarget"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func recordedSurveyValuesDriveTheVetoItems(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            #expect(try await app.api(.POST, "/api/v1/standards/import", token: office, json: try Self.standardJSON()).status == .created)
            let recorded = try await app.api(.PUT, "/api/v1/creation/metric-values/publicSatisfaction", token: office,
                                             json: #"{"numerator":65,"source":"第三方测评"}"#)
            #expect(recorded.status == .ok, "\(recorded.body.string)")
            let forecast = try await Self.forecast(app, token: office)
            let first = (forecast["vetoRisks"] as? [[String: Any]])?.first
            #expect(first?["indicatorId"] as? String == "1.2" && first?["state"] as? String == "failed")
            #expect((forecast["failedRules"] as? [[String: Any]])?.first?["rule"] as? String == "vetoFailed")

            let unknown = try await app.api(.PUT, "/api/v1/creation/metric-values/happiness", token: office, json: #"{"numerator":1,"source":"x"}"#)
            #expect(unknown.status == .notFound)
            let rate = try await app.api(.PUT, "/api/v1/creation/metric-values/creationAwareness", token: office, json: #"{"numerator":5,"source":"x"}"#)
            #expect(rate.status == .unprocessableEntity)
            let leader = try await app.token(for: "leader")
            #expect(try await app.api(.PUT, "/api/v1/creation/metric-values/publicSatisfaction", token: leader,
                                      json: #"{"numerator":90,"source":"x"}"#).status == .forbidden)
        }
    }

    /// The demo mid-campaign: a township reads its county's campaign and acts on the items it leads.
    @Test(arguments: TestDatabase.all)
    func demoCampaignAndTownshipScope(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            try await DemoCreation.seed(on: app.db, now: Date())
            let leader = try await app.token(for: "leader")
            let forecast = try await Self.forecast(app, token: leader)
            #expect(forecast["passes"] as? Bool == false)
            let risks = forecast["vetoRisks"] as? [[String: Any]] ?? []
            #expect(risks.map { $0["indicatorId"] as? String } == ["1.2"])
            #expect(risks.first?["state"] as? String == "nearThreshold")
            let returned = try await app.api(.GET, "/api/v1/creation/indicators?status=returned", token: leader)
            #expect(returned.pluck("indicatorId") == ["3.10", "4.2", "5.4"])
            let units = try await app.api(.GET, "/api/v1/creation/units", token: leader)
            #expect(units.pluck("unit").contains("market"))

            let township = try await app.token(for: "township.201")
            let own = try await app.api(.GET, "/api/v1/creation/indicators?unit=222499201", token: township)
            #expect(own.pluck("indicatorId") == ["3.6"])
            #expect(try await app.api(.POST, "/api/v1/creation/indicators/3.6/evidence", token: township, json: #"{"text":"人员名单"}"#).status == .created
                    || own.items.first?["locked"] as? Bool == true)
            #expect(try await app.api(.POST, "/api/v1/creation/indicators/3.3/evidence", token: township, json: #"{"text":"x"}"#).status == .forbidden)
            #expect(try await app.api(.GET, "/api/v1/creation/forecast?regionCode=222401", token: township).status == .forbidden)
            let business = try await app.token(for: "business.lamb")
            #expect(try await app.api(.GET, "/api/v1/creation/forecast", token: business).status == .forbidden)
        }
    }
}
