import Foundation
import Plot
import ShianCore
import ShianStore

/// Grids under a place, with their businesses and staff, and the coverage figures.
struct GridListPage {
    struct Model {
        let place: String
        let lineage: [Region]
        let children: [Region]
        let rows: [GridQueries.GridRow]
        let nextCursor: String?
        let coverage: GridCoverage
        let rawQuery: [String: String]
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let crumbs = model.lineage.map { Layout.Crumb(title: $0.name, url: SiteURL.grids.path + "?regionCode=\($0.code)") }
        return Layout(context: context, title: context.t("grids.title"), current: .grids, breadcrumb: crumbs).render {
            H1(context.t("grids.title"))
            Paragraph(context.t("grids.lead")).class("lead")
            Paragraph {
                Link(context.t("staff.title"), url: SiteURL.staff.path + "?regionCode=\(model.place)").class("button")
                Link(context.t("cadres.title"), url: SiteURL.cadres.path).class("button")
            }
            .class("toolbar")
            coverage
            if !model.children.isEmpty {
                Div {
                    Span(context.t("businesses.drillDown")).class("hint")
                    for child in model.children {
                        Link(child.name, url: SiteURL.grids.path + "?regionCode=\(child.code)").class("chip")
                    }
                }
                .class("drill-down")
            }
            if model.rows.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("field.code"))
                        TableHeaderCell(context.t("field.name"))
                        TableHeaderCell(context.t("grids.businesses"))
                        TableHeaderCell(context.t("grids.assistants"))
                        TableHeaderCell(context.t("grids.informants"))
                    }
                ) {
                    for row in model.rows {
                        TableRow {
                            TableCell(row.grid.code).class("code")
                            TableCell { Link(row.grid.name, url: SiteURL.grid(row.grid.code).path) }
                            TableCell(Formatting.number(row.businesses))
                            TableCell { StaffCount(context: context, count: row.assistants) }
                            TableCell { StaffCount(context: context, count: row.informants) }
                        }
                    }
                }
                .class("data-table")
            }
            Pager(context: context, path: SiteURL.grids.path, query: model.rawQuery, nextCursor: model.nextCursor, shown: model.rows.count)
        }
    }

    private var coverage: Component {
        let figures = model.coverage
        return Div {
            stat(figures.businessesWithoutGrid, "grids.coverage.businessesWithoutGrid", warn: figures.businessesWithoutGrid > 0, id: "businessesWithoutGrid")
            stat(figures.gridsWithoutStaff.count, "grids.coverage.gridsWithoutStaff", warn: !figures.gridsWithoutStaff.isEmpty, id: "gridsWithoutStaff")
            stat(figures.villagesWithoutAssistant.count, "grids.coverage.villagesWithoutAssistant",
                 warn: !figures.villagesWithoutAssistant.isEmpty, id: "villagesWithoutAssistant")
            Div {
                Span(String(format: "%.2f", figures.informantsPerGrid)).class("stat-value")
                Span(context.t("grids.coverage.informantsPerGrid")).class("stat-label")
            }
            .class("stat-card")
        }
        .class("stat-grid").id("coverage")
    }

    private func stat(_ value: Int, _ label: String, warn: Bool, id: String) -> Component {
        Div {
            Span(Formatting.number(value)).class("stat-value").attribute(named: "data-figure", value: id)
            Span(context.t(label)).class("stat-label")
        }
        .class(warn ? "stat-card stat-warn" : "stat-card")
    }
}

/// A staff count, red when zero.
struct StaffCount: Component {
    let context: PageContext
    let count: Int
    var body: Component {
        count == 0 ? Badge(text: context.t("grids.none"), tone: .red) as Component : Text(String(count))
    }
}
