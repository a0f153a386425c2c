import Foundation
import Testing

@testable import ShianCore

@Suite("Produce certificates (承诺达标合格证)")
struct TraceProduceCertificateTests {
    /// 15:00 on 1 March 2025, China time.
    static let today = Date(timeIntervalSince1970: 1_740_812_400)

    static func draft(
        style: ProduceCertificateStyle = .producer, productName: String = "大白菜", quantity: Decimal? = 500, unit: String = "公斤",
        issuerName: String = "示范县东盛蔬菜专业合作社", contact: String = "13904330001", origin: String = "示范县东盛乡团结村",
        issuedOn: Date? = today, bases: Set<ProduceCertificateBasis> = [.qualityControl], sources: [String]? = nil
    ) -> ProduceCertificateDraft {
        ProduceCertificateDraft(
            style: style, productName: productName, quantity: quantity, unit: unit, issuerName: issuerName, contact: contact,
            origin: origin, issuedOn: issuedOn, bases: bases, sourceCertificateCodes: sources)
    }

    static let sourceA = "HGZ222499202503010000427"
    static let sourceB = "HGZ22249920250302000007V"

    @Test func aCompleteCertificateHasNoProblems() {
        #expect(Self.draft().problems(today: Self.today).isEmpty)
        #expect(Self.draft(contact: "0433-1234567", bases: [.ownTest, .commissionedTest]).problems(today: Self.today).isEmpty)
        #expect(
            Self.draft(style: .purchaser, issuerName: "示范县鑫源果蔬收购站", sources: [Self.sourceA, Self.sourceB])
                .problems(today: Self.today).isEmpty)
    }

    @Test func anEmptyFormNamesEveryMissingFieldInOrder() {
        let empty = Self.draft(
            productName: " ", quantity: nil, unit: "", issuerName: "", contact: "", origin: "\n", issuedOn: nil, bases: [])
        let problems = empty.problems(today: Self.today)
        #expect(
            problems.map(\.field) == ["productName", "quantity", "unit", "issuerName", "contact", "origin", "issuedOn", "basis"])
        #expect(Set(problems.map(\.code)) == ["fieldRequired"])
    }

    @Test(arguments: [
        (draft(quantity: 0), "quantityNotPositive", "quantity"),
        (draft(quantity: -3), "quantityNotPositive", "quantity"),
        (draft(contact: "12345"), "contactInvalid", "contact"),
        (draft(contact: "1390433000a"), "contactInvalid", "contact"),
        (draft(productName: String(repeating: "菜", count: 51)), "textTooLong", "productName"),
        (draft(origin: String(repeating: "村", count: 101)), "textTooLong", "origin"),
        (draft(unit: "公斤公斤公斤公斤公斤公斤"), "textTooLong", "unit"),
        // 00:30 on 2 March in China: tomorrow.
        (draft(issuedOn: Date(timeIntervalSince1970: 1_740_846_600)), "issueDateInFuture", "issuedOn"),
    ])
    func badFieldsSayWhy(draft: ProduceCertificateDraft, code: String, field: String) {
        let problems = draft.problems(today: Self.today)
        #expect(problems.map(\.code) == [code])
        #expect(problems.map(\.field) == [field])
    }

    @Test func lateTodayInChinaIsStillToday() {
        // 23:30 on 1 March in China is 15:30 UTC, the same day.
        #expect(Self.draft(issuedOn: Date(timeIntervalSince1970: 1_740_843_000)).problems(today: Self.today).isEmpty)
    }

    @Test(arguments: [
        (draft(style: .producer, sources: [sourceA]), ["reissueRequiresPurchaser"], ["style"]),
        (draft(style: .purchaser, sources: []), ["reissueSourcesMissing"], ["sourceCertificateCodes"]),
        (
            draft(style: .purchaser, sources: [sourceA, "hgz-222499-20250301-000042-7"]), ["reissueSourceDuplicate"],
            ["sourceCertificateCodes[1]"]
        ),
        (
            draft(style: .purchaser, sources: [sourceB, "HGZ222499202503010000426"]), ["produceCertificateCodeCheck"],
            ["sourceCertificateCodes[1]"]
        ),
        (
            draft(style: .purchaser, sources: ["CL222499202503010001239"]), ["produceCertificateCodePrefix"],
            ["sourceCertificateCodes[0]"]
        ),
        (
            draft(style: .producer, sources: []), ["reissueRequiresPurchaser", "reissueSourcesMissing"],
            ["style", "sourceCertificateCodes"]
        ),
    ])
    func reissuesLinkTheirSources(draft: ProduceCertificateDraft, codes: [String], fields: [String]) {
        let problems = draft.problems(today: Self.today)
        #expect(problems.map(\.code) == codes)
        #expect(problems.map(\.field) == fields)
    }

    @Test func theStylesCarryTheirFixedCommitments() {
        #expect(ProduceCertificateStyle.producer.commitments == ["未使用禁用农药、兽药及其他化合物", "使用的常规农药、兽药残留不超标"])
        #expect(ProduceCertificateStyle.purchaser.commitments.first == "已按规定收取并保存该批次农产品承诺达标合格证或者其他质量安全合格证明")
        #expect(ProduceCertificateStyle.purchaser.commitments.count == 2)
        #expect(ProduceCertificateBasis.allCases.map(\.chineseName) == ["质量安全控制符合要求", "自行检测合格", "委托检测合格"])
        #expect(ProduceCertificateBasis.allCases.map(\.rawValue) == ["qualityControl", "ownTest", "commissionedTest"])
    }
}
