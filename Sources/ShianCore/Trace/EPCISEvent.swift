import Foundation

/// One EPCIS event: the fields of ObjectEvent and TransformationEvent that Shian uses.
public struct EPCISEvent: Codable, Sendable, Equatable {
    public var type: String
    public var eventID: String?
    public var eventTime: String
    public var eventTimeZoneOffset: String
    /// ObjectEvent only: ADD, OBSERVE or DELETE.
    public var action: String?
    public var quantityList: [QuantityElement]?
    public var inputQuantityList: [QuantityElement]?
    public var outputQuantityList: [QuantityElement]?
    public var bizStep: String?
    public var disposition: String?
    public var readPoint: Location?
    public var bizLocation: Location?
    public var sourceList: [Source]?
    public var destinationList: [Destination]?

    public struct QuantityElement: Codable, Sendable, Equatable {
        public var epcClass: String
        public var quantity: Decimal?
        public var uom: String?
    }

    public struct Location: Codable, Sendable, Equatable {
        public var id: String
    }

    public struct Source: Codable, Sendable, Equatable {
        public var type: String
        public var source: String
    }

    public struct Destination: Codable, Sendable, Equatable {
        public var type: String
        public var destination: String
    }

    public init(
        type: String, eventID: String? = nil, eventTime: String, eventTimeZoneOffset: String, action: String? = nil,
        quantityList: [QuantityElement]? = nil, inputQuantityList: [QuantityElement]? = nil,
        outputQuantityList: [QuantityElement]? = nil, bizStep: String? = nil, disposition: String? = nil,
        readPoint: Location? = nil, bizLocation: Location? = nil, sourceList: [Source]? = nil,
        destinationList: [Destination]? = nil
    ) {
        self.type = type
        self.eventID = eventID
        self.eventTime = eventTime
        self.eventTimeZoneOffset = eventTimeZoneOffset
        self.action = action
        self.quantityList = quantityList
        self.inputQuantityList = inputQuantityList
        self.outputQuantityList = outputQuantityList
        self.bizStep = bizStep
        self.disposition = disposition
        self.readPoint = readPoint
        self.bizLocation = bizLocation
        self.sourceList = sourceList
        self.destinationList = destinationList
    }
}
