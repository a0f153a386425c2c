import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Data reporting: forms through the API, quarterly and yearly periods, outlier flags")
struct ReportingFormsTests {
    static let quarterly = #"""
        {"code":"canteen-q","name":"学校食堂季报","periodType":"quarterly","dueDays":15,
         "fields":[{"code":"canteens","label":"食堂数"},{"code":"openKitchens","label":"明厨亮灶数"}],
         "rules":[{"code":"within","title":"明厨亮灶数不多于食堂数","leftSide":{"fields":["openKitchens"]},"comparison":"<=","rightSide":{"fields":["canteens"]},"importance":"high"}],
         "outlierRule":{"method":"medianAbsoluteDeviation","madMultiple":3,"relativeShare":0.5,"minimumHistory":3},
         "units":["222499102","222499101"]}
        """#

    @Test(arguments: TestDatabase.all)
    func theOfficeCreatesListsAndChangesForms(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            try await DemoReporting.seed(on: app.db, now: Date())
            let office = try await app.token(for: "office")
            let township = try await app.token(for: "township.101")

            // Bad input: a 422 naming the field, and nothing written.
            let bad: [(String, String, String)] = [
                (Self.quarterly.replacingOccurrences(of: #""quarterly""#, with: #""weekly""#), "reportingPeriodTypeInvalid", "periodType"),
                (Self.quarterly.replacingOccurrences(of: #""canteen-q""#, with: #""1 bad""#), "reportingCodeInvalid", "code"),
                (Self.quarterly.replacingOccurrences(of: #""dueDays":15"#, with: #""dueDays":40"#), "reportingDueDaysOutOfRange", "dueDays"),
                (Self.quarterly.replacingOccurrences(of: #"["openKitchens"]"#, with: #"["schools"]"#), "reportFieldUnknown", "rules[0].leftSide.fields[0]"),
                (Self.quarterly.replacingOccurrences(of: #""222499101""#, with: #""222401101""#), "reportUnitInvalid", "units[1]"),
                (Self.quarterly.replacingOccurrences(of: #""222499101""#, with: #""222499199""#), "reportUnitInvalid", "units[1]"),
                (Self.quarterly.replacingOccurrences(of: #""madMultiple":3"#, with: #""madMultiple":0"#), "reportingOutlierSettingInvalid", "outlierRule.madMultiple"),
                (Self.quarterly.replacingOccurrences(of: #"{"code":"openKitchens","label":"明厨亮灶数"}"#, with: #"{"code":"canteens","label":"x"}"#),
                 "reportingFieldDuplicate", "fields[1].code"),
            ]
            for (body, code, field) in bad {
                let response = try await app.api(.POST, "/api/v1/reports", token: office, json: body)
                #expect(response.status == .unprocessableEntity, "\(code)")
                #expect(try response.content.get(String.self, at: "error", "code") == code)
                #expect(try response.content.get(String.self, at: "error", "field") == field)
            }
            #expect(try await app.api(.POST, "/api/v1/reports", token: office, json: #"{"code":"x"}"#).status == .badRequest)
            #expect(try await app.api(.POST, "/api/v1/reports", token: township, json: Self.quarterly).status == .forbidden)
            #expect(try await ReportForm.query(on: app.db).count() == 2)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "reportForm").count() == 0)

            // Created, listed, read, changed; each write audited.
            let created = try await app.api(.POST, "/api/v1/reports", token: office, json: Self.quarterly)
            #expect(created.status == .created)
            let form = try created.content.decode(ReportFormsAPI.FormDTO.self)
            #expect(form.periodType == .quarterly && form.units == ["222499101", "222499102"] && form.rules.count == 1)
            #expect(try await app.api(.POST, "/api/v1/reports", token: office, json: Self.quarterly).status == .conflict)
            let all = try await app.api(.GET, "/api/v1/reports", token: township)
            #expect(try all.content.get([ReportFormsAPI.FormDTO].self, at: "items").map(\.code) == ["canteen-q", "monthly", "school-canteens"])
            let quarterlies = try await app.api(.GET, "/api/v1/reports?periodType=quarterly&limit=1", token: office)
            #expect(try quarterlies.content.get([ReportFormsAPI.FormDTO].self, at: "items").map(\.code) == ["canteen-q"])
            let cursor = try #require(try quarterlies.content.get(String?.self, at: "nextCursor"))
            let next = try await app.api(.GET, "/api/v1/reports?periodType=quarterly&limit=1&cursor=\(cursor)", token: office)
            #expect(try next.content.get([ReportFormsAPI.FormDTO].self, at: "items").map(\.code) == ["school-canteens"])
            #expect(try await app.api(.GET, "/api/v1/reports?periodType=weekly", token: office).status == .badRequest)
            #expect(try await app.api(.GET, "/api/v1/reports/canteen-q", token: township).status == .ok)
            #expect(try await app.api(.GET, "/api/v1/reports/nothing", token: office).status == .notFound)

            let changed = try await app.api(
                .PUT, "/api/v1/reports/canteen-q", token: office, json: #"{"units":["222499103"],"dueDays":20,"removeOutlierRule":true}"#)
            #expect(changed.status == .ok)
            let after = try changed.content.decode(ReportFormsAPI.FormDTO.self)
            #expect(after.units == ["222499103"] && after.dueDays == 20 && after.outlierRule == nil && after.fields.count == 2)
            let refused = try await app.api(.PUT, "/api/v1/reports/canteen-q", token: office, json: #"{"dueDays":-1,"units":[]}"#)
            #expect(refused.status == .unprocessableEntity)
            #expect(try await app.api(.GET, "/api/v1/reports/canteen-q", token: office).content.get(Int.self, at: "dueDays") == 20)
            #expect(try await app.api(.PUT, "/api/v1/reports/canteen-q", token: township, json: #"{"dueDays":3}"#).status == .forbidden)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "reportForm").count() == 2)

            // Assigned townships only: 101 is no longer assigned the form.
            let period = ReportPeriod(containing: Date(), type: .quarterly).advanced(by: -2).description
            let report = #"{"period":"\#(period)","values":{"canteens":4,"openKitchens":3}}"#
            let unassigned = try await app.api(.POST, "/api/v1/reports/canteen-q/submissions", token: township, json: report)
            #expect(try unassigned.content.get(String.self, at: "error", "code") == "reportingUnitNotAssigned")
            let monthLabel = try await app.api(
                .POST, "/api/v1/reports/school-canteens/submissions", token: township,
                json: #"{"period":"2026-05","values":{"canteens":4,"openKitchens":3,"accompaniedMeals":9}}"#)
            #expect(try monthLabel.content.get(String.self, at: "error", "code") == "reportingPeriodInvalid")
        }
    }

    @Test(arguments: TestDatabase.all)
    func quarterlyAndYearlyTownshipsThatHaveNotReportedLag(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            try await DemoReporting.seed(on: app.db, now: Date())
            let office = try await app.token(for: "office")
            // The demo's quarterly form: the last township missed the last quarter due.
            let demo = try await app.api(.GET, "/api/v1/reports/school-canteens/lagging", token: office)
            #expect(try demo.content.get(String.self, at: "periodType") == "quarterly")
            let demoUnits = try demo.content.get([Reporting.LaggingDTO.Unit].self, at: "units")
            #expect(demoUnits.count == 12 && demoUnits[0].lagging && demoUnits[0].missingPeriods.count == 1)
            #expect(demoUnits.dropFirst().allSatisfy { !$0.lagging })

            for (type, days) in [(ReportPeriodType.quarterly, 15), (.yearly, 31)] {
                let code = "test-\(type.rawValue)"
                let body = #"{"code":"\#(code)","name":"\#(code)","periodType":"\#(type.rawValue)","dueDays":\#(days),"fields":[{"code":"n","label":"N"}],"units":["222499101","222499102"]}"#
                #expect(try await app.api(.POST, "/api/v1/reports", token: office, json: body).status == .created)
                // Two periods back is due whatever today is.
                let period = ReportPeriod(containing: Date(), type: type).advanced(by: -2).description
                let report = #"{"period":"\#(period)","unitCode":"222499101","values":{"n":3}}"#
                #expect(try await app.api(.POST, "/api/v1/reports/\(code)/submissions", token: office, json: report).status == .created)
                let lagging = try await app.api(.GET, "/api/v1/reports/\(code)/lagging", token: office)
                #expect(lagging.status == .ok)
                #expect(try lagging.content.get([String].self, at: "periods").count == type.window)
                let units = try lagging.content.get([Reporting.LaggingDTO.Unit].self, at: "units")
                #expect(units.map(\.unitCode).sorted() == ["222499101", "222499102"], "only the assigned townships")
                let silent = try #require(units.first { $0.unitCode == "222499102" })
                #expect(silent.lagging && silent.missingPeriods.contains(period) && units.first?.unitCode == "222499102", "\(type)")
                let reported = try #require(units.first { $0.unitCode == "222499101" })
                #expect(!reported.missingPeriods.contains(period) && reported.submitted >= 1)
                let through = ReportPeriod(containing: Date(), type: type).advanced(by: -1).description
                let earlier = try await app.api(.GET, "/api/v1/reports/\(code)/lagging?through=\(through)", token: office)
                #expect(try earlier.content.get(String.self, at: "through") == through)
                #expect(try await app.api(.GET, "/api/v1/reports/\(code)/lagging?through=2026-13", token: office).status == .unprocessableEntity)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func anOutlierIsStoredFlaggedNotRefused(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            try await DemoReporting.seed(on: app.db, now: Date())
            let township = try await app.token(for: "township.101")
            let office = try await app.token(for: "office")
            let current = ReportPeriod(containing: Date(), type: .monthly).description
            let body = #"{"period":"\#(current)","values":{"inspections":999,"samples":14,"failedSamples":1,"complaints":6,"cases":2}}"#
            let response = try await app.api(.POST, "/api/v1/reports/monthly/submissions", token: township, json: body)
            #expect(response.status == .created)
            let flags = try response.content.get([OutlierFlag].self, at: "outliers")
            #expect(flags.map(\.field) == ["inspections"])
            let flag = try #require(flags.first)
            #expect(flag.value == 999 && flag.low < flag.median && flag.median < flag.high && flag.high < 999)
            let stored = try #require(try await ReportSubmission.query(on: app.db).filter(\.$regionCode == "222499101").filter(\.$period == current).first())
            #expect(stored.outliers.contains("inspections"))
            let lagging = try await app.api(.GET, "/api/v1/reports/monthly/lagging", token: office)
            let units = try lagging.content.get([Reporting.LaggingDTO.Unit].self, at: "units")
            #expect(units.first { $0.unitCode == "222499101" }?.outliers.map(\.period) == [current])
            #expect(units.filter { !$0.outliers.isEmpty }.count == 2, "and the demo's own outlier")
            // The flagged reports as a list: the county's two, the township's own one.
            let flagged = try await app.api(.GET, "/api/v1/reports/monthly/submissions?flagged=true", token: office)
            let county = try flagged.content.get([Reporting.SubmissionDTO].self, at: "items")
            #expect(county.count == 2 && county.first?.unitCode == "222499101" && county.allSatisfy { !$0.outliers.isEmpty })
            let own = try await app.api(.GET, "/api/v1/reports/monthly/submissions?flagged=true", token: township)
            #expect(try own.content.get([Reporting.SubmissionDTO].self, at: "items").map(\.unitCode) == ["222499101"])
            let month = try await app.api(.GET, "/api/v1/reports/monthly/submissions?period=\(current)&limit=500", token: office)
            #expect(try month.content.get([Reporting.SubmissionDTO].self, at: "items").map(\.period) == [current])
            #expect(try await app.api(.GET, "/api/v1/reports/monthly/submissions?flagged=maybe", token: office).status == .badRequest)
            #expect(try await app.api(.GET, "/api/v1/reports/monthly/submissions?period=2026-Q1", token: office).status == .unprocessableEntity)

            var browser = try await Browser.loggedIn(app, as: "office")
            let page = try await browser.get("/creation/reports").body.string
            #expect(page.contains(#"data-form="school-canteens""#) && page.contains(#"data-period-type="quarterly""#))
            #expect(page.contains(#"data-outlier="inspections""#))
        }
    }

    /// The demo's story (two lagging townships on the monthly form, one on the quarterly) holds on
    /// any day: early in a month, before a due day, just after it, at a year's turn.
    @Test(arguments: ["2027-01-05T04:00:00Z", "2026-11-10T15:00:00Z", "2026-11-10T16:30:00Z", "2026-12-31T15:59:00Z", "2027-04-16T04:00:00Z"])
    func theDemoStoryHoldsOnAnyDay(date: String) async throws {
        let now = try #require(ISO8601DateFormatter().date(from: date))
        try await withShianApp(.sqlite) { app in
            try await DemoReporting.seed(on: app.db, now: now)
            for (code, lagging) in [("monthly", 2), ("school-canteens", 1)] {
                let form = try #require(try await ReportForm.query(on: app.db).filter(\.$code == code).first())
                let view = try await Reporting.lagging(form, through: ReportPeriod(containing: now, type: form.type), now: now, on: app.db)
                #expect(view.units.filter(\.lagging).count == lagging, "\(code) on \(date)")
                #expect(view.units.count == 12)
                #expect(try await ReportSubmission.query(on: app.db).filter(\.$submittedAt > now).count() == 0, "nothing sent in the future")
            }
        }
    }
}
