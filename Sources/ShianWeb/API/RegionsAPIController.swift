import FluentKit
import ShianCore
import ShianStore
import Vapor

/// `/api/v1/regions`: the region tree within the caller's scope.
enum RegionsAPIController {
    static func list(request: Request) async throws -> ListDTO<RegionDTO> {
        let principal = try request.require(.readRegions)
        let list = try ListParameters(request)
        var filter = RegionQueries.Filter(query: list.query, active: list.active)
        if let parent = try? request.query.get(String.self, at: "parent"), !parent.isEmpty {
            guard RegionCode(validating: parent) != nil else {
                throw ShianError(.badRequest, "regionCodeInvalid", field: "parent")
            }
            // A parent outside the scope is refused, not answered with an empty list.
            _ = try await RegionQueries.find(code: parent, scope: principal.scope, on: request.db)
            filter.parent = parent
        }
        if let level = try? request.query.get(String.self, at: "level"), !level.isEmpty {
            guard let value = RegionLevel(rawValue: level) else { throw ShianError(.badRequest, "levelInvalid", field: "level") }
            filter.level = value
        }
        let page = try await RegionQueries.list(filter, scope: principal.scope, cursor: list.cursor, limit: list.limit, on: request.db)
        return ListDTO(page.map(RegionDTO.init))
    }

    static func show(request: Request) async throws -> RegionDTO {
        let principal = try request.require(.readRegions)
        return RegionDTO(try await RegionQueries.find(code: request.parameters.get("code") ?? "", scope: principal.scope, on: request.db))
    }

    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.manageRegions)
        let input = try APIBody.decode(RegionWrites.Creation.self, from: request)
        let region = try await RegionWrites.create(input, by: principal, on: request.db)
        return try await RegionDTO(region).encodeResponse(status: .created, for: request)
    }

    static func update(request: Request) async throws -> RegionDTO {
        let principal = try request.require(.manageRegions)
        let region = try await RegionQueries.find(code: request.parameters.get("code") ?? "", scope: principal.scope, on: request.db)
        let change = try APIBody.decode(RegionWrites.Change.self, from: request)
        return RegionDTO(try await RegionWrites.update(region, with: change, by: principal, on: request.db))
    }
}

/// Decoding of JSON request bodies: 415 for a content type other than JSON, 400 for a body that is
/// not the expected JSON. A body without a content type is read as JSON.
enum APIBody {
    static func decode<Body: Decodable>(_ type: Body.Type, from request: Request) throws -> Body {
        if let contentType = request.headers.contentType, contentType != .json {
            throw ShianError(.unsupportedMediaType, "unsupportedMediaType")
        }
        guard let buffer = request.body.data else { throw ShianError.malformed() }
        do {
            return try ContentConfiguration.global.requireDecoder(for: .json).decode(Body.self, from: buffer, headers: [:])
        } catch let DecodingError.keyNotFound(key, _) {
            throw ShianError.missing(key.stringValue)
        } catch {
            throw ShianError.malformed()
        }
    }
}
