import Foundation
import Plot
import ShianStore

/// Designated places and hours for street vendors.
struct VendorZonesPage {
    let context: PageContext
    let zones: [VendorZone]
    let nextCursor: String?
    let rawQuery: [String: String]
    let canManage: Bool
    let errors: [String: String]
    let input: SmallsController.ZoneInput

    func render() -> String {
        Layout(context: context, title: context.t("vendorZones.title"), current: .businesses).render {
            H1(context.t("vendorZones.title"))
            Paragraph(context.t("vendorZones.lead")).class("lead")
            if zones.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("field.name"))
                        TableHeaderCell(context.t("field.regionCode"))
                        TableHeaderCell(context.t("vendorZones.location"))
                        TableHeaderCell(context.t("vendorZones.stalls"))
                        TableHeaderCell(context.t("vendorZones.hours"))
                    }
                ) {
                    for zone in zones {
                        TableRow {
                            TableCell(zone.name)
                            TableCell(zone.regionCode).class("code")
                            TableCell(zone.location)
                            TableCell(String(zone.stalls))
                            TableCell(zone.hours)
                        }
                    }
                }
                .class("data-table")
            }
            Pager(context: context, path: SiteURL.vendorZones.path, query: rawQuery, nextCursor: nextCursor, shown: zones.count)
            if canManage {
                Form(url: SiteURL.vendorZones.path, method: .post) {
                    CSRFField(context: context)
                    H2(context.t("vendorZones.new"))
                    FormField(label: context.t("field.regionCode"), name: "regionCode", value: input.regionCode ?? "", error: errors["regionCode"], isRequired: true)
                    FormField(label: context.t("field.name"), name: "name", value: input.name ?? "", error: errors["name"], isRequired: true)
                    FormField(label: context.t("vendorZones.location"), name: "location", value: input.location ?? "", error: errors["location"], isRequired: true)
                    FormField(label: context.t("vendorZones.stalls"), name: "stalls", value: input.stalls ?? "", type: .number, error: errors["stalls"], isRequired: true)
                    FormField(label: context.t("vendorZones.hours"), name: "hours", value: input.hours ?? "", error: errors["hours"], isRequired: true,
                              hint: context.t("vendorZones.hoursHint"))
                    Button(context.t("action.save")).attribute(named: "type", value: "submit").class("primary")
                }
                .class("stacked-form").id("zone-form")
            }
        }
    }
}
