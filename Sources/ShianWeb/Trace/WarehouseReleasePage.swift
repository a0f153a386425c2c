import Foundation
import Plot
import ShianCore
import ShianStore

/// The release certificate (出仓证明), printable, with the QR code of its own address so that a
/// buyer can check it.
struct WarehouseReleasePage {
    let context: PageContext
    let booking: WarehouseBooking
    let warehouse: String
    let owner: String
    let traceCode: String?
    let qrURL: String

    func render() -> String {
        Layout(context: context, title: context.t("warehouse.releaseTitle")).render {
            Div {
                H1(context.t("warehouse.releaseTitle")).class("document-title")
                Paragraph(booking.releaseNumber ?? "").class("document-number").attribute(named: "data-release-number", value: booking.releaseNumber)
                Div {
                    Image(url: "/warehouse-releases/\(booking.releaseNumber ?? "")/qr.svg", description: booking.releaseNumber ?? "").class("trace-qr")
                    DescriptionList {
                        Term(context.t("warehouse.owner"))
                        Definition(owner)
                        Term(context.t("warehouse.goods"))
                        Definition("\(booking.goods) \(booking.quantity) \(booking.unit)")
                        Term(context.t("warehouse.vehicle"))
                        Definition("\(booking.vehicle)（\(booking.driver)）")
                        Term(context.t("warehouse.test"))
                        Definition(context.t("warehouse.result.\(booking.testResult ?? "none")"))
                        Term(context.t("warehouse.disinfectant"))
                        Definition(booking.disinfectant ?? "—")
                        if let traceCode {
                            Term(context.t("trace.code"))
                            Definition { Link(traceCode, url: "/trace?code=\(traceCode)") }
                        }
                        Term(context.t("warehouse.releasedAt"))
                        Definition(context.dateTime(booking.releasedAt))
                    }
                    .class("facts")
                }
                .class("trace-summary")
                Paragraph(context.t("warehouse.releaseBody", warehouse)).class("document-body")
            }
            .class("official-document")
        }
    }
}
