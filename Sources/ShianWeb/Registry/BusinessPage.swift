import Foundation
import Plot
import ShianCore
import ShianStore

/// One business: its record, its permit, the cadres who answer for it and its timeline.
struct BusinessPage {
    struct Model {
        let business: Business
        let lineage: [Region]
        let cadres: [ResponsibleCadre]
        let products: [WorkshopProduct]
        let catalogue: [String]
        let inspections: [Inspection]
        /// Orders not yet closed, most urgent first.
        let openOrders: [RectificationOrder]
        let canInspect: Bool
        let history: [AuditEntry]
        let today: Date
        let canManage: Bool
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let business = model.business
        let crumbs = model.lineage.map {
            Layout.Crumb(title: $0.name, url: SiteURL.businesses.path + "?regionCode=\($0.code)")
        } + [Layout.Crumb(title: business.name, url: nil)]
        return Layout(context: context, title: business.name, current: .businesses, breadcrumb: crumbs).render {
            H1 {
                Text(business.name)
                Text(" ")
                BusinessStatusBadge(context: context, status: business.status)
                Text(" ")
                ExpiryBadge(context: context, expiry: business.permitExpiry(today: model.today))
            }
            DescriptionList {
                Term(context.t("field.category"))
                Definition(context.t("category.\(business.category.rawValue)"))
                Term(context.t("field.creditCode"))
                Definition(business.creditCode ?? "—").class("code")
                Term(context.t("field.gridCode"))
                Definition { Link(business.regionCode, url: SiteURL.grid(business.regionCode).path) }.class("code")
                Term(context.t("field.address"))
                Definition(business.address)
                Term(context.t("field.legalRepresentative"))
                Definition(business.legalRepresentative ?? "—")
                Term(context.t("field.contactPhone"))
                Definition(business.contactPhone ?? "—")
                Term(context.t("field.safetyDirector"))
                Definition(business.safetyDirector ?? "—")
                Term(context.t("field.safetyOfficer"))
                Definition(business.safetyOfficer ?? "—")
                Term(context.t("field.permitKind"))
                Definition(context.t("permit.\(business.permitKind.rawValue)"))
                Term(context.t("field.permitNumber"))
                Definition(business.permitNumber ?? "—").class("code")
                Term(context.t("field.permitValidity"))
                Definition("\(context.date(business.permitValidFrom)) – \(context.date(business.permitValidUntil))")
                if let area = business.areaSquareMetres {
                    Term(context.t("field.areaSquareMetres"))
                    Definition(String(format: "%g m²", area))
                }
                Term(context.t("field.riskGrade"))
                Definition(business.riskGrade ?? context.t("business.notYetGraded")).attribute(named: "data-risk", value: business.riskGrade)
                Term(context.t("field.creditRating"))
                Definition(business.creditRating.map { "\($0)（\(business.creditScore.map(String.init) ?? "—")）" } ?? context.t("business.notYetRated"))
                    .attribute(named: "data-credit-score", value: business.creditScore.map(String.init))
                Term(context.t("inspection.nextDue"))
                Definition(context.date(business.nextInspectionDue))
                    .attribute(named: "data-next-due", value: business.nextInspectionDue.map { Formatting.day($0) })
            }
            .class("facts")
            if model.canManage, let id = business.id { actions(id) }
            PageSection {
                H2(context.t("business.cadres"))
                if model.cadres.isEmpty {
                    EmptyState(text: context.t("business.noCadre"))
                } else {
                    UnorderedList {
                        for cadre in model.cadres {
                            ListItem("\(cadre.name)（\(cadre.position)）\(cadre.phone)")
                        }
                    }
                }
            }
            PageSection {
                H2(context.t("business.inspections"))
                if model.canInspect, let id = business.id {
                    Paragraph { Link(context.t("inspection.new"), url: SiteURL.inspectionNew(id).path).class("button primary") }.class("toolbar")
                }
                if model.inspections.isEmpty {
                    EmptyState(text: context.t("list.empty"))
                } else {
                    UnorderedList {
                        for inspection in model.inspections {
                            ListItem {
                                if let id = inspection.id { Link(context.dateTime(inspection.inspectedAt), url: SiteURL.inspection(id).path) }
                                Text(" ")
                                ResultBadge(context: context, result: inspection.result)
                                Text(" \(inspection.score)")
                            }
                        }
                    }
                }
            }
            .id("inspections")
            if !model.openOrders.isEmpty {
                PageSection {
                    H2(context.t("business.openOrders"))
                    UnorderedList {
                        for order in model.openOrders {
                            ListItem {
                                if let id = order.id { Link(order.number, url: SiteURL.order(id).path) }
                                Text(" \(context.t("order.deadline"))：\(context.date(order.deadline)) ")
                                OrderStatusBadge(context: context, order: order, now: model.today)
                            }
                        }
                    }
                }
                .id("open-orders")
            }
            if business.category == .smallWorkshop { products }
            HistoryTable(context: context, entries: model.history)
        }
    }

