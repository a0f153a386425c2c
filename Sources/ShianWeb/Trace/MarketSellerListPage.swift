import Foundation
import Plot
import ShianCore
import ShianStore

struct MarketSellerListPage {
    let context: PageContext
    let sellers: [MarketSeller]
    let marketNames: [UUID: String]
    let nextCursor: String?
    let rawQuery: [String: String]
    let fields: [String: String]
    let error: String?
    let ownBusiness: Bool
    /// Whether the filing form shows: officers who manage businesses, and a market's operator.
    let mayFile: Bool

    func render() -> String {
        Layout(context: context, title: context.t("marketSeller.title"), current: .trace).render {
            H1(context.t("marketSeller.title"))
            Paragraph(context.t("marketSeller.intro")).class("muted")
            Paragraph { Link(context.t("marketEntry.title"), url: SiteURL.marketEntry.path).class("button") }.class("toolbar no-print")
            Form(url: SiteURL.marketSellers.path, method: .get) {
                FormField(label: context.t("marketSeller.search"), name: "q", value: rawQuery["q"] ?? "")
                SelectField(label: context.t("marketSeller.present"), name: "present",
                            options: [("", context.t("filter.all")), ("true", context.t("marketSeller.presentOnly")), ("false", context.t("marketSeller.leftOnly"))],
                            selected: rawQuery["present"] ?? "")
                Button(context.t("action.search")).attribute(named: "type", value: "submit")
            }
            .class("filter-form no-print")
            if sellers.isEmpty {
                EmptyState(text: context.t("marketSeller.empty"))
            } else {
                table
            }
            Pager(context: context, path: SiteURL.marketSellers.path, query: rawQuery, nextCursor: nextCursor, shown: sellers.count)
            if mayFile { registration }
        }
    }

    private var table: Component {
        Table(
            header: TableRow {
                TableHeaderCell(context.t("marketEntry.market"))
                TableHeaderCell(context.t("marketSeller.stall"))
                TableHeaderCell(context.t("marketSeller.name"))
                TableHeaderCell(context.t("marketSeller.identityNumber"))
                TableHeaderCell(context.t("marketSeller.products"))
                TableHeaderCell(context.t("marketSeller.supplyChannel"))
                TableHeaderCell(context.t("marketSeller.origin"))
                TableHeaderCell(context.t("marketSeller.status"))
            }
        ) {
            for seller in sellers {
                TableRow {
                    TableCell(marketNames[seller.$market.id] ?? "")
                    TableCell(seller.stall)
                    TableCell("\(seller.name) \(seller.phone)")
                    TableCell(SellerIdentity(seller.identityNumber)?.masked ?? "").class("code")
                    TableCell(seller.products)
                    TableCell(seller.supplyChannel)
                    TableCell(seller.origin)
                    TableCell { status(seller) }
                }
                .attribute(named: "data-seller", value: seller.stall)
            }
        }
        .class("data-table")
    }

    private func status(_ seller: MarketSeller) -> Component {
        if let left = seller.leftAt {
            return Text(context.t("marketSeller.leftOn", context.date(left)))
        }
        guard let id = seller.id else { return Text("") }
        return Form(url: SiteURL.marketSellerDeparture(id).path, method: .post) {
            CSRFField(context: context)
            Button(context.t("marketSeller.depart")).attribute(named: "type", value: "submit").class("danger")
                .attribute(named: "data-confirm", value: context.t("marketSeller.departConfirm", seller.stall, seller.name))
        }
        .class("no-print")
    }

    private var registration: Component {
        PageSection {
            H2(context.t("marketSeller.register"))
            if let error { Paragraph(error).class("form-error").attribute(named: "role", value: "alert") }
            Form(url: SiteURL.marketSellers.path, method: .post) {
                CSRFField(context: context)
                if !ownBusiness {
                    FormField(label: context.t("marketEntry.market"), name: "market", value: fields["market"] ?? "", isRequired: true,
                              hint: context.t("coldChain.businessHint"))
                }
                FormField(label: context.t("marketSeller.stall"), name: "stall", value: fields["stall"] ?? "", isRequired: true)
                FormField(label: context.t("marketSeller.name"), name: "name", value: fields["name"] ?? "", isRequired: true)
                FormField(label: context.t("marketSeller.phone"), name: "phone", value: fields["phone"] ?? "", isRequired: true)
                FormField(label: context.t("marketSeller.identityNumber"), name: "identityNumber", value: fields["identityNumber"] ?? "", isRequired: true,
                          hint: context.t("marketSeller.identityHint"))
                FormField(label: context.t("marketSeller.address"), name: "address", value: fields["address"] ?? "", isRequired: true)
                FormField(label: context.t("marketSeller.products"), name: "products", value: fields["products"] ?? "", isRequired: true)
                FormField(label: context.t("marketSeller.supplyChannel"), name: "supplyChannel", value: fields["supplyChannel"] ?? "", isRequired: true)
                FormField(label: context.t("marketSeller.origin"), name: "origin", value: fields["origin"] ?? "", isRequired: true)
                Button(context.t("marketSeller.register")).attribute(named: "type", value: "submit").class("primary")
            }
            .class("stacked-form no-print").id("seller-form")
        }
    }
}
