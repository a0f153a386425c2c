import FluentKit
import Foundation
import ShianCore

/// The demo county's creation campaign, mid-way (deterministic, relative to `now`): the demo
/// standard loaded, every item assigned to its suggested lead unit (a few to townships), most items
/// approved, some submitted, some returned, some not started and overdue; recorded survey and
/// sampling figures with one veto item (satisfaction) only just above its threshold; the showcase
/// projects of `DemoShowcase`.
public enum DemoCreation {
    /// Items the demo hands to townships, with the township that leads them.
    static let townshipLeads: [String: String] = ["3.6": "222499201", "3.7": "222499202", "6.3": "222499101"]

    /// Returned items and why.
    static let returned: [String: String] = [
        "3.10": "应急演练记录缺少演练脚本和评估报告，请补充后重新提交。",
        "4.2": "学校食堂检查台账只有上半年，请补齐全年记录。",
        "5.4": "提交的链接无法打开，请上传检查表扫描件。",
    ]

    /// Recorded figures (numerator, denominator) for metrics no module computes yet.
    static let observations: [(MetricID, Double, Double?, String)] = [
        (.majorIncidentsInThreeYears, 0, nil, "县食安办事故台账（演示）"),
        (.publicSatisfaction, 72.4, nil, "第三方满意度测评（演示）"),
        (.creationAwareness, 812, 1_000, "第三方满意度测评（演示）"),
        (.creationSupport, 921, 1_000, "第三方满意度测评（演示）"),
        (.samplesPerThousandPeople, 1_690, 382_000, "县市场监管局抽检统计（演示）"),
        (.residueTestsPerThousandPeople, 905, 382_000, "县农业农村局定量检测统计（演示）"),
        (.evaluativeSamplingPassRate, 493, 500, "评价性抽检结果（演示）"),
        (.caseHandlingRate, 46, 46, "案件查办台账（演示）"),
        (.failedSampleHandlingRate, 12, 12, "不合格产品核查处置台账（演示）"),
        (.penaltyDisclosureRate, 38, 38, "行政处罚信息公开台账（演示）"),
        (.certificateCoverageAtMarketEntry, 871, 1_000, "农贸市场入场查验（演示）"),
        (.coldChainDocumentCompleteness, 64, 64, "进口冷链食品追溯平台（演示）"),
        (.schoolCanteenOpenKitchenCoverage, 41, 46, "学校食堂明厨亮灶（演示）"),
        (.reportingCompleteness, 134, 144, "数据报送统计（演示）"),
        (.reportingTimeliness, 118, 144, "数据报送统计（演示）"),
    ]

    public static func seed(on database: any Database, now: Date) async throws {
        let county = DemoCounty.countyCode.rawValue
        try await database.transaction { db in
            _ = try await StandardRecord.store(DemoStandard.document, regionCode: county, actor: .system, now: now, on: db)
            try await seedCampaign(county: county, townshipLeads: townshipLeads, now: now, on: db)
        }
    }

    /// One county's campaign on the demo standard (already stored): assignments, evidence in every
    /// state, showcase projects and this year's recorded figures. The benchmark seeder runs it for
    /// each of its counties.
    static func seedCampaign(county: String, townshipLeads: [String: String], now: Date, on db: any Database) async throws {
        let standard = DemoStandard.document
        let year = Calendar(identifier: .gregorian).component(.year, from: now)
        let day: TimeInterval = 86_400
        for (index, indicator) in standard.indicatorsInOrder.enumerated() {
            let assignment = IndicatorAssignment(regionCode: county, standardCode: standard.code, indicator: indicator, now: now)
            if let township = townshipLeads[indicator.number] { assignment.leadUnit = township }
            // Deadlines spread over the campaign; every seventh item is already late.
            assignment.deadline = now.addingTimeInterval(Double(index % 7 == 3 ? -10 : 20 + index % 60) * day).storageRounded
            try await assignment.create(on: db)
            // The showcase indicator scores its projects (DemoShowcase), not evidence.
            guard standard.takesEvidence(indicator) else { continue }
            let author = "demo"
            if let reason = returned[indicator.number] {
                let submission = try await submit(assignment, text: "已提交佐证材料。", by: author, at: now.addingTimeInterval(-9 * day), on: db)
                submission.decision = .returned
                submission.reason = reason
                submission.reviewedBy = "office"
                submission.reviewedAt = now.addingTimeInterval(-5 * day).storageRounded
                try await submission.save(on: db)
                assignment.status = .returned
                assignment.returnReason = reason
            } else if index % 7 == 3 {
                continue  // overdue and not started: the gaps a leader sees first
            } else if index % 5 == 1 {
                let submission = try await submit(assignment, text: "已按评价细则整理佐证材料，请审核。", by: author, at: now.addingTimeInterval(-3 * day), on: db)
                if let rule = indicator.deduction, index % 2 == 1 {
                    let deduction = rule.deduction(count: 1, reason: "自查发现1处问题，正在整改")
                    submission.deductionList = encode([deduction])
                    try await submission.save(on: db)
                    assignment.deductions = [deduction]
                }
                assignment.status = .submitted
            } else {
                let submission = try await submit(assignment, text: "佐证材料齐全。", by: author, at: now.addingTimeInterval(-30 * day), on: db)
                submission.decision = .approved
                submission.reviewedBy = "office"
                submission.reviewedAt = now.addingTimeInterval(-20 * day).storageRounded
                try await submission.save(on: db)
                assignment.status = .approved
                assignment.approvedAt = submission.reviewedAt
                assignment.approvedBy = "office"
            }
            try await assignment.save(on: db)
        }
        try await DemoShowcase.seed(county: county, standardCode: standard.code, now: now, on: db)
        for (metric, numerator, denominator, source) in observations {
            let observation = MetricObservation()
            observation.regionCode = county
            observation.metric = metric.rawValue
            observation.year = year
            observation.numerator = numerator
            observation.denominator = denominator
            observation.source = source
            observation.recordedBy = "system"
            observation.recordedAt = now.storageRounded
            try await observation.create(on: db)
        }
    }

    private static func submit(
        _ assignment: IndicatorAssignment, text: String, by author: String, at time: Date, on database: any Database
    ) async throws -> EvidenceSubmission {
        let submission = EvidenceSubmission()
        submission.$assignment.id = try assignment.requireID()
        submission.regionCode = assignment.regionCode
        submission.text = text
        submission.linkList = ""
        submission.deductionList = "[]"
        submission.submittedBy = author
        submission.submittedAt = time.storageRounded
        try await submission.create(on: database)
        return submission
    }

    private static func encode(_ deductions: [ScoreDeduction]) -> String {
        (try? JSONEncoder().encode(deductions)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
