import Testing

@testable import ShianCore

@Suite("Seller identity: resident identity numbers and credit codes")
struct SellerIdentityTests {
    @Test func acceptsValidResidentNumbersAndMasksThem() throws {
        // 11010519491231002X is the standard's own worked example.
        let identity = try #require(SellerIdentity(" 11010519491231002x "))
        #expect(identity == .residentID("11010519491231002X"))
        #expect(identity.masked == "110105**********2X")
    }

    @Test func completesResidentNumbersForDemoData() {
        #expect(SellerIdentity.completingResidentID("11010519491231002") == .residentID("11010519491231002X"))
        #expect(SellerIdentity.completingResidentID("1101051949123100") == nil)
    }

    @Test func acceptsCreditCodesWhole() throws {
        let code = try #require(CreditCode.completing("92222401MA0000001"))
        #expect(SellerIdentity(code.rawValue) == .creditCode(code))
        #expect(SellerIdentity(code.rawValue)?.masked == code.rawValue)
    }

    @Test(arguments: ["110105194912310021", "11010519491231002", "1101051949123100２X", "", "ABCDEFGHIJKLMNOPQR"])
    func refusesWhatIsNeither(_ typed: String) {
        #expect(SellerIdentity(typed) == nil)
    }
}
