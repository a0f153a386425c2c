import Testing

@testable import ShianCore

@Suite("Random draws (双随机)")
struct RandomDrawTests {
    static let pool = (1...50).map { RandomDraw.Candidate(id: "b\($0)", regionCode: "grid\($0 % 5)") }
    static let inspectors = [
        RandomDraw.Inspector(id: "i1", gridCodes: ["grid1"]), RandomDraw.Inspector(id: "i2", namedOn: ["b7"]),
        RandomDraw.Inspector(id: "i3"), RandomDraw.Inspector(id: "i4", gridCodes: ["grid2", "grid3"]),
    ]

    @Test func sameSeedSameDrawWhateverThePoolOrder() {
        let first = RandomDraw.draw(pool: Self.pool, inspectors: Self.inspectors, count: 10, seed: 42)
        let second = RandomDraw.draw(pool: Self.pool.reversed(), inspectors: Self.inspectors.reversed(), count: 10, seed: 42)
        #expect(first == second)
        #expect(first.count == 10 && Set(first.map(\.businessID)).count == 10)
        #expect(RandomDraw.draw(pool: Self.pool, inspectors: Self.inspectors, count: 10, seed: 43) != first)
    }

    @Test func noInspectorWithAConflict() {
        let pairings = RandomDraw.draw(pool: Self.pool, inspectors: Self.inspectors, count: 50, seed: 7)
        let byID = Dictionary(uniqueKeysWithValues: Self.pool.map { ($0.id, $0) })
        for pairing in pairings {
            let business = byID[pairing.businessID]
            #expect(pairing.inspectorIDs.count == 2)
            #expect(Set(pairing.inspectorIDs).count == 2)
            if business?.regionCode == "grid1" { #expect(!pairing.inspectorIDs.contains("i1")) }
            if ["grid2", "grid3"].contains(business?.regionCode) { #expect(!pairing.inspectorIDs.contains("i4")) }
            if pairing.businessID == "b7" { #expect(!pairing.inspectorIDs.contains("i2")) }
        }
    }

    @Test func inspectorsStayInTheirRegion() {
        let local = [RandomDraw.Inspector(id: "east", regionCode: "grid1"), RandomDraw.Inspector(id: "county1"), RandomDraw.Inspector(id: "county2")]
        for pairing in RandomDraw.draw(pool: Self.pool, inspectors: local, count: 50, seed: 9) {
            let region = Self.pool.first { $0.id == pairing.businessID }?.regionCode
            if pairing.inspectorIDs.contains("east") { #expect(region == "grid1") }
        }
    }

    @Test func countLargerThanThePool() {
        #expect(RandomDraw.draw(pool: Array(Self.pool.prefix(3)), inspectors: Self.inspectors, count: 10, seed: 1).count == 3)
        #expect(RandomDraw.draw(pool: [], inspectors: Self.inspectors, count: 10, seed: 1).isEmpty)
    }
}
