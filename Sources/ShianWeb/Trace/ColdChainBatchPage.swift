import Foundation
import Plot
import ShianCore
import ShianStore

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
