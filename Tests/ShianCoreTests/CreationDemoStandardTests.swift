import Foundation
import Testing

@testable import ShianCore

@Suite("Demo standard: 94 indicators, the documented veto thresholds")
struct CreationDemoStandardTests {
    let document = DemoStandard.document

    @Test func validatesClean() {
        #expect(document.validate() == [])
        #expect(document.isDemo)
    }

    @Test func has94IndicatorsWithUniqueNumbersInEveryPart() {
        #expect(document.indicators.count == 94)
        #expect(Set(document.indicators.map(\.number)).count == 94)
        let parts = Set(document.parts.map(\.number))
        #expect(Set(document.indicators.map(\.part)) == parts, "no part is empty")
        #expect(document.indicators.allSatisfy { IndicatorNumber.components($0.number)?.first == $0.part })
    }

    @Test func pointsFollowTheJiangsuStructurePlusForty() {
        func points(_ kind: IndicatorKind) -> Double {
            document.indicators.filter { $0.kind == kind }.reduce(0) { $0 + $1.points }
        }
        func count(_ kind: IndicatorKind) -> Int { document.indicators.filter { $0.kind == kind }.count }
        let showcase = document.indicators.first { $0.number == document.showcaseIndicator }
        #expect(showcase?.points == 40)
        #expect(points(.key) == 58)
        #expect(points(.basic) - (showcase?.points ?? 0) == 42)
        #expect(points(.bonus) == 16)
        #expect(document.maxScore == 156)
        #expect([count(.veto), count(.key), count(.basic), count(.bonus)] == [4, 30, 51, 9] as [Int])
        #expect(document.passRules == PassRules(keyItemShare: 0.6, totalAtLeast: 90))
    }

    @Test(arguments: [
        ("1.1", MetricID.majorIncidentsInThreeYears, Comparison.lessOrEqual, 0.0),
        ("1.2", .publicSatisfaction, .greaterOrEqual, 70),
        ("1.2", .creationAwareness, .greaterOrEqual, 75),
        ("1.2", .creationSupport, .greaterOrEqual, 85),
        ("1.3", .samplesPerThousandPeople, .greaterOrEqual, 4),
        ("1.3", .residueTestsPerThousandPeople, .greaterOrEqual, 2),
        ("1.4", .caseHandlingRate, .greaterOrEqual, 100),
        ("1.4", .failedSampleHandlingRate, .greaterOrEqual, 100),
        ("1.4", .penaltyDisclosureRate, .greaterOrEqual, 100),
    ])
    func vetoThresholdsAreTheDocumentedNumbers(number: String, metric: MetricID, comparison: Comparison, target: Double) throws {
        let indicator = try #require(document.indicators.first { $0.number == number })
        #expect(indicator.kind == .veto)
        let condition = try #require(indicator.thresholds.first { $0.metric == metric })
        #expect(condition.comparison == comparison)
        #expect(condition.target == target)
    }

    @Test func exactlyTheFourDocumentedVetoItems() {
        let veto = document.indicators.filter { $0.kind == .veto }
        #expect(veto.map(\.number) == ["1.1", "1.2", "1.3", "1.4"])
        #expect(veto.map(\.thresholds.count) == [1, 3, 2, 3])
    }

    @Test func samplesPerThousandPeopleReadsPerThousand() throws {
        let definition = try #require(MetricDefinition.byID[.samplesPerThousandPeople])
        // 380 samples in a county of 100,000: 3.8 per thousand, below the veto floor of 4.
        let value = definition.value(numerator: 380, denominator: 100_000)
        let condition = try #require(document.indicators.first { $0.number == "1.3" }?.thresholds.first)
        #expect(condition.isMet(by: value) == false)
        #expect(condition.isMet(by: definition.value(numerator: 400, denominator: 100_000)) == true)
    }

    @Test func leadAndSupportingUnitsAreDemoCountyDepartments() {
        let departments = Set(DemoCounty.departments.map(\.code))
        for indicator in document.indicators {
            #expect(indicator.leadUnit.map(departments.contains) == true, "\(indicator.number)")
            #expect(indicator.supportingUnits.allSatisfy(departments.contains), "\(indicator.number)")
        }
    }

    @Test func titlesAreChinese() {
        let han = { (text: String) in text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        #expect(document.indicators.allSatisfy { han($0.title) && han($0.standardText) && han($0.ruleText) })
        #expect(document.parts.allSatisfy { han($0.title) })
    }

    @Test func exportsAndImportsUnchanged() throws {
        let json = try document.json()
        #expect(try StandardDocument.parse(json: json).get() == document)
    }

    @Test func anEmptyCountyFailsWithEveryVetoWithoutData() {
        let forecast = Forecast.make(standard: document, states: [:], options: ForecastOptions(now: CreationFixtures.now))
        #expect(forecast.projectedScore == 0)
        #expect(forecast.maxScore == 156)
        #expect(!forecast.passes)
        #expect(forecast.vetoRisks.map(\.state) == [.noData, .noData, .noData, .noData])
        #expect(forecast.keyItemShortfalls.count == 30)
        // The 40 showcase points are the largest gap.
        #expect(forecast.topGaps.first?.indicatorId == "8.1")
        #expect(forecast.topGaps.count == 10)
    }
}
