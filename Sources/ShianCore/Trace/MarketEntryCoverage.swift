import Foundation

/// The share of lots that arrived with a certificate, for one group of lots: the metric
/// `certificateCoverageAtMarketEntry` per market, township or month.
public struct MarketEntryCoverage: Sendable, Equatable, Codable {
    /// How the lots are grouped.
    public enum Grouping: String, Sendable, CaseIterable {
        case market
        case township
        case month
        case marketAndMonth
        case townshipAndMonth
    }

    /// The group's keys; those the grouping does not use are nil.
    public var market: String?
    public var townshipCode: String?
    public var month: String?
    public var lots: Int
    public var withCertificate: Int

    /// withCertificate ÷ lots; a group always has at least one lot.
    public var share: Double { lots == 0 ? 0 : Double(withCertificate) / Double(lots) }

    /// One row per group, sorted by its keys.
    public static func compute(_ lots: [MarketEntryLot], by grouping: Grouping) -> [MarketEntryCoverage] {
        var rows: [String: MarketEntryCoverage] = [:]
        for lot in lots {
            var row = MarketEntryCoverage(market: nil, townshipCode: nil, month: nil, lots: 0, withCertificate: 0)
            switch grouping {
            case .market: row.market = lot.market
            case .township: row.townshipCode = lot.townshipCode
            case .month: row.month = lot.month
            case .marketAndMonth: (row.market, row.month) = (lot.market, lot.month)
            case .townshipAndMonth: (row.townshipCode, row.month) = (lot.townshipCode, lot.month)
            }
            let key = [row.market, row.townshipCode, row.month].map { $0 ?? "" }.joined(separator: "\u{1F}")
            rows[key, default: row].lots += 1
            if lot.hasCertificate { rows[key, default: row].withCertificate += 1 }
        }
        return rows.keys.sorted().compactMap { rows[$0] }
    }

    /// All lots together.
    public static func overall(_ lots: [MarketEntryLot]) -> MarketEntryCoverage {
        MarketEntryCoverage(
            market: nil, townshipCode: nil, month: nil, lots: lots.count, withCertificate: lots.filter(\.hasCertificate).count)
    }
}
