import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Data reporting (数据填报): townships submit each month's figures on the county's forms; a rule
/// of high importance refuses a submission, others are kept as warnings; completeness and
/// timeliness per township show who lags. The county's rates are the metrics
/// `reportingCompleteness` and `reportingTimeliness` that creation indicators bind.
enum Reporting {
    struct Field: Codable, Sendable {
        let code: String
        let label: String
    }

    struct SubmissionInput: Content {
        var period: String?
        /// The township reporting; an officer's own township when absent.
        var unitCode: String?
        var values: [String: Double]?
    }

    struct SubmissionDTO: Content {
        let id: UUID
        let form: String
        let unitCode: String
        let period: String
        let values: [String: Double]
        let warnings: [ReportViolation]
        let submittedAt: Date
    }

    struct LaggingDTO: Content {
        struct Unit: Content {
            let unitCode: String
            let name: String
            let expected: Int
            let submitted: Int
            let onTime: Int
            let missingPeriods: [String]
            /// Percent, 0–100; null when nothing was due.
            let completeness: Double?
            let timeliness: Double?
            let lagging: Bool
        }

        let form: String
        let through: String
        let units: [Unit]
    }

    /// How many months back completeness and timeliness look.
    static let window = 6

    static func periods(through month: String, count: Int) -> [String] {
        guard let year = Int(month.prefix(4)), let number = Int(month.suffix(2)) else { return [] }
        return (0..<count).reversed().map { back in
            let total = year * 12 + (number - 1) - back
            return String(format: "%04d-%02d", total / 12, total % 12 + 1)
        }
    }

    /// The due moment of a period's report: `dueDay` of the next month, end of day, China time.
    static func dueAt(_ period: String, dueDay: Int) -> Date {
        guard let year = Int(period.prefix(4)), let month = Int(period.suffix(2)) else { return .distantFuture }
        let next = year * 12 + month  // the following month, counted from zero
        return Calendar.shanghai.date(from: DateComponents(year: next / 12, month: next % 12 + 1, day: dueDay, hour: 23, minute: 59))
            ?? .distantFuture
    }

    static func validPeriod(_ text: String?) -> String? {
        guard let text, text.count == 7, text.dropFirst(4).first == "-", let year = Int(text.prefix(4)), (2000...2100).contains(year),
            let month = Int(text.suffix(2)), (1...12).contains(month)
        else { return nil }
        return text
    }

    private static func form(_ request: Request, principal: Principal) async throws -> ReportForm {
        // A form belongs to the caller's county, even when the caller's scope is one township of it.
        let county = String(principal.user.regionCode.prefix(RegionLevel.county.codeLength))
        guard let code = request.parameters.get("code"),
            let form = try await ReportForm.query(on: request.db).filter(\.$code == code).filter(\.$regionCode == county).first()
        else { throw ShianError.notFound }
        return form
    }

