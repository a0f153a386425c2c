import Foundation
import Testing

@testable import ShianCore

@Suite("Trace back, trace forward and current holders")
struct TraceGraphTests {
    static func event(
        _ type: TraceEventType, at business: String, _ quantity: Decimal, counterparty: String? = nil, batch: String = "B1",
        unit: String = "KGM", outputs: [TraceOutput] = []
    ) -> TraceEventDraft {
        TraceLedgerTests.event(
            type, at: business, quantity, counterparty: counterparty, batch: batch, unit: unit, outputs: outputs)
    }

    /// Importer I → warehouse W and wholesaler H2; W splits 200 kg into 20 cartons (B1a) for market
    /// M and ships 400 kg to wholesaler H; H makes 500 dumplings (D1) out of 100 kg and sells 300 to
    /// shop S, and ships 250 kg to restaurant R, which has not received them yet.
    static let events: [TraceEventDraft] = [
        event(.receive, at: "I", 1000),
        event(.ship, at: "I", 600, counterparty: "W"),
        event(.receive, at: "W", 600, counterparty: "I"),
        event(.ship, at: "I", 300, counterparty: "H2"),
        event(.receive, at: "H2", 300, counterparty: "I"),
        event(.sell, at: "H2", 300),
        event(.split, at: "W", 200, outputs: [TraceOutput(batch: "B1a", quantity: 20, unit: "CT")]),
        event(.ship, at: "W", 400, counterparty: "H"),
        event(.receive, at: "H", 400, counterparty: "W"),
        event(.process, at: "H", 100, outputs: [TraceOutput(batch: "D1", quantity: 500, unit: "H87")]),
        event(.ship, at: "H", 250, counterparty: "R"),
        event(.sell, at: "H", 300, counterparty: "S", batch: "D1", unit: "H87"),
        event(.receive, at: "S", 300, counterparty: "H", batch: "D1", unit: "H87"),
        event(.ship, at: "W", 20, counterparty: "M", batch: "B1a", unit: "CT"),
        event(.receive, at: "M", 20, counterparty: "W", batch: "B1a", unit: "CT"),
    ]

    static func node(_ batch: String, _ business: String) -> TraceNodeID { TraceNodeID(batch: batch, business: business) }

    @Test func forwardFromTheBatchReachesEveryDescendant() throws {
        let graph = try TraceGraph(events: Self.events)
        let walk = graph.walk(fromBatch: "B1", direction: .forward, maxHops: 10)
        let byHops = Dictionary(grouping: walk.nodes, by: \.hops).mapValues { $0.map(\.id) }
        #expect(byHops[0] == [Self.node("B1", "I")])
        #expect(byHops[1] == [Self.node("B1", "H2"), Self.node("B1", "W")])
        #expect(byHops[2] == [Self.node("B1", "H"), Self.node("B1a", "W")])
        #expect(byHops[3] == [Self.node("B1", "R"), Self.node("B1a", "M"), Self.node("D1", "H")])
        #expect(byHops[4] == [Self.node("D1", "S")])
        #expect(walk.nodes.count == 9)
        #expect(walk.edges.count == 8)
        #expect(walk.businesses == ["I", "H2", "W", "H", "R", "M", "S"])
    }

