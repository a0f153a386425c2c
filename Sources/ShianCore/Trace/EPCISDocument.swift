import Foundation

/// The wire shape of a GS1 EPCIS 2.0 JSON-LD document, as far as Shian reads and writes it: the
/// envelope (`@context`, `type`, `schemaVersion`, `creationDate`, `epcisBody.eventList`) and, of the
/// events, ObjectEvent and TransformationEvent with quantities (research/anchors-intl.md §3.1; the
/// JSON schema at ref.gs1.org/standards/epcis/2.0.1/epcis-json-schema.json). Fields Shian does not
/// use (sensor data, certification info, ilmd …) are skipped on decoding. `EPCISMapping` turns these
/// into trace events and back.
public struct EPCISDocument: Codable, Sendable, Equatable {
    /// The GS1 context every EPCIS 2.0 JSON-LD document names.
    public static let gs1Context = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld"

    /// The context URLs (`@context` as one string or an array; inline term definitions are skipped).
    public var context: [String]
    public var type: String
    public var schemaVersion: String
    public var creationDate: String
    public var epcisBody: Body

    public struct Body: Codable, Sendable, Equatable {
        public var eventList: [EPCISEvent]
    }

    public init(context: [String] = [gs1Context], creationDate: String, eventList: [EPCISEvent]) {
        self.context = context
        self.type = "EPCISDocument"
        self.schemaVersion = "2.0"
        self.creationDate = creationDate
        self.epcisBody = Body(eventList: eventList)
    }

    enum CodingKeys: String, CodingKey {
        case context = "@context"
        case type, schemaVersion, creationDate, epcisBody
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let single = try? container.decode(String.self, forKey: .context) {
            context = [single]
        } else {
            var list = try container.nestedUnkeyedContainer(forKey: .context)
            var urls: [String] = []
            while !list.isAtEnd {
                if let url = try? list.decode(String.self) {
                    urls.append(url)
                } else {
                    _ = try list.decode(Skipped.self)
                }
            }
            context = urls
        }
        type = try container.decode(String.self, forKey: .type)
        schemaVersion = try container.decode(String.self, forKey: .schemaVersion)
        creationDate = try container.decode(String.self, forKey: .creationDate)
        epcisBody = try container.decode(Body.self, forKey: .epcisBody)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if context.count == 1 {
            try container.encode(context[0], forKey: .context)
        } else {
            try container.encode(context, forKey: .context)
        }
        try container.encode(type, forKey: .type)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(creationDate, forKey: .creationDate)
        try container.encode(epcisBody, forKey: .epcisBody)
    }

    /// Consumes a JSON value Shian has no use for (an inline JSON-LD context).
    private struct Skipped: Decodable {
        init(from decoder: any Decoder) throws {}
    }
}
