import FluentKit

/// A record that belongs to one business (inspections, findings, orders). A business operator's
/// scope narrows such records to their own business, in the one scoping function.
public protocol BusinessOwned: FluentKit.Model {
    static var businessIDColumn: FieldKey { get }
}

extension Inspection: BusinessOwned {
    public static var businessIDColumn: FieldKey { "business_id" }
}

extension Finding: BusinessOwned {
    public static var businessIDColumn: FieldKey { "business_id" }
}

extension RectificationOrder: BusinessOwned {
    public static var businessIDColumn: FieldKey { "business_id" }
}
