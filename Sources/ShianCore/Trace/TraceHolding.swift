import Foundation

/// How much of a batch a business holds: on hand, and shipped to it but not yet received.
public struct TraceHolding: Hashable, Sendable, Codable {
    public var batch: String
    public var business: String
    public var onHand: Decimal
    public var inTransit: Decimal

    public init(batch: String, business: String, onHand: Decimal, inTransit: Decimal = 0) {
        self.batch = batch
        self.business = business
        self.onHand = onHand
        self.inTransit = inTransit
    }
}
