import Foundation
import Testing

@testable import ShianCore

@Suite("Inspection scoring, deadlines, risk grades and credit")
struct InspectionRuleTests {
    typealias Item = InspectionScoring.Item

    @Test(arguments: [
        ([Item(severity: .critical, points: 10, outcome: .compliant), Item(severity: .general, points: 5, outcome: .compliant)], 100, InspectionResult.pass),
        ([Item(severity: .critical, points: 10, outcome: .nonCompliant), Item(severity: .general, points: 90, outcome: .compliant)], 90, .fail),
        ([Item(severity: .critical, points: 10, outcome: .nonCompliant, correctedOnSite: true), Item(severity: .general, points: 90, outcome: .compliant)], 90, .passWithConditions),
        ([Item(severity: .major, points: 50, outcome: .nonCompliant), Item(severity: .general, points: 50, outcome: .compliant)], 50, .fail),
        ([Item(severity: .general, points: 10, outcome: .nonCompliant), Item(severity: .general, points: 90, outcome: .compliant)], 90, .passWithConditions),
        // Not applicable and not observed leave the denominator.
        ([Item(severity: .critical, points: 50, outcome: .notApplicable), Item(severity: .major, points: 50, outcome: .notObserved),
          Item(severity: .general, points: 10, outcome: .compliant)], 100, .pass),
        ([], 100, .pass),
    ])
    func scoring(items: [Item], score: Int, result: InspectionResult) {
        let evaluation = InspectionScoring.evaluate(items)
        #expect(evaluation.score == score)
        #expect(evaluation.result == result)
    }

    @Test(arguments: [(Severity.critical, 3), (.major, 10), (.general, 30)])
    func deadlinesBySeverity(severity: Severity, days: Int) throws {
        let issued = try #require(BusinessDraft.parseDate("2026-11-30")).addingTimeInterval(10 * 3600)
        let deadline = RectificationPolicy().deadline(for: severity, issued: issued)
        let lastDay = try #require(Calendar.shanghai.date(byAdding: .day, value: days, to: Calendar.shanghai.startOfDay(for: issued)))
        #expect(Calendar.shanghai.isDate(deadline, inSameDayAs: lastDay))
        #expect(deadline > lastDay.addingTimeInterval(86_000))
    }

    @Test(arguments: [
        (RiskGrading.Record(category: .smallGrocery), RiskGrade.a),
        (RiskGrading.Record(category: .caterer), .b),
        (RiskGrading.Record(category: .caterer, lastResult: .passWithConditions), .b),
        (RiskGrading.Record(category: .caterer, lastResult: .fail), .c),
        (RiskGrading.Record(category: .schoolCanteen, vulnerableConsumers: true), .d),
        (RiskGrading.Record(category: .smallEatery, lastResult: .fail, criticalFindingsLastYear: 1), .c),
        (RiskGrading.Record(category: .smallEatery, lastResult: .fail, criticalFindingsLastYear: 2), .d),
        (RiskGrading.Record(category: .retailer, overdueOrders: 5), .b),
        // An open order keeps the hazard in the grade until it is verified closed.
        (RiskGrading.Record(category: .smallEatery, lastResult: .fail, criticalFindingsLastYear: 1, openOrders: 1), .d),
        (RiskGrading.Record(category: .retailer, openOrders: 3), .b),
    ])
    func riskGrades(record: RiskGrading.Record, grade: RiskGrade) {
        #expect(RiskGrading.grade(record).grade == grade)
    }

    @Test(arguments: [(RiskGrade.a, 1, 365), (.b, 2, 182), (.c, 3, 121), (.d, 4, 91)])
    func inspectionFrequency(grade: RiskGrade, perYear: Int, days: Int) throws {
        #expect(grade.inspectionsPerYear == perYear)
        let last = try #require(BusinessDraft.parseDate("2026-01-01"))
        let due = RiskGrading.nextDue(after: last, grade: grade, now: last)
        #expect(Calendar.shanghai.dateComponents([.day], from: last, to: due).day == days)
    }

    @Test(arguments: [
        (CreditScoring.Record(), 100, "A", false),
        (CreditScoring.Record(conditionalPassesLast24Months: 2, overdueOrders: 1), 80, "B", false),
        (CreditScoring.Record(failsLast24Months: 2, overdueOrders: 1), 60, "C", false),
        (CreditScoring.Record(failsLast24Months: 3, overdueOrders: 2, criticalFindingsLastYear: 3), 20, "D", true),
        (CreditScoring.Record(unansweredOrders: 1, unverifiedOrders: 1, rejectedAnswersLast24Months: 2), 83, "B", false),
    ])
    func credit(record: CreditScoring.Record, score: Int, grade: String, serious: Bool) {
        let result = CreditScoring.score(record)
        #expect(result.score == score && result.grade == grade && result.seriousViolator == serious)
    }
}

@Suite("Evidence files are known by their bytes")
struct FileKindTests {
    @Test(arguments: [
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], FileKind.jpeg), ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], .png),
        (Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), .webp), (Array("%PDF-1.7\n".utf8), .pdf),
    ] as [([UInt8], FileKind)])
    func known(bytes: [UInt8], kind: FileKind) {
        #expect(FileKind.sniff(bytes) == kind)
    }

    @Test(arguments: [Array("<script>alert(1)</script>".utf8), [0xFF, 0xD8], [], Array("RIFF1234WAVE".utf8), Array("%PDF".utf8)])
    func unknownOrTruncated(bytes: [UInt8]) {
        #expect(FileKind.sniff(bytes) == nil)
    }
}