    /// The products a small workshop is registered to make, within the province's catalogue.
    private var products: Component {
        PageSection {
            H2(context.t("business.products"))
            if model.products.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                UnorderedList {
                    for product in model.products { ListItem("\(product.name)（\(product.catalogueCategory)）") }
                }
            }
            if model.canManage, let id = model.business.id {
                Form(url: SiteURL.businessProducts(id).path, method: .post) {
                    CSRFField(context: context)
                    FormField(label: context.t("field.name"), name: "name", isRequired: true)
                    SelectField(label: context.t("business.catalogueCategory"), name: "catalogueCategory",
                                options: model.catalogue.map { ($0, $0) })
                    Button(context.t("business.addProduct")).attribute(named: "type", value: "submit")
                }
                .class("filter-form").id("product-form")
            }
        }
        .id("products")
    }

    private func actions(_ id: UUID) -> Component {
        let business = model.business
        return Div {
            Link(context.t("action.edit"), url: SiteURL.businessEdit(id).path).class("button")
            if business.permitKind == .registration || business.permitKind == .filing {
                Link(context.t("business.certificate"), url: SiteURL.businessCertificate(id).path).class("button")
            }
            if business.permitKind != .none, business.permitCancelledAt == nil, business.status != .closed {
                Form(url: SiteURL.businessPermitRenewal(id).path, method: .post) {
                    CSRFField(context: context)
                    Button(context.t("business.renewPermit")).attribute(named: "type", value: "submit")
                        .attribute(named: "data-confirm", value: context.t("business.renewConfirm"))
                }
                Form(url: SiteURL.businessPermitCancellation(id).path, method: .post) {
                    CSRFField(context: context)
                    Button(context.t("business.cancelPermit")).attribute(named: "type", value: "submit").class("danger")
                        .attribute(named: "data-confirm", value: context.t("business.cancelConfirm"))
                }
            }
        }
        .class("toolbar")
    }
}

/// The printable registration certificate (登记证) or filing card (备案卡) of a small business.
struct PermitCertificatePage {
    let context: PageContext
    let business: Business

    func render() -> String {
        let title = context.t("certificate.title.\(business.permitKind.rawValue)")
        return Layout(context: context, title: title, current: .businesses).render {
            Div {
                H1(title).class("document-title")
                Paragraph(business.permitNumber ?? "—").class("document-number")
                DescriptionList {
                    Term(context.t("field.name"))
                    Definition(business.name)
                    Term(context.t("field.legalRepresentative"))
                    Definition(business.legalRepresentative ?? "—")
                    Term(context.t("field.address"))
                    Definition(business.address)
                    Term(context.t("field.category"))
                    Definition(context.t("category.\(business.category.rawValue)"))
                    Term(context.t("field.creditCode"))
                    Definition(business.creditCode ?? "—")
                    Term(context.t("field.permitValidity"))
                    Definition("\(context.date(business.permitValidFrom)) – \(context.date(business.permitValidUntil))")
                }
                .class("facts")
                Paragraph(context.t("certificate.issuer")).class("document-signature")
                Paragraph(context.date(business.permitValidFrom)).class("document-date")
            }
            .class("official-document")
        }
    }
}
