import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Data reporting (数据报送): townships submit each period's figures (monthly, quarterly or yearly)
/// on the county's forms; a rule of high importance refuses a submission, others are kept as
/// warnings; values far from the township's history are flagged; completeness and timeliness per
/// township show who lags. The county's rates are the metrics `reportingCompleteness` and
/// `reportingTimeliness` that creation indicators bind.
enum Reporting {
    /// The period `text` names for `form`, or 422 naming the expected shape.
    static func period(_ text: String?, of form: ReportForm) throws -> ReportPeriod {
        guard let text, let period = ReportPeriod(text, type: form.type) else {
            throw ShianError(.unprocessableEntity, "reportingPeriodInvalid", field: "period", arguments: [form.type.example])
        }
        return period
    }

    /// The county whose forms a read shows: `regionCode` (a county in the caller's scope, or a place
    /// inside one), so that a city or province reads any of its counties; else the caller's own.
    static func readableCounty(_ request: Request, principal: Principal) throws -> String {
        guard let typed = try? request.query.get(String.self, at: "regionCode"), !typed.isEmpty else {
            return String(principal.user.regionCode.prefix(RegionLevel.county.codeLength))
        }
        let place = try CreationQueries.place(request, principal: principal)
        guard place.level == .county else { throw ShianError(.badRequest, "regionCodeInvalid", field: "regionCode") }
        return place.rawValue
    }

    /// The form with the route's `code` of `county` (by default the caller's own), or 404.
    static func form(_ request: Request, principal: Principal, county: String? = nil) async throws -> ReportForm {
        // A form belongs to the caller's county, even when the caller's scope is one township of it.
        let county = county ?? String(principal.user.regionCode.prefix(RegionLevel.county.codeLength))
        guard let code = request.parameters.get("code"),
            let form = try await ReportForm.query(on: request.db).filter(\.$code == code).filter(\.$regionCode == county).first()
        else { throw ShianError.notFound }
        return form
    }

    /// `POST /api/v1/reports/{code}/submissions`: a township officer reports for its township; the
    /// office (or an administrator) for any township the form is assigned to.
    static func submit(request: Request) async throws -> Response {
        let principal = try request.require(.submitEvidence)
        let form = try await form(request, principal: principal)
        let input = try APIBody.decode(SubmissionInput.self, from: request)
        let dto = try await record(input, on: form, by: principal, now: Date(), on: request.db)
        return try await dto.encodeResponse(status: .created, for: request)
    }

    /// Checks and stores one report (the API's and the page's form's); audited.
    static func record(_ input: SubmissionInput, on form: ReportForm, by principal: Principal, now: Date, on database: any Database)
        async throws -> SubmissionDTO
    {
        let period = try period(input.period, of: form)
        guard period <= ReportPeriod(containing: now, type: form.type) else {
            throw ShianError(.unprocessableEntity, "periodInFuture", field: "period")
        }
        let unit = input.unitCode ?? principal.user.regionCode
        guard let code = RegionCode(validating: unit), code.level == .township, code.rawValue.hasPrefix(form.regionCode) else {
            throw ShianError(.unprocessableEntity, "reportUnitInvalid", field: "unitCode", arguments: [unit])
        }
        guard principal.scope.covers(code.rawValue) else { throw ShianError.forbidden }
        let assigned = form.assignedUnits
        guard assigned.isEmpty || assigned.contains(code.rawValue) else {
            throw ShianError(.unprocessableEntity, "reportingUnitNotAssigned", field: "unitCode", arguments: [unit])
        }
        let fields = form.fieldList
        let values = input.values ?? [:]
        for (index, field) in fields.enumerated() where values[field.code] == nil {
            throw ShianError(.unprocessableEntity, "fieldRequired", field: "values.\(field.code)", arguments: [field.label + "（\(index + 1)）"])
        }
        if let unknown = values.keys.sorted().first(where: { key in !fields.contains { $0.code == key } }) {
            throw ShianError(.unprocessableEntity, "reportFieldUnknown", field: "values", arguments: [unknown])
        }
        guard values.values.allSatisfy({ $0 >= 0 && $0.isFinite }) else { throw ShianError(.unprocessableEntity, "numberInvalid", field: "values") }
        let violations = ReportValidationRule.violations(form.ruleList, values: values)
        if let blocking = violations.first(where: { $0.importance == .high }) {
            throw ShianError(.unprocessableEntity, "reportRuleViolated", field: "values", arguments: [blocking.title])
        }
        let formID = try form.requireID()
        let previous = try await ReportSubmission.query(on: database).filter(\.$form.$id == formID).filter(\.$regionCode == code.rawValue)
            .filter(\.$period <= period.description).sort(\.$period, .descending).limit(25).all()
        guard previous.first?.period != period.description else {
            throw ShianError(.conflict, "reportAlreadySubmitted", field: "period", arguments: [period.description])
        }
        // The history an outlier is judged against: the township's last two years of reports at most.
        let history = previous.prefix(24).map { (try? JSONDecoder().decode([String: Double].self, from: Data($0.values.utf8))) ?? [:] }
        let outliers = form.outlierCheck?.flags(values, history: Array(history)) ?? []
        let submission = ReportSubmission()
        submission.$form.id = formID
        submission.regionCode = code.rawValue
        submission.period = period.description
        submission.values = try ReportForm.encode(values)
        submission.warnings = try ReportForm.encode(violations)
        submission.outliers = try ReportForm.encode(outliers)
        submission.submittedAt = now.storageRounded
        submission.$submittedBy.id = try principal.user.requireID()
        try await database.transaction { db in
            try await submission.create(on: db)
            try await AuditLog.record(.create, submission, before: nil, actor: principal.actor, on: db)
        }
        return SubmissionDTO(
            id: try submission.requireID(), form: form.code, unitCode: code.rawValue, period: period.description, values: values,
            warnings: violations, outliers: outliers, submittedAt: submission.submittedAt)
    }

