import Testing

@testable import ShianCore

@Suite("Four-no gate (四不)")
struct TraceFourNoGateTests {
    /// Every combination of the three certificates, with what is missing written out by hand.
    static let certificateCombinations: [(present: Set<ImportDocumentKind>, missing: [String])] = [
        ([.inspectionQuarantine, .nucleicAcidTest, .disinfection], []),
        ([.nucleicAcidTest, .disinfection], ["inspectionQuarantine"]),
        ([.inspectionQuarantine, .disinfection], ["nucleicAcidTest"]),
        ([.inspectionQuarantine, .nucleicAcidTest], ["disinfection"]),
        ([.disinfection], ["inspectionQuarantine", "nucleicAcidTest"]),
        ([.nucleicAcidTest], ["inspectionQuarantine", "disinfection"]),
        ([.inspectionQuarantine], ["nucleicAcidTest", "disinfection"]),
        ([], ["inspectionQuarantine", "nucleicAcidTest", "disinfection"]),
    ]

    static let gatedTypes: [TraceEventType] = [.receive, .store, .ship, .sell, .split, .process]

    @Test func theGateCoversEveryTypeButDestruction() {
        #expect(TraceEventType.allCases.filter(\.passesFourNoGate) == Self.gatedTypes)
    }

    @Test(arguments: certificateCombinations, gatedTypes)
    func withATraceCodeTheMissingCertificatesAreNamedInOrder(
        combination: (present: Set<ImportDocumentKind>, missing: [String]), type: TraceEventType
    ) {
        #expect(FourNoGate.missing(documents: combination.present, hasTraceCode: true, eventType: type) == combination.missing)
    }

    @Test(arguments: certificateCombinations, gatedTypes)
    func withoutATraceCodeItIsNamedLast(combination: (present: Set<ImportDocumentKind>, missing: [String]), type: TraceEventType)
    {
        let missing = FourNoGate.missing(documents: combination.present, hasTraceCode: false, eventType: type)
        #expect(missing == combination.missing + ["traceCode"])
    }

    @Test(arguments: certificateCombinations, [true, false])
    func destructionIsNeverStopped(combination: (present: Set<ImportDocumentKind>, missing: [String]), hasTraceCode: Bool) {
        #expect(FourNoGate.missing(documents: combination.present, hasTraceCode: hasTraceCode, eventType: .dispose).isEmpty)
    }

    @Test func aRefusalIsTheAPIsErrorWithTheMissingKinds() {
        // The contract: 422 with error.code "missingImportDocuments" and the missing kinds.
        #expect(throws: ValidationFailure(code: "missingImportDocuments", field: "documents", arguments: ["disinfection"])) {
            try FourNoGate.check(documents: [.inspectionQuarantine, .nucleicAcidTest], hasTraceCode: true, eventType: .sell)
        }
        #expect(throws: Never.self) {
            try FourNoGate.check(documents: Set(ImportDocumentKind.allCases), hasTraceCode: true, eventType: .sell)
        }
    }

    @Test func kindsKeepTheirAPINamesAndChineseNames() {
        #expect(ImportDocumentKind.allCases.map(\.rawValue) == ["inspectionQuarantine", "nucleicAcidTest", "disinfection"])
        #expect(ImportDocumentKind.allCases.map(\.chineseName) == ["检验检疫证明", "核酸检测证明", "消毒证明"])
        #expect(ImportDocumentKind.allCases.sorted(by: >).sorted() == ImportDocumentKind.allCases)
    }

    @Test(arguments: [
        (TraceEventType.receive, "urn:epcglobal:cbv:bizstep:receiving", "urn:epcglobal:cbv:disp:in_progress"),
        (.store, "urn:epcglobal:cbv:bizstep:storing", "urn:epcglobal:cbv:disp:sellable_not_accessible"),
        (.ship, "urn:epcglobal:cbv:bizstep:shipping", "urn:epcglobal:cbv:disp:in_transit"),
        (.sell, "urn:epcglobal:cbv:bizstep:retail_selling", "urn:epcglobal:cbv:disp:retail_sold"),
        (.split, "urn:epcglobal:cbv:bizstep:repackaging", "urn:epcglobal:cbv:disp:active"),
        (.process, "urn:epcglobal:cbv:bizstep:commissioning", "urn:epcglobal:cbv:disp:active"),
        (.dispose, "urn:epcglobal:cbv:bizstep:destroying", "urn:epcglobal:cbv:disp:destroyed"),
    ])
    func eventTypesMapToCBV(type: TraceEventType, bizStep: String, disposition: String) {
        #expect(type.bizStep == bizStep)
        #expect(type.disposition == disposition)
        #expect(TraceEventType(bizStep: bizStep) == type)
        #expect(TraceEventType(bizStep: String(bizStep.split(separator: ":").last ?? "")) == type)
    }

    @Test func unknownStepsHaveNoType() {
        #expect(TraceEventType(bizStep: "urn:epcglobal:cbv:bizstep:inspecting") == nil)
        #expect(TraceEventType(bizStep: "urn:epcglobal:cbv:disp:receiving") == nil)
    }
}
