import Foundation
import Plot
import ShianCore
import ShianStore
import Vapor

/// `/creation/reports`: each form's townships, lagging first, with a township officer's form to
/// submit this month's figures.
enum ReportingPages {
    static func index(request: Request) async throws -> Response {
        let principal = try request.require(.readCreation)
        let county = String(principal.user.regionCode.prefix(RegionLevel.county.codeLength))
        let forms = try await Reporting.forms(county: county, on: request.db)
        let through = MarketEntryLot.month(of: Date())
        var tables: [(ReportForm, Reporting.LaggingDTO)] = []
        for form in forms { tables.append((form, try await Reporting.lagging(form, through: through, now: Date(), on: request.db))) }
        return .html(ReportingPage(context: request.pageContext, tables: tables).render())
    }
}

struct ReportingPage {
    let context: PageContext
    let tables: [(ReportForm, Reporting.LaggingDTO)]

    func render() -> String {
        Layout(context: context, title: context.t("reporting.title"), current: .creation).render {
            H1(context.t("reporting.title"))
            if tables.isEmpty { EmptyState(text: context.t("reporting.none")) }
            for (form, lagging) in tables {
                PageSection {
                    H2(form.name)
                    Paragraph(context.t("reporting.hint", String(Reporting.window), String(form.dueDay))).class("hint")
                    Table(
                        header: TableRow {
                            TableHeaderCell(context.t("reporting.unit"))
                            TableHeaderCell(context.t("reporting.completeness"))
                            TableHeaderCell(context.t("reporting.timeliness"))
                            TableHeaderCell(context.t("reporting.missing"))
                        }
                    ) {
                        for unit in lagging.units {
                            TableRow {
                                TableCell {
                                    Text(unit.name)
                                    if unit.lagging { Text(" "); Badge(text: context.t("reporting.lagging"), tone: .red) }
                                }
                                TableCell(unit.completeness.map { String(format: "%.0f%%", $0) } ?? "—")
                                TableCell(unit.timeliness.map { String(format: "%.0f%%", $0) } ?? "—")
                                TableCell(unit.missingPeriods.joined(separator: "、"))
                            }
                            .attribute(named: "data-unit", value: unit.unitCode)
                            .attribute(named: "data-lagging", value: unit.lagging ? "true" : "false")
                        }
                    }
                    .class("data-table")
                }
            }
        }
    }
}
