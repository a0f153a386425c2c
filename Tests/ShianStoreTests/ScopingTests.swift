import FluentKit
import ShianCore
import ShianTestSupport
import Testing

@testable import ShianStore

@Suite("Region scoping and keyset pagination")
struct ScopingTests {
    private func seedTree(on db: any Database) async throws {
        let codes = ["22", "2224", "222499", "222499101", "222499101001", "222499101001001", "222499102", "222499102001",
                     "222500", "222500101"]
        for code in codes {
            try await Region(code: try RegionCode(code), name: "R\(code)").create(on: db)
        }
    }

    @Test(arguments: TestDatabase.all)
    func withinKeepsExactlyTheSubtree(database: TestDatabase) async throws {
        try await withMigratedDatabase(database) { db in
            try await seedTree(on: db)
            let township = try await Region.query(on: db).within(RegionCode(literal: "222499101")).sort(\.$code).all()
            #expect(township.map(\.code) == ["222499101", "222499101001", "222499101001001"])
            let county = try await Region.query(on: db).within(RegionCode(literal: "222499")).count()
            #expect(county == 6)
            let nowhere = try await Region.query(on: db).within(RegionCode.nowhere).count()
            #expect(nowhere == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func keysetPagesCoverEveryRowOnce(database: TestDatabase) async throws {
        try await withMigratedDatabase(database) { db in
            try await seedTree(on: db)
            var seen: [String] = []
            var cursor: PageCursor?
            var pages = 0
            repeat {
                let page = try await Region.query(on: db).keysetPage(sortedBy: \.$code, after: cursor, limit: 3)
                seen += page.items.map(\.code)
                cursor = page.nextCursor.flatMap(PageCursor.init(encoded:))
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 4)
            #expect(seen == seen.sorted())
            #expect(Set(seen).count == 10)
        }
    }

    @Test func cursorsRoundTripAndRejectGarbage() {
        let cursor = PageCursor(value: "222499", id: UUID())
        #expect(PageCursor(encoded: cursor.encoded) == cursor)
        #expect(PageCursor(encoded: "not-a-cursor") == nil)
        #expect(PageCursor(encoded: "") == nil)
    }
}
