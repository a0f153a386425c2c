import Testing

@testable import ShianCore

@Suite("Demo county")
struct DemoCountyTests {
    @Test func shapeOfTheTree() {
        let regions = DemoCounty.regions()
        let byLevel = Dictionary(grouping: regions, by: { $0.code.level }).mapValues(\.count)
        #expect(byLevel[.township] == 12)
        #expect(byLevel[.village] == 150)
        #expect((byLevel[.grid] ?? 0) >= 150)
        #expect(Set(regions.map(\.code)).count == regions.count, "codes are unique")
        // Every region's parent is in the tree.
        let codes = Set(regions.map(\.code))
        #expect(regions.allSatisfy { $0.code.parent.map(codes.contains) ?? true })
    }

    @Test func deterministic() {
        #expect(DemoCounty.regions() == DemoCounty.regions())
        #expect(DemoCounty.accounts() == DemoCounty.accounts())
    }

    @Test func everyRoleHasAnAccountThatFitsItsScope() throws {
        let accounts = DemoCounty.accounts()
        #expect(Set(accounts.map(\.role)) == Set(Role.allCases))
        #expect(DemoCounty.departments.count == 20)
        let codes = Set(DemoCounty.regions().map(\.code))
        for account in accounts {
            #expect(codes.contains(account.regionCode), "\(account.username)")
            let level = account.regionCode.level
            #expect(level >= account.role.widestLevel && level <= account.role.narrowestLevel, "\(account.username)")
        }
    }
}
