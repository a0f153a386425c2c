import Foundation
import Plot
import ShianCore
import ShianStore

/// Permits expiring or expired, per region, each count a link to the list.
struct BusinessExpiryPage {
    let context: PageContext
    let place: String
    let rows: [BusinessExpiryController.Row]
    let bands: [PermitExpiry]

    func render() -> String {
        Layout(context: context, title: context.t("businesses.expiry"), current: .businesses).render {
            H1(context.t("businesses.expiry"))
            Paragraph(context.t("expiry.lead")).class("lead")
            if rows.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("field.name"))
                        for band in bands { TableHeaderCell(context.t("expiry.\(band.rawValue)")) }
                    }
                ) {
                    for row in rows {
                        TableRow {
                            TableCell { Link(row.region.name, url: SiteURL.businessExpiry.path + "?regionCode=\(row.region.code)") }
                            for band in bands {
                                TableCell {
                                    Link(Formatting.number(row.counts[band] ?? 0),
                                         url: SiteURL.businesses.path + "?regionCode=\(row.region.code)&expiry=\(band.rawValue)&status=active")
                                }
                            }
                        }
                    }
                }
                .class("data-table").id("expiry-table")
            }
        }
    }
}
