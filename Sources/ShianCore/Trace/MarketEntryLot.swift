import Foundation

/// A lot of farm produce checked at a market's entry (入场查验): which market, in which township,
/// in which month, and whether a produce certificate came with it (research/domain-cn.md §c-4).
public struct MarketEntryLot: Sendable, Equatable, Codable {
    public var market: String
    /// The 9-digit code of the market's township.
    public var townshipCode: String
    /// `yyyy-MM` in China time (`MarketEntryLot.month(of:)`).
    public var month: String
    public var hasCertificate: Bool

    public init(market: String, townshipCode: String, month: String, hasCertificate: Bool) {
        self.market = market
        self.townshipCode = townshipCode
        self.month = month
        self.hasCertificate = hasCertificate
    }

    /// The month a check falls in, as `yyyy-MM`.
    public static func month(of date: Date, calendar: Calendar = .shanghai) -> String {
        let parts = calendar.dateComponents([.year, .month], from: date)
        let month = parts.month ?? 1
        return "\(parts.year ?? 0)-\(month < 10 ? "0" : "")\(month)"
    }
}
