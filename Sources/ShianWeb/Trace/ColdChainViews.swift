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

/// One batch: its code and QR, certificates, path, who holds it, refused attempts and the recall.
struct ColdChainBatchPage {
    struct Model {
        let batch: ColdChainBatch
        let documents: [ImportDocument]
        let events: [TraceEvent]
        let names: [UUID: String]
        let recall: Recalls.RecallDTO?
        let refusals: [TraceRefusal]
        /// The batch it was split or processed from, and those made from it.
        let parent: ColdChainBatch?
        let children: [ColdChainBatch]
        let holdings: [TraceHolding]
        let canAddDocuments: Bool
        let canRecall: Bool
        let ownBusiness: UUID?
        let error: String?
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let batch = model.batch
        let present = Set(model.documents.map(\.kind))
        let missing = ImportDocumentKind.allCases.filter { !present.contains($0) }
        return Layout(context: context, title: batch.product, current: .trace).render {
            H1 {
                Text("\(batch.product) ")
                if batch.recalledAt != nil { Badge(text: context.t("recall.badge"), tone: .red) }
            }
            if let error = model.error { Paragraph(error).class("form-error").attribute(named: "role", value: "alert") }
            Div {
                Image(url: "/trace/\(batch.traceCode)/qr.svg", description: batch.traceCode).class("trace-qr")
                DescriptionList {
                    Term(context.t("trace.code"))
                    Definition(batch.traceCode).class("code").attribute(named: "data-trace-code", value: batch.traceCode)
                    Term(context.t("trace.batchNumber"))
                    Definition(batch.batchNumber)
                    Term(context.t("trace.origin"))
                    Definition(batch.originCountry)
                    Term(context.t("trace.quantity"))
                    Definition("\(batch.quantity) \(context.t("unit.\(batch.unit)"))")
                    Term(context.t("coldChain.importer"))
                    Definition(model.names[batch.$importer.id] ?? "")
                }
                .class("facts")
            }
            .class("trace-summary")
            PageSection {
                H2(context.t("trace.documents"))
                UnorderedList {
                    for kind in ImportDocumentKind.allCases {
                        ListItem {
                            Badge(text: context.t(present.contains(kind) ? "trace.present" : "trace.missing"), tone: present.contains(kind) ? .green : .red)
                            Text(" \(kind.chineseName)")
                            if let document = model.documents.first(where: { $0.kind == kind }) {
                                Span(" \(document.number) · \(document.issuer) · \(context.date(document.issuedOn))").class("hint")
                            }
                        }
                        .attribute(named: "data-document", value: kind.rawValue)
                        .attribute(named: "data-present", value: present.contains(kind) ? "true" : "false")
                    }
                }
                if model.canAddDocuments, !missing.isEmpty, let id = batch.id {
                    Form(url: SiteURL.coldChainDocuments(id).path, method: .post) {
                        CSRFField(context: context)
                        SelectField(label: context.t("coldChain.documentKind"), name: "kind", options: missing.map { ($0.rawValue, $0.chineseName) })
                        FormField(label: context.t("coldChain.documentNumber"), name: "number", isRequired: true)
                        FormField(label: context.t("coldChain.issuer"), name: "issuer", isRequired: true)
                        FormField(label: context.t("coldChain.issuedOn"), name: "issuedOn", type: .date, isRequired: true)
                        Button(context.t("coldChain.addDocument")).attribute(named: "type", value: "submit")
                    }
                    .class("stacked-form no-print").id("document-form")
                }
            }
            PageSection {
                H2(context.t("trace.path"))
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("coldChain.at"))
                        TableHeaderCell(context.t("field.business"))
                        TableHeaderCell(context.t("coldChain.eventType"))
                        TableHeaderCell(context.t("coldChain.quantity"))
                        TableHeaderCell(context.t("coldChain.counterparty"))
                    }
                ) {
                    for event in model.events {
                        TableRow {
                            TableCell(context.dateTime(event.occurredAt))
                            TableCell(model.names[event.$business.id] ?? "")
                            TableCell(context.t("trace.event.\(event.type.rawValue)"))
                            TableCell(event.quantity)
                            TableCell(event.$counterparty.id.flatMap { model.names[$0] } ?? "—")
                        }
                        .attribute(named: "data-event", value: event.type.rawValue)
                    }
                }
                .class("data-table")
                if let id = batch.id, context.principal?.role.may(.readInspections) == true {
                    Paragraph {
                        Link(context.t("traceRecords.csv"), url: "/cold-chain/\(id)/records?format=csv").class("button")
                        Text(" ")
                        Link(context.t("traceRecords.xlsx"), url: "/cold-chain/\(id)/records?format=xlsx").class("button")
                    }
                    .class("toolbar no-print")
                }
                if let id = batch.id { eventForm(id) }
            }
            derivedSection
            PageSection {
                H2(context.t("coldChain.holders"))
                UnorderedList {
                    for holding in model.holdings {
                        ListItem("\(UUID(uuidString: holding.business).flatMap { model.names[$0] } ?? "")：\(context.t("coldChain.onHand", "\(holding.onHand)", "\(holding.inTransit)"))")
                            .attribute(named: "data-holder", value: holding.business)
                    }
                }
            }
            if !model.refusals.isEmpty {
                PageSection {
                    H2(context.t("coldChain.refusals"))
                    UnorderedList {
                        for refusal in model.refusals {
                            ListItem("\(context.dateTime(refusal.attemptedAt)) \(model.names[refusal.$business.id] ?? "") \(context.t("trace.event.\(refusal.eventType.rawValue)")) — \(context.t("coldChain.refusedFor", refusal.missing.split(separator: ",").map { ImportDocumentKind(rawValue: String($0))?.chineseName ?? String($0) }.joined(separator: "、")))")
                        }
                    }
                    .attribute(named: "data-refusals", value: String(model.refusals.count))
                }
            }
            recallSection
        }
    }

    private func eventForm(_ id: UUID) -> Component {
        Form(url: SiteURL.coldChainEvents(id).path, method: .post) {
            CSRFField(context: context)
            SelectField(label: context.t("coldChain.eventType"), name: "type",
                        options: ["receive", "store", "ship", "sell", "process", "dispose"].map { ($0, context.t("trace.event.\($0)")) })
            if model.ownBusiness == nil {
                FormField(label: context.t("field.business"), name: "business", isRequired: true, hint: context.t("coldChain.businessHint"))
            }
            FormField(label: context.t("coldChain.quantity"), name: "quantity", type: .number, isRequired: true)
            FormField(label: context.t("coldChain.counterparty"), name: "counterparty", hint: context.t("coldChain.counterpartyHint"))
            Button(context.t("coldChain.record")).attribute(named: "type", value: "submit").class("primary")
        }
        .class("stacked-form no-print").id("event-form")
    }

    private var recallSection: Component {
        PageSection {
            H2(context.t("recall.title"))
            if let recall = model.recall {
                Paragraph(context.t("recall.summary", context.dateTime(recall.recalledAt), recall.reason ?? "", String(recall.unconfirmed)))
                    .class("notice").attribute(named: "data-unconfirmed", value: String(recall.unconfirmed))
                UnorderedList {
                    for notice in recall.notices {
                        ListItem {
                            Text("\(notice.businessName)：\(context.t("coldChain.onHand", "\(notice.onHand)", "\(notice.inTransit)")) ")
                            if let confirmed = notice.confirmedAt {
                                Badge(text: context.t("recall.confirmed"), tone: .green)
                                Span(" \(context.dateTime(confirmed)) \(notice.confirmation ?? "")").class("hint")
                            } else if model.ownBusiness == notice.businessId {
                                Form(url: SiteURL.recallConfirmation(notice.id).path, method: .post) {
                                    CSRFField(context: context)
                                    FormField(label: context.t("recall.note"), name: "note", isRequired: true)
                                    Button(context.t("recall.confirm")).attribute(named: "type", value: "submit").class("primary")
                                }
                                .class("stacked-form").id("recall-confirmation-form")
                            } else {
                                Badge(text: context.t("recall.waiting"), tone: .amber)
                            }
                        }
                        .attribute(named: "data-notice", value: notice.businessId.uuidString)
                    }
                }
            } else if model.canRecall, let id = model.batch.id {
                Form(url: SiteURL.coldChainRecall(id).path, method: .post) {
                    CSRFField(context: context)
                    FormField(label: context.t("recall.reason"), name: "reason", isRequired: true)
                    Button(context.t("recall.start")).attribute(named: "type", value: "submit").class("danger")
                        .attribute(named: "data-confirm", value: context.t("recall.areYouSure"))
                }
                .class("stacked-form no-print").id("recall-form")
            } else {
                EmptyState(text: context.t("recall.none"))
            }
        }
    }
}
