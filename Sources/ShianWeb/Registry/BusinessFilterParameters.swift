import ShianCore
import Vapor

/// The registry's list filters as query parameters, shared by the pages, the API and the export:
/// `q`, `category`, `regionCode`, `status`, `expiry`, `unplaced`. A bad value is a 400 naming it.
enum BusinessFilterParameters {
    static func filter(from request: Request, list: ListParameters, scope: Scope) throws -> BusinessQueries.Filter {
        let raw = list.rawQuery
        var filter = BusinessQueries.Filter(query: list.query)
        if let text = raw["category"], !text.isEmpty {
            guard let category = BusinessCategory(rawValue: text) else { throw ShianError(.badRequest, "categoryInvalid", field: "category", arguments: [text]) }
            filter.category = category
        }
        if let text = raw["status"], !text.isEmpty {
            guard let status = BusinessStatus(rawValue: text) else { throw ShianError(.badRequest, "statusInvalid", field: "status", arguments: [text]) }
            filter.status = status
        }
        if let text = raw["expiry"], !text.isEmpty {
            guard let band = PermitExpiry(rawValue: text) else { throw ShianError(.badRequest, "expiryInvalid", field: "expiry") }
            filter.expiry = band
        }
        if let code = raw["regionCode"], !code.isEmpty {
            guard RegionCode(validating: code) != nil else { throw ShianError(.badRequest, "regionCodeInvalid", field: "regionCode") }
            // A region outside the scope is refused, not answered with an empty list.
            guard scope.covers(code) else { throw ShianError.forbidden }
            filter.regionCode = code
        }
        filter.unplaced = raw["unplaced"] == "true"
        filter.inspectionOverdue = raw["inspectionOverdue"] == "true"
        filter.seriousViolators = raw["seriousViolators"] == "true"
        if let text = raw["riskGrade"], !text.isEmpty {
            guard let grade = RiskGrade(rawValue: text) else { throw ShianError(.badRequest, "riskGradeInvalid", field: "riskGrade") }
            filter.riskGrade = grade
        }
        return filter
    }
}
