import Foundation
import Testing

@testable import ShianCore

/// One change to the valid fixture and the one problem it must cause.
struct DocumentFault: Sendable, CustomTestStringConvertible {
    let code: String
    let field: String
    let change: @Sendable (inout StandardDocument) -> Void

    init(_ code: String, _ field: String, _ change: @escaping @Sendable (inout StandardDocument) -> Void) {
        self.code = code
        self.field = field
        self.change = change
    }

    var testDescription: String { "\(code) at \(field)" }
}

@Suite("Standard document: validation, decoding, the documented format")
struct CreationStandardDocumentTests {
    static let faults: [DocumentFault] = [
        DocumentFault("formatVersionUnsupported", "formatVersion") { $0.formatVersion = 2 },
        DocumentFault("codeInvalid", "code") { $0.code = "demo standard" },
        DocumentFault("fieldRequired", "name") { $0.name = "  " },
        DocumentFault("partNumberDuplicate", "parts[1].number") {
            $0.parts[1].number = 1; $0.parts.append(StandardPart(number: 2, title: "二"))
        },
        DocumentFault("indicatorNumberDuplicate", "indicators[2].number") { $0.indicators[2].number = "1.2" },
        DocumentFault("indicatorNumberInvalid", "indicators[3].number") { $0.indicators[3].number = "2..1" },
        DocumentFault("partUnknown", "indicators[3].part") { $0.indicators[3].part = 9 },
        DocumentFault("fieldRequired", "indicators[3].title") { $0.indicators[3].title = "" },
        DocumentFault("fieldRequired", "indicators[3].evaluationMethods") { $0.indicators[3].evaluationMethods = [] },
        DocumentFault("pointsNegative", "indicators[3].points") { $0.indicators[3].points = -1 },
        DocumentFault("pointsNotPositive", "indicators[5].points") { $0.indicators[5].points = 0 },
        DocumentFault("vetoWithPoints", "indicators[0].points") { $0.indicators[0].points = 5 },
        DocumentFault("vetoWithoutThreshold", "indicators[0].thresholds") { $0.indicators[0].thresholds = [] },
        DocumentFault("vetoWithMetric", "indicators[0].metric") {
            $0.indicators[0].metric = MetricBinding(metric: .caseHandlingRate, comparison: .greaterOrEqual, target: 100)
        },
        DocumentFault("vetoWithDeduction", "indicators[0].deduction") {
            $0.indicators[0].deduction = DeductionRule(per: 1, unit: "case")
        },
        DocumentFault("thresholdOnNonVeto", "indicators[1].thresholds") {
            $0.indicators[1].thresholds = [MetricCondition(metric: .caseHandlingRate, comparison: .greaterOrEqual, target: 100)]
        },
        DocumentFault("metricUnknown", "indicators[2].metric.metric") { $0.indicators[2].metric?.metric = "samplesPerPerson" },
        DocumentFault("metricUnknown", "indicators[0].thresholds[1].metric") {
            $0.indicators[0].thresholds[1].metric = "happiness"
        },
        DocumentFault("metricFactorMismatch", "indicators[0].thresholds[1].factor") {
            $0.indicators[0].thresholds[1].factor = 100
        },
        DocumentFault("targetOutOfRange", "indicators[2].metric.target") { $0.indicators[2].metric?.target = 120 },
        DocumentFault("targetOutOfRange", "indicators[0].thresholds[0].target") { $0.indicators[0].thresholds[0].target = -5 },
        DocumentFault("targetOutOfRange", "indicators[2].metric.target") {
            $0.indicators[2].metric = MetricBinding(metric: .overdueRectificationOrders, comparison: .lessOrEqual, target: -1)
        },
        DocumentFault("proportionalNeedsFloorTarget", "indicators[2].metric.scoring") {
            $0.indicators[2].metric = MetricBinding(
                metric: .overdueRectificationOrders, comparison: .lessOrEqual, target: 0, scoring: .proportional)
        },
        DocumentFault("deductionPerNotPositive", "indicators[1].deduction.per") { $0.indicators[1].deduction?.per = 0 },
        DocumentFault("fieldRequired", "indicators[1].deduction.unit") { $0.indicators[1].deduction?.unit = "" },
        DocumentFault("deductionFloorOutOfRange", "indicators[4].deduction.floor") { $0.indicators[4].deduction?.floor = 5 },
        DocumentFault("deductionOnComputedIndicator", "indicators[2].deduction") {
            $0.indicators[2].deduction = DeductionRule(per: 1, unit: "order")
        },
        DocumentFault("fieldRequired", "indicators[3].leadUnit") { $0.indicators[3].leadUnit = " " },
        DocumentFault("supportingUnitIsLead", "indicators[4].supportingUnits[1]") {
            $0.indicators[4].supportingUnits.append("commerce")
        },
        DocumentFault("supportingUnitDuplicate", "indicators[4].supportingUnits[1]") {
            $0.indicators[4].supportingUnits.append("market")
        },
        DocumentFault("keyItemShareOutOfRange", "passRules.keyItemShare") { $0.passRules.keyItemShare = 1.5 },
        DocumentFault("passTotalOutOfRange", "passRules.totalAtLeast") { $0.passRules.totalAtLeast = 41 },
        DocumentFault("passTotalOutOfRange", "passRules.totalAtLeast") { $0.passRules.totalAtLeast = 0 },
        // 38 of 40 is reachable only with the 4 bonus points.
        DocumentFault("passTotalNeedsBonus", "passRules.totalAtLeast") { $0.passRules.totalAtLeast = 38 },
        DocumentFault("showcaseIndicatorUnknown", "showcaseIndicator") { $0.showcaseIndicator = "9.9" },
        DocumentFault("showcaseIndicatorIsVeto", "showcaseIndicator") { $0.showcaseIndicator = "1.1" },
        DocumentFault("showcaseIndicatorIsComputed", "showcaseIndicator") { $0.showcaseIndicator = "1.3" },
    ]

