import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Random draws: drawing, checking a draw again from its stored seed and snapshot, and the public
/// announcement (一公开).
enum RandomDraws {
    struct Input: Content {
        var name: String?
        var regionCode: String?
        var category: String?
        var riskGrade: String?
        var count: Int?
    }

    struct DrawDTO: Content {
        struct Pair: Content {
            let businessId: String
            let businessName: String
            let inspectors: [String]
        }

        let id: UUID
        let name: String
        let regionCode: String
        let category: String?
        let riskGrade: String?
        let poolSize: Int
        let seed: String
        let drawnAt: Date
        let pairings: [Pair]
    }

    struct Verification: Content {
        let id: UUID
        let seed: String
        let matches: Bool
    }

    static func create(_ input: Input, by principal: Principal, on database: any Database) async throws -> RandomDrawRecord {
        guard principal.role.may(.recordInspections) else { throw ShianError.forbidden }
        let name = try RegionWrites.validName(input.name)
        let place = try RegionCode((input.regionCode ?? principal.user.regionCode).trimmingCharacters(in: .whitespaces))
        guard principal.scope.covers(place.rawValue) else { throw ShianError(.forbidden, "scopeOutsideOwn", field: "regionCode") }
        guard let count = input.count, (1...1000).contains(count) else {
            throw ShianError(.unprocessableEntity, "numberInvalid", field: "count", arguments: [input.count.map(String.init) ?? ""])
        }
        var filter = BusinessQueries.Filter(regionCode: place.rawValue, status: .active)
        if let text = input.category, !text.isEmpty {
            guard let category = BusinessCategory(rawValue: text) else { throw ShianError(.unprocessableEntity, "categoryInvalid", field: "category", arguments: [text]) }
            filter.category = category
        }
        if let text = input.riskGrade, !text.isEmpty {
            guard let grade = RiskGrade(rawValue: text) else { throw ShianError(.unprocessableEntity, "riskGradeInvalid", field: "riskGrade") }
            filter.riskGrade = grade
        }
        let businesses = try await BusinessQueries.query(filter, scope: principal.scope, today: Date(), on: database).all()
        let pool = businesses.compactMap { business in business.id.map { RandomDraw.Candidate(id: $0.uuidString, regionCode: business.regionCode) } }
        guard !pool.isEmpty else { throw ShianError(.unprocessableEntity, "drawPoolEmpty", field: "regionCode") }
        // Inspectors whose scope overlaps the place; one assigned to a grid conflicts with its
        // businesses, and one named on a business (or who declared a recusal) with that business.
        let users = try await User.query(on: database).filter(\.$role == .inspector).filter(\.$active == true).all()
            .filter { place.contains(rawCode: $0.regionCode) || place.rawValue.hasPrefix($0.regionCode) }
        let namedOn = try await Recusals.conflicts(of: users, in: businesses, on: database)
        let inspectors = users.compactMap { user in
            user.id.map {
                RandomDraw.Inspector(
                    id: $0.uuidString, regionCode: user.regionCode,
                    gridCodes: user.regionCode.count >= RegionLevel.village.codeLength ? [user.regionCode] : [], namedOn: namedOn[$0] ?? [])
            }
        }
        guard inspectors.count >= 2 else { throw ShianError(.unprocessableEntity, "drawTooFewInspectors", field: "regionCode") }
        var system = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: .min ... .max, using: &system)
        let pairings = RandomDraw.draw(pool: pool, inspectors: inspectors, count: count, seed: seed)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let record = RandomDrawRecord()
        record.drawnAt = Date().storageRounded
        record.name = name
        record.regionCode = place.rawValue
        record.category = filter.category?.rawValue
        record.riskGrade = filter.riskGrade?.rawValue
        record.requested = count
        record.seed = String(seed)
        record.pool = String(decoding: try encoder.encode(pool), as: UTF8.self)
        record.inspectors = String(decoding: try encoder.encode(inspectors), as: UTF8.self)
        record.pairings = String(decoding: try encoder.encode(pairings), as: UTF8.self)
        record.$createdBy.id = try principal.user.requireID()
        try await record.create(on: database)
        return record
    }

    /// Runs the draw again from its stored seed and snapshot.
    static func verify(_ record: RandomDrawRecord) throws -> Verification {
        let decoder = JSONDecoder()
        let pool = try decoder.decode([RandomDraw.Candidate].self, from: Data(record.pool.utf8))
        let inspectors = try decoder.decode([RandomDraw.Inspector].self, from: Data(record.inspectors.utf8))
        let stored = try decoder.decode([RandomDraw.Pairing].self, from: Data(record.pairings.utf8))
        let again = RandomDraw.draw(pool: pool, inspectors: inspectors, count: record.requested, seed: UInt64(record.seed) ?? 0)
        return Verification(id: try record.requireID(), seed: record.seed, matches: again == stored)
    }

    static func dto(_ record: RandomDrawRecord, on database: any Database) async throws -> DrawDTO {
        let pairings = try JSONDecoder().decode([RandomDraw.Pairing].self, from: Data(record.pairings.utf8))
        let poolSize = (try? JSONDecoder().decode([RandomDraw.Candidate].self, from: Data(record.pool.utf8)).count) ?? 0
        let businessIDs = pairings.compactMap { UUID(uuidString: $0.businessID) }
        let userIDs = Set(pairings.flatMap(\.inspectorIDs)).compactMap(UUID.init(uuidString:))
        let businesses = businessIDs.isEmpty ? [] : try await Business.query(on: database).filter(\.$id ~~ businessIDs).all()
        let users = userIDs.isEmpty ? [] : try await User.query(on: database).filter(\.$id ~~ userIDs).all()
        let names = Dictionary(businesses.compactMap { b in b.id.map { ($0.uuidString, b.name) } }, uniquingKeysWith: { a, _ in a })
        let people = Dictionary(users.compactMap { u in u.id.map { ($0.uuidString, u.displayName) } }, uniquingKeysWith: { a, _ in a })
        return DrawDTO(
            id: try record.requireID(), name: record.name, regionCode: record.regionCode, category: record.category, riskGrade: record.riskGrade,
            poolSize: poolSize, seed: record.seed, drawnAt: record.drawnAt,
            pairings: pairings.map { .init(businessId: $0.businessID, businessName: names[$0.businessID] ?? "", inspectors: $0.inspectorIDs.map { people[$0] ?? "" }) })
    }

    // MARK: API

    static func createAPI(request: Request) async throws -> Response {
        let principal = try request.require(.recordInspections)
        let record = try await create(try APIBody.decode(Input.self, from: request), by: principal, on: request.db)
        return try await dto(record, on: request.db).encodeResponse(status: .created, for: request)
    }

    static func verifyAPI(request: Request) async throws -> Verification {
        let principal = try request.require(.readInspections)
        return try verify(try await principal.scope.find(RandomDrawRecord.self, try request.idParameter(), on: request.db))
    }

    /// `GET /api/v1/public/random-draws`: every draw is published (一公开), newest first, paged.
    static func publicList(request: Request) async throws -> ListDTO<DrawDTO> {
        let list = try ListParameters(request, defaultLimit: 20)
        let limit = min(list.limit, 50)
        let page = try await RandomDrawRecord.query(on: request.db)
            .keysetPage(sortedBy: \.$drawnAt, descending: true, after: list.cursor, limit: limit)
        var items: [DrawDTO] = []
        for record in page.items { items.append(try await dto(record, on: request.db)) }
        let next = page.nextCursor
        return ListDTO(RecordPage(items: items, nextCursor: next))
    }
}
