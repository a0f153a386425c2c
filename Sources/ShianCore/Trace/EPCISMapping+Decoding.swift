import Foundation

extension EPCISMapping {
    /// Reads an EPCIS 2.0 JSON-LD document into trace events, strictly: JSON that does not have the
    /// document's shape yields one `epcisMalformed` problem at the path where decoding stopped; a
    /// document that decodes yields every problem of its envelope and events (see `events(from:)`).
    public func decode(_ data: Data) throws(Problems) -> [TraceEventDraft] {
        let document: EPCISDocument
        do {
            document = try JSONDecoder().decode(EPCISDocument.self, from: data)
        } catch let error as DecodingError {
            throw Problems([Self.failure(for: error)])
        } catch {
            throw Problems([ValidationFailure(code: "epcisMalformed", arguments: [String(describing: error)])])
        }
        return try events(from: document)
    }

    /// The trace events of a decoded document. Problems (field = JSON path): `epcisContextMissing`,
    /// `epcisDocumentType`, `epcisSchemaVersion`, `epcisTimeInvalid`, `epcisTimeZoneOffsetInvalid`,
    /// `epcisEventTypeUnsupported` (only ObjectEvent and TransformationEvent), `epcisFieldMissing`,
    /// `epcisFieldUnexpected` (outputs on an ObjectEvent),
    /// `epcisBizStepUnsupported` (a step with no `TraceEventType`), `epcisEventTypeMismatch` (a
    /// transformation step on an ObjectEvent or the reverse), `epcisActionInvalid`,
    /// `epcisQuantityListCount` (exactly one batch per event), `epcisIdentifierUnknown` (not a Shian
    /// batch or business URL), `epcisPartyAmbiguous`, `epcisPartyMismatch` (the owning party on the
    /// business's side is another business) and `epcisPartyUnexpected` (a party on an event that has
    /// no counterparty). The disposition is not checked: Shian derives it from the step.
    public func events(from document: EPCISDocument) throws(Problems) -> [TraceEventDraft] {
        var failures: [ValidationFailure] = []
        let knownContext = document.context.contains {
            $0.hasPrefix("https://ref.gs1.org/standards/epcis/") && $0.hasSuffix("epcis-context.jsonld")
        }
        if !knownContext {
            failures.append(
                ValidationFailure(code: "epcisContextMissing", field: "@context", arguments: [EPCISDocument.gs1Context]))
        }
        if document.type != "EPCISDocument" {
            failures.append(ValidationFailure(code: "epcisDocumentType", field: "type", arguments: [document.type]))
        }
        if document.schemaVersion != "2.0", !document.schemaVersion.hasPrefix("2.0.") {
            failures.append(
                ValidationFailure(code: "epcisSchemaVersion", field: "schemaVersion", arguments: [document.schemaVersion]))
        }
        if Self.parseTimestamp(document.creationDate) == nil {
            failures.append(
                ValidationFailure(code: "epcisTimeInvalid", field: "creationDate", arguments: [document.creationDate]))
        }
        var events: [TraceEventDraft] = []
        for (index, event) in document.epcisBody.eventList.enumerated() {
            var problems: [ValidationFailure] = []
            let draft = traceEvent(event, path: "epcisBody.eventList[\(index)]", problems: &problems)
            failures += problems
            if problems.isEmpty, let draft { events.append(draft) }
        }
        guard failures.isEmpty else { throw Problems(failures) }
        return events
    }

    private func traceEvent(_ event: EPCISEvent, path: String, problems: inout [ValidationFailure]) -> TraceEventDraft? {
        func fail(_ code: String, _ field: String, _ arguments: String...) {
            problems.append(ValidationFailure(code: code, field: "\(path).\(field)", arguments: arguments))
        }
        let isTransformation: Bool
        switch event.type {
        case "ObjectEvent": isTransformation = false
        case "TransformationEvent": isTransformation = true
        default:
            fail("epcisEventTypeUnsupported", "type", event.type)
            return nil
        }
        let occurredAt = Self.parseTimestamp(event.eventTime)
        if occurredAt == nil { fail("epcisTimeInvalid", "eventTime", event.eventTime) }
        if !Self.isOffset(event.eventTimeZoneOffset) {
            fail("epcisTimeZoneOffsetInvalid", "eventTimeZoneOffset", event.eventTimeZoneOffset)
        }
        var type: TraceEventType?
        if let bizStep = event.bizStep {
            type = TraceEventType(bizStep: bizStep)
            if type == nil { fail("epcisBizStepUnsupported", "bizStep", bizStep) }
        } else {
            fail("epcisFieldMissing", "bizStep")
        }
        if let type, type.isTransformation != isTransformation {
            fail("epcisEventTypeMismatch", "type", event.type, type.bizStep)
        }
        if !isTransformation, !["ADD", "OBSERVE", "DELETE"].contains(event.action ?? "") {
            fail("epcisActionInvalid", "action", event.action ?? "")
        }
        var business: String?
        if let location = event.bizLocation {
            business = self.business(fromURI: location.id)
            if business == nil { fail("epcisIdentifierUnknown", "bizLocation.id", location.id) }
        } else {
            fail("epcisFieldMissing", "bizLocation")
        }
        let listName = isTransformation ? "inputQuantityList" : "quantityList"
        let list = (isTransformation ? event.inputQuantityList : event.quantityList) ?? []
        if list.count != 1 { fail("epcisQuantityListCount", listName, String(list.count)) }
        let input = list.count == 1 ? quantity(list[0], path: "\(path).\(listName)[0]", problems: &problems) : nil
        var outputs: [TraceOutput] = []
        for (index, element) in (event.outputQuantityList ?? []).enumerated() {
            if let output = quantity(element, path: "\(path).outputQuantityList[\(index)]", problems: &problems) {
                outputs.append(TraceOutput(batch: output.batch, quantity: output.quantity, unit: output.unit))
            }
        }
        if !isTransformation, !(event.outputQuantityList ?? []).isEmpty { fail("epcisFieldUnexpected", "outputQuantityList") }
        var counterparty: String?
        if let type {
            counterparty = self.counterparty(of: event, type: type, business: business, path: path, problems: &problems)
        }
        guard let type, let business, let input, let occurredAt, problems.isEmpty else { return nil }
        return TraceEventDraft(
            eventID: event.eventID, batch: input.batch, type: type, business: business, counterparty: counterparty,
            quantity: input.quantity, unit: input.unit, occurredAt: occurredAt, outputs: outputs)
    }

