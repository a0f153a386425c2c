import Foundation
import Plot
import ShianStore

/// The cadres' list with their duty lists, pledges and businesses.
struct CadreListPage {
    let context: PageContext
    let rows: [CadresController.Row]
    let nextCursor: String?
    let rawQuery: [String: String]

    func render() -> String {
        Layout(context: context, title: context.t("cadres.title"), current: .grids).render {
            H1(context.t("cadres.title"))
            Paragraph(context.t("cadres.lead")).class("lead")
            Form(url: SiteURL.cadres.path, method: .get) {
                FormField(label: context.t("filter.search"), name: "q", value: rawQuery["q"] ?? "")
                Button(context.t("action.search")).attribute(named: "type", value: "submit")
            }
            .class("filter-form")
            if rows.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("field.name"))
                        TableHeaderCell(context.t("cadres.position"))
                        TableHeaderCell(context.t("cadres.duties"))
                        TableHeaderCell(context.t("cadres.pledge"))
                        TableHeaderCell(context.t("cadres.businesses"))
                    }
                ) {
                    for row in rows {
                        TableRow {
                            TableCell(row.cadre.name)
                            TableCell(row.cadre.position)
                            TableCell(row.cadre.duties)
                            TableCell {
                                if let signed = row.cadre.pledgeSignedOn { Text(context.date(signed)) } else { Badge(text: context.t("cadres.unsigned"), tone: .amber) }
                            }
                            TableCell {
                                for business in row.businesses.prefix(5) {
                                    if let id = business.id { Link(business.name, url: SiteURL.business(id).path) }
                                    Text(" ")
                                }
                                if row.businesses.count > 5 { Text(context.t("cadres.more", String(row.businesses.count - 5))) }
                            }
                        }
                    }
                }
                .class("data-table")
            }
            Pager(context: context, path: SiteURL.cadres.path, query: rawQuery, nextCursor: nextCursor, shown: rows.count)
        }
    }
}
