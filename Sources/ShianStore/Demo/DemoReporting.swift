import FluentKit
import Foundation
import ShianCore

/// The demo county's report forms. The monthly report (食品安全监管工作月报): every township has
/// reported the last six months on time, except two — one has not reported the last two months due,
/// the other reported the last one late — so that the lagging view and the reporting metrics tell a
/// story; one township's last month has an outlier (far more inspections than usual). The quarterly
/// school-canteen report: every township on time except the same one, which missed the last quarter.
public enum DemoReporting {
    static let fields = #"[{"code":"inspections","label":"日常检查户次"},{"code":"samples","label":"抽检批次"},{"code":"failedSamples","label":"不合格批次"},{"code":"complaints","label":"投诉举报件数"},{"code":"cases","label":"立案件数"}]"#
    static let rules = #"[{"code":"failedWithinSamples","title":"不合格批次不能多于抽检批次","leftSide":{"fields":["failedSamples"]},"comparison":"<=","rightSide":{"fields":["samples"]},"importance":"high","missingValues":"skipIfAllValuesMissing"},{"code":"casesPlausible","title":"立案件数一般不多于投诉举报与检查发现之和","leftSide":{"fields":["cases"]},"comparison":"<=","rightSide":{"fields":["complaints","inspections"]},"importance":"low","missingValues":"skipIfAllValuesMissing"}]"#
    static let quarterlyFields = #"[{"code":"canteens","label":"学校食堂数"},{"code":"openKitchens","label":"实现明厨亮灶的学校食堂数"},{"code":"accompaniedMeals","label":"陪餐记录次数"}]"#
    static let quarterlyRules = #"[{"code":"openKitchensWithinCanteens","title":"明厨亮灶食堂数不能多于学校食堂数","leftSide":{"fields":["openKitchens"]},"comparison":"<=","rightSide":{"fields":["canteens"]},"importance":"high"}]"#
    /// Three times the median absolute deviation, judged once three periods are known (OutlierRule's defaults).
    static let outlierRule = #"{"method":"medianAbsoluteDeviation","madMultiple":3,"relativeShare":0.5,"minimumHistory":3}"#

    public static func seed(on database: any Database, now: Date) async throws {
        guard let office = try await User.query(on: database).filter(\.$username == "office").first()?.id else { return }
        try await seed(county: DemoCounty.countyCode.rawValue, by: office, now: now, on: database)
    }

    /// One county's two forms and its townships' reports; `years` of them for the benchmark
    /// seeder, or the periods the lagging view looks at (the demo).
    static func seed(county: String, by office: UUID, years: Int? = nil, now: Date, on database: any Database) async throws {
        let townships = try await Region.query(on: database).filter(\.$code >= county).filter(\.$code < county + "~").sort(\.$code).all()
            .filter { $0.code.count == RegionLevel.township.codeLength }.map(\.code)
        let monthly = try await form(
            code: "monthly", name: "食品安全监管工作月报（演示）", type: .monthly, fields: fields, rules: rules, dueDays: 10, county: county,
            on: database)
        try await seedSubmissions(
            form: monthly, type: .monthly, periods: years.map { $0 * 12 }, dueDays: 10, townships: townships, office: office, now: now, on: database
        ) {
            index, back in
            let seed = (index + 1) * 7 + back * 3
            let inspections = index == 3 && back == 1 ? 400 : 40 + seed
            return ["cases": Double(seed % 4), "complaints": Double(seed % 9 + 2), "failedSamples": Double(seed % 3),
                    "inspections": Double(inspections), "samples": Double(12 + seed % 7)]
        }
        let quarterly = try await form(
            code: "school-canteens", name: "学校食堂食品安全季报（演示）", type: .quarterly, fields: quarterlyFields, rules: quarterlyRules,
            dueDays: 15, county: county, on: database)
        try await seedSubmissions(
            form: quarterly, type: .quarterly, periods: years.map { $0 * 4 }, dueDays: 15, townships: townships, office: office, now: now,
            on: database
        ) {
            index, back in
            let canteens = Double(3 + index % 4)
            return ["canteens": canteens, "openKitchens": canteens - Double(back % 2), "accompaniedMeals": Double(50 + index * 3 + back)]
        }
    }

    private static func form(
        code: String, name: String, type: ReportPeriodType, fields: String, rules: String, dueDays: Int, county: String,
        on database: any Database
    ) async throws -> ReportForm {
        let form = ReportForm()
        form.code = code
        form.name = name
        form.regionCode = county
        form.fields = fields
        form.rules = rules
        form.dueDays = dueDays
        form.periodType = type.rawValue
        form.units = "[]"
        form.outlierRule = outlierRule
        try await form.create(on: database)
        return form
    }

    /// The last periods' reports, oldest first, so that each one's outlier check sees the ones before.
    private static func seedSubmissions(
        form: ReportForm, type: ReportPeriodType, periods: Int?, dueDays: Int, townships: [String], office: UUID, now: Date, on database: any Database,
        values: (_ township: Int, _ back: Int) -> [String: Double]
    ) async throws {
        let current = ReportPeriod(containing: now, type: type)
        let rule = OutlierRule()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // The periods already due, newest first: the story counts back from the last one due.
        let due = (1...(periods ?? type.window)).map { current.advanced(by: -$0) }.filter { $0.dueAt(daysAfterEnd: dueDays) < now }
        for (index, township) in townships.enumerated() {
            var history: [[String: Double]] = []
            for (back, period) in due.enumerated().reversed() {
                // Monthly: the last township misses the last two months due; quarterly: the last one.
                let missing = index == townships.count - 1 && back < (type == .monthly ? 2 : 1)
                if missing { continue }
                let late = type == .monthly && index == townships.count - 2 && back == 0
                let dueAt = period.dueAt(daysAfterEnd: dueDays)
                let reported = values(index, back + 1)
                let submission = ReportSubmission()
                submission.$form.id = try form.requireID()
                submission.regionCode = township
                submission.period = period.description
                submission.values = String(decoding: try encoder.encode(reported), as: UTF8.self)
                submission.warnings = "[]"
                submission.outliers = String(decoding: try encoder.encode(rule.flags(reported, history: history)), as: UTF8.self)
                // On time is three days before the due time; late is six days after it (or now, if sooner).
                let lateAt = min(dueAt.addingTimeInterval(6 * 86400), now)
                submission.submittedAt = (late ? lateAt : dueAt.addingTimeInterval(-3 * 86400)).storageRounded
                submission.$submittedBy.id = office
                try await submission.create(on: database)
                history.append(reported)
            }
        }
    }
}
