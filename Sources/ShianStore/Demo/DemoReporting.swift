import FluentKit
import Foundation
import ShianCore

/// The demo county's monthly report (食品安全监管工作月报): every township has reported the last six
/// months on time, except two — one has not reported September or October, the other reported
/// October late — so that the lagging view and the reporting metrics tell a story.
public enum DemoReporting {
    static let fields = #"[{"code":"inspections","label":"日常检查户次"},{"code":"samples","label":"抽检批次"},{"code":"failedSamples","label":"不合格批次"},{"code":"complaints","label":"投诉举报件数"},{"code":"cases","label":"立案件数"}]"#
    static let rules = #"[{"code":"failedWithinSamples","title":"不合格批次不能多于抽检批次","leftSide":{"fields":["failedSamples"]},"comparison":"<=","rightSide":{"fields":["samples"]},"importance":"high","missingValues":"skipIfAllValuesMissing"},{"code":"casesPlausible","title":"立案件数一般不多于投诉举报与检查发现之和","leftSide":{"fields":["cases"]},"comparison":"<=","rightSide":{"fields":["complaints","inspections"]},"importance":"low","missingValues":"skipIfAllValuesMissing"}]"#

    public static func seed(on database: any Database, now: Date) async throws {
        let county = DemoCounty.countyCode.rawValue
        guard let office = try await User.query(on: database).filter(\.$username == "office").first()?.id else { return }
        let form = ReportForm()
        form.code = "monthly"
        form.name = "食品安全监管工作月报（演示）"
        form.regionCode = county
        form.fields = fields
        form.rules = rules
        form.dueDay = 10
        try await form.create(on: database)
        let townships = try await Region.query(on: database).filter(\.$code >= county).filter(\.$code < county + "~").sort(\.$code).all()
            .filter { $0.code.count == RegionLevel.township.codeLength }.map(\.code)
        let calendar = Calendar.shanghai
        let current = calendar.dateComponents([.year, .month], from: now)
        for back in 1...6 {
            let total = (current.year ?? 2026) * 12 + (current.month ?? 1) - 1 - back
            let period = String(format: "%04d-%02d", total / 12, total % 12 + 1)
            // Due on the 10th of the following month; on time is three days before.
            let next = total + 1
            guard let due = calendar.date(from: DateComponents(year: next / 12, month: next % 12 + 1, day: 10, hour: 12)), due < now else { continue }
            for (index, township) in townships.enumerated() {
                let missing = index == townships.count - 1 && back <= 2
                if missing { continue }
                let late = index == townships.count - 2 && back == 1
                let submission = ReportSubmission()
                submission.$form.id = try form.requireID()
                submission.regionCode = township
                submission.period = period
                let seed = (index + 1) * 7 + back * 3
                submission.values = #"{"cases":\#(seed % 4),"complaints":\#(seed % 9 + 2),"failedSamples":\#(seed % 3),"inspections":\#(40 + seed),"samples":\#(12 + seed % 7)}"#
                submission.warnings = "[]"
                submission.submittedAt = (late ? due.addingTimeInterval(6 * 86400) : due.addingTimeInterval(-3 * 86400)).storageRounded
                submission.$submittedBy.id = office
                try await submission.create(on: database)
            }
        }
    }
}