    /// `POST /api/v1/reports/{code}/submissions`: a township officer reports for its township; the
    /// office (or an administrator) for any township of the county.
    static func submit(request: Request) async throws -> Response {
        let principal = try request.require(.submitEvidence)
        let form = try await form(request, principal: principal)
        let input = try APIBody.decode(SubmissionInput.self, from: request)
        guard let period = validPeriod(input.period) else { throw ShianError(.unprocessableEntity, "monthInvalid", field: "period") }
        guard period <= MarketEntryLot.month(of: Date()) else {
            throw ShianError(.unprocessableEntity, "periodInFuture", field: "period")
        }
        let unit = input.unitCode ?? principal.user.regionCode
        guard let code = RegionCode(validating: unit), code.level == .township, code.rawValue.hasPrefix(form.regionCode) else {
            throw ShianError(.unprocessableEntity, "reportUnitInvalid", field: "unitCode", arguments: [unit])
        }
        guard principal.scope.covers(code.rawValue) else { throw ShianError.forbidden }
        let fields = (try? JSONDecoder().decode([Field].self, from: Data(form.fields.utf8))) ?? []
        let values = input.values ?? [:]
        for (index, field) in fields.enumerated() where values[field.code] == nil {
            throw ShianError(.unprocessableEntity, "fieldRequired", field: "values.\(field.code)", arguments: [field.label + "（\(index + 1)）"])
        }
        if let unknown = values.keys.sorted().first(where: { key in !fields.contains { $0.code == key } }) {
            throw ShianError(.unprocessableEntity, "reportFieldUnknown", field: "values", arguments: [unknown])
        }
        guard values.values.allSatisfy({ $0 >= 0 && $0.isFinite }) else { throw ShianError(.unprocessableEntity, "numberInvalid", field: "values") }
        let rules = (try? JSONDecoder().decode([ReportValidationRule].self, from: Data(form.rules.utf8))) ?? []
        let violations = ReportValidationRule.violations(rules, values: values)
        if let blocking = violations.first(where: { $0.importance == .high }) {
            throw ShianError(.unprocessableEntity, "reportRuleViolated", field: "values", arguments: [blocking.title])
        }
        let formID = try form.requireID()
        guard try await ReportSubmission.query(on: request.db).filter(\.$form.$id == formID).filter(\.$regionCode == code.rawValue)
            .filter(\.$period == period).count() == 0
        else { throw ShianError(.conflict, "reportAlreadySubmitted", field: "period", arguments: [period]) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let submission = ReportSubmission()
        submission.$form.id = formID
        submission.regionCode = code.rawValue
        submission.period = period
        submission.values = String(decoding: try encoder.encode(values), as: UTF8.self)
        submission.warnings = String(decoding: try encoder.encode(violations), as: UTF8.self)
        submission.submittedAt = Date().storageRounded
        submission.$submittedBy.id = try principal.user.requireID()
        try await request.db.transaction { db in
            try await submission.create(on: db)
            try await AuditLog.record(.create, submission, before: nil, actor: principal.actor, on: db)
        }
        let dto = SubmissionDTO(
            id: try submission.requireID(), form: form.code, unitCode: code.rawValue, period: period, values: values, warnings: violations,
            submittedAt: submission.submittedAt)
        return try await dto.encodeResponse(status: .created, for: request)
    }

    /// Completeness and timeliness of every township of the form's county over the last months.
    static func lagging(_ form: ReportForm, through month: String, now: Date, on database: any Database) async throws -> LaggingDTO {
        let formID = try form.requireID()
        let range = RegionCode.prefixRange(form.regionCode)
        let townships = try await Region.query(on: database).filter(\.$code >= range.lower).filter(\.$code < (range.upper ?? "~"))
            .all().filter { $0.code.count == RegionLevel.township.codeLength }
        let months = periods(through: month, count: window)
        let submissions = try await ReportSubmission.query(on: database).filter(\.$form.$id == formID).filter(\.$period ~~ months).all()
        let submitted = Dictionary(submissions.map { ("\($0.regionCode)|\($0.period)", $0.submittedAt) }, uniquingKeysWith: { a, _ in a })
        var expectations: [ReportExpectation] = []
        for township in townships {
            for period in months {
                expectations.append(.init(unit: township.code, period: period, dueAt: dueAt(period, dueDay: form.dueDay),
                                          submittedAt: submitted["\(township.code)|\(period)"]))
            }
        }
        let names = Dictionary(townships.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let units = ReportingRates.compute(expectations, now: now).map { rate in
            LaggingDTO.Unit(
                unitCode: rate.unit, name: names[rate.unit] ?? rate.unit, expected: rate.expected, submitted: rate.submitted, onTime: rate.onTime,
                missingPeriods: rate.missingPeriods, completeness: rate.completeness, timeliness: rate.timeliness,
                lagging: !rate.missingPeriods.isEmpty || rate.onTime < rate.submitted)
        }
        return LaggingDTO(form: form.code, through: month, units: units)
    }

    /// `GET /api/v1/reports/{code}/lagging?through=yyyy-MM`: lagging townships first.
    static func laggingAPI(request: Request) async throws -> LaggingDTO {
        let principal = try request.require(.readCreation)
        let form = try await form(request, principal: principal)
        let through = validPeriod(try? request.query.get(String.self, at: "through")) ?? MarketEntryLot.month(of: Date())
        return try await lagging(form, through: through, now: Date(), on: request.db)
    }

    static func forms(county: String, on database: any Database) async throws -> [ReportForm] {
        try await ReportForm.query(on: database).filter(\.$regionCode == county).sort(\.$code).all()
    }

    /// The county's completeness and timeliness over all its forms, as the creation metrics.
    static func metricValues(county: RegionCode, now: Date, on database: any Database) async throws -> [MetricID: MetricValue] {
        let forms = try await forms(county: String(county.rawValue.prefix(RegionLevel.county.codeLength)), on: database)
        var expected = 0, submitted = 0, onTime = 0
        for form in forms {
            for unit in try await lagging(form, through: MarketEntryLot.month(of: now), now: now, on: database).units {
                expected += unit.expected
                submitted += unit.submitted
                onTime += unit.onTime
            }
        }
        guard expected > 0 else { return [:] }
        return [
            .reportingCompleteness: MetricValue(numerator: Double(submitted), denominator: Double(expected), factor: 100),
            .reportingTimeliness: MetricValue(numerator: Double(onTime), denominator: Double(expected), factor: 100),
        ]
    }
}
