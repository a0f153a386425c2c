import Foundation

/// The quantities of batches per business, kept by applying trace events in the order they were
/// recorded; an event that would make any quantity negative, or that has no source, is refused and
/// changes nothing (issue 6: "quantities never go negative").
///
/// The model, chosen as the simplest that keeps every unit accounted for:
/// - A batch opens with its first-stop intake: a `receive` with no counterparty, once per batch. A
///   batch made by a split or a process opens with that event instead, at the business that made it.
/// - `ship` (and `sell` to a named business) moves the quantity from the sender's stock into transit
///   towards the counterparty; the counterparty's `receive` naming the sender moves it into the
///   receiver's stock. A receipt may be partial; what is not received stays in transit (and shows in
///   a recall). A receipt without a matching shipment is refused.
/// - `sell` to consumers, `split`, `process` and `dispose` take the quantity out of the business's
///   stock; `split` and `process` open their output batches.
/// - `store` moves nothing but may not name more than the business holds.
public struct TraceLedger: Sendable, Equatable {
    private struct Transit: Hashable, Sendable {
        let batch: String
        let from: String
        let to: String
    }

    private var stock: [TraceNodeID: Decimal] = [:]
    private var transit: [Transit: Decimal] = [:]
    /// The unit of every batch opened so far.
    public private(set) var units: [String: String] = [:]
    /// The business where each batch opened: its first stop, or the business that split or processed it.
    public private(set) var origins: [String: String] = [:]
    /// The batch each split or processed batch came from.
    public private(set) var parents: [String: String] = [:]

    public init() {}

    /// Replays events in order; the first refusal stops it, with the event's position (from 0) added
    /// as the last argument.
    public init(replaying events: [TraceEventDraft]) throws(ValidationFailure) {
        for (index, event) in events.enumerated() {
            do {
                try apply(event)
            } catch {
                throw ValidationFailure(code: error.code, field: error.field, arguments: error.arguments + [String(index)])
            }
        }
    }

    /// What `business` holds of `batch` in stock.
    public func onHand(batch: String, business: String) -> Decimal {
        stock[TraceNodeID(batch: batch, business: business), default: 0]
    }

    /// What has been shipped or sold to `business` of `batch` and not yet received, from any sender.
    public func inTransit(batch: String, to business: String) -> Decimal {
        transit.filter { $0.key.batch == batch && $0.key.to == business }.values.reduce(0, +)
    }

    /// What has been shipped from `sender` to `receiver` and not yet received.
    public func inTransit(batch: String, from sender: String, to receiver: String) -> Decimal {
        transit[Transit(batch: batch, from: sender, to: receiver), default: 0]
    }

    /// Every business holding a positive quantity (in stock or on its way to it), sorted by batch and
    /// business; only of `batch` when given.
    public func holdings(batch: String? = nil) -> [TraceHolding] {
        var holdings: [TraceNodeID: TraceHolding] = [:]
        for (node, quantity) in stock where quantity > 0 && (batch == nil || node.batch == batch) {
            holdings[node, default: TraceHolding(batch: node.batch, business: node.business, onHand: 0)].onHand += quantity
        }
        for (key, quantity) in transit where quantity > 0 && (batch == nil || key.batch == batch) {
            let node = TraceNodeID(batch: key.batch, business: key.to)
            holdings[node, default: TraceHolding(batch: node.batch, business: node.business, onHand: 0)].inTransit += quantity
        }
        return holdings.keys.sorted().compactMap { holdings[$0] }
    }

