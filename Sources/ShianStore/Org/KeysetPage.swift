import FluentKit
import Foundation

/// One page of a list, and the cursor of the next one (nil on the last page).
public struct RecordPage<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    public func map<Other>(_ transform: (Item) throws -> Other) rethrows -> RecordPage<Other> {
        RecordPage<Other>(items: try items.map(transform), nextCursor: nextCursor)
    }
}

/// An opaque keyset cursor: the sort value and id of the last row of the previous page.
public struct PageCursor: Codable, Sendable, Equatable {
    public let value: String
    public let id: UUID

    public init(value: String, id: UUID) {
        self.value = value
        self.id = id
    }

    /// Base64url of a small JSON object; nil when `text` is not a cursor this code wrote.
    public init?(encoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
            let cursor = try? JSONDecoder().decode(PageCursor.self, from: data)
        else { return nil }
        self = cursor
    }

    public var encoded: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

extension QueryBuilder where Model.IDValue == UUID {
    /// Keyset pagination: sorts by `field` then id, and returns the rows after `cursor`.
    /// Unlike OFFSET, the cost of a page does not grow with its depth.
    public func keysetPage(
        sortedBy field: KeyPath<Model, FieldProperty<Model, String>>, after cursor: PageCursor?, limit: Int
    ) async throws -> RecordPage<Model> {
        if let cursor {
            group(.or) { or in
                or.filter(field > cursor.value)
                or.group(.and) { same in
                    same.filter(field == cursor.value).filter(\._$id > cursor.id)
                }
            }
        }
        let rows = try await sort(field).sort(\._$id).limit(limit + 1).all()
        let items = Array(rows.prefix(limit))
        let next: String? =
            rows.count > limit
            ? items.last.flatMap { last in last.id.map { PageCursor(value: last[keyPath: field].value ?? "", id: $0).encoded } }
            : nil
        return RecordPage(items: items, nextCursor: next)
    }
}

extension QueryBuilder where Model.IDValue == UUID {
    /// Keyset pagination on a date (deadlines, times of events), then id. The cursor holds the date's
    /// own value (seconds since 2001, exactly), and dates are stored `storageRounded`, so the date of
    /// the last row shown compares equal to itself.
    public func keysetPage(
        sortedBy field: KeyPath<Model, FieldProperty<Model, Date>>, descending: Bool, after cursor: PageCursor?, limit: Int
    ) async throws -> RecordPage<Model> {
        if let cursor, let seconds = Double(cursor.value) {
            let at = Date(timeIntervalSinceReferenceDate: seconds)
            group(.or) { or in
                or.filter(field, descending ? .lessThan : .greaterThan, at)
                or.group(.and) { same in
                    same.filter(field == at).filter(\._$id, descending ? .lessThan : .greaterThan, cursor.id)
                }
            }
        }
        let direction: DatabaseQuery.Sort.Direction = descending ? .descending : .ascending
        let rows = try await sort(field, direction).sort(\._$id, direction).limit(limit + 1).all()
        let items = Array(rows.prefix(limit))
        let next: String? =
            rows.count > limit
            ? items.last.flatMap { last in
                last.id.map { PageCursor(value: String(last[keyPath: field].value?.timeIntervalSinceReferenceDate ?? 0), id: $0).encoded }
            }
            : nil
        return RecordPage(items: items, nextCursor: next)
    }
}
