/// One batch at one business: a node of the trace graph.
public struct TraceNodeID: Hashable, Sendable, Codable, Comparable {
    public var batch: String
    public var business: String

    public init(batch: String, business: String) {
        self.batch = batch
        self.business = business
    }

    public static func < (lhs: TraceNodeID, rhs: TraceNodeID) -> Bool {
        (lhs.batch, lhs.business) < (rhs.batch, rhs.business)
    }
}
