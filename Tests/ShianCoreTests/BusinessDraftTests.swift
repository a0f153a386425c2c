import Foundation
import Testing

@testable import ShianCore

@Suite("Business records and the three smalls")
struct BusinessDraftTests {
    static let good: [String: String] = [
        "name": "老街羊肉米线", "creditCode": "91110108551385082Q", "category": "smallEatery", "gridCode": "222499101001001",
        "address": "示范县城关镇人民路18号", "contactPhone": "13904330001", "areaSquareMetres": "25",
        "permitValidFrom": "2025-01-01", "permitValidUntil": "2028-01-01",
    ]

    @Test func validRecordPasses() throws {
        let draft = try BusinessDraft.validate(Self.good, rules: .jilin).get()
        #expect(draft.category == .smallEatery)
        #expect(draft.permitKind == .registration)
        #expect(draft.regionCode.level == .grid)
    }

    @Test(arguments: [
        ("creditCode", "91110108551385082A", "creditCodeCheck"), ("category", "bakery", "categoryInvalid"),
        ("gridCode", "222499", "gridCodeTooWide"), ("gridCode", "abc", "regionCodeNotDigits"), ("name", "", "fieldRequired"),
        ("contactPhone", "12345", "phoneInvalid"), ("permitValidUntil", "2024-02-30", "dateInvalid"),
        ("permitValidUntil", "2024-12-31", "permitEndsBeforeStart"), ("areaSquareMetres", "big", "numberInvalid"),
        ("status", "sleeping", "statusInvalid"),
    ])
    func badFieldIsNamed(field: String, value: String, code: String) {
        var fields = Self.good
        fields[field] = value
        guard case .failure(let failures) = BusinessDraft.validate(fields, rules: .jilin) else {
            Issue.record("\(field)=\(value) should fail")
            return
        }
        #expect(failures.failures.contains { $0.code == code }, "\(failures.failures)")
        #expect(failures.failures.allSatisfy { $0.field != nil })
    }

    @Test func everyProblemOfARecordIsReported() {
        guard case .failure(let failures) = BusinessDraft.validate(["name": "x"], rules: .jilin) else {
            Issue.record("should fail")
            return
        }
        #expect(Set(failures.failures.compactMap(\.field)) == ["address", "category", "gridCode"])
    }

    @Test func provinceAreaLimitsAreConfiguration() throws {
        var fields = Self.good
        fields["areaSquareMetres"] = "45"
        #expect((try? BusinessDraft.validate(fields, rules: .jilin).get()) != nil, "Jilin sets no area limit")
        guard case .failure(let failures) = BusinessDraft.validate(fields, rules: .gansu) else {
            Issue.record("Gansu limits a small eatery to 30 m²")
            return
        }
        #expect(failures.failures.first?.code == "areaAboveLimit")
    }

    @Test(arguments: [
        (BusinessCategory.smallWorkshop, PermitKind.registration), (.smallEatery, .registration), (.smallGrocery, .filing),
        (.streetVendor, .filing), (.caterer, .licence), (.farmProducer, .none),
    ])
    func jilinPermits(category: BusinessCategory, permit: PermitKind) {
        #expect(SmallBusinessRules.jilin.permit(for: category) == permit)
    }

    @Test func chineseNamesAreAccepted() throws {
        var fields = Self.good
        fields["category"] = "小食杂店"
        fields["status"] = "停业"
        let draft = try BusinessDraft.validate(fields, rules: .jilin).get()
        #expect(draft.category == .smallGrocery && draft.status == .suspended)
    }

    @Test(arguments: [(-1, PermitExpiry.expired), (0, .within30Days), (30, .within30Days), (31, .within60Days), (75, .within90Days), (91, .valid)])
    func expiryBands(days: Int, band: PermitExpiry) throws {
        let today = try #require(BusinessDraft.parseDate("2026-11-30"))
        let until = try #require(Calendar.shanghai.date(byAdding: .day, value: days, to: today))
        #expect(PermitExpiry.of(validUntil: until, today: today) == band)
    }
}

@Suite("Province rules as configuration")
struct SmallBusinessRulesFileTests {
    @Test func rulesReadFromJSON() throws {
        let json = #"{"province":"62","categories":{"smallEatery":{"permit":"registration","maximumArea":30,"validityYears":3},"streetVendor":{"permit":"filing","validityYears":1}}}"#
        let rules = try JSONDecoder().decode(SmallBusinessRules.self, from: Data(json.utf8))
        #expect(rules.categories[.smallEatery]?.maximumArea == 30)
        #expect(rules.permit(for: .streetVendor) == .filing)
        #expect(throws: ValidationFailure.self) { try rules.checkArea(31, category: .smallEatery) }
        let encoded = try JSONEncoder().encode(SmallBusinessRules.gansu)
        #expect(try JSONDecoder().decode(SmallBusinessRules.self, from: encoded) == .gansu)
    }
}

@Suite("Dates as typed")
struct DateParsingTests {
    @Test(arguments: [("2026-11-30", "2026-11-30"), ("2026/1/5", "2026-01-05"), ("2026.02.28", "2026-02-28"), ("46356", "2026-11-30")])
    func parses(text: String, day: String) throws {
        let date = try #require(BusinessDraft.parseDate(text))
        let parts = Calendar.shanghai.dateComponents([.year, .month, .day], from: date)
        #expect(String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0) == day)
    }

    @Test(arguments: ["2026-02-30", "30/11/2026", "tomorrow", "123", "2026-13-01"])
    func refuses(text: String) {
        #expect(BusinessDraft.parseDate(text) == nil)
    }
}
