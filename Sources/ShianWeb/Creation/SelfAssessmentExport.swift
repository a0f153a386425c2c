import Foundation
import ShianCore
import ShianStore
import Vapor

/// The self-assessment report (自评报告) as a spreadsheet: every item of the standard with its
/// kind, points, status, the lead unit, the self-score, the projected points and the points still
/// at risk, and the projected total on the last row. CSV or XLSX; the board prints as the report.
enum SelfAssessmentExport {
    static let columns = ["number", "title", "kind", "points", "status", "leadUnit", "deadline", "selfScore", "projected", "atRisk", "note"]

    /// `GET /api/v1/creation/self-assessment?format=csv|xlsx`, and the board's links.
    static func response(request: Request) async throws -> Response {
        let principal = try request.require(.readCreation)
        let campaign = try await CreationQueries.campaign(request, principal: principal, on: request.db)
        let forecast = campaign.forecast(topGapLimit: nil)
        func number(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "" }
        var rows = campaign.standard.indicators.map { indicator -> [String] in
            let item = IndicatorItemDTO(indicator, campaign: campaign)
            return [
                item.indicatorId, item.title, request.t("creation.kind.\(item.kind.rawValue)"), number(item.points),
                request.t("creation.status.\(item.status.rawValue)"), item.leadUnitName ?? item.leadUnit ?? "",
                item.deadline.map { Formatting.day($0) } ?? "", number(item.selfScore), number(item.projectedPoints), number(item.pointsAtRisk),
                item.returnReason ?? "",
            ]
        }
        rows.append([
            "", request.t("selfAssessment.total"), "", number(forecast.maxScore), request.t(forecast.passes ? "creation.passes" : "creation.fails"),
            "", "", "", number(forecast.projectedScore), number(forecast.maxScore - forecast.projectedScore), "",
        ])
        return try await CSVExport.table(
            format: try? request.query.get(String.self, at: "format"), filename: "self-assessment-\(campaign.place.rawValue)",
            sheet: request.t("selfAssessment.title"), header: columns.map { request.t("selfAssessment.\($0)") }, rows: rows,
            entityType: "creationSelfAssessment", principal: principal, on: request.db)
    }
}