    private func quantity(
        _ element: EPCISEvent.QuantityElement, path: String, problems: inout [ValidationFailure]
    ) -> (batch: String, quantity: Decimal, unit: String)? {
        let batch = self.batch(fromURI: element.epcClass)
        if batch == nil {
            problems.append(
                ValidationFailure(code: "epcisIdentifierUnknown", field: "\(path).epcClass", arguments: [element.epcClass]))
        }
        if element.quantity == nil { problems.append(ValidationFailure(code: "epcisFieldMissing", field: "\(path).quantity")) }
        let unit = element.uom?.trimmingCharacters(in: .whitespaces) ?? ""
        if unit.isEmpty { problems.append(ValidationFailure(code: "epcisFieldMissing", field: "\(path).uom")) }
        guard let batch, let quantity = element.quantity, !unit.isEmpty else { return nil }
        return (batch, quantity, unit)
    }

    /// The other business, read from the owning parties: for a receipt the source, for a shipment or
    /// sale the destination; the side of the business itself, when given, must name it.
    private func counterparty(
        of event: EPCISEvent, type: TraceEventType, business: String?, path: String, problems: inout [ValidationFailure]
    ) -> String? {
        var found: [ValidationFailure] = []
        defer { problems += found }
        func fail(_ code: String, _ field: String, _ arguments: String...) {
            found.append(ValidationFailure(code: code, field: "\(path).\(field)", arguments: arguments))
        }
        func owner(_ uris: [String], list: String) -> (ok: Bool, business: String?) {
            guard uris.count <= 1 else {
                fail("epcisPartyAmbiguous", list, String(uris.count))
                return (false, nil)
            }
            guard let uri = uris.first else { return (true, nil) }
            guard let owner = self.business(fromURI: uri) else {
                fail("epcisIdentifierUnknown", list, uri)
                return (false, nil)
            }
            return (true, owner)
        }
        let isOwner = { (type: String) in type == Self.owningParty || type == "owning_party" }
        let sources = owner((event.sourceList ?? []).filter { isOwner($0.type) }.map(\.source), list: "sourceList")
        let destinations = owner(
            (event.destinationList ?? []).filter { isOwner($0.type) }.map(\.destination), list: "destinationList")
        switch type {
        case .receive, .ship, .sell:
            let (own, other, ownList) =
                type == .receive ? (destinations, sources, "destinationList") : (sources, destinations, "sourceList")
            if let owner = own.business, let business, owner != business {
                fail("epcisPartyMismatch", ownList, owner, business)
            }
            return other.business
        case .store, .split, .process, .dispose:
            if sources.business != nil { fail("epcisPartyUnexpected", "sourceList", type.rawValue) }
            if destinations.business != nil { fail("epcisPartyUnexpected", "destinationList", type.rawValue) }
            return nil
        }
    }

    static func failure(for error: DecodingError) -> ValidationFailure {
        func path(_ keys: [any CodingKey]) -> String? {
            guard !keys.isEmpty else { return nil }
            return keys.reduce("") { path, key in
                if let index = key.intValue { return path + "[\(index)]" }
                return path.isEmpty ? key.stringValue : path + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ValidationFailure(code: "epcisFieldMissing", field: path(context.codingPath + [key]))
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return ValidationFailure(
                code: "epcisMalformed", field: path(context.codingPath), arguments: [context.debugDescription])
        @unknown default:
            return ValidationFailure(code: "epcisMalformed", arguments: [String(describing: error)])
        }
    }
}
