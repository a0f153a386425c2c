/// What happened to a batch at a business, and its EPCIS 2.0 meaning: the business step and the
/// disposition it leaves the goods in, as GS1 Core Business Vocabulary (CBV 2.0) terms
/// (research/anchors-intl.md §3.1; CBV bizStep and disposition vocabularies, ref.gs1.org/cbv).
public enum TraceEventType: String, Codable, Sendable, CaseIterable {
    /// Goods arrive from a counterparty, or enter the chain at the first stop.
    case receive
    /// Goods go into (cold) storage at the business; nothing moves between businesses.
    case store
    /// Goods leave for a counterparty.
    case ship
    /// Goods are sold: to consumers, or to a business named as counterparty (which then receives them).
    case sell
    /// A batch is divided or repacked into new batches (分装), each with its own code.
    case split
    /// A batch is used up in processing; new batches may come out of it.
    case process
    /// Goods are destroyed (销毁), as after a recall or a positive test. Not in issue 6's list; Shian
    /// adds it so a batch the four-no gate stops can still leave the ledger.
    case dispose

    static let bizStepPrefix = "urn:epcglobal:cbv:bizstep:"
    static let dispositionPrefix = "urn:epcglobal:cbv:disp:"

    /// The CBV business step term.
    public var bizStepTerm: String {
        switch self {
        case .receive: "receiving"
        case .store: "storing"
        case .ship: "shipping"
        case .sell: "retail_selling"
        // CBV "repackaging": objects moved from one package into another.
        case .split: "repackaging"
        // CBV has no "transforming" step; GS1 guidance uses "commissioning" on TransformationEvents,
        // whose outputs are new identifiers.
        case .process: "commissioning"
        case .dispose: "destroying"
        }
    }

    /// The CBV disposition term the goods are in after the event.
    public var dispositionTerm: String {
        switch self {
        case .receive: "in_progress"
        case .store: "sellable_not_accessible"
        case .ship: "in_transit"
        case .sell: "retail_sold"
        case .split, .process: "active"
        case .dispose: "destroyed"
        }
    }

    /// The business step as a URN, e.g. `urn:epcglobal:cbv:bizstep:receiving`.
    public var bizStep: String { Self.bizStepPrefix + bizStepTerm }
    /// The disposition as a URN, e.g. `urn:epcglobal:cbv:disp:in_transit`.
    public var disposition: String { Self.dispositionPrefix + dispositionTerm }

    /// Split and process consume a batch and make new ones: EPCIS TransformationEvents. The others
    /// are ObjectEvents.
    public var isTransformation: Bool { self == .split || self == .process }

    /// Whether the four-no gate applies (`FourNoGate`): everything but destruction.
    public var passesFourNoGate: Bool { self != .dispose }

    /// The type whose business step is `bizStep`, written as a URN or as the bare CBV term.
    public init?(bizStep: String) {
        let term = bizStep.hasPrefix(Self.bizStepPrefix) ? String(bizStep.dropFirst(Self.bizStepPrefix.count)) : bizStep
        guard let type = Self.allCases.first(where: { $0.bizStepTerm == term }) else { return nil }
        self = type
    }
}
