import Testing

@testable import ShianCore

@Suite("Unified social credit code (GB 32100-2015)")
struct CreditCodeTests {
    @Test(arguments: ["91350100M000100Y43", "91110108551385082Q", " 91110108551385082q ", "９１１１０１０８５５１３８５０８２Ｑ"])
    func validCodes(code: String) throws {
        #expect(try CreditCode(code).rawValue.count == 18)
    }

    @Test(arguments: [
        ("91110108551385082", "creditCodeLength"), ("91110108551385082QQ", "creditCodeLength"),
        ("9111010855138508IQ", "creditCodeCharacter"), ("91110108551385O82Q", "creditCodeCharacter"),
        ("91110108551385082A", "creditCodeCheck"), ("91350100M000100Y44", "creditCodeCheck"), ("", "creditCodeLength"),
    ])
    func invalidCodesSayWhy(code: String, failure: String) {
        do {
            _ = try CreditCode(code)
            Issue.record("\(code) should be refused")
        } catch {
            #expect(error.code == failure)
            #expect(error.field == "creditCode")
        }
    }

    @Test func completingMakesAValidCode() throws {
        let code = try #require(CreditCode.completing("92222499MA0000001"))
        #expect(code.rawValue == "92222499MA00000017")
        #expect(code.isIndividualBusiness)
        #expect(code.registrationDivision == "222499")
        #expect(CreditCode.completing("92222499MA000000I") == nil)
    }
}
