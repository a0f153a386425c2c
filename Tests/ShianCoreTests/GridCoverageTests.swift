import Testing

@testable import ShianCore

@Suite("Grid coverage")
struct GridCoverageTests {
    @Test func gapsAreFound() {
        let villages = ["222499101001", "222499101002", "222499101003"]
        let grids = ["222499101001001", "222499101001002", "222499101002001", "222499101003001"]
        let staff: [(kind: GrassrootsStaffKind, regionCode: String)] = [
            (.assistant, "222499101001"),
            (.informant, "222499101001001"), (.informant, "222499101001001"),
            (.informant, "222499101003001"),
        ]
        let coverage = GridCoverage.compute(villages: villages, grids: grids, staff: staff, businessesWithoutGrid: 7)
        #expect(coverage.villagesWithoutAssistant == ["222499101002", "222499101003"])
        #expect(coverage.gridsWithoutStaff == ["222499101002001"], "village 1's assistant covers both its grids; grid 3 has an informant")
        #expect(coverage.gridsWithoutInformant == 2)
        #expect(coverage.informantsPerGrid == 0.75)
        #expect(coverage.businessesWithoutGrid == 7)
    }

    @Test func emptyTree() {
        let coverage = GridCoverage.compute(villages: [], grids: [], staff: [], businessesWithoutGrid: 0)
        #expect(coverage.informantsPerGrid == 0 && coverage.gridsWithoutStaff.isEmpty)
    }
}
