import Foundation
import Testing

@testable import ShianCore

@Suite("Data reporting: validation rules, outliers, completeness and timeliness")
struct CreationReportingTests {
    static let openKitchens = ReportValidationRule(
        code: "openKitchensWithinSchools", title: "明厨亮灶学校数不超过学校数",
        leftSide: ReportExpression(fields: ["openKitchenSchools"]), comparison: .lessOrEqual,
        rightSide: ReportExpression(fields: ["schools"]), importance: .high)
    static let samples = ReportValidationRule(
        code: "samplesReachPlan", title: "抽检批次达到计划",
        leftSide: ReportExpression(fields: ["samplesPlanned", "samplesExtra"]), comparison: .greaterOrEqual,
        rightSide: ReportExpression(constant: 100), importance: .medium)
    static let schools = ReportValidationRule(
        code: "schoolsReported", title: "学校数不为零", leftSide: ReportExpression(fields: ["schools"]), comparison: .notEqual,
        rightSide: ReportExpression(constant: 0), importance: .low)

    @Test func violationsHighImportanceFirst() {
        let values = ["schools": 10.0, "openKitchenSchools": 12, "samplesPlanned": 60, "samplesExtra": 30]
        // MUT: rules listed low, medium, high.
        let violations = ReportValidationRule.violations([Self.schools, Self.samples, Self.openKitchens], values: values)
        #expect(violations.map(\.ruleCode) == ["openKitchensWithinSchools", "samplesReachPlan"])
        #expect(violations.map(\.importance) == [.high, .medium])
        #expect(violations[1].leftValue == 90 && violations[1].rightValue == 100)
    }

    @Test func aReportThatKeepsTheRulesHasNoViolations() {
        let values = ["schools": 10.0, "openKitchenSchools": 10, "samplesPlanned": 100]
        #expect(ReportValidationRule.violations([Self.schools, Self.samples, Self.openKitchens], values: values).isEmpty)
    }

    @Test(
        arguments: [
            // Left side all missing: skipped by default, checked as 0 when never skipped.
            (MissingValueStrategy.skipIfAllValuesMissing, ["samplesExtra": 50.0], false),
            (.skipIfAllValuesMissing, [:], false),
            (.neverSkip, [:], true),
            // One of two fields missing.
            (.skipIfAnyValueMissing, ["samplesPlanned": 50], false),
            (.skipIfAllValuesMissing, ["samplesPlanned": 50], true),
        ] as [(MissingValueStrategy, [String: Double], Bool)])
    func missingValues(strategy: MissingValueStrategy, values: [String: Double], violated: Bool) {
        var rule = Self.samples
        rule.missingValues = strategy
        if strategy == .skipIfAllValuesMissing && values == ["samplesExtra": 50] {
            rule.leftSide = ReportExpression(fields: ["samplesPlanned"])
        }
        #expect((rule.violation(values) != nil) == violated)
    }

