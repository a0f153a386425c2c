import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// `/api/v1/businesses`: the registry within the caller's scope.
enum BusinessesAPIController {
    static func list(request: Request) async throws -> ListDTO<BusinessDTO> {
        let principal = try request.require(.readBusinesses)
        let list = try ListParameters(request)
        let filter = try BusinessFilterParameters.filter(from: request, list: list, scope: principal.scope)
        let today = Date()
        let page = try await BusinessQueries.list(filter, scope: principal.scope, cursor: list.cursor, limit: list.limit, today: today, on: request.db)
        return ListDTO(try page.map { try BusinessDTO($0, today: today) })
    }

    static func show(request: Request) async throws -> BusinessDTO {
        let principal = try request.require(.readBusinesses)
        return try BusinessDTO(try await principal.scope.find(Business.self, try request.idParameter(), on: request.db), today: Date())
    }

    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.manageBusinesses)
        let fields = try APIBody.decode([String: FieldValue].self, from: request).mapValues(\.text)
        let business = try await BusinessWrites.create(try BusinessWrites.draft(fields, rules: request.application.shian.smallBusinessRules), by: principal, on: request.db)
        return try await BusinessDTO(business, today: Date()).encodeResponse(status: .created, for: request)
    }

    static func update(request: Request) async throws -> BusinessDTO {
        let principal = try request.require(.manageBusinesses)
        let business = try await principal.scope.find(Business.self, try request.idParameter(), on: request.db)
        let fields = try APIBody.decode([String: FieldValue].self, from: request).mapValues(\.text)
        return try BusinessDTO(try await BusinessWrites.update(business, with: fields, rules: request.application.shian.smallBusinessRules, by: principal, on: request.db), today: Date())
    }

    static func renewPermit(request: Request) async throws -> BusinessDTO {
        let principal = try request.require(.manageBusinesses)
        let business = try await principal.scope.find(Business.self, try request.idParameter(), on: request.db)
        let today = Date()
        return try BusinessDTO(try await BusinessWrites.renewPermit(business, rules: request.application.shian.smallBusinessRules, by: principal, today: today, on: request.db), today: today)
    }

    static func cancelPermit(request: Request) async throws -> BusinessDTO {
        let principal = try request.require(.manageBusinesses)
        let business = try await principal.scope.find(Business.self, try request.idParameter(), on: request.db)
        return try BusinessDTO(try await BusinessWrites.cancelPermit(business, by: principal, on: request.db), today: Date())
    }

    /// `POST /api/v1/businesses/import`: a CSV (`text/csv`) or XLSX body; `?dryRun=true` checks only.
    static func importTable(request: Request) async throws -> Response {
        let principal = try request.require(.manageBusinesses)
        let table = try ImportTable.read(request)
        let dryRun = (try? request.query.get(Bool.self, at: "dryRun")) ?? false
        do {
            let report = try await BusinessImport.run(table, by: principal, commit: !dryRun, on: request)
            return try await report.encodeResponse(status: .ok, for: request)
        } catch let refusal as BusinessImport.Refusal {
            throw refusal.apiError
        }
    }

    /// `GET /api/v1/businesses/export?format=csv|xlsx` with the list's filters.
    static func export(request: Request) async throws -> Response {
        let principal = try request.require(.readBusinesses)
        let list = try ListParameters(request)
        let filter = try BusinessFilterParameters.filter(from: request, list: list, scope: principal.scope)
        return try await BusinessExport.response(filter, principal: principal, request: request)
    }
}

/// A JSON field value as text: strings as they are, numbers and booleans written out, null as absent.
struct FieldValue: Decodable {
    let text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            text = ""
        } else if let string = try? container.decode(String.self) {
            text = string
        } else if let number = try? container.decode(Double.self) {
            text = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        } else if let flag = try? container.decode(Bool.self) {
            text = String(flag)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a string, number or null")
        }
    }
}
