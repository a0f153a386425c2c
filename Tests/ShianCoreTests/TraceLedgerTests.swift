import Foundation
import Testing

@testable import ShianCore

@Suite("Trace ledger: quantities never go negative")
struct TraceLedgerTests {
    static let start = Date(timeIntervalSince1970: 1_740_800_000)

    static func event(
        _ type: TraceEventType, at business: String, _ quantity: Decimal, counterparty: String? = nil, batch: String = "B1",
        unit: String = "KGM", outputs: [TraceOutput] = []
    ) -> TraceEventDraft {
        TraceEventDraft(
            batch: batch, type: type, business: business, counterparty: counterparty, quantity: quantity, unit: unit,
            occurredAt: start, outputs: outputs)
    }

    /// Importer I takes in 1000 kg, ships 600 to warehouse W, which receives it and ships 200 to
    /// wholesaler H; H has received 150 so far.
    static func flowing() throws -> TraceLedger {
        try TraceLedger(replaying: [
            event(.receive, at: "I", 1000),
            event(.store, at: "I", 1000),
            event(.ship, at: "I", 600, counterparty: "W"),
            event(.receive, at: "W", 600, counterparty: "I"),
            event(.ship, at: "W", 200, counterparty: "H"),
            event(.receive, at: "H", 150, counterparty: "W"),
        ])
    }

