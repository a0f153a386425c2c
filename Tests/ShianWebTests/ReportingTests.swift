import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Data reporting: submissions, rules, lagging townships")
struct ReportingTests {
    @Test(arguments: TestDatabase.all)
    func aTownshipThatHasNotReportedShowsAsLagging(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            try await DemoCreation.seed(on: app.db, now: Date())
            try await DemoReporting.seed(on: app.db, now: Date())
            let office = try await app.token(for: "office")
            let township = try await app.token(for: "township.101")
            let lagging = try await app.api(.GET, "/api/v1/reports/monthly/lagging", token: office)
            #expect(lagging.status == .ok)
            let units = try lagging.content.get([Reporting.LaggingDTO.Unit].self, at: "units")
            #expect(units.count == 12)
            let first = try #require(units.first)
            #expect(first.lagging && first.missingPeriods.count == 2, "the township that skipped two months comes first")
            #expect(units[1].lagging && units[1].missingPeriods.isEmpty && units[1].onTime < units[1].submitted, "then the late one")
            #expect(units.dropFirst(2).allSatisfy { !$0.lagging })
            // A province's administrator reads the county's lagging townships by regionCode; a
            // township may not read another county's, and a province is not a county.
            let admin = try await app.token(for: "admin")
            let fromAbove = try await app.api(.GET, "/api/v1/reports/monthly/lagging?regionCode=222499", token: admin)
            #expect(try fromAbove.content.get([Reporting.LaggingDTO.Unit].self, at: "units").map(\.unitCode) == units.map(\.unitCode))
            #expect(try await app.api(.GET, "/api/v1/reports/monthly/lagging?regionCode=22", token: admin).status == .badRequest)
            #expect(try await app.api(.GET, "/api/v1/reports/monthly/lagging?regionCode=229001", token: township).status == .forbidden)
            #expect(try await app.api(.GET, "/api/v1/reports?regionCode=222499", token: admin).items.count == 2)
            var province = try await Browser.loggedIn(app, as: "admin")
            #expect(try await province.get("/creation/reports?regionCode=222499").body.string.contains(#"data-lagging="true""#))
            let before = try await Reporting.metricValues(county: DemoCounty.countyCode, now: Date(), on: app.db)
            #expect((before[.reportingCompleteness]?.value ?? 100) < 100)

            // The lagging township's missing month, sent now (late): one month fewer missing.
            let month = try #require(first.missingPeriods.last)
            let body = #"{"period":"\#(month)","unitCode":"\#(first.unitCode)","values":{"inspections":52,"samples":14,"failedSamples":1,"complaints":6,"cases":2}}"#
            #expect(try await app.api(.POST, "/api/v1/reports/monthly/submissions", token: office, json: body).status == .created)
            #expect(try await app.api(.POST, "/api/v1/reports/monthly/submissions", token: office, json: body).status == .conflict)
            let after = try await app.api(.GET, "/api/v1/reports/monthly/lagging", token: office)
            let unit = try #require(try after.content.get([Reporting.LaggingDTO.Unit].self, at: "units").first { $0.unitCode == first.unitCode })
            #expect(unit.missingPeriods.count == 1)
            let improved = try await Reporting.metricValues(county: DemoCounty.countyCode, now: Date(), on: app.db)
            #expect((improved[.reportingCompleteness]?.value ?? 0) > (before[.reportingCompleteness]?.value ?? 0))

            // Rules: a high-importance one refuses, a low one is kept as a warning; scope and shape.
            let current = MarketEntryLot.month(of: Date())
            let impossible = #"{"period":"\#(current)","values":{"inspections":40,"samples":3,"failedSamples":5,"complaints":1,"cases":0}}"#
            let refused = try await app.api(.POST, "/api/v1/reports/monthly/submissions", token: township, json: impossible)
            #expect(try refused.content.get(String.self, at: "error", "code") == "reportRuleViolated")
            let odd = #"{"period":"\#(current)","values":{"inspections":1,"samples":3,"failedSamples":0,"complaints":0,"cases":5}}"#
            let warned = try await app.api(.POST, "/api/v1/reports/monthly/submissions", token: township, json: odd)
            #expect(warned.status == .created)
            #expect(try warned.content.get([ReportViolation].self, at: "warnings").count == 1)
            #expect(try await app.api(.POST, "/api/v1/reports/monthly/submissions", token: township,
                                      json: odd.replacingOccurrences(of: #""period":"\#(current)""#, with: #""period":"\#(current)","unitCode":"222499102""#))
                .status == .forbidden)
            #expect(try await app.api(.POST, "/api/v1/reports/monthly/submissions", token: township,
                                      json: odd.replacingOccurrences(of: current, with: "2099-01")).status == .unprocessableEntity)
            #expect(try await app.api(.POST, "/api/v1/reports/monthly/submissions", token: township,
                                      json: #"{"period":"\#(current)","values":{"inspections":1}}"#).status == .unprocessableEntity)
            #expect(try await app.api(.POST, "/api/v1/reports/nothing/submissions", token: township, json: odd).status == .notFound)
            // The self-assessment report: every item and the projected total, CSV and XLSX.
            let report = try await app.api(.GET, "/api/v1/creation/self-assessment", token: office)
            #expect(report.status == .ok)
            let lines = report.body.string.split(separator: "\r\n")
            #expect(lines.count == 94 + 2, "a header, the 94 items and the total")
            #expect(lines.last?.contains("合计") == true)
            let xlsx = try await app.api(.GET, "/api/v1/creation/self-assessment?format=xlsx", token: office)
            #expect(xlsx.status == .ok && xlsx.body.readableBytesView.starts(with: [0x50, 0x4B]))
            var browser = try await Browser.loggedIn(app, as: "office")
            let page = try await browser.get("/creation/reports")
            #expect(page.status == .ok && page.body.string.contains(#"data-lagging="true""#))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aTownshipOfficerReportsFromThePage(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            try await DemoReporting.seed(on: app.db, now: Date())
            let office = try await app.token(for: "office")
            let before = try await app.api(.GET, "/api/v1/reports/monthly/lagging", token: office)
            let silent = try #require(try before.content.get([Reporting.LaggingDTO.Unit].self, at: "units").first)
            let period = try #require(silent.missingPeriods.first)
            var browser = try await Browser.loggedIn(app, as: "township.\(silent.unitCode.suffix(3))")
            let page = try await browser.get("/creation/reports").body.string
            #expect(page.contains(#"id="report-form-monthly""#) && page.contains(#"value="\#(period)""#), "the oldest missing period is offered")

            // A refusal comes back with the message beside the field and the typed values kept.
            var form = ["period": period, "value_inspections": "52", "value_samples": "3", "value_failedSamples": "5",
                        "value_complaints": "6", "value_cases": "x"]
            let notNumber = try await browser.post("/creation/reports/monthly/submissions", form: form)
            #expect(notNumber.status == .unprocessableEntity)
            #expect(notNumber.body.string.contains(#"data-field="value_cases""#) && notNumber.body.string.contains(#"value="52""#))
            form["value_cases"] = "2"
            let refused = try await browser.post("/creation/reports/monthly/submissions", form: form)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("不合格批次不能多于抽检批次"))
            form["value_samples"] = "14"
            let sent = try await browser.post("/creation/reports/monthly/submissions", form: form)
            #expect(sent.status == .seeOther)
            #expect(try await browser.get("/creation/reports?sent=monthly").body.string.contains(#"data-sent="monthly""#))
            let after = try await app.api(.GET, "/api/v1/reports/monthly/lagging", token: office)
            let unit = try #require(try after.content.get([Reporting.LaggingDTO.Unit].self, at: "units").first { $0.unitCode == silent.unitCode })
            #expect(!unit.missingPeriods.contains(period))
            #expect(try await browser.post("/creation/reports/monthly/submissions", form: form).status == .conflict, "once per period")
            // The office has no form on the page: it reports through the API.
            var desk = try await Browser.loggedIn(app, as: "office")
            #expect(!(try await desk.get("/creation/reports").body.string.contains("report-form-")))
        }
    }
}
