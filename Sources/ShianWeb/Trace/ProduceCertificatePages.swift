import FluentKit
import Foundation
import Plot
import ShianCore
import ShianStore
import Vapor

/// Issuing produce certificates (the printable certificate is the public look-up page), and a
/// market's entry checks with this month's coverage.
enum ProduceCertificatePages {
    static func index(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        guard principal.role.may(.readInspections) || principal.role == .businessOperator else { throw ShianError.forbidden }
        let list = try ListParameters(request)
        let page = try await principal.scope.query(ProduceCertificate.self, on: request.db)
            .keysetPage(sortedBy: \.$issuedOn, descending: true, after: list.cursor, limit: list.limit)
        return .html(CertificateListPage(context: request.pageContext, certificates: page.items, nextCursor: page.nextCursor, rawQuery: list.rawQuery).render())
    }

    static func new(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        return .html(CertificateFormPage(context: request.pageContext, fields: [:], error: nil, ownBusiness: principal.user.$business.id != nil).render())
    }

    static func create(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = try request.content.decode([String: String].self)
        do {
            let issuer = try await ColdChainPages.acting(form["issuer"], field: "issuer", principal: principal, on: request.db)
            let input = ProduceCertificates.Input(
                businessId: issuer.id, style: form["style"], productName: form["productName"], quantity: form["quantity"].flatMap { Decimal(string: $0) },
                unit: form["unit"], contact: form["contact"].flatMap { $0.isEmpty ? nil : $0 }, origin: form["origin"].flatMap { $0.isEmpty ? nil : $0 },
                issuedOn: form["issuedOn"].flatMap { $0.isEmpty ? nil : $0 }, bases: form["basis"].map { [$0] } ?? [],
                sourceCertificateCodes: form["sources"].flatMap { $0.isEmpty ? nil : $0.split(whereSeparator: { ", ，\n".contains($0) }).map(String.init) })
            let certificate = try await ProduceCertificates.issue(input, by: principal, on: request.db)
            return request.redirect(to: "/trace?code=\(certificate.code)")
        } catch let error as ShianError where error.status == .unprocessableEntity {
            let page = CertificateFormPage(context: request.pageContext, fields: form, error: request.t("error.\(error.code)", error.arguments),
                                           ownBusiness: principal.user.$business.id != nil)
            return .html(page.render(), status: .unprocessableEntity)
        }
    }

    static func marketEntry(request: Request) async throws -> Response {
        try await renderMarketEntry(request, fields: [:], error: nil)
    }

    private static func renderMarketEntry(_ request: Request, fields: [String: String], error: String?, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        let principal = try request.requirePrincipal()
        guard principal.role.may(.readInspections) || principal.role == .businessOperator else { throw ShianError.forbidden }
        let month = MarketEntryLot.month(of: Date())
        let place = try RegionCode(principal.user.regionCode)
        let coverage = principal.role.may(.readInspections) ? try await MarketEntry.coverage(under: place, month: month, on: request.db) : nil
        let recent = try await principal.scope.query(MarketEntryCheck.self, on: request.db).sort(\.$checkedAt, .descending).limit(20).all()
        let page = MarketEntryPage(
            context: request.pageContext, fields: fields, error: error, ownBusiness: principal.user.$business.id != nil, coverage: coverage,
            recent: recent)
        return .html(page.render(), status: status)
    }

    static func recordEntry(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = try request.content.decode([String: String].self)
        do {
            let market = try await ColdChainPages.acting(form["market"], field: "market", principal: principal, on: request.db)
            // A filed stall number links the lot to the seller's file; any other text is kept as typed.
            let typed = (form["seller"] ?? "").trimmingCharacters(in: .whitespaces)
            let filed = try await MarketSellers.present(at: try market.requireID(), stall: typed, on: request.db)
            _ = try await MarketEntry.record(
                .init(marketBusinessId: market.id, sellerId: filed?.id, seller: form["seller"], productName: form["productName"],
                      quantity: form["quantity"].flatMap { Decimal(string: $0) }, unit: form["unit"], certificateCode: form["certificateCode"]),
                by: principal, on: request.db)
            return request.redirect(to: SiteURL.marketEntry.path)
        } catch let error as ShianError where error.status == .unprocessableEntity {
            return try await renderMarketEntry(request, fields: form, error: request.t("error.\(error.code)", error.arguments), status: .unprocessableEntity)
        }
    }
}

struct CertificateListPage {
    let context: PageContext
    let certificates: [ProduceCertificate]
    let nextCursor: String?
    let rawQuery: [String: String]

    func render() -> String {
        Layout(context: context, title: context.t("produceCertificate.list"), current: .trace).render {
            H1(context.t("produceCertificate.list"))
            Paragraph { Link(context.t("produceCertificate.new"), url: SiteURL.certificateNew.path).class("button primary") }.class("toolbar no-print")
            if certificates.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("trace.code"))
                        TableHeaderCell(context.t("produceCertificate.product"))
                        TableHeaderCell(context.t("produceCertificate.issuer"))
                        TableHeaderCell(context.t("produceCertificate.issuedOn"))
                    }
                ) {
                    for certificate in certificates {
                        TableRow {
                            TableCell { Link(certificate.code, url: "/trace?code=\(certificate.code)").class("code") }
                            TableCell {
                                Text("\(certificate.productName) \(certificate.quantity ?? "") \(certificate.unit)")
                                if certificate.voidedAt != nil { Text(" "); Badge(text: context.t("produceCertificate.voidedBadge"), tone: .red) }
                            }
                            TableCell(certificate.issuerName)
                            TableCell(context.date(certificate.issuedOn))
                        }
                    }
                }
                .class("data-table")
            }
            Pager(context: context, path: SiteURL.certificates.path, query: rawQuery, nextCursor: nextCursor, shown: certificates.count)
        }
    }
}