    /// Applies one event, or refuses it and changes nothing. Refusals (field in parentheses):
    /// `quantityNotPositive` (quantity), `unitMismatch` (unit), `outputsNotAllowed`,
    /// `outputBatchExists`, `outputBatchDuplicate` (outputs), `counterpartyRequired`,
    /// `counterpartyIsSelf`, `counterpartyNotAllowed` (counterpartyBusinessId), `intakeAlreadyRecorded`,
    /// `batchUnknown` (batch), `receiveWithoutShipment`, `receiveExceedsShipment` and
    /// `quantityExceedsHolding` (quantity; arguments: available, requested).
    public mutating func apply(_ event: TraceEventDraft) throws(ValidationFailure) {
        try check(event)
        let node = TraceNodeID(batch: event.batch, business: event.business)
        switch event.type {
        case .receive:
            if let sender = event.counterparty {
                let key = Transit(batch: event.batch, from: sender, to: event.business)
                transit[key, default: 0] -= event.quantity
                if transit[key] == 0 { transit[key] = nil }
            } else {
                units[event.batch] = event.unit
                origins[event.batch] = event.business
            }
            stock[node, default: 0] += event.quantity
        case .store:
            break
        case .ship, .sell, .split, .process, .dispose:
            stock[node, default: 0] -= event.quantity
            if let receiver = event.counterparty {
                transit[Transit(batch: event.batch, from: event.business, to: receiver), default: 0] += event.quantity
            }
            for output in event.outputs {
                units[output.batch] = output.unit
                origins[output.batch] = event.business
                parents[output.batch] = event.batch
                stock[TraceNodeID(batch: output.batch, business: event.business)] = output.quantity
            }
        }
    }

    private func check(_ event: TraceEventDraft) throws(ValidationFailure) {
        guard event.quantity > 0 else {
            throw ValidationFailure(code: "quantityNotPositive", field: "quantity", arguments: ["\(event.quantity)"])
        }
        try checkCounterparty(event)
        try checkOutputs(event)
        if event.isFirstStopIntake {
            guard units[event.batch] == nil else {
                throw ValidationFailure(code: "intakeAlreadyRecorded", field: "batch", arguments: [event.batch])
            }
            return
        }
        guard let unit = units[event.batch] else {
            throw ValidationFailure(code: "batchUnknown", field: "batch", arguments: [event.batch])
        }
        guard event.unit == unit else {
            throw ValidationFailure(code: "unitMismatch", field: "unit", arguments: [event.unit, unit])
        }
        if event.type == .receive, let sender = event.counterparty {
            let shipped = inTransit(batch: event.batch, from: sender, to: event.business)
            guard shipped > 0 else {
                throw ValidationFailure(code: "receiveWithoutShipment", field: "quantity", arguments: ["0", "\(event.quantity)"])
            }
            guard event.quantity <= shipped else {
                throw ValidationFailure(
                    code: "receiveExceedsShipment", field: "quantity", arguments: ["\(shipped)", "\(event.quantity)"])
            }
            return
        }
        let held = onHand(batch: event.batch, business: event.business)
        guard event.quantity <= held else {
            throw ValidationFailure(
                code: "quantityExceedsHolding", field: "quantity", arguments: ["\(held)", "\(event.quantity)"])
        }
    }

    private func checkCounterparty(_ event: TraceEventDraft) throws(ValidationFailure) {
        let field = "counterpartyBusinessId"
        switch (event.type, event.counterparty) {
        case (.ship, nil):
            throw ValidationFailure(code: "counterpartyRequired", field: field)
        case (.store, .some), (.split, .some), (.process, .some), (.dispose, .some):
            throw ValidationFailure(code: "counterpartyNotAllowed", field: field, arguments: [event.type.rawValue])
        case (_, .some(let counterparty)) where counterparty == event.business:
            throw ValidationFailure(code: "counterpartyIsSelf", field: field)
        default:
            break
        }
    }

    private func checkOutputs(_ event: TraceEventDraft) throws(ValidationFailure) {
        guard !event.outputs.isEmpty else { return }
        guard event.type.isTransformation else {
            throw ValidationFailure(code: "outputsNotAllowed", field: "outputs", arguments: [event.type.rawValue])
        }
        var seen: Set<String> = []
        for output in event.outputs {
            guard output.quantity > 0 else {
                throw ValidationFailure(code: "quantityNotPositive", field: "outputs", arguments: ["\(output.quantity)"])
            }
            guard seen.insert(output.batch).inserted else {
                throw ValidationFailure(code: "outputBatchDuplicate", field: "outputs", arguments: [output.batch])
            }
            guard output.batch != event.batch, units[output.batch] == nil else {
                throw ValidationFailure(code: "outputBatchExists", field: "outputs", arguments: [output.batch])
            }
        }
    }
}
