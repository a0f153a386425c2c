import FluentKit
import ShianCore

/// A record that belongs to a place. Its region code is the most specific region it belongs to
/// (a business carries its grid's code), so "everything under X" is a range query on that column.
public protocol RegionScoped: FluentKit.Model {
    static var regionCodeKey: KeyPath<Self, FieldProperty<Self, String>> { get }
}

extension QueryBuilder where Model: RegionScoped {
    /// The one scoping filter: keeps the records at `code` or under it. Every list, look-up and
    /// write path of a region-scoped record goes through this (or through `UserScope.covers`).
    @discardableResult
    public func within(_ code: RegionCode) -> Self {
        let range = code.descendantRange
        filter(Model.regionCodeKey >= range.lower)
        if let upper = range.upper {
            filter(Model.regionCodeKey < upper)
        }
        return self
    }

    /// The records inside a user's scope (the region part; department and business narrowing
    /// apply where a model carries them, see the web layer's `Scope`).
    @discardableResult
    public func within(_ scope: UserScope) -> Self {
        within(scope.regionCode)
    }
}

extension RegionScoped {
    /// The stored region code of this record.
    public var storedRegionCode: String {
        self[keyPath: Self.regionCodeKey].value ?? ""
    }
}
