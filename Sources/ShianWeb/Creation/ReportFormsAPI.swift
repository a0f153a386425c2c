import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The county's report forms through the API: list and read for the roles that read the creation
/// campaign; create and change (assigned townships, rules, outlier check, due offset) for the food
/// safety office and administrators. Every write is audited; a bad definition is refused with a
/// 422 naming the first bad part, and nothing is written.
enum ReportFormsAPI {
    struct FormDTO: Content {
        let code: String
        let name: String
        let regionCode: String
        let periodType: ReportPeriodType
        let fields: [ReportField]
        let rules: [ReportValidationRule]
        let outlierRule: OutlierRule?
        /// The townships assigned; empty means every township of the county.
        let units: [String]
        let dueDays: Int

        init(_ form: ReportForm) {
            code = form.code
            name = form.name
            regionCode = form.regionCode
            periodType = form.type
            fields = form.fieldList
            rules = form.ruleList
            outlierRule = form.outlierCheck
            units = form.assignedUnits
            dueDays = form.dueDays
        }
    }

    struct FormList: Content {
        let items: [FormDTO]
        let nextCursor: String?
    }

    struct CreateInput: Decodable {
        var code: String
        var name: String
        var periodType: String
        var fields: [ReportField]
        var rules: [ReportValidationRule]?
        var outlierRule: OutlierRule?
        var units: [String]?
        var dueDays: Int
    }

    /// What `PUT` may change; a form's code, period type and fields stay, so its history keeps its meaning.
    struct UpdateInput: Decodable {
        var name: String?
        var rules: [ReportValidationRule]?
        var outlierRule: OutlierRule?
        /// `true` removes the outlier check (a JSON null cannot be told from a missing key).
        var removeOutlierRule: Bool?
        var units: [String]?
        var dueDays: Int?
    }

    private static func county(of principal: Principal) -> String {
        String(principal.user.regionCode.prefix(RegionLevel.county.codeLength))
    }

    /// `GET /api/v1/reports?periodType=&q=&regionCode=&limit=&cursor=`: a county's forms by code (the
    /// caller's own, or `regionCode` in its scope).
    static func list(request: Request) async throws -> FormList {
        let principal = try request.require(.readCreation)
        let parameters = try ListParameters(request)
        let query = ReportForm.query(on: request.db).filter(\.$regionCode == (try Reporting.readableCounty(request, principal: principal)))
        if let text = parameters.rawQuery["periodType"], !text.isEmpty {
            guard let type = ReportPeriodType(rawValue: text) else {
                throw ShianError(.badRequest, "reportingPeriodTypeInvalid", field: "periodType", arguments: [text])
            }
            query.filter(\.$periodType == type.rawValue)
        }
        if let text = parameters.query {
            query.group(.or) { $0.filter(\.$code ~~ text).filter(\.$name ~~ text) }
        }
        let page = try await query.keysetPage(sortedBy: \.$code, after: parameters.cursor, limit: parameters.limit)
        return FormList(items: page.items.map(FormDTO.init), nextCursor: page.nextCursor)
    }

    /// `GET /api/v1/reports/{code}`.
    static func show(request: Request) async throws -> FormDTO {
        let principal = try request.require(.readCreation)
        return FormDTO(try await Reporting.form(request, principal: principal, county: try Reporting.readableCounty(request, principal: principal)))
    }

    /// `POST /api/v1/reports`.
    static func create(request: Request) async throws -> Response {
        let principal = try request.require(.manageCreation)
        let input = try APIBody.decode(CreateInput.self, from: request)
        guard let type = ReportPeriodType(rawValue: input.periodType) else {
            throw ShianError(.unprocessableEntity, "reportingPeriodTypeInvalid", field: "periodType", arguments: [input.periodType])
        }
        let definition = ReportFormDefinition(
            code: input.code, name: input.name.trimmingCharacters(in: .whitespaces), periodType: type, fields: input.fields,
            rules: input.rules ?? [], outlierRule: input.outlierRule, dueDays: input.dueDays)
        if let problem = definition.problems().first { throw ShianError(problem) }
        let county = county(of: principal)
        let units = try await validUnits(input.units ?? [], county: county, on: request.db)
        guard try await ReportForm.query(on: request.db).filter(\.$regionCode == county).filter(\.$code == definition.code).count() == 0 else {
            throw ShianError(.conflict, "reportingFormExists", field: "code", arguments: [definition.code])
        }
        let form = ReportForm()
        form.regionCode = county
        try form.apply(definition, units: units)
        try await request.db.transaction { db in
            try await form.create(on: db)
            try await AuditLog.record(.create, form, before: nil, actor: principal.actor, on: db)
        }
        return try await FormDTO(form).encodeResponse(status: .created, for: request)
    }

    /// `PUT /api/v1/reports/{code}`: changes the parts given.
    static func update(request: Request) async throws -> FormDTO {
        let principal = try request.require(.manageCreation)
        let form = try await Reporting.form(request, principal: principal)
        let input = try APIBody.decode(UpdateInput.self, from: request)
        var definition = form.definition
        if let name = input.name { definition.name = name.trimmingCharacters(in: .whitespaces) }
        if let rules = input.rules { definition.rules = rules }
        if let rule = input.outlierRule { definition.outlierRule = rule }
        if input.removeOutlierRule == true { definition.outlierRule = nil }
        if let days = input.dueDays { definition.dueDays = days }
        if let problem = definition.problems().first { throw ShianError(problem) }
        var units = form.assignedUnits
        if let given = input.units { units = try await validUnits(given, county: form.regionCode, on: request.db) }
        let before = form.auditFields
        try form.apply(definition, units: units)
        try await request.db.transaction { db in
            try await form.update(on: db)
            try await AuditLog.record(.update, form, before: before, actor: principal.actor, on: db)
        }
        return FormDTO(form)
    }

    /// The townships given, each a township of the county that exists, sorted and without repeats.
    private static func validUnits(_ units: [String], county: String, on database: any Database) async throws -> [String] {
        let unique = Array(Set(units)).sorted()
        for (index, unit) in units.enumerated() {
            guard let code = RegionCode(validating: unit), code.level == .township, unit.hasPrefix(county) else {
                throw ShianError(.unprocessableEntity, "reportUnitInvalid", field: "units[\(index)]", arguments: [unit])
            }
        }
        guard !unique.isEmpty else { return [] }
        let known = Set(try await Region.query(on: database).filter(\.$code ~~ unique).all().map(\.code))
        if let index = units.firstIndex(where: { !known.contains($0) }) {
            throw ShianError(.unprocessableEntity, "reportUnitInvalid", field: "units[\(index)]", arguments: [units[index]])
        }
        return unique
    }
}
