import Foundation

/// A shipment between two businesses or a transformation of one batch into another.
public struct TraceEdge: Hashable, Sendable, Comparable {
    public enum Kind: String, Sendable, Codable, Comparable {
        case shipment
        case transformation

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    struct Key: Hashable {
        let from: TraceNodeID
        let to: TraceNodeID
        let kind: Kind
    }

    public var from: TraceNodeID
    public var to: TraceNodeID
    public var kind: Kind
    /// What arrived (or is on its way) at `to`, in the unit of `to`'s batch: shipped, or made.
    public var quantity: Decimal

    public static func < (lhs: TraceEdge, rhs: TraceEdge) -> Bool {
        (lhs.from, lhs.to, lhs.kind) < (rhs.from, rhs.to, rhs.kind)
    }
}
