import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// `/api/v1/standards` and `/api/v1/creation/...`: the standard, each item's assignment, evidence
/// and review, recorded metric values, the units' work and the forecast.
enum CreationAPIController {
    // MARK: standards

    /// `POST /api/v1/standards/import`: the body is the interchange JSON (docs/standard-format.md).
    static func importStandard(request: Request) async throws -> Response {
        let principal = try request.require(.manageCreation)
        let contentType = request.headers.contentType
        guard contentType == nil || contentType == .json || contentType == ImportTable.xlsxType else {
            throw ShianError(.unsupportedMediaType, "unsupportedMediaType")
        }
        guard let buffer = request.body.data else { throw refusalForEmptyBody }
        var data = Data(buffer.readableBytesView)
        let record: StandardRecord
        do {
            if contentType == ImportTable.xlsxType { data = try StandardWorkbookFile.json(xlsx: data) }
            record = try await CreationWrites.importStandard(data, by: principal, on: request.db)
        } catch let problems as StandardDocument.Problems {
            throw CreationWrites.refusal(problems.failures)
        }
        return try await StandardDTO(record).encodeResponse(status: .created, for: request)
    }

    static var refusalForEmptyBody: ShianError { CreationWrites.refusal([ValidationFailure(code: "jsonMalformed")]) }

    /// `GET /api/v1/standards`: every version, by code; `current=true` for the versions in force.
    static func listStandards(request: Request) async throws -> ListDTO<StandardDTO> {
        _ = try request.require(.readCreation)
        let parameters = try ListParameters(request)
        let query = StandardRecord.query(on: request.db)
        if parameters.rawQuery["current"] == "true" { query.filter(\.$supersededAt == nil) }
        let page = try await query.keysetPage(sortedBy: \.$code, after: parameters.cursor, limit: parameters.limit)
        return ListDTO(try page.map(StandardDTO.init))
    }