    @Test(arguments: faults)
    func eachFaultIsCaughtAtItsPath(fault: DocumentFault) {
        var document = CreationFixtures.standard
        fault.change(&document)
        // MUT
        let problems = document.validate()
        #expect(problems.map(\.code) == [fault.code])
        #expect(problems.map(\.field) == [fault.field])
    }

    @Test func everyProblemIsListedAtOnceInDocumentOrder() {
        var document = CreationFixtures.standard
        document.indicators[6].number = "1.2"
        document.indicators[3].points = -2
        document.passRules.keyItemShare = 0
        let problems = document.validate()
        // Renumbering 2.10 also leaves the showcase pointing at nothing.
        #expect(
            problems.map(\.field) == [
                "indicators[3].points", "indicators[6].number", "passRules.keyItemShare", "showcaseIndicator",
            ])
        #expect(problems[1].arguments == ["1.2", "indicators[1]"])
    }

    @Test func parseRefusesAnInvalidDocumentWithItsProblems() throws {
        var document = CreationFixtures.standard
        document.indicators[2].metric?.metric = "unknownMetric"
        document.indicators[3].part = 7
        let result = StandardDocument.parse(json: try document.json())
        guard case let .failure(problems) = result else {
            Issue.record("an invalid document was accepted")
            return
        }
        #expect(problems.failures.map(\.code) == ["metricUnknown", "partUnknown"])
    }

    @Test(
        arguments: [
            (#"{"formatVersion": 1, "code": "x""#, "jsonMalformed", nil),
            (#"[1, 2]"#, "valueTypeMismatch", nil),
            (
                #"{"formatVersion": 1, "code": "x", "version": "1", "name": "n", "parts": [], "passRules": {"keyItemShare": 0.6, "totalAtLeast": 1}}"#,
                "fieldRequired", "indicators"
            ),
        ] as [(String, String, String?)])
    func malformedFiles(json: String, code: String, field: String?) {
        guard case let .failure(problems) = StandardDocument.parse(json: Data(json.utf8)) else {
            Issue.record("accepted")
            return
        }
        #expect(problems.failures.map(\.code) == [code])
        #expect(problems.failures.first?.field == field)
    }

    @Test(arguments: [
        // The encoder writes `"key" : value`.
        (#""kind" : "basic""#, #""kind" : "optional""#, "valueInvalid", "indicators[3].kind"),
        (#""points" : 5,"#, #""points" : "five","#, "valueTypeMismatch", "indicators[3].points"),
        (#""comparison" : ">=""#, #""comparison" : "=>""#, "valueInvalid", "indicators[0].thresholds[0].comparison"),
    ])
    func decodingErrorsNameTheirPath(original: String, replacement: String, code: String, field: String) throws {
        let json = try #require(String(data: try CreationFixtures.standard.json(), encoding: .utf8))
        let range = try #require(json.range(of: original))
        let broken = json.replacingCharacters(in: range, with: replacement)
        guard case let .failure(problems) = StandardDocument.parse(json: Data(broken.utf8)) else {
            Issue.record("accepted")
            return
        }
        #expect(problems.failures.map(\.code) == [code])
        #expect(problems.failures.first?.field == field)
    }

    @Test func roundTrip() throws {
        let json = try CreationFixtures.standard.json()
        #expect(try StandardDocument.parse(json: json).get() == CreationFixtures.standard)
        #expect(try CreationFixtures.standard.json() == json, "export is byte-for-byte stable")
    }

    @Test func optionalFieldsMayBeLeftOut() throws {
        let json = #"""
            {"formatVersion": 1, "code": "mini", "version": "1", "name": "最小标准",
             "parts": [{"number": 1, "title": "一"}],
             "indicators": [{"number": "1.1", "part": 1, "title": "甲", "evaluationMethods": ["documentReview"], "points": 2, "kind": "key",
                             "deduction": {"per": 0.5, "unit": "finding"}}],
             "passRules": {"keyItemShare": 0.6, "totalAtLeast": 1}}
            """#
        let document = try StandardDocument.parse(json: Data(json.utf8)).get()
        #expect(!document.isDemo)
        #expect(document.indicators[0].deduction?.floor == 0)
        #expect(document.indicators[0].supportingUnits.isEmpty)
        #expect(document.indicators[0].standardText == "")
    }

    @Test func theDocumentedExampleIsWhatTheDecoderAccepts() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/standard-format.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let blocks = text.components(separatedBy: "```json\n").dropFirst().compactMap {
            $0.components(separatedBy: "\n```").first
        }
        let example = try #require(blocks.first)
        let document = try StandardDocument.parse(json: Data(example.utf8)).get()
        #expect(document.indicators.count == 4)
        #expect(document.indicators.map(\.kind) == [.veto, .key, .basic, .bonus])
        #expect(document.indicators[1].metric?.effectiveScoring == .proportional)
    }
}
