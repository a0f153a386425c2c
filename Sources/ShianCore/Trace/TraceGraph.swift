import Foundation

/// The path of batches through the chain, built from their trace events: nodes are a batch at a
/// business, edges are shipments between businesses (same batch) and transformations within one
/// business (parent batch to the batch split or processed from it). Trace back follows edges
/// against their direction, trace forward along it; each edge is one hop.
public struct TraceGraph: Sendable {
    public enum Direction: String, Sendable, CaseIterable {
        case back
        case forward
    }

    /// The holdings after every event.
    public let ledger: TraceLedger
    /// Edges with the quantities summed over their events, sorted by source and destination.
    public let edges: [TraceEdge]
    private let outgoing: [TraceNodeID: [TraceEdge]]
    private let incoming: [TraceNodeID: [TraceEdge]]
    private let intake: [TraceNodeID: Decimal]

    /// Replays `events` in order through a `TraceLedger`; refuses, as the ledger does, the first
    /// event it would refuse (its position is the last argument).
    public init(events: [TraceEventDraft]) throws(ValidationFailure) {
        ledger = try TraceLedger(replaying: events)
        var sums: [TraceEdge.Key: Decimal] = [:]
        var intake: [TraceNodeID: Decimal] = [:]
        for event in events {
            let node = TraceNodeID(batch: event.batch, business: event.business)
            switch event.type {
            case .ship, .sell:
                if let receiver = event.counterparty {
                    let key = TraceEdge.Key(from: node, to: TraceNodeID(batch: event.batch, business: receiver), kind: .shipment)
                    sums[key, default: 0] += event.quantity
                }
            case .split, .process:
                for output in event.outputs {
                    let key = TraceEdge.Key(
                        from: node, to: TraceNodeID(batch: output.batch, business: event.business), kind: .transformation)
                    sums[key, default: 0] += output.quantity
                }
            case .receive:
                if event.counterparty == nil { intake[node, default: 0] += event.quantity }
            case .store, .dispose:
                break
            }
        }
        edges = sums.map { TraceEdge(from: $0.key.from, to: $0.key.to, kind: $0.key.kind, quantity: $0.value) }.sorted()
        outgoing = Dictionary(grouping: edges, by: \.from)
        incoming = Dictionary(grouping: edges, by: \.to)
        self.intake = intake
    }

    /// Where a batch entered the graph: its first stop, or the business that split or processed it
    /// out of its parent.
    public func origins(of batch: String) -> [TraceNodeID] {
        ledger.origins[batch].map { [TraceNodeID(batch: batch, business: $0)] } ?? []
    }

    /// The nodes within `maxHops` of the batch's origin, back or forward.
    public func walk(fromBatch batch: String, direction: Direction, maxHops: Int) -> TraceWalk {
        walk(from: origins(of: batch), direction: direction, maxHops: maxHops)
    }

    /// The nodes within `maxHops` of `starts` (hop 0), breadth first, with the edges followed; nodes
    /// sorted by hops, then batch and business.
    public func walk(from starts: [TraceNodeID], direction: Direction, maxHops: Int) -> TraceWalk {
        var hops: [TraceNodeID: Int] = [:]
        var frontier: [TraceNodeID] = []
        for start in starts where hops[start] == nil {
            hops[start] = 0
            frontier.append(start)
        }
        var followed: Set<TraceEdge> = []
        var distance = 0
        while !frontier.isEmpty, distance < maxHops {
            distance += 1
            var next: [TraceNodeID] = []
            for node in frontier {
                let edges = direction == .forward ? outgoing[node, default: []] : incoming[node, default: []]
                for edge in edges {
                    let neighbour = direction == .forward ? edge.to : edge.from
                    followed.insert(edge)
                    if hops[neighbour] == nil {
                        hops[neighbour] = distance
                        next.append(neighbour)
                    }
                }
            }
            frontier = next
        }
        let nodes = hops.map { node(for: $0.key, hops: $0.value) }.sorted { ($0.hops, $0.id) < ($1.hops, $1.id) }
        return TraceWalk(nodes: nodes, edges: followed.sorted())
    }

    /// Who holds any of the batch or of the batches made from it, in stock or on the way: the list a
    /// recall notifies. Follows every hop forward from the batch's origin.
    public func currentHolders(of batch: String) -> [TraceHolding] {
        let reached = walk(fromBatch: batch, direction: .forward, maxHops: Int.max).nodes
        return reached.filter { $0.onHand > 0 || $0.inTransit > 0 }
            .map { TraceHolding(batch: $0.id.batch, business: $0.id.business, onHand: $0.onHand, inTransit: $0.inTransit) }
            .sorted { $0.batch == $1.batch ? $0.business < $1.business : $0.batch < $1.batch }
    }

    private func node(for id: TraceNodeID, hops: Int) -> TraceNode {
        let inbound = incoming[id, default: []].reduce(intake[id, default: 0]) { $0 + $1.quantity }
        return TraceNode(
            id: id, hops: hops, inbound: inbound, onHand: ledger.onHand(batch: id.batch, business: id.business),
            inTransit: ledger.inTransit(batch: id.batch, to: id.business))
    }
}
