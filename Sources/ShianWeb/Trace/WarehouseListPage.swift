import Foundation
import Plot
import ShianCore
import ShianStore

/// The bookings at the warehouses in scope, newest slot first: a booked load gets its intake form,
/// a tested one its release button, a released one the link to its certificate.
struct WarehouseListPage {
    let context: PageContext
    let bookings: [WarehouseBooking]
    let names: [UUID: String]
    let warehouses: [Business]
    let nextCursor: String?
    let rawQuery: [String: String]
    let fields: [String: String]
    let error: String?
    let ownBusiness: Bool
    let mayRun: (WarehouseBooking) -> Bool
    let leadHours: Int

    func render() -> String {
        Layout(context: context, title: context.t("warehouse.title"), current: .trace).render {
            H1(context.t("warehouse.title"))
            Paragraph(context.t("warehouse.intro", String(leadHours))).class("muted")
            if let error { Paragraph(error).class("form-error").attribute(named: "role", value: "alert") }
            Form(url: SiteURL.warehouseBookings.path, method: .get) {
                SelectField(label: context.t("warehouse.status"), name: "status",
                            options: [("", context.t("filter.all"))] + WarehouseBooking.Status.allCases.map { ($0.rawValue, context.t("warehouse.status.\($0.rawValue)")) },
                            selected: rawQuery["status"] ?? "")
                Button(context.t("action.search")).attribute(named: "type", value: "submit")
            }
            .class("filter-form no-print")
            if bookings.isEmpty {
                EmptyState(text: context.t("warehouse.empty"))
            } else {
                table
            }
            Pager(context: context, path: SiteURL.warehouseBookings.path, query: rawQuery, nextCursor: nextCursor, shown: bookings.count)
            if !warehouses.isEmpty || ownBusiness { bookingForm }
        }
    }

    private var table: Component {
        Table(
            header: TableRow {
                TableHeaderCell(context.t("warehouse.slot"))
                TableHeaderCell(context.t("warehouse.warehouse"))
                TableHeaderCell(context.t("warehouse.owner"))
                TableHeaderCell(context.t("warehouse.goods"))
                TableHeaderCell(context.t("warehouse.vehicle"))
                TableHeaderCell(context.t("warehouse.status"))
                TableHeaderCell(context.t("warehouse.actions"))
            }
        ) {
            for booking in bookings {
                TableRow {
                    TableCell(context.dateTime(booking.slotAt))
                    TableCell(names[booking.$warehouse.id] ?? "")
                    TableCell(names[booking.$owner.id] ?? "")
                    TableCell("\(booking.goods) \(booking.quantity) \(booking.unit)")
                    TableCell("\(booking.vehicle)（\(booking.driver)）")
                    TableCell { Badge(text: context.t("warehouse.status.\(booking.status.rawValue)"), tone: tone(booking.status)) }
                    TableCell { actions(booking) }
                }
                .attribute(named: "data-booking", value: booking.id?.uuidString)
                .attribute(named: "data-status", value: booking.status.rawValue)
            }
        }
        .class("data-table")
    }

    private func tone(_ status: WarehouseBooking.Status) -> Badge.Tone {
        switch status {
        case .booked: .grey
        case .tested: .amber
        case .released: .green
        case .refused: .red
        }
    }

    private func actions(_ booking: WarehouseBooking) -> Component {
        guard let id = booking.id else { return Text("") }
        if let number = booking.releaseNumber {
            return Link(context.t("warehouse.certificate", number), url: "/warehouse-releases/\(number)")
        }
        guard mayRun(booking) else { return Text("") }
        switch booking.status {
        case .booked:
            return Form(url: SiteURL.warehouseIntake(id).path, method: .post) {
                CSRFField(context: context)
                SelectField(label: context.t("warehouse.test"), name: "nucleicAcidResult",
                            options: [("negative", context.t("warehouse.result.negative")), ("positive", context.t("warehouse.result.positive"))])
                FormField(label: context.t("warehouse.disinfectant"), name: "disinfectant", isRequired: true, hint: context.t("warehouse.disinfectantHint"))
                FormField(label: context.t("trace.code"), name: "traceCode")
                Button(context.t("warehouse.recordIntake")).attribute(named: "type", value: "submit")
            }
            .class("inline-form intake-form no-print")
        case .tested:
            return Form(url: SiteURL.warehouseRelease(id).path, method: .post) {
                CSRFField(context: context)
                Button(context.t("warehouse.release")).attribute(named: "type", value: "submit").class("primary")
                    .attribute(named: "data-confirm", value: context.t("warehouse.releaseConfirm"))
            }
            .class("no-print")
        case .released, .refused:
            return Text("")
        }
    }

    private var bookingForm: Component {
        PageSection {
            H2(context.t("warehouse.book"))
            Form(url: SiteURL.warehouseBookings.path, method: .post) {
                CSRFField(context: context)
                SelectField(label: context.t("warehouse.warehouse"), name: "warehouse",
                            options: warehouses.compactMap { business in business.id.map { ($0.uuidString, business.name) } },
                            selected: fields["warehouse"] ?? "")
                if !ownBusiness {
                    FormField(label: context.t("warehouse.owner"), name: "owner", value: fields["owner"] ?? "", isRequired: true,
                              hint: context.t("coldChain.businessHint"))
                }
                FormField(label: context.t("warehouse.vehicleNumber"), name: "vehicle", value: fields["vehicle"] ?? "", isRequired: true)
                FormField(label: context.t("warehouse.driver"), name: "driver", value: fields["driver"] ?? "", isRequired: true)
                FormField(label: context.t("warehouse.goods"), name: "goods", value: fields["goods"] ?? "", isRequired: true)
                FormField(label: context.t("coldChain.quantity"), name: "quantity", value: fields["quantity"] ?? "", type: .number, isRequired: true)
                FormField(label: context.t("produceCertificate.unit"), name: "unit", value: fields["unit"] ?? "箱", isRequired: true)
                FormField(label: context.t("warehouse.slot"), name: "slotAt", value: fields["slotAt"] ?? "", type: .datetimeLocal, isRequired: true,
                          hint: context.t("warehouse.slotHint", String(leadHours)))
                Button(context.t("warehouse.book")).attribute(named: "type", value: "submit").class("primary")
            }
            .class("stacked-form no-print").id("booking-form")
        }
    }
}