struct CertificateFormPage {
    let context: PageContext
    let fields: [String: String]
    let error: String?
    let ownBusiness: Bool

    func render() -> String {
        Layout(context: context, title: context.t("produceCertificate.new"), current: .trace).render {
            H1(context.t("produceCertificate.new"))
            if let error { Paragraph(error).class("form-error").attribute(named: "role", value: "alert") }
            Form(url: SiteURL.certificates.path, method: .post) {
                CSRFField(context: context)
                if !ownBusiness {
                    FormField(label: context.t("produceCertificate.issuer"), name: "issuer", value: fields["issuer"] ?? "", isRequired: true,
                              hint: context.t("coldChain.businessHint"))
                }
                SelectField(label: context.t("produceCertificate.style"), name: "style",
                            options: ProduceCertificateStyle.allCases.map { ($0.rawValue, $0.chineseName) }, selected: fields["style"] ?? "producer")
                FormField(label: context.t("produceCertificate.product"), name: "productName", value: fields["productName"] ?? "", isRequired: true)
                FormField(label: context.t("coldChain.quantity"), name: "quantity", value: fields["quantity"] ?? "", type: .number, isRequired: true)
                FormField(label: context.t("produceCertificate.unit"), name: "unit", value: fields["unit"] ?? "公斤", isRequired: true)
                FormField(label: context.t("produceCertificate.origin"), name: "origin", value: fields["origin"] ?? "", hint: context.t("produceCertificate.originHint"))
                FormField(label: context.t("produceCertificate.contact"), name: "contact", value: fields["contact"] ?? "", hint: context.t("produceCertificate.contactHint"))
                SelectField(label: context.t("produceCertificate.basis"), name: "basis",
                            options: ProduceCertificateBasis.allCases.map { ($0.rawValue, $0.chineseName) }, selected: fields["basis"] ?? "")
                FormField(label: context.t("produceCertificate.sources"), name: "sources", value: fields["sources"] ?? "", hint: context.t("produceCertificate.sourcesHint"))
                Button(context.t("produceCertificate.issue")).attribute(named: "type", value: "submit").class("primary")
            }
            .class("stacked-form").id("certificate-form")
        }
    }
}

struct MarketEntryPage {
    let context: PageContext
    let fields: [String: String]
    let error: String?
    let ownBusiness: Bool
    let coverage: MarketEntry.Coverage?
    let recent: [MarketEntryCheck]

    func render() -> String {
        Layout(context: context, title: context.t("marketEntry.title"), current: .trace).render {
            H1(context.t("marketEntry.title"))
            Paragraph { Link(context.t("marketEntry.sellerFiles"), url: SiteURL.marketSellers.path).class("button") }.class("toolbar no-print")
            if let error { Paragraph(error).class("form-error").attribute(named: "role", value: "alert") }
            Form(url: SiteURL.marketEntry.path, method: .post) {
                CSRFField(context: context)
                if !ownBusiness {
                    FormField(label: context.t("marketEntry.market"), name: "market", value: fields["market"] ?? "", isRequired: true,
                              hint: context.t("coldChain.businessHint"))
                }
                FormField(label: context.t("marketEntry.seller"), name: "seller", value: fields["seller"] ?? "", isRequired: true,
                          hint: context.t("marketEntry.sellerHint"))
                FormField(label: context.t("produceCertificate.product"), name: "productName", value: fields["productName"] ?? "", isRequired: true)
                FormField(label: context.t("coldChain.quantity"), name: "quantity", value: fields["quantity"] ?? "", type: .number)
                FormField(label: context.t("produceCertificate.unit"), name: "unit", value: fields["unit"] ?? "公斤", isRequired: true)
                FormField(label: context.t("marketEntry.certificateCode"), name: "certificateCode", value: fields["certificateCode"] ?? "",
                          hint: context.t("marketEntry.certificateHint"))
                Button(context.t("marketEntry.record")).attribute(named: "type", value: "submit").class("primary")
            }
            .class("stacked-form").id("market-entry-form")
            if let coverage {
                PageSection {
                    H2(context.t("marketEntry.coverage", coverage.month))
                    Table(
                        header: TableRow {
                            TableHeaderCell(context.t("marketEntry.market"))
                            TableHeaderCell(context.t("marketEntry.lots"))
                            TableHeaderCell(context.t("marketEntry.withCertificate"))
                            TableHeaderCell(context.t("marketEntry.share"))
                        }
                    ) {
                        for row in [coverage.total] + coverage.markets {
                            TableRow {
                                TableCell(row.key == coverage.total.key ? context.t("marketEntry.total") : row.name)
                                TableCell(String(row.lots))
                                TableCell(String(row.withCertificate))
                                TableCell(row.share.map { String(format: "%.0f%%", $0 * 100) } ?? "—").attribute(named: "data-share", value: row.share.map { String($0) })
                            }
                            .attribute(named: "data-coverage", value: row.key)
                        }
                    }
                    .class("data-table figures")
                }
            }
            PageSection {
                H2(context.t("marketEntry.recent"))
                if recent.isEmpty {
                    EmptyState(text: context.t("list.empty"))
                } else {
                    UnorderedList {
                        for check in recent {
                            ListItem {
                                Text("\(context.dateTime(check.checkedAt)) \(check.seller) \(check.productName) ")
                                Badge(text: context.t(check.hasCertificate ? "marketEntry.with" : "marketEntry.without"), tone: check.hasCertificate ? .green : .red)
                            }
                        }
                    }
                }
            }
        }
    }
}
