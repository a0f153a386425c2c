import Foundation
import Plot
import ShianCore
import ShianStore

/// The loop's figures for a place and its children: inspections done against required, orders
/// issued, closed, open, awaiting verification and overdue. Each child drills down.
struct InspectionMetricsPage {
    let context: PageContext
    let report: InspectionMetrics.Report
    let names: [String: String]

    static let columns: [(key: String, value: @Sendable (InspectionMetrics.Figures) -> String)] = [
        ("inspectionsDone", { String($0.inspectionsDone) }), ("inspectionsRequired", { String($0.inspectionsRequired) }),
        ("ordersIssued", { String($0.ordersIssued) }), ("ordersClosed", { String($0.ordersClosed) }),
        ("closureRate", { $0.closureRate.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }),
        ("answersRejected", { String($0.answersRejected) }), ("ordersOpen", { String($0.ordersOpen) }),
        ("ordersAwaitingVerification", { String($0.ordersAwaitingVerification) }), ("overdueOrders", { String($0.overdueOrders) }),
    ]

    func render() -> String {
        let total = report.total
        let title = context.t("metrics.title", names[total.regionCode] ?? total.regionCode, String(total.year))
        return Layout(context: context, title: title, current: .orders).render {
            H1(title)
            Form(url: "/inspection-metrics", method: .get) {
                FormField(label: context.t("field.regionCode"), name: "regionCode", value: total.regionCode)
                FormField(label: context.t("metrics.year"), name: "year", value: String(total.year))
                Button(context.t("action.search")).attribute(named: "type", value: "submit")
            }
            .class("filter-form no-print")
            Table(
                header: TableRow {
                    TableHeaderCell(context.t("field.region"))
                    for column in Self.columns { TableHeaderCell(context.t("metrics.\(column.key)")) }
                }
            ) {
                row(total, isTotal: true)
                for child in report.children { row(child, isTotal: false, isDirect: child.regionCode == total.regionCode) }
            }
            .class("data-table figures")
            Paragraph(context.t("metrics.hint")).class("hint")
        }
    }

    /// `isDirect`: businesses registered on the place itself rather than on one of its children.
    private func row(_ figures: InspectionMetrics.Figures, isTotal: Bool, isDirect: Bool = false) -> Component {
        TableRow {
            TableCell {
                if isTotal {
                    Text(context.t("metrics.total", names[figures.regionCode] ?? figures.regionCode))
                } else if isDirect {
                    Text(context.t("metrics.direct"))
                } else {
                    Link(names[figures.regionCode] ?? figures.regionCode,
                         url: "/inspection-metrics?regionCode=\(figures.regionCode)&year=\(figures.year)")
                }
            }
            for column in Self.columns {
                TableCell(column.value(figures)).attribute(named: "data-figure", value: column.key)
            }
        }
        .attribute(named: "data-region", value: figures.regionCode)
        .class(isTotal ? "total" : isDirect ? "direct" : "")
    }
}
