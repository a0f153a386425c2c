import Foundation

/// Writes trace events as an EPCIS 2.0 JSON-LD document and reads them back
/// (research/anchors-intl.md §3.1), so provincial platforms and enterprise systems can exchange them.
///
/// The mapping:
/// - receive, store, ship, sell, dispose → ObjectEvent (action ADD for a first-stop intake, DELETE for
///   destruction, OBSERVE otherwise) with one `quantityList` entry; split and process →
///   TransformationEvent with the batch in `inputQuantityList` and the new batches in
///   `outputQuantityList`.
/// - `bizStep` and `disposition` from `TraceEventType` as CBV URNs; `eventTime` in China time with
///   `eventTimeZoneOffset` "+08:00".
/// - Identifiers are Shian URLs: a batch is `<base>/trace/<batch>` (its public look-up page), a
///   business `<base>/businesses/<id>`, used as `readPoint` and `bizLocation`.
/// - The counterparty is an `owning_party` in `destinationList` (shipments and sales) or `sourceList`
///   (receipts), the business itself on the other side.
public struct EPCISMapping: Sendable {
    /// Every problem a document has, each with the JSON path it concerns as its field.
    public struct Problems: Error, Equatable, Sendable {
        public let failures: [ValidationFailure]

        public init(_ failures: [ValidationFailure]) {
            self.failures = failures
        }
    }

    static let owningParty = "urn:epcglobal:cbv:sdt:owning_party"
    static let chinaOffset = "+08:00"

    /// The site's public address without a trailing slash, e.g. `https://shian.example.gov.cn`.
    public let baseURL: String

    public init(baseURL: String) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    public func businessURI(_ business: String) -> String { "\(baseURL)/businesses/\(Self.escaped(business))" }
    public func batchURI(_ batch: String) -> String { "\(baseURL)/trace/\(Self.escaped(batch))" }

    /// The business a Shian business URI names, or nil for any other identifier.
    public func business(fromURI uri: String) -> String? { Self.lastSegment(of: uri, after: "\(baseURL)/businesses/") }
    /// The batch a Shian batch URI names, or nil for any other identifier.
    public func batch(fromURI uri: String) -> String? { Self.lastSegment(of: uri, after: "\(baseURL)/trace/") }

    /// The events as an EPCIS document created at `createdAt`.
    public func document(for events: [TraceEventDraft], createdAt: Date) -> EPCISDocument {
        EPCISDocument(creationDate: Self.timestamp(createdAt), eventList: events.map(epcisEvent))
    }

    /// The document as JSON, keys sorted so the same events always give the same bytes.
    public func encode(_ events: [TraceEventDraft], createdAt: Date) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document(for: events, createdAt: createdAt))
    }

    func epcisEvent(_ event: TraceEventDraft) -> EPCISEvent {
        let quantity = EPCISEvent.QuantityElement(epcClass: batchURI(event.batch), quantity: event.quantity, uom: event.unit)
        let here = EPCISEvent.Location(id: businessURI(event.business))
        var result = EPCISEvent(
            type: event.type.isTransformation ? "TransformationEvent" : "ObjectEvent", eventID: event.eventID,
            eventTime: Self.timestamp(event.occurredAt), eventTimeZoneOffset: Self.chinaOffset,
            bizStep: event.type.bizStep, disposition: event.type.disposition, readPoint: here, bizLocation: here)
        if event.type.isTransformation {
            result.inputQuantityList = [quantity]
            result.outputQuantityList = event.outputs.map {
                EPCISEvent.QuantityElement(epcClass: batchURI($0.batch), quantity: $0.quantity, uom: $0.unit)
            }
        } else {
            result.action = event.isFirstStopIntake ? "ADD" : event.type == .dispose ? "DELETE" : "OBSERVE"
            result.quantityList = [quantity]
        }
        if let counterparty = event.counterparty {
            let (from, to) = event.type == .receive ? (counterparty, event.business) : (event.business, counterparty)
            result.sourceList = [EPCISEvent.Source(type: Self.owningParty, source: businessURI(from))]
            result.destinationList = [EPCISEvent.Destination(type: Self.owningParty, destination: businessURI(to))]
        }
        return result
    }

    /// `2025-03-01T10:00:00.000+08:00`: milliseconds, China time, the offset written out.
    static func timestamp(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = (milliseconds / 1000).rounded(.down)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: seconds))
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))T\(pad(parts.hour, 2)):\(pad(parts.minute, 2))"
            + ":\(pad(parts.second, 2)).\(pad(Int(milliseconds - seconds * 1000), 3))\(chinaOffset)"
    }

    /// An RFC 3339 date-time with an explicit offset (`Z` or ±hh:mm) and optional fraction.
    static func parseTimestamp(_ text: String) -> Date? {
        let hasOffset = text.hasSuffix("Z") || Self.isOffset(String(text.suffix(6)))
        guard hasOffset, text.count >= 20 else { return nil }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }

    /// `±hh:mm` with hours up to 14 and minutes up to 59.
    static func isOffset(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count == 6, characters[0] == "+" || characters[0] == "-", characters[3] == ":",
            let hours = Int(String(characters[1...2])), let minutes = Int(String(characters[4...5])),
            characters[1...2].allSatisfy(\.isASCII), characters[4...5].allSatisfy(\.isASCII)
        else { return false }
        return (0...14).contains(hours) && (0...59).contains(minutes)
    }

    private static func escaped(_ segment: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/;?#")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }

    private static func lastSegment(of uri: String, after prefix: String) -> String? {
        guard uri.hasPrefix(prefix) else { return nil }
        let rest = String(uri.dropFirst(prefix.count))
        guard !rest.isEmpty, !rest.contains("/"), let segment = rest.removingPercentEncoding, !segment.isEmpty else { return nil }
        return segment
    }
}
