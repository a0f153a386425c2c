import Foundation
import Testing

@testable import ShianCore

@Suite("Trace codes and produce certificate codes")
struct TraceCodeTests {
    static func day(_ year: Int, _ month: Int, _ day: Int, hour: Int = 10) -> Date {
        Calendar.shanghai.date(from: DateComponents(year: year, month: month, day: day, hour: hour)) ?? .distantPast
    }

    // Vectors from the GRid standard's example and an independent implementation (go-iso7064).
    @Test(arguments: [("A12425GABC1234002", "M"), ("RABD", "A"), ("X0H", "X"), ("9", "J"), ("WP8Z0", "9"), ("TBR", "1")])
    func mod37_36MatchesReferenceVectors(text: String, check: String) {
        #expect(CheckCharacterMod37_36.checkCharacter(for: text).map(String.init) == check)
    }

    @Test func mod37_36RefusesCharactersOutsideTheSet() {
        #expect(CheckCharacterMod37_36.checkCharacter(for: "AB-1") == nil)
        #expect(CheckCharacterMod37_36.checkCharacter(for: "ab1") == nil)
    }

    @Test func issuingGivesTheDocumentedFormat() throws {
        // Check characters computed outside Swift (a Python transcription of ISO/IEC 7064 MOD 37,36).
        let code = try TraceCode(county: RegionCode(literal: "222499"), codedAt: Self.day(2025, 3, 1), serial: 123)
        #expect(code.rawValue == "CL222499202503010001239")
        #expect(code.grouped == "CL-222499-20250301-000123-9")
        let lastSerial = try TraceCode(county: RegionCode(literal: "222499"), codedAt: Self.day(2024, 12, 31), serial: 999_999)
        #expect(lastSerial.rawValue == "CL22249920241231999999X")
    }

    @Test func theDayIsChinaTime() throws {
        // 23:30 UTC on 28 February 2024 is already 29 February in China.
        let lateUTC = Date(timeIntervalSince1970: 1_709_163_000)
        let code = try TraceCode(county: RegionCode(literal: "222499"), codedAt: lateUTC, serial: 1)
        #expect(code.rawValue == "CL22249920240229000001H")
        #expect(code.codedOn == DateComponents(year: 2024, month: 2, day: 29))
        #expect(code.codedOnDate() == Calendar.shanghai.date(from: DateComponents(year: 2024, month: 2, day: 29)))
    }

    @Test(arguments: [
        "CL222499202503010001239", " cl-222499-20250301-000123-9 ", "ＣＬ２２２４９９２０２５０３０１０００１２３９",
        "https://shian.example/trace/CL222499202503010001239", "https://shian.example/t/CL-222499-20250301-000123-9?from=qr",
    ])
    func parsingAcceptsTypedAndScannedForms(typed: String) throws {
        let code = try TraceCode(typed)
        #expect(code.rawValue == "CL222499202503010001239")
        #expect(code.county == RegionCode(literal: "222499"))
        #expect(code.serial == 123)
        #expect(code.codedOn == DateComponents(year: 2025, month: 3, day: 1))
    }

    @Test(arguments: [
        ("", "traceCodeLength"), ("C", "traceCodeLength"), ("CL22249920250301000123", "traceCodeLength"),
        ("CL2224992025030100012399", "traceCodeLength"),
        ("XL222499202503010001239", "traceCodePrefix"), ("HGZ22249920250301000042", "traceCodePrefix"),
        ("CL22249920250301000A239", "traceCodeCharacter"), ("CL22249920250301000123*", "traceCodeCharacter"),
        ("CL222499202503010001238", "traceCodeCheck"), ("CL222499202503100001239", "traceCodeCheck"),
        ("CL222400202503010000018", "traceCodeCounty"), ("CL22249920250230000001C", "traceCodeDate"),
        ("CL22249920250301000000V", "traceCodeSerial"),
    ])
    func invalidTraceCodesSayWhy(typed: String, failure: String) {
        do {
            _ = try TraceCode(typed)
            Issue.record("\(typed) should be refused")
        } catch {
            #expect(error.code == failure)
            #expect(error.field == "traceCode")
        }
    }

    @Test func aSwappedPairOfDigitsIsCaught() {
        // 20250301 → 20250310: the check character names the typing error.
        #expect(throws: ValidationFailure(code: "traceCodeCheck", field: "traceCode", arguments: ["9", "T"])) {
            try TraceCode("CL222499202503100001239")
        }
    }

    @Test func issuingRefusesWhatTheFormatCannotHold() {
        let day = Self.day(2025, 3, 1)
        #expect(throws: ValidationFailure(code: "traceCodeSerial", field: "traceCode", arguments: ["1000000"])) {
            try TraceCode(county: RegionCode(literal: "222499"), codedAt: day, serial: 1_000_000)
        }
        #expect(throws: ValidationFailure(code: "traceCodeSerial", field: "traceCode", arguments: ["0"])) {
            try TraceCode(county: RegionCode(literal: "222499"), codedAt: day, serial: 0)
        }
        #expect(throws: ValidationFailure(code: "traceCodeCounty", field: "traceCode", arguments: ["222401101"])) {
            try TraceCode(county: RegionCode(literal: "222401101"), codedAt: day, serial: 1)
        }
        #expect(throws: ValidationFailure(code: "traceCodeCounty", field: "traceCode", arguments: ["222400"])) {
            try TraceCode(county: RegionCode(literal: "222400"), codedAt: day, serial: 1)
        }
    }

    @Test func codesRoundTripThroughJSON() throws {
        let code = try TraceCode("CL222499202503010001239")
        let data = try JSONEncoder().encode([code])
        #expect(String(decoding: data, as: UTF8.self) == #"["CL222499202503010001239"]"#)
        #expect(try JSONDecoder().decode([TraceCode].self, from: data) == [code])
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode([TraceCode].self, from: Data(#"["CL222499202503010001238"]"#.utf8))
        }
    }

    @Test func certificateCodesHaveTheirOwnPrefix() throws {
        let code = try ProduceCertificateCode(county: RegionCode(literal: "222499"), issuedAt: Self.day(2025, 3, 1), serial: 42)
        #expect(code.rawValue == "HGZ222499202503010000427")
        #expect(code.grouped == "HGZ-222499-20250301-000042-7")
        #expect(try ProduceCertificateCode("hgz-222499-20250301-000042-7") == code)
        #expect(code.issuedOn == DateComponents(year: 2025, month: 3, day: 1))
        #expect(ProduceCertificateCode(validating: "CL222499202503010001239") == nil)
        #expect(TraceCode(validating: "HGZ222499202503010000427") == nil)
    }

    @Test(arguments: [
        ("HGZ22249920250301000042", "produceCertificateCodeLength"), ("CLZ222499202503010000427", "produceCertificateCodePrefix"),
        ("HGZ222499202503010000426", "produceCertificateCodeCheck"),
        ("HGZ2224992025030100004#7", "produceCertificateCodeCharacter"),
    ])
    func invalidCertificateCodesSayWhy(typed: String, failure: String) {
        do {
            _ = try ProduceCertificateCode(typed)
            Issue.record("\(typed) should be refused")
        } catch {
            #expect(error.code == failure)
            #expect(error.field == "produceCertificateCode")
        }
    }
}