    @Test func forwardStopsAfterMaxHops() throws {
        let graph = try TraceGraph(events: Self.events)
        let walk = graph.walk(fromBatch: "B1", direction: .forward, maxHops: 2)
        #expect(
            walk.nodes.map(\.id) == [
                Self.node("B1", "I"), Self.node("B1", "H2"), Self.node("B1", "W"), Self.node("B1", "H"), Self.node("B1a", "W"),
            ])
        #expect(graph.walk(fromBatch: "B1", direction: .forward, maxHops: 0).nodes.map(\.id) == [Self.node("B1", "I")])
    }

    @Test func backFromTheShopFindsTheImporterThroughTheProcessing() throws {
        let graph = try TraceGraph(events: Self.events)
        let walk = graph.walk(from: [Self.node("D1", "S")], direction: .back, maxHops: 6)
        #expect(
            walk.nodes.map(\.id) == [
                Self.node("D1", "S"), Self.node("D1", "H"), Self.node("B1", "H"), Self.node("B1", "W"), Self.node("B1", "I"),
            ])
        #expect(walk.nodes.map(\.hops) == [0, 1, 2, 3, 4])
        #expect(walk.businesses == ["S", "H", "W", "I"])
        #expect(
            walk.edges.map {
                "\($0.from.batch)@\($0.from.business)→\($0.to.batch)@\($0.to.business) \($0.kind.rawValue) \($0.quantity)"
            }
                == [
                    "B1@H→D1@H transformation 500", "B1@I→B1@W shipment 600", "B1@W→B1@H shipment 400", "D1@H→D1@S shipment 300",
                ])
    }

    @Test func backFromAProcessedBatchStartsWhereItWasMade() throws {
        let graph = try TraceGraph(events: Self.events)
        #expect(graph.origins(of: "D1") == [Self.node("D1", "H")])
        #expect(graph.origins(of: "nothing").isEmpty)
        let walk = graph.walk(fromBatch: "D1", direction: .back, maxHops: 2)
        #expect(walk.nodes.map(\.id) == [Self.node("D1", "H"), Self.node("B1", "H"), Self.node("B1", "W")])
    }

    @Test func nodesCarryTheirQuantities() throws {
        let graph = try TraceGraph(events: Self.events)
        let nodes = Dictionary(
            uniqueKeysWithValues: graph.walk(fromBatch: "B1", direction: .forward, maxHops: 10).nodes.map { ($0.id, $0) })
        // inbound, on hand, in transit
        let expected: [TraceNodeID: (Decimal, Decimal, Decimal)] = [
            Self.node("B1", "I"): (1000, 100, 0), Self.node("B1", "W"): (600, 0, 0), Self.node("B1", "H2"): (300, 0, 0),
            Self.node("B1", "H"): (400, 50, 0), Self.node("B1", "R"): (250, 0, 250), Self.node("B1a", "W"): (20, 0, 0),
            Self.node("B1a", "M"): (20, 20, 0), Self.node("D1", "H"): (500, 200, 0), Self.node("D1", "S"): (300, 300, 0),
        ]
        for (id, quantities) in expected {
            let node = try #require(nodes[id])
            #expect((node.inbound, node.onHand, node.inTransit) == quantities, "\(id)")
        }
    }

    @Test func aRecallFindsEveryHolderOfTheBatchAndWhatWasMadeFromIt() throws {
        let graph = try TraceGraph(events: Self.events)
        #expect(
            graph.currentHolders(of: "B1") == [
                TraceHolding(batch: "B1", business: "H", onHand: 50), TraceHolding(batch: "B1", business: "I", onHand: 100),
                TraceHolding(batch: "B1", business: "R", onHand: 0, inTransit: 250),
                TraceHolding(batch: "B1a", business: "M", onHand: 20), TraceHolding(batch: "D1", business: "H", onHand: 200),
                TraceHolding(batch: "D1", business: "S", onHand: 300),
            ])
        #expect(
            graph.currentHolders(of: "D1") == [
                TraceHolding(batch: "D1", business: "H", onHand: 200), TraceHolding(batch: "D1", business: "S", onHand: 300),
            ])
    }

    @Test func aReturnShipmentDoesNotLoopTheWalk() throws {
        let graph = try TraceGraph(events: [
            Self.event(.receive, at: "I", 100),
            Self.event(.ship, at: "I", 100, counterparty: "W"),
            Self.event(.receive, at: "W", 100, counterparty: "I"),
            Self.event(.ship, at: "W", 30, counterparty: "I"),
            Self.event(.receive, at: "I", 30, counterparty: "W"),
        ])
        let walk = graph.walk(fromBatch: "B1", direction: .forward, maxHops: Int.max)
        #expect(walk.nodes.map(\.id) == [Self.node("B1", "I"), Self.node("B1", "W")])
        #expect(walk.edges.count == 2)
        #expect(graph.currentHolders(of: "B1").map(\.onHand) == [30, 70])
    }

    @Test func aGraphOfRefusedEventsIsRefused() {
        var events = Self.events
        events.insert(Self.event(.sell, at: "W", 700), at: 3)
        #expect(throws: ValidationFailure(code: "quantityExceedsHolding", field: "quantity", arguments: ["600", "700", "3"])) {
            try TraceGraph(events: events)
        }
    }
}