    /// `GET /api/v1/standards/{id}/document`: the standard in the interchange format, as imported.
    static func exportStandard(request: Request) async throws -> Response {
        _ = try request.require(.readCreation)
        guard let record = try await StandardRecord.find(try request.idParameter(), on: request.db) else { throw ShianError.notFound }
        var headers = HTTPHeaders()
        let format = (try? request.query.get(String.self, at: "format")) ?? "json"
        guard format == "json" || format == "xlsx" else { throw ShianError(.badRequest, "formatInvalid", field: "format") }
        let name = "\(record.code)-\(record.version).\(format)".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "standard.\(format)"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename*=UTF-8''\(name)")
        if format == "xlsx" {
            headers.contentType = ImportTable.xlsxType
            return Response(status: .ok, headers: headers, body: .init(data: try StandardWorkbookFile.xlsx(record)))
        }
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: record.document))
    }

    // MARK: the campaign

    /// `GET /api/v1/creation/forecast?regionCode=&standard=&year=`.
    static func forecast(request: Request) async throws -> ForecastDTO {
        let principal = try request.require(.readCreation)
        let campaign = try await CreationQueries.campaign(request, principal: principal, on: request.db)
        return try ForecastDTO(campaign.forecast(), campaign: campaign)
    }

    /// `GET /api/v1/creation/indicators?status=&unit=&part=&kind=`: the items in the standard's order.
    static func listIndicators(request: Request) async throws -> ListDTO<IndicatorItemDTO> {
        let principal = try request.require(.readCreation)
        let parameters = try ListParameters(request, defaultLimit: 100)
        let campaign = try await CreationQueries.campaign(request, principal: principal, on: request.db)
        var items = try CreationBoard.filtered(campaign, parameters.rawQuery)
        if let cursor = parameters.cursor { items = items.filter { IndicatorAssignment.sortKey($0.indicatorId) > cursor.value } }
        let page = Array(items.prefix(parameters.limit))
        let next = items.count > parameters.limit ? page.last.map { PageCursor(value: IndicatorAssignment.sortKey($0.indicatorId), id: zeroID).encoded } : nil
        return ListDTO(RecordPage(items: page, nextCursor: next))
    }

    /// `GET /api/v1/creation/indicators/{number}`.
    static func showIndicator(request: Request) async throws -> IndicatorDetailDTO {
        let principal = try request.require(.readCreation)
        let campaign = try await CreationQueries.campaign(request, principal: principal, on: request.db)
        return try await CreationBoard.detail(try number(request), campaign: campaign, on: request.db)
    }

    /// `PUT /api/v1/creation/indicators/{number}/assignment`.
    static func assign(request: Request) async throws -> IndicatorDetailDTO {
        let principal = try request.require(.manageCreation)
        let input = try APIBody.decode(CreationWrites.AssignmentInput.self, from: request)
        let target = try await CreationWrites.target(request, principal: principal)
        _ = try await CreationWrites.assign(try number(request), input, in: target, by: principal, on: request.db)
        return try await showIndicator(request: request)
    }

    /// `POST /api/v1/creation/indicators/{number}/evidence`: text, links, self-score, deductions.
    static func submitEvidence(request: Request) async throws -> Response {
        let principal = try request.require(.submitEvidence)
        let (input, file) = try EvidenceUpload.decode(CreationWrites.EvidenceInput.self, from: request, empty: .init())
        let target = try await CreationWrites.target(request, principal: principal)
        let submission = try await CreationWrites.submitEvidence(
            try number(request), input, file: file, in: target, by: principal,
            store: FileStore(dataDirectory: request.application.shian.dataDirectory), on: request.db)
        return try await EvidenceDTO(submission, indicatorId: try number(request)).encodeResponse(status: .created, for: request)
    }

    /// `POST /api/v1/creation/indicators/{number}/review`: `{"decision": "approve" | "return", "reason"}`.
    static func review(request: Request) async throws -> IndicatorDetailDTO {
        let principal = try request.require(.manageCreation)
        let input = try APIBody.decode(CreationWrites.ReviewInput.self, from: request)
        let target = try await CreationWrites.target(request, principal: principal)
        _ = try await CreationWrites.review(try number(request), input, in: target, by: principal, on: request.db)
        return try await showIndicator(request: request)
    }

    /// `POST /api/v1/creation/indicators/{number}/unlock`: `{"reason"}`, from a level above the county.
    static func unlock(request: Request) async throws -> IndicatorDetailDTO {
        let principal = try request.require(.manageCreation)
        let input = try APIBody.decode(CreationWrites.UnlockInput.self, from: request)
        let target = try await CreationWrites.target(request, principal: principal)
        _ = try await CreationWrites.unlock(try number(request), input, in: target, by: principal, on: request.db)
        return try await showIndicator(request: request)
    }

    /// `GET /api/v1/creation/units`: each unit's items by status and the points it can still win.
    static func units(request: Request) async throws -> ListDTO<CreationUnitDTO> {
        let principal = try request.require(.readCreation)
        let campaign = try await CreationQueries.campaign(request, principal: principal, on: request.db)
        return ListDTO(RecordPage(items: CreationBoard.units(campaign), nextCursor: nil))
    }

    struct MetricValueDTO: Content {
        let metric: String
        let regionCode: String
        let year: Int
        let numerator: Double
        let denominator: Double?
        let value: Double?
        let source: String
        let recordedBy: String
        let recordedAt: Date
    }

    /// `PUT /api/v1/creation/metric-values/{metric}?regionCode=`: a recorded value for the year.
    static func recordMetricValue(request: Request) async throws -> MetricValueDTO {
        let principal = try request.require(.manageCreation)
        let input = try APIBody.decode(CreationWrites.MetricValueInput.self, from: request)
        let place = try CreationQueries.place(request, principal: principal)
        let name = request.parameters.get("metric") ?? ""
        let observation = try await CreationWrites.recordMetricValue(name, input, place: place, by: principal, on: request.db)
        let value = MetricDefinition.byID[MetricID(name)]?.value(numerator: observation.numerator, denominator: observation.denominator)
        return MetricValueDTO(
            metric: name, regionCode: observation.regionCode, year: observation.year, numerator: observation.numerator,
            denominator: observation.denominator, value: value?.value, source: observation.source,
            recordedBy: observation.recordedBy, recordedAt: observation.recordedAt)
    }

    /// `GET /api/v1/creation/evidence/{id}/file` (and `/creation/evidence/{id}/file` in a session).
    static func evidenceFile(request: Request) async throws -> Response {
        let principal = try request.require(.readCreation)
        guard let submission = try await EvidenceSubmission.find(try request.idParameter(), on: request.db),
            let storedName = submission.storedName
        else { throw ShianError.notFound }
        return try fileResponse(
            storedName: storedName, contentType: submission.contentType, fileName: submission.fileName,
            regionCode: submission.regionCode, principal: principal, request: request)
    }

    /// A stored evidence file, to whoever reads the campaign of its county (a township officer reads
    /// its own county's), sandboxed so a file can never run as a page of the site.
    static func fileResponse(
        storedName: String, contentType: String?, fileName: String?, regionCode: String, principal: Principal, request: Request
    ) throws -> Response {
        let ownCounty = RegionCode(validating: regionCode).map { $0.contains(principal.user.scope.regionCode) } ?? false
        guard principal.scope.covers(regionCode) || ownCounty else { throw ShianError.notFound }
        let store = FileStore(dataDirectory: request.application.shian.dataDirectory)
        guard let data = store.get(storedName, suffixes: FileKind.storedSuffixes) else { throw ShianError.notFound }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: contentType ?? "application/octet-stream")
        let encoded = (fileName ?? "file").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
        return response
    }

    /// The cursor of the indicator list needs an id; its order is the number's alone.
    static let zeroID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    static func number(_ request: Request) throws -> String {
        guard let number = request.parameters.get("number"), IndicatorNumber.components(number) != nil else {
            throw ShianError(.notFound, "indicatorNotFound", field: "number", arguments: [request.parameters.get("number") ?? ""])
        }
        return number
    }
}
