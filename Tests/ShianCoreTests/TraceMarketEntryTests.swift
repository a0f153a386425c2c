import Foundation
import Testing

@testable import ShianCore

@Suite("Market entry: share of lots with produce certificates")
struct TraceMarketEntryTests {
    static let north = "222499101"
    static let south = "222499102"

    static let lots: [MarketEntryLot] = [
        MarketEntryLot(market: "M1", townshipCode: north, month: "2025-03", hasCertificate: true),
        MarketEntryLot(market: "M1", townshipCode: north, month: "2025-03", hasCertificate: true),
        MarketEntryLot(market: "M1", townshipCode: north, month: "2025-04", hasCertificate: false),
        MarketEntryLot(market: "M2", townshipCode: north, month: "2025-04", hasCertificate: true),
        MarketEntryLot(market: "M3", townshipCode: south, month: "2025-03", hasCertificate: false),
        MarketEntryLot(market: "M3", townshipCode: south, month: "2025-04", hasCertificate: false),
        MarketEntryLot(market: "M3", townshipCode: south, month: "2025-04", hasCertificate: true),
        MarketEntryLot(market: "M3", townshipCode: south, month: "2025-04", hasCertificate: false),
    ]

    static func summary(_ rows: [MarketEntryCoverage]) -> [String] {
        rows.map { row in
            let key = [row.market, row.townshipCode, row.month].compactMap { $0 }.joined(separator: " ")
            return "\(key): \(row.withCertificate)/\(row.lots)"
        }
    }

    @Test(arguments: [
        (MarketEntryCoverage.Grouping.market, ["M1: 2/3", "M2: 1/1", "M3: 1/4"]),
        (.township, ["222499101: 3/4", "222499102: 1/4"]),
        (.month, ["2025-03: 2/3", "2025-04: 2/5"]),
        (.marketAndMonth, ["M1 2025-03: 2/2", "M1 2025-04: 0/1", "M2 2025-04: 1/1", "M3 2025-03: 0/1", "M3 2025-04: 1/3"]),
        (
            .townshipAndMonth,
            ["222499101 2025-03: 2/2", "222499101 2025-04: 1/2", "222499102 2025-03: 0/1", "222499102 2025-04: 1/3"]
        ),
    ])
    func coverageIsCountedPerGroup(grouping: MarketEntryCoverage.Grouping, expected: [String]) {
        #expect(Self.summary(MarketEntryCoverage.compute(Self.lots, by: grouping)) == expected)
    }

    @Test func sharesAreFractionsOfTheGroup() {
        let byTownship = MarketEntryCoverage.compute(Self.lots, by: .township)
        #expect(byTownship.map(\.share) == [0.75, 0.25])
        let overall = MarketEntryCoverage.overall(Self.lots)
        #expect(overall.lots == 8 && overall.withCertificate == 4 && overall.share == 0.5)
        #expect(MarketEntryCoverage.overall([]).share == 0)
        #expect(MarketEntryCoverage.compute([], by: .market).isEmpty)
    }

    @Test func aCheckCountsInItsChinaMonth() {
        // 16:30 UTC on 31 March is 00:30 on 1 April in China.
        let lateMarch = Date(timeIntervalSince1970: 1_743_438_600)
        #expect(MarketEntryLot.month(of: lateMarch) == "2025-04")
        #expect(MarketEntryLot.month(of: lateMarch.addingTimeInterval(-3600)) == "2025-03")
    }
}
