import Foundation
import Plot
import ShianCore
import ShianStore

/// The batches in scope, with the recall notices waiting for this user's confirmation.
struct ColdChainListPage {
    let context: PageContext
    let batches: [ColdChainBatch]
    let nextCursor: String?
    let rawQuery: [String: String]
    let notices: [RecallNotice]

    func render() -> String {
        Layout(context: context, title: context.t("coldChain.list"), current: .trace).render {
            H1(context.t("coldChain.list"))
            Paragraph {
                Link(context.t("coldChain.new"), url: SiteURL.coldChainNew.path).class("button primary")
                Text(" ")
                Link(context.t("warehouse.title"), url: SiteURL.warehouseBookings.path).class("button")
                Text(" ")
                Link(context.t("produceCertificate.list"), url: SiteURL.certificates.path).class("button")
                Text(" ")
                Link(context.t("marketEntry.title"), url: SiteURL.marketEntry.path).class("button")
                Text(" ")
                Link(context.t("marketSeller.title"), url: SiteURL.marketSellers.path).class("button")
                Text(" ")
                Link(context.t("trace.title"), url: "/trace").class("button")
            }
            .class("toolbar no-print")
            for notice in notices {
                Paragraph {
                    Text(context.t("recall.notice", notice.batch.product, notice.batch.traceCode, notice.onHand) + " ")
                    Link(context.t("recall.open"), url: SiteURL.coldChainBatch(notice.$batch.id).path)
                }
                .class("form-error").attribute(named: "data-recall-notice", value: notice.id?.uuidString)
            }
            Form(url: SiteURL.coldChain.path, method: .get) {
                FormField(label: context.t("coldChain.search"), name: "q", value: rawQuery["q"] ?? "")
                Button(context.t("action.search")).attribute(named: "type", value: "submit")
            }
            .class("filter-form")
            if batches.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("trace.code"))
                        TableHeaderCell(context.t("trace.product"))
                        TableHeaderCell(context.t("trace.origin"))
                        TableHeaderCell(context.t("coldChain.registeredAt"))
                    }
                ) {
                    for batch in batches {
                        TableRow {
                            TableCell { if let id = batch.id { Link(batch.traceCode, url: SiteURL.coldChainBatch(id).path).class("code") } }
                            TableCell {
                                Text(batch.product)
                                if batch.recalledAt != nil { Text(" "); Badge(text: context.t("recall.badge"), tone: .red) }
                            }
                            TableCell(batch.originCountry)
                            TableCell(context.dateTime(batch.registeredAt))
                        }
                    }
                }
                .class("data-table")
            }
            Pager(context: context, path: SiteURL.coldChain.path, query: rawQuery, nextCursor: nextCursor, shown: batches.count)
        }
    }
}

/// Registering a batch at its first stop: the goods, and the certificates it came with.
struct ColdChainFormPage {
    let context: PageContext
    let fields: [String: String]
    let error: String?
    /// A business operator registers for its own business; an officer names the importer.
    let ownBusiness: Bool

    func render() -> String {
        Layout(context: context, title: context.t("coldChain.new"), current: .trace).render {
            H1(context.t("coldChain.new"))
            if let error { Paragraph(error).class("form-error").attribute(named: "role", value: "alert") }
            Form(url: SiteURL.coldChain.path, method: .post) {
                CSRFField(context: context)
                if !ownBusiness {
                    FormField(label: context.t("coldChain.importer"), name: "importer", value: fields["importer"] ?? "", isRequired: true,
                              hint: context.t("coldChain.businessHint"))
                }
                FormField(label: context.t("trace.product"), name: "product", value: fields["product"] ?? "", isRequired: true)
                FormField(label: context.t("coldChain.specification"), name: "specification", value: fields["specification"] ?? "")
                FormField(label: context.t("trace.batchNumber"), name: "batchNumber", value: fields["batchNumber"] ?? "", isRequired: true)
                FormField(label: context.t("trace.quantity"), name: "quantity", value: fields["quantity"] ?? "", type: .number, isRequired: true)
                SelectField(label: context.t("coldChain.unit"), name: "unit",
                            options: ["CT", "KGM", "TNE", "H87"].map { ($0, context.t("unit.\($0)")) }, selected: fields["unit"] ?? "CT")
                FormField(label: context.t("trace.origin"), name: "originCountry", value: fields["originCountry"] ?? "", isRequired: true)
                FormField(label: context.t("coldChain.customsDeclaration"), name: "customsDeclaration", value: fields["customsDeclaration"] ?? "")
                for kind in ImportDocumentKind.allCases {
                    Element(name: "fieldset") {
                        Element(name: "legend") { Text(kind.chineseName) }
                        FormField(label: context.t("coldChain.documentNumber"), name: "\(kind.rawValue).number", value: fields["\(kind.rawValue).number"] ?? "")
                        FormField(label: context.t("coldChain.issuer"), name: "\(kind.rawValue).issuer", value: fields["\(kind.rawValue).issuer"] ?? "")
                        FormField(label: context.t("coldChain.issuedOn"), name: "\(kind.rawValue).issuedOn", value: fields["\(kind.rawValue).issuedOn"] ?? "",
                                  type: .date)
                    }
                }
                Paragraph(context.t("coldChain.fourNoHint")).class("hint")
                Button(context.t("coldChain.register")).attribute(named: "type", value: "submit").class("primary")
            }
            .class("stacked-form").id("batch-form")
        }
    }
}
