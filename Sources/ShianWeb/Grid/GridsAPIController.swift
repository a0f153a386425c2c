import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// `/api/v1/grids` and `/api/v1/grassroots-staff`.
enum GridsAPIController {
    struct GridDTO: Content {
        let code: String
        let name: String
        let businesses: Int
        let assistants: Int
        let informants: Int
    }

    struct CharterDTO: Content {
        let code: String
        let name: String
        let areaDescription: String
        let targets: String
        let duties: String
        let rewardsAndPenalties: String
        let activeBusinesses: Int
    }

    struct StaffDTO: Content {
        let id: UUID
        let name: String
        let kind: String
        let regionCode: String
        let phone: String
        let annualSubsidyFen: Int
        let appointedOn: String
        let trainedOn: String?
        let active: Bool

        init(_ member: GrassrootsStaff) throws {
            id = try member.requireID()
            name = member.name
            kind = member.kind.rawValue
            regionCode = member.regionCode
            phone = member.phone
            annualSubsidyFen = member.annualSubsidyFen
            appointedOn = Formatting.day(member.appointedOn)
            trainedOn = member.trainedOn.map(Formatting.day)
            active = member.active
        }
    }

    private static func place(_ request: Request, principal: Principal) throws -> RegionCode {
        let text = (try? request.query.get(String.self, at: "regionCode")).flatMap { $0.isEmpty ? nil : $0 } ?? principal.user.regionCode
        guard let code = RegionCode(validating: text) else { throw ShianError(.badRequest, "regionCodeInvalid", field: "regionCode") }
        try principal.scope.require(covers: code.rawValue)
        return code
    }

    static func list(request: Request) async throws -> ListDTO<GridDTO> {
        let principal = try request.require(.readGrids)
        let list = try ListParameters(request)
        let page = try await GridQueries.grids(under: try place(request, principal: principal), scope: principal.scope, cursor: list.cursor,
                                               limit: list.limit, on: request.db)
        return ListDTO(page.map {
            GridDTO(code: $0.grid.code, name: $0.grid.name, businesses: $0.businesses, assistants: $0.assistants, informants: $0.informants)
        })
    }

    static func coverage(request: Request) async throws -> GridCoverage {
        let principal = try request.require(.readGrids)
        return try await GridQueries.coverage(under: try place(request, principal: principal), on: request.db)
    }

    static func show(request: Request) async throws -> CharterDTO {
        let principal = try request.require(.readGrids)
        let grid = try await RegionQueries.find(code: request.parameters.get("code") ?? "", scope: principal.scope, on: request.db)
        guard grid.level == .grid else { throw ShianError.notFound }
        let charter = try await GridCharter.query(on: request.db).filter(\.$regionCode == grid.code).first()
        let businesses = try await BusinessQueries.count(.init(regionCode: grid.code, status: .active), scope: principal.scope, today: Date(), on: request.db)
        return CharterDTO(
            code: grid.code, name: grid.name, areaDescription: charter?.areaDescription ?? "", targets: charter?.targets ?? "",
            duties: charter?.duties ?? "", rewardsAndPenalties: charter?.rewardsAndPenalties ?? "", activeBusinesses: businesses)
    }

    static func saveCharter(request: Request) async throws -> CharterDTO {
        let principal = try request.require(.manageGrids)
        let grid = try await RegionQueries.find(code: request.parameters.get("code") ?? "", scope: principal.scope, on: request.db)
        guard grid.level == .grid else { throw ShianError.notFound }
        let form = try APIBody.decode(GridsController.CharterForm.self, from: request)
        try await GridWrites.saveCharter(grid: grid.code, form: form, by: principal, on: request.db)
        return try await show(request: request)
    }

    static func listStaff(request: Request) async throws -> ListDTO<StaffDTO> {
        let principal = try request.require(.readGrids)
        let page = try await StaffQueries.list(from: try ListParameters(request), scope: principal.scope, on: request.db)
        return ListDTO(try page.map(StaffDTO.init))
    }

    static func createStaff(request: Request) async throws -> Response {
        let principal = try request.require(.manageGrids)
        let input = try APIBody.decode(StaffController.Input.self, from: request)
        return try await StaffDTO(try await StaffWrites.save(nil, input, by: principal, on: request.db)).encodeResponse(status: .created, for: request)
    }

    /// `POST /api/v1/grassroots-staff/import`: a CSV or XLSX roster; `?dryRun=true` checks only.
    static func importStaff(request: Request) async throws -> Response {
        let principal = try request.require(.manageGrids)
        let table = try ImportTable.read(request)
        let dryRun = (try? request.query.get(Bool.self, at: "dryRun")) ?? false
        do {
            return try await StaffImport.run(table, by: principal, commit: !dryRun, on: request).encodeResponse(status: .ok, for: request)
        } catch let refusal as BusinessImport.Refusal {
            throw refusal.apiError
        }
    }

    static func updateStaff(request: Request) async throws -> StaffDTO {
        let principal = try request.require(.manageGrids)
        let member = try await principal.scope.find(GrassrootsStaff.self, try request.idParameter(), on: request.db)
        let changes = try APIBody.decode(StaffController.Input.self, from: request)
        var input = StaffWrites.input(of: member)
        if let value = changes.name { input.name = value }
        if let value = changes.kind { input.kind = value }
        if let value = changes.regionCode { input.regionCode = value }
        if let value = changes.phone { input.phone = value }
        if let value = changes.annualSubsidyYuan { input.annualSubsidyYuan = value }
        if let value = changes.appointedOn { input.appointedOn = value }
        if let value = changes.trainedOn { input.trainedOn = value }
        if let value = changes.active { input.active = value }
        return try StaffDTO(try await StaffWrites.save(member, input, by: principal, on: request.db))
    }
}

extension GridCoverage: Content {}
