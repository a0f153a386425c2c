import Foundation

/// A trace event's values as recorded, posted or imported, apart from storage: what the ledger, the
/// trace graph and the EPCIS coding work on. Who (`business`, `counterparty`), what (`batch`,
/// `quantity`, `unit`), when (`occurredAt`) and why (`type`), as EPCIS and FSMA 204's key data
/// elements ask (research/anchors-intl.md §3).
public struct TraceEventDraft: Sendable, Equatable, Codable {
    /// An identifier from the sender (EPCIS `eventID`), kept so a re-sent event is recognised.
    public var eventID: String?
    /// The batch the event concerns, by its identifier in Shian (its trace code).
    public var batch: String
    public var type: TraceEventType
    /// The business where the event happened.
    public var business: String
    /// The other business: the receiver of a shipment or sale, the sender of a receipt. Absent for a
    /// first-stop intake, a sale to consumers, storage, splitting, processing and destruction.
    public var counterparty: String?
    public var quantity: Decimal
    /// The unit as a UN/ECE Recommendation 20 code (`KGM` kilogram, `TNE` tonne, `H87` piece, `CT`
    /// carton), as EPCIS `uom` expects; one unit per batch.
    public var unit: String
    public var occurredAt: Date
    /// The batches a split or a process makes, with their quantities; empty for the other types, and
    /// for processing that leaves no batch (a kitchen using up the goods).
    public var outputs: [TraceOutput]

    public init(
        eventID: String? = nil, batch: String, type: TraceEventType, business: String, counterparty: String? = nil,
        quantity: Decimal, unit: String, occurredAt: Date, outputs: [TraceOutput] = []
    ) {
        self.eventID = eventID
        self.batch = batch
        self.type = type
        self.business = business
        self.counterparty = counterparty
        self.quantity = quantity
        self.unit = unit
        self.occurredAt = occurredAt
        self.outputs = outputs
    }

    /// A receipt with no counterparty opens a batch's ledger at its first stop.
    public var isFirstStopIntake: Bool { type == .receive && counterparty == nil }
}
