import Foundation

/// A batch made by a split or a process, and how much of it.
public struct TraceOutput: Sendable, Equatable, Hashable, Codable {
    public var batch: String
    public var quantity: Decimal
    /// The unit of the new batch (processing may change it: kilograms of beef into pieces).
    public var unit: String

    public init(batch: String, quantity: Decimal, unit: String) {
        self.batch = batch
        self.quantity = quantity
        self.unit = unit
    }
}