    /// `GET /api/v1/reports/{code}/submissions?period=&unitCode=&flagged=true&limit=&cursor=`: the
    /// form's reports in the caller's scope, newest first; `flagged=true` keeps those with outlier
    /// flags (DHIS2's outlier detection, as a list to work through).
    static func submissions(request: Request) async throws -> SubmissionList {
        let principal = try request.require(.readCreation)
        let form = try await form(request, principal: principal, county: try readableCounty(request, principal: principal))
        let formID = try form.requireID()
        let parameters = try ListParameters(request)
        let raw = parameters.rawQuery
        let query = principal.scope.query(ReportSubmission.self, on: request.db, under: raw["unitCode"].flatMap { $0.isEmpty ? nil : $0 })
            .filter(\.$form.$id == formID)
        if let text = raw["period"], !text.isEmpty { query.filter(\.$period == (try period(text, of: form)).description) }
        switch raw["flagged"] {
        case nil, "": break
        case "true": query.filter(\.$outliers != "[]")
        case "false": query.filter(\.$outliers == "[]")
        default: throw ShianError(.badRequest, "reportingFlaggedInvalid", field: "flagged")
        }
        let page = try await query.keysetPage(sortedBy: \.$submittedAt, descending: true, after: parameters.cursor, limit: parameters.limit)
        let decoder = JSONDecoder()
        let items = try page.items.map { submission in
            SubmissionDTO(
                id: try submission.requireID(), form: form.code, unitCode: submission.regionCode, period: submission.period,
                values: (try? decoder.decode([String: Double].self, from: Data(submission.values.utf8))) ?? [:],
                warnings: (try? decoder.decode([ReportViolation].self, from: Data(submission.warnings.utf8))) ?? [],
                outliers: (try? decoder.decode([OutlierFlag].self, from: Data(submission.outliers.utf8))) ?? [],
                submittedAt: submission.submittedAt)
        }
        return SubmissionList(items: items, nextCursor: page.nextCursor)
    }

    /// Completeness and timeliness of every township the form is assigned to, over the form's window
    /// of periods ending with `through`.
    static func lagging(_ form: ReportForm, through: ReportPeriod, now: Date, on database: any Database) async throws -> LaggingDTO {
        let formID = try form.requireID()
        let townships = try await form.reportingUnits(on: database)
        let periods = through.window(form.type.window).map(\.description)
        let submissions = try await ReportSubmission.query(on: database).filter(\.$form.$id == formID).filter(\.$period ~~ periods).all()
        let byKey = Dictionary(submissions.map { ("\($0.regionCode)|\($0.period)", $0) }, uniquingKeysWith: { a, _ in a })
        var expectations: [ReportExpectation] = []
        for township in townships {
            for period in through.window(form.type.window) {
                expectations.append(
                    .init(unit: township.code, period: period.description, dueAt: form.dueAt(period),
                          submittedAt: byKey["\(township.code)|\(period.description)"]?.submittedAt))
            }
        }
        let names = Dictionary(townships.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let flagged = Dictionary(grouping: submissions.sorted { $0.period > $1.period }, by: \.regionCode).mapValues { reports in
            reports.flatMap { report in
                ((try? JSONDecoder().decode([OutlierFlag].self, from: Data(report.outliers.utf8))) ?? []).map {
                    PeriodOutlier(period: report.period, field: $0.field, value: $0.value, median: $0.median, low: $0.low, high: $0.high)
                }
            }
        }
        let units = ReportingRates.compute(expectations, now: now).map { rate in
            LaggingDTO.Unit(
                unitCode: rate.unit, name: names[rate.unit] ?? rate.unit, expected: rate.expected, submitted: rate.submitted, onTime: rate.onTime,
                missingPeriods: rate.missingPeriods, completeness: rate.completeness, timeliness: rate.timeliness,
                lagging: !rate.missingPeriods.isEmpty || rate.onTime < rate.submitted, outliers: flagged[rate.unit] ?? [])
        }
        return LaggingDTO(form: form.code, periodType: form.type, through: through.description, periods: periods, units: units)
    }

    /// `GET /api/v1/reports/{code}/lagging?through=<period>`: lagging townships first.
    static func laggingAPI(request: Request) async throws -> LaggingDTO {
        let principal = try request.require(.readCreation)
        let form = try await form(request, principal: principal, county: try readableCounty(request, principal: principal))
        let now = Date()
        var through = ReportPeriod(containing: now, type: form.type)
        if let text = try? request.query.get(String.self, at: "through"), !text.isEmpty { through = try period(text, of: form) }
        return try await lagging(form, through: through, now: now, on: request.db)
    }

    static func forms(county: String, on database: any Database) async throws -> [ReportForm] {
        try await ReportForm.query(on: database).filter(\.$regionCode == county).sort(\.$code).all()
    }

    /// The county's completeness and timeliness over all its forms, as the creation metrics.
    static func metricValues(county: RegionCode, now: Date, on database: any Database) async throws -> [MetricID: MetricValue] {
        let forms = try await forms(county: String(county.rawValue.prefix(RegionLevel.county.codeLength)), on: database)
        var expected = 0, submitted = 0, onTime = 0
        for form in forms {
            for unit in try await lagging(form, through: ReportPeriod(containing: now, type: form.type), now: now, on: database).units {
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