    @Test func ruleProblemsNameUnknownFields() {
        let problems = Self.samples.problems(knownFields: ["samplesPlanned"], path: "rules[1]")
        #expect(
            problems == [
                ValidationFailure(code: "reportFieldUnknown", field: "rules[1].leftSide.fields[1]", arguments: ["samplesExtra"])
            ])
        let empty = ReportValidationRule(
            code: "", title: "", leftSide: ReportExpression(constant: 1), comparison: .equal,
            rightSide: ReportExpression(constant: 1),
            importance: .low)
        #expect(empty.problems(knownFields: []).map(\.code) == ["fieldRequired", "ruleWithoutFields"])
    }

    @Test(
        arguments: [
            // Median 100, MAD 5: a value may lie 15 from the median.
            (OutlierRule(), [100.0, 110, 90, 105, 95], 116.0, true as Bool?),
            (OutlierRule(), [100, 110, 90, 105, 95], 115, false),
            (OutlierRule(), [100, 110, 90, 105, 95], 84, true),
            (OutlierRule(madMultiple: 4), [100, 110, 90, 105, 95], 116, false),
            // A constant history has no spread: ±50 % of the median instead.
            (OutlierRule(), [12, 12, 12], 18, false),
            (OutlierRule(), [12, 12, 12], 19, true),
            (OutlierRule(method: .relativeToMedian), [200, 220, 180], 299, false),
            (OutlierRule(method: .relativeToMedian), [200, 220, 180], 301, true),
            (OutlierRule(method: .relativeToMedian, relativeShare: 0.2), [200, 220, 180], 250, true),
            (OutlierRule(), [0, 0, 0], 1, true),
            // Too little history to judge.
            (OutlierRule(), [5, 6], 600, nil),
            (OutlierRule(minimumHistory: 2), [5, 6], 600, true),
        ] as [(OutlierRule, [Double], Double, Bool?)])
    func outliers(rule: OutlierRule, history: [Double], value: Double, outlier: Bool?) {
        #expect(rule.check(value, history: history)?.isOutlier == outlier)
    }

    @Test func outlierCheckReportsTheMedianAndTheAllowance() throws {
        let check = try #require(OutlierRule().check(130, history: [95, 100, 105, 90, 110]))
        #expect(check.median == 100)
        #expect(check.allowedDeviation == 15)
    }

    @Test func completenessAndTimelinessPerUnitLaggingFirst() throws {
        let calendar = Calendar.shanghai
        func day(_ day: Int) throws -> Date { try #require(calendar.date(from: DateComponents(year: 2023, month: 6, day: day))) }
        let now = try day(20)
        let expectations = [
            ReportExpectation(unit: "城关镇", period: "2023-01", dueAt: try day(1), submittedAt: try day(1)),
            ReportExpectation(unit: "城关镇", period: "2023-02", dueAt: try day(2), submittedAt: try day(2)),
            ReportExpectation(unit: "城关镇", period: "2023-03", dueAt: try day(3), submittedAt: try day(3)),
            ReportExpectation(unit: "青山乡", period: "2023-01", dueAt: try day(1), submittedAt: try day(1)),
            ReportExpectation(unit: "青山乡", period: "2023-02", dueAt: try day(2), submittedAt: try day(5)),
            ReportExpectation(unit: "青山乡", period: "2023-03", dueAt: try day(3), submittedAt: nil),
            ReportExpectation(unit: "青山乡", period: "2023-04", dueAt: try day(30), submittedAt: nil),
            ReportExpectation(unit: "和平乡", period: "2023-04", dueAt: try day(30), submittedAt: nil),
        ]
        // MUT
        let rates = ReportingRates.compute(expectations, now: now)
        #expect(rates.map(\.unit) == ["青山乡", "城关镇", "和平乡"])
        let lagging = rates[0]
        #expect([lagging.expected, lagging.submitted, lagging.onTime] == [3, 2, 1] as [Int])
        #expect(lagging.completeness == 66.67)
        #expect(lagging.timeliness == 33.33)
        #expect(lagging.missingPeriods == ["2023-03"])
        #expect(rates[1].completeness == 100 && rates[1].timeliness == 100)
        #expect(rates[2].completeness == nil && rates[2].expected == 0)
        let completeness = try #require(lagging.metricValues[.reportingCompleteness])
        #expect(completeness.numerator == 2 && completeness.denominator == 3)
    }

    @Test(arguments: [
        (0.0, 0.0 as Double?, 10.0, ReportSubmissionStatus.onTime),
        (0, 1, 10, .late),
        (0, nil, 10, .missing),
        (0, nil, -10, .pending),
    ])
    func submissionStatus(due: Double, submitted: Double?, now: Double, status: ReportSubmissionStatus) {
        let base = CreationFixtures.now
        let result = ReportSubmissionStatus.of(
            dueAt: base.addingTimeInterval(due), submittedAt: submitted.map { base.addingTimeInterval($0) },
            now: base.addingTimeInterval(now))
        #expect(result == status)
    }
}
