import Foundation
import Plot
import ShianCore
import ShianStore

/// Rectification orders, with overdue ones in red.
struct OrderListPage {
    struct Model {
        let orders: [RectificationOrder]
        let names: [UUID: String]
        let nextCursor: String?
        let rawQuery: [String: String]
        let now: Date
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        Layout(context: context, title: context.t("order.list"), current: .orders).render {
            H1(context.t("order.list"))
            if context.principal?.role.may(.readInspections) == true {
                Paragraph { Link(context.t("metrics.link"), url: "/inspection-metrics").class("button") }.class("toolbar no-print")
            }
            Form(url: SiteURL.orders.path, method: .get) {
                SelectField(label: context.t("field.status"), name: "status",
                            options: [("", context.t("filter.all")), ("overdue", context.t("order.status.overdue"))]
                                + RectificationOrder.Status.allCases.map { ($0.rawValue, context.t("order.status.\($0.rawValue)")) },
                            selected: model.rawQuery["status"] ?? "")
                FormField(label: context.t("field.regionCode"), name: "regionCode", value: model.rawQuery["regionCode"] ?? "")
                Button(context.t("action.search")).attribute(named: "type", value: "submit")
            }
            .class("filter-form")
            if model.orders.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("order.number"))
                        TableHeaderCell(context.t("field.business"))
                        TableHeaderCell(context.t("order.deadline"))
                        TableHeaderCell(context.t("field.status"))
                    }
                ) {
                    for order in model.orders {
                        TableRow {
                            TableCell { if let id = order.id { Link(order.number, url: SiteURL.order(id).path) } }
                            TableCell(model.names[order.$business.id] ?? "")
                            TableCell(context.date(order.deadline))
                            TableCell {
                                OrderStatusBadge(context: context, order: order, now: model.now)
                                if order.escalatedAt != nil { Text(" "); Badge(text: context.t("order.escalated"), tone: .red) }
                            }
                        }
                    }
                }
                .class("data-table")
            }
            Pager(context: context, path: SiteURL.orders.path, query: model.rawQuery, nextCursor: model.nextCursor, shown: model.orders.count)
        }
    }
}

struct OrderStatusBadge: Component {
    let context: PageContext
    let order: RectificationOrder
    let now: Date
    var body: Component {
        if order.isOverdue(at: now) { return Badge(text: context.t("order.status.overdue"), tone: .red) }
        return Badge(text: context.t("order.status.\(order.status.rawValue)"), tone: order.status == .closed ? .green : order.status == .answered ? .amber : .grey)
    }
}

/// One order: the printable notice (整改通知书), the findings, the business's answer and the
/// inspector's verification.
struct OrderPage {
    struct Model {
        let order: RectificationOrder
        let business: Business?
        let findings: [Finding]
        let history: [AuditEntry]
        let now: Date
        let canAnswer: Bool
        let canVerify: Bool
        let attachments: [Attachment]
        let canAttach: Bool
        let error: String?
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let order = model.order
        return Layout(context: context, title: context.t("order.title"), current: .orders).render {
            Div {
                H1(context.t("order.title")).class("document-title")
                Paragraph(order.number).class("document-number")
                Paragraph("\(model.business?.name ?? "")：").class("document-addressee")
                Paragraph(context.t("order.body", context.date(order.issuedAt), context.date(order.deadline))).class("document-body")
                FindingList(context: context, findings: model.findings)
                Paragraph(context.t("order.issuer")).class("document-signature")
                Paragraph(context.date(order.issuedAt)).class("document-date")
            }
            .class("official-document")
            Paragraph { OrderStatusBadge(context: context, order: order, now: model.now) }.attribute(named: "data-order-status", value: order.status.rawValue)
            if let error = model.error { Paragraph(error).class("form-error").attribute(named: "role", value: "alert") }
            if let answer = order.answer {
                PageSection {
                    H2(context.t("order.answer"))
                    Paragraph(answer)
                }
            }
            if let reason = order.rejectionReason {
                Paragraph(context.t("order.rejected", String(order.rejections), reason)).class("notice")
            }
            AttachmentSection(
                context: context, attachments: model.attachments, uploadURL: model.canAttach ? order.id.map(SiteURL.orderAttachments) : nil)
            if model.canAnswer, let id = order.id {
                Form(url: SiteURL.orderAnswer(id).path, method: .post) {
                    CSRFField(context: context)
                    FormField(label: context.t("order.answer"), name: "text", isRequired: true, hint: context.t("order.answerHint"))
                    Button(context.t("order.submitAnswer")).attribute(named: "type", value: "submit").class("primary")
                }
                .class("stacked-form").id("answer-form")
            }
            if model.canVerify, let id = order.id {
                Form(url: SiteURL.orderVerification(id).path, method: .post) {
                    CSRFField(context: context)
                    SelectField(label: context.t("order.decision"), name: "decision",
                                options: [("accept", context.t("order.accept")), ("reject", context.t("order.reject"))])
                    FormField(label: context.t("order.reason"), name: "reason")
                    Button(context.t("action.save")).attribute(named: "type", value: "submit").class("primary")
                }
                .class("stacked-form").id("verification-form")
            }
            HistoryTable(context: context, entries: model.history)
        }
    }
}
