import Testing

@testable import ShianCore

@Suite("Region codes")
struct RegionCodeTests {
    @Test(arguments: [
        ("22", RegionLevel.province), ("2224", .prefecture), ("222499", .county), ("222499101", .township),
        ("222499101001", .village), ("222499101001001", .grid),
    ])
    func levelFromLength(code: String, level: RegionLevel) throws {
        #expect(try RegionCode(code).level == level)
    }

    @Test(arguments: [
        ("", "regionCodeMissing"), ("22a", "regionCodeNotDigits"), ("2224991", "regionCodeBadLength"),
        ("２２", "regionCodeNotDigits"), ("222499101001001001", "regionCodeBadLength"), ("22 24", "regionCodeNotDigits"),
    ])
    func malformedCodesAreRefused(code: String, failure: String) {
        #expect(throws: ValidationFailure(code: failure, field: "regionCode")) { try RegionCode(code) }
    }

    @Test(arguments: [
        ("222499", "222499", "2225"), ("222498", "222498", "222499"), ("2229", "2229", "223"), ("22", "22", "23"), ("99", "99", nil as String?),
        ("222499101999", "222499101999", "222499102"),
    ])
    func descendantRangeIsHalfOpen(prefix: String, lower: String, upper: String?) {
        let range = RegionCode.prefixRange(prefix)
        #expect(range.lower == lower)
        #expect(range.upper == upper)
    }

    /// Every code under a prefix falls inside its range, and no other code does.
    @Test func rangeMatchesPrefixExactly() throws {
        let county = try RegionCode("222499")
        let range = county.descendantRange
        let inside = ["222499", "222499101", "222499999999999", "222499000"]
        let outside = ["222498999", "2225", "222500", "22249", "2224"]
        for code in inside {
            #expect(code >= range.lower && code < (range.upper ?? "~"), "\(code) should be inside")
            #expect(county.contains(rawCode: code))
        }
        for code in outside {
            #expect(!(code >= range.lower && code < (range.upper ?? "~")), "\(code) should be outside")
            #expect(!county.contains(rawCode: code))
        }
    }

    @Test func parentsAndLineage() throws {
        let grid = try RegionCode("222499101001002")
        #expect(grid.parent?.rawValue == "222499101001")
        #expect(grid.lineage.map(\.rawValue) == ["22", "2224", "222499", "222499101", "222499101001", "222499101001002"])
        #expect(try RegionCode("22").parent == nil)
    }

    @Test func childCodesArePadded() throws {
        let county = try RegionCode("222499")
        #expect(county.child(7)?.rawValue == "222499007")
        #expect(county.child(1000) == nil)
        #expect(try RegionCode("222499101001001").child(1) == nil)
    }
}
