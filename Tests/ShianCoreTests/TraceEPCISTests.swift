import Foundation
import Testing

@testable import ShianCore

@Suite("EPCIS 2.0 JSON-LD interchange")
struct TraceEPCISTests {
    static let mapping = EPCISMapping(baseURL: "https://shian.example/")
    static let created = Date(timeIntervalSince1970: 1_740_830_400)

    /// The trace graph's chain, spread over a day, with an event ID and a millisecond on some.
    static let events: [TraceEventDraft] =
        TraceGraphTests.events.enumerated().map { index, event in
            var event = event
            event.occurredAt = Date(timeIntervalSince1970: 1_740_800_000 + Double(index) * 3_600 + (index == 3 ? 0.25 : 0))
            if index.isMultiple(of: 4) { event.eventID = "urn:uuid:00000000-0000-4000-8000-00000000000\(index / 4)" }
            return event
        } + [
            TraceLedgerTests.event(.store, at: "M", 20, batch: "B1a", unit: "CT"),
            TraceLedgerTests.event(.dispose, at: "I", 100),
        ]

    static func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func eventsSurviveTheRoundTrip() throws {
        let data = try Self.mapping.encode(Self.events, createdAt: Self.created)
        let decoded = try Self.mapping.decode(data)
        #expect(decoded == Self.events)
        #expect(
            try TraceGraph(events: decoded).currentHolders(of: "B1") == TraceGraph(events: Self.events).currentHolders(of: "B1"))
    }

    @Test func theEnvelopeIsAnEPCIS20Document() throws {
        let document = try Self.json(Self.mapping.encode(Self.events, createdAt: Self.created))
        #expect(document["@context"] as? String == "https://ref.gs1.org/standards/epcis/epcis-context.jsonld")
        #expect(document["type"] as? String == "EPCISDocument")
        #expect(document["schemaVersion"] as? String == "2.0")
        #expect(document["creationDate"] as? String == "2025-03-01T20:00:00.000+08:00")
        let body = try #require(document["epcisBody"] as? [String: Any])
        #expect((body["eventList"] as? [Any])?.count == Self.events.count)
    }

    @Test func aShipmentIsAnObjectEventWithItsParties() throws {
        let document = try Self.json(Self.mapping.encode([Self.events[1]], createdAt: Self.created))
        let body = try #require(document["epcisBody"] as? [String: Any])
        let event = try #require((body["eventList"] as? [[String: Any]])?.first)
        #expect(event["type"] as? String == "ObjectEvent")
        #expect(event["action"] as? String == "OBSERVE")
        #expect(event["eventTime"] as? String == "2025-03-01T12:33:20.000+08:00")
        #expect(event["eventTimeZoneOffset"] as? String == "+08:00")
        #expect(event["bizStep"] as? String == "urn:epcglobal:cbv:bizstep:shipping")
        #expect(event["disposition"] as? String == "urn:epcglobal:cbv:disp:in_transit")
        #expect((event["readPoint"] as? [String: String])?["id"] == "https://shian.example/businesses/I")
        #expect((event["bizLocation"] as? [String: String])?["id"] == "https://shian.example/businesses/I")
        let quantity = try #require((event["quantityList"] as? [[String: Any]])?.first)
        #expect(quantity["epcClass"] as? String == "https://shian.example/trace/B1")
        #expect((quantity["quantity"] as? NSNumber)?.intValue == 600)
        #expect(quantity["uom"] as? String == "KGM")
        #expect(
            event["sourceList"] as? [[String: String]] == [
                ["type": "urn:epcglobal:cbv:sdt:owning_party", "source": "https://shian.example/businesses/I"]
            ])
        #expect(
            event["destinationList"] as? [[String: String]] == [
                ["type": "urn:epcglobal:cbv:sdt:owning_party", "destination": "https://shian.example/businesses/W"]
            ])
    }

    @Test func aReceiptNamesTheSenderAsSource() throws {
        let event = Self.mapping.epcisEvent(Self.events[2])
        #expect(event.sourceList?.map(\.source) == ["https://shian.example/businesses/I"])
        #expect(event.destinationList?.map(\.destination) == ["https://shian.example/businesses/W"])
        #expect(Self.mapping.epcisEvent(Self.events[0]).action == "ADD")
        #expect(Self.mapping.epcisEvent(Self.events[0]).sourceList == nil)
        #expect(Self.mapping.epcisEvent(Self.events.last ?? Self.events[0]).action == "DELETE")
    }

    @Test func processingIsATransformationEvent() throws {
        let event = Self.mapping.epcisEvent(Self.events[9])
        #expect(event.type == "TransformationEvent")
        #expect(event.action == nil && event.quantityList == nil)
        #expect(event.bizStep == "urn:epcglobal:cbv:bizstep:commissioning")
        #expect(event.inputQuantityList == [.init(epcClass: "https://shian.example/trace/B1", quantity: 100, uom: "KGM")])
        #expect(event.outputQuantityList == [.init(epcClass: "https://shian.example/trace/D1", quantity: 500, uom: "H87")])
    }

    @Test func identifiersAreEscapedAndRead() {
        let mapping = Self.mapping
        #expect(mapping.businessURI("a b/c") == "https://shian.example/businesses/a%20b%2Fc")
        #expect(mapping.business(fromURI: "https://shian.example/businesses/a%20b%2Fc") == "a b/c")
        #expect(mapping.business(fromURI: "https://other.example/businesses/a") == nil)
        #expect(mapping.business(fromURI: "https://shian.example/businesses/") == nil)
        #expect(mapping.batch(fromURI: "https://shian.example/trace/CL222499202503010001239") == "CL222499202503010001239")
    }

    @Test func foreignSpellingsAreAccepted() throws {
        // Bare CBV terms, a versioned context in an array with inline terms, UTC times.
        let text = """
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"ex": "https://example.org/"}],
             "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2025-03-01T04:00:00Z",
             "epcisBody": {"eventList": [
               {"type": "ObjectEvent", "eventTime": "2025-03-01T02:00:00Z", "eventTimeZoneOffset": "+00:00", "action": "OBSERVE",
                "bizStep": "receiving", "disposition": "sellable_not_accessible", "quantityList": [
                  {"epcClass": "https://shian.example/trace/B1", "quantity": 12.5, "uom": "KGM"}],
                "bizLocation": {"id": "https://shian.example/businesses/W"}, "ex:note": {"any": [1, 2]},
                "sourceList": [{"type": "owning_party", "source": "https://shian.example/businesses/I"},
                               {"type": "location", "source": "https://elsewhere.example/dock/7"}]}]}}
            """
        let events = try Self.mapping.decode(Data(text.utf8))
        #expect(
            events == [
                TraceEventDraft(
                    batch: "B1", type: .receive, business: "W", counterparty: "I", quantity: Decimal(string: "12.5") ?? 0,
                    unit: "KGM",
                    occurredAt: Date(timeIntervalSince1970: 1_740_794_400))
            ])
    }

    static func document(_ change: (inout EPCISEvent) -> Void) -> EPCISDocument {
        var document = mapping.document(for: [events[1]], createdAt: created)
        change(&document.epcisBody.eventList[0])
        return document
    }

    @Test(arguments: [
        (document { $0.type = "AggregationEvent" }, "epcisEventTypeUnsupported", "epcisBody.eventList[0].type"),
        (document { $0.type = "TransformationEvent" }, "epcisEventTypeMismatch", "epcisBody.eventList[0].type"),
        (document { $0.bizStep = nil }, "epcisFieldMissing", "epcisBody.eventList[0].bizStep"),
        (
            document { $0.bizStep = "urn:epcglobal:cbv:bizstep:inspecting" }, "epcisBizStepUnsupported",
            "epcisBody.eventList[0].bizStep"
        ),
        (document { $0.action = "MOVE" }, "epcisActionInvalid", "epcisBody.eventList[0].action"),
        (document { $0.eventTime = "2025-03-01 12:00" }, "epcisTimeInvalid", "epcisBody.eventList[0].eventTime"),
        (document { $0.eventTime = "2025-03-01T12:00:00" }, "epcisTimeInvalid", "epcisBody.eventList[0].eventTime"),
        (document { $0.eventTimeZoneOffset = "+8" }, "epcisTimeZoneOffsetInvalid", "epcisBody.eventList[0].eventTimeZoneOffset"),
        (document { $0.bizLocation = nil }, "epcisFieldMissing", "epcisBody.eventList[0].bizLocation"),
        (
            document { $0.bizLocation = .init(id: "urn:epc:id:sgln:0614141.00001.0") }, "epcisIdentifierUnknown",
            "epcisBody.eventList[0].bizLocation.id"
        ),
        (document { $0.quantityList = [] }, "epcisQuantityListCount", "epcisBody.eventList[0].quantityList"),
        (
            document { $0.quantityList?[0].epcClass = "urn:epc:class:lgtin:4012345.012345.998877" }, "epcisIdentifierUnknown",
            "epcisBody.eventList[0].quantityList[0].epcClass"
        ),
        (document { $0.quantityList?[0].uom = nil }, "epcisFieldMissing", "epcisBody.eventList[0].quantityList[0].uom"),
        (document { $0.quantityList?[0].quantity = nil }, "epcisFieldMissing", "epcisBody.eventList[0].quantityList[0].quantity"),
        (
            document { $0.sourceList?[0].source = "https://shian.example/businesses/X" }, "epcisPartyMismatch",
            "epcisBody.eventList[0].sourceList"
        ),
        (
            document { $0.destinationList? += [.init(type: "owning_party", destination: "https://shian.example/businesses/Y")] },
            "epcisPartyAmbiguous", "epcisBody.eventList[0].destinationList"
        ),
        (
            document { $0.bizStep = "urn:epcglobal:cbv:bizstep:storing" }, "epcisPartyUnexpected",
            "epcisBody.eventList[0].sourceList"
        ),
    ])
    func strictDecodingSaysWhereAndWhy(document: EPCISDocument, code: String, field: String) {
        do {
            let events = try Self.mapping.events(from: document)
            Issue.record("should be refused, got \(events)")
        } catch {
            #expect(error.failures.first?.code == code)
            #expect(error.failures.first?.field == field)
        }
    }

    @Test func theEnvelopeIsChecked() {
        var document = Self.mapping.document(for: [], createdAt: Self.created)
        document.context = ["https://example.org/context.jsonld"]
        document.type = "EPCISQueryDocument"
        document.schemaVersion = "1.2"
        document.creationDate = "yesterday"
        #expect(
            throws: EPCISMapping.Problems([
                ValidationFailure(code: "epcisContextMissing", field: "@context", arguments: [EPCISDocument.gs1Context]),
                ValidationFailure(code: "epcisDocumentType", field: "type", arguments: ["EPCISQueryDocument"]),
                ValidationFailure(code: "epcisSchemaVersion", field: "schemaVersion", arguments: ["1.2"]),
                ValidationFailure(code: "epcisTimeInvalid", field: "creationDate", arguments: ["yesterday"]),
            ])
        ) {
            try Self.mapping.events(from: document)
        }
    }

    @Test func everyBadEventIsReported() throws {
        var document = Self.mapping.document(for: Array(Self.events.prefix(3)), createdAt: Self.created)
        document.epcisBody.eventList[0].bizStep = "urn:epcglobal:cbv:bizstep:inspecting"
        document.epcisBody.eventList[2].eventTimeZoneOffset = "Z"
        #expect(
            throws: EPCISMapping.Problems([
                ValidationFailure(
                    code: "epcisBizStepUnsupported", field: "epcisBody.eventList[0].bizStep",
                    arguments: ["urn:epcglobal:cbv:bizstep:inspecting"]),
                ValidationFailure(
                    code: "epcisTimeZoneOffsetInvalid", field: "epcisBody.eventList[2].eventTimeZoneOffset", arguments: ["Z"]),
            ])
        ) {
            try Self.mapping.events(from: document)
        }
    }

    static let envelope =
        #"{"@context": "https://ref.gs1.org/standards/epcis/epcis-context.jsonld", "type": "EPCISDocument", "#
        + #""schemaVersion": "2.0", "creationDate": "2025-03-01T00:00:00Z", "#

    @Test(arguments: [
        ("not json", "epcisMalformed", nil as String?),
        (#"{"type": "EPCISDocument"}"#, "epcisFieldMissing", "@context"),
        (
            #"{"@context": 5, "type": "EPCISDocument", "epcisBody": {"eventList": []}}"#,
            "epcisMalformed", "@context"
        ),
        (
            envelope + #""epcisBody": {}}"#,
            "epcisFieldMissing", "epcisBody.eventList"
        ),
        (
            envelope + #""epcisBody": {"eventList": [{"type": "ObjectEvent", "eventTime": "2025-03-01T00:00:00Z", "#
                + #""eventTimeZoneOffset": "+00:00", "quantityList": [{"epcClass": "x", "quantity": "ten"}]}]}}"#,
            "epcisMalformed", "epcisBody.eventList[0].quantityList[0].quantity"
        ),
    ])
    func malformedJSONSaysWhere(text: String, code: String, field: String?) {
        do {
            _ = try Self.mapping.decode(Data(text.utf8))
            Issue.record("should be refused")
        } catch {
            #expect(error.failures.map(\.code) == [code])
            #expect(error.failures.first?.field == field)
        }
    }

    @Test func timestampsKeepMillisecondsInChinaTime() {
        #expect(EPCISMapping.timestamp(Date(timeIntervalSince1970: 0.25)) == "1970-01-01T08:00:00.250+08:00")
        #expect(EPCISMapping.timestamp(Date(timeIntervalSince1970: 1_740_844_799.9996)) == "2025-03-02T00:00:00.000+08:00")
        #expect(EPCISMapping.parseTimestamp("2025-03-01T12:33:20.250+08:00") == Date(timeIntervalSince1970: 1_740_803_600.25))
        #expect(EPCISMapping.parseTimestamp("2025-03-01T12:33:20+0800") == nil)
    }
}