    @Test func shipmentsMoveStockThroughTransit() throws {
        let ledger = try Self.flowing()
        #expect(ledger.onHand(batch: "B1", business: "I") == 400)
        #expect(ledger.onHand(batch: "B1", business: "W") == 400)
        #expect(ledger.onHand(batch: "B1", business: "H") == 150)
        #expect(ledger.inTransit(batch: "B1", to: "H") == 50)
        #expect(ledger.inTransit(batch: "B1", from: "W", to: "H") == 50)
        #expect(ledger.inTransit(batch: "B1", to: "W") == 0)
        #expect(ledger.origins == ["B1": "I"])
        #expect(ledger.units == ["B1": "KGM"])
        #expect(
            ledger.holdings() == [
                TraceHolding(batch: "B1", business: "H", onHand: 150, inTransit: 50),
                TraceHolding(batch: "B1", business: "I", onHand: 400),
                TraceHolding(batch: "B1", business: "W", onHand: 400),
            ])
    }

    @Test func salesAndDestructionLeaveTheChain() throws {
        var ledger = try Self.flowing()
        try ledger.apply(Self.event(.sell, at: "H", 150))
        try ledger.apply(Self.event(.dispose, at: "I", 400))
        try ledger.apply(Self.event(.sell, at: "W", 100, counterparty: "R"))
        #expect(ledger.onHand(batch: "B1", business: "H") == 0)
        #expect(ledger.onHand(batch: "B1", business: "I") == 0)
        #expect(ledger.onHand(batch: "B1", business: "W") == 300)
        #expect(ledger.inTransit(batch: "B1", to: "R") == 100, "a sale to a business waits for its receipt")
        try ledger.apply(Self.event(.receive, at: "R", 100, counterparty: "W"))
        #expect(ledger.holdings().map(\.business) == ["H", "R", "W"])
        #expect(ledger.holdings(batch: "B1").first == TraceHolding(batch: "B1", business: "H", onHand: 0, inTransit: 50))
    }

    @Test func decimalQuantitiesAddUpExactly() throws {
        var ledger = TraceLedger()
        try ledger.apply(Self.event(.receive, at: "I", Decimal(string: "0.3") ?? 0))
        try ledger.apply(Self.event(.ship, at: "I", Decimal(string: "0.1") ?? 0, counterparty: "W"))
        try ledger.apply(Self.event(.ship, at: "I", Decimal(string: "0.2") ?? 0, counterparty: "W"))
        try ledger.apply(Self.event(.receive, at: "W", Decimal(string: "0.3") ?? 0, counterparty: "I"))
        #expect(ledger.onHand(batch: "B1", business: "I") == 0)
        #expect(ledger.onHand(batch: "B1", business: "W") == Decimal(string: "0.3"))
        #expect(ledger.holdings().count == 1)
    }

    @Test(arguments: [
        (event(.ship, at: "I", 401, counterparty: "W"), "quantityExceedsHolding", ["400", "401"]),
        (event(.sell, at: "H", 151), "quantityExceedsHolding", ["150", "151"]),
        (event(.process, at: "W", 500), "quantityExceedsHolding", ["400", "500"]),
        (
            event(.split, at: "R", 1, outputs: [TraceOutput(batch: "B2", quantity: 1, unit: "KGM")]), "quantityExceedsHolding",
            ["0", "1"]
        ),
        (event(.dispose, at: "H", 200), "quantityExceedsHolding", ["150", "200"]),
        (event(.store, at: "I", 1000), "quantityExceedsHolding", ["400", "1000"]),
        (event(.receive, at: "R", 10, counterparty: "W"), "receiveWithoutShipment", ["0", "10"]),
        (event(.receive, at: "H", 60, counterparty: "W"), "receiveExceedsShipment", ["50", "60"]),
        (event(.receive, at: "H", 10, counterparty: "I"), "receiveWithoutShipment", ["0", "10"]),
        (event(.receive, at: "X", 10), "intakeAlreadyRecorded", ["B1"]),
        (event(.ship, at: "I", 10), "counterpartyRequired", []),
        (event(.ship, at: "I", 10, counterparty: "I"), "counterpartyIsSelf", []),
        (event(.store, at: "I", 10, counterparty: "W"), "counterpartyNotAllowed", ["store"]),
        (event(.dispose, at: "I", 10, counterparty: "W"), "counterpartyNotAllowed", ["dispose"]),
        (event(.ship, at: "I", 0, counterparty: "W"), "quantityNotPositive", ["0"]),
        (event(.sell, at: "I", -5), "quantityNotPositive", ["-5"]),
        (event(.ship, at: "I", 10, counterparty: "W", unit: "TNE"), "unitMismatch", ["TNE", "KGM"]),
        (event(.sell, at: "I", 10, batch: "B9"), "batchUnknown", ["B9"]),
        (
            event(.ship, at: "I", 10, counterparty: "W", outputs: [TraceOutput(batch: "B2", quantity: 1, unit: "KGM")]),
            "outputsNotAllowed", ["ship"]
        ),
        (event(.split, at: "I", 10, outputs: [TraceOutput(batch: "B1", quantity: 10, unit: "KGM")]), "outputBatchExists", ["B1"]),
        (
            event(
                .split, at: "I", 10,
                outputs: [TraceOutput(batch: "B2", quantity: 5, unit: "KGM"), TraceOutput(batch: "B2", quantity: 5, unit: "KGM")]),
            "outputBatchDuplicate", ["B2"]
        ),
        (
            event(.process, at: "I", 10, outputs: [TraceOutput(batch: "B2", quantity: 0, unit: "H87")]), "quantityNotPositive",
            ["0"]
        ),
    ])
    func refusalsSayWhyAndChangeNothing(event: TraceEventDraft, failure: String, arguments: [String]) throws {
        var ledger = try Self.flowing()
        let before = ledger
        do {
            try ledger.apply(event)
            Issue.record("\(event.type) at \(event.business) should be refused")
        } catch {
            #expect(error.code == failure)
            #expect(error.arguments == arguments)
        }
        #expect(ledger == before)
    }

    @Test func aReceiptWithoutCounterpartyOpensOnlyANewBatch() throws {
        var ledger = try Self.flowing()
        try ledger.apply(Self.event(.receive, at: "J", 80, batch: "B5", unit: "CT"))
        #expect(ledger.origins["B5"] == "J")
        #expect(ledger.units["B5"] == "CT")
        #expect(ledger.onHand(batch: "B5", business: "J") == 80)
    }

    @Test func splittingOpensTheOutputBatchesWhereTheSplitHappened() throws {
        var ledger = try Self.flowing()
        let outputs = [
            TraceOutput(batch: "B1-a", quantity: 20, unit: "CT"), TraceOutput(batch: "B1-b", quantity: 100, unit: "KGM"),
        ]
        try ledger.apply(Self.event(.split, at: "W", 300, outputs: outputs))
        #expect(ledger.onHand(batch: "B1", business: "W") == 100)
        #expect(ledger.onHand(batch: "B1-a", business: "W") == 20)
        #expect(ledger.onHand(batch: "B1-b", business: "W") == 100)
        #expect(ledger.parents == ["B1-a": "B1", "B1-b": "B1"])
        #expect(ledger.origins["B1-a"] == "W")
        #expect(throws: ValidationFailure(code: "intakeAlreadyRecorded", field: "batch", arguments: ["B1-a"])) {
            try ledger.apply(Self.event(.receive, at: "W", 20, batch: "B1-a", unit: "CT"))
        }
        #expect(throws: ValidationFailure(code: "unitMismatch", field: "unit", arguments: ["KGM", "CT"])) {
            try ledger.apply(Self.event(.sell, at: "W", 1, batch: "B1-a"))
        }
    }

    @Test func replayNamesTheRefusedEvent() {
        let events = [
            Self.event(.receive, at: "I", 100),
            Self.event(.ship, at: "I", 60, counterparty: "W"),
            Self.event(.ship, at: "I", 60, counterparty: "H"),
        ]
        #expect(throws: ValidationFailure(code: "quantityExceedsHolding", field: "quantity", arguments: ["40", "60", "2"])) {
            try TraceLedger(replaying: events)
        }
    }
}
