import Foundation

/// A batch at a business reached by a walk.
public struct TraceNode: Hashable, Sendable {
    public var id: TraceNodeID
    /// Edges from the nearest start.
    public var hops: Int
    /// Everything that came (or is coming) into this node: its intake, shipments to it and the
    /// quantity made into it.
    public var inbound: Decimal
    public var onHand: Decimal
    public var inTransit: Decimal
}

/// The result of a trace back or forward.
public struct TraceWalk: Sendable, Equatable {
    public var nodes: [TraceNode]
    public var edges: [TraceEdge]

    /// The businesses reached, each once, in the order first reached.
    public var businesses: [String] {
        var seen: Set<String> = []
        return nodes.map(\.id.business).filter { seen.insert($0).inserted }
    }
}
