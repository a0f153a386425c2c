import Foundation
import Plot
import ShianCore
import Vapor

/// `/trace?code=`: anyone types or scans a trace code and sees the product, its origin, which of the
/// certificates it has and its path; the QR code on the page encodes the page's own address, for
/// printing on the carton or the shop's price tag.
enum PublicTraceController {
    static func page(request: Request) async throws -> Response {
        let typed = ((try? request.query.get(String.self, at: "code")) ?? "").trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return .html(PublicTracePage(context: request.pageContext, typed: "", trace: nil, notFound: false).render()) }
        if let code = ProduceCertificateCode(validating: typed) {
            request.parameters.set("code", to: code.rawValue)
            guard let certificate = try? await ProduceCertificates.lookUp(request: request) else {
                return .html(PublicTracePage(context: request.pageContext, typed: typed, trace: nil, notFound: true).render(), status: .notFound)
            }
            return .html(PublicTracePage(context: request.pageContext, typed: typed, trace: nil, certificate: certificate, notFound: false).render())
        }
        guard let code = TraceCode(validating: typed) else {
            return .html(PublicTracePage(context: request.pageContext, typed: typed, trace: nil, notFound: true).render(), status: .notFound)
        }
        request.parameters.set("traceCode", to: code.rawValue)
        do {
            let trace = try await ColdChainAPIController.trace(request: request)
            return .html(PublicTracePage(context: request.pageContext, typed: typed, trace: trace, notFound: false).render())
        } catch let error as ShianError where error.status == .notFound {
            return .html(PublicTracePage(context: request.pageContext, typed: typed, trace: nil, notFound: true).render(), status: .notFound)
        }
    }

    /// `/trace/{code}/qr.svg`: the QR code of the look-up page's address, for a trace code or a
    /// certificate code.
    static func qr(request: Request) async throws -> Response {
        guard let text = request.parameters.get("traceCode"),
            let code = TraceCode(validating: text)?.rawValue ?? ProduceCertificateCode(validating: text)?.rawValue
        else { throw ShianError.notFound }
        let symbol = try QRCode(encoding: "\(request.baseURL)/trace?code=\(code)")
        let response = Response(status: .ok, body: .init(string: symbol.svg(moduleSize: 4)))
        response.headers.replaceOrAdd(name: .contentType, value: "image/svg+xml")
        // Private: the address comes from the Host header, which a shared cache must not keep for others.
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=3600")
        return response
    }
}

extension Request {
    /// The scheme and host the request came to, for addresses printed in QR codes.
    var baseURL: String {
        let host = headers.first(name: .host) ?? "localhost"
        return "\(application.shian.secureCookies ? "https" : "http")://\(host)"
    }
}

struct PublicTracePage {
    let context: PageContext
    let typed: String
    let trace: ColdChainAPIController.PublicTrace?
    var certificate: ProduceCertificates.DTO? = nil
    let notFound: Bool

    func render() -> String {
        Layout(context: context, title: context.t("trace.title")).render {
            H1(context.t("trace.title"))
            Form(url: "/trace", method: .get) {
                FormField(label: context.t("trace.code"), name: "code", value: typed, isRequired: true, hint: context.t("trace.codeHint"))
                Button(context.t("action.search")).attribute(named: "type", value: "submit").class("primary")
            }
            .class("filter-form no-print").id("trace-form")
            if notFound { Paragraph(context.t("trace.notFound", typed)).class("form-error").attribute(named: "role", value: "alert") }
            if let certificate { CertificateView(context: context, certificate: certificate) }
            if let trace {
                if trace.recalled { Paragraph(context.t("trace.recalled")).class("form-error") }
                Div {
                    Image(url: "/trace/\(trace.traceCode)/qr.svg", description: trace.traceCode).class("trace-qr")
                    DescriptionList {
                        Term(context.t("trace.code"))
                        Definition(trace.traceCode).class("code").attribute(named: "data-trace-code", value: trace.traceCode)
                        Term(context.t("trace.product"))
                        Definition([trace.product, trace.specification].compactMap { $0 }.joined(separator: " "))
                        Term(context.t("trace.origin"))
                        Definition(trace.originCountry)
                        Term(context.t("trace.batchNumber"))
                        Definition(trace.batchNumber)
                        Term(context.t("trace.quantity"))
                        Definition("\(trace.quantity) \(trace.unit)")
                    }
                    .class("facts")
                }
                .class("trace-summary")
                PageSection {
                    H2(context.t("trace.documents"))
                    UnorderedList {
                        for document in trace.documents {
                            ListItem {
                                Badge(text: context.t(document.present ? "trace.present" : "trace.missing"), tone: document.present ? .green : .red)
                                Text(" \(document.name)")
                                if let issued = document.issuedOn { Span(" \(issued)").class("hint") }
                            }
                            .attribute(named: "data-document", value: document.kind)
                            .attribute(named: "data-present", value: document.present ? "true" : "false")
                        }
                    }
                }
                PageSection {
                    H2(context.t("trace.path"))
                    OrderedList {
                        for step in trace.events {
                            ListItem("\(context.dateTime(step.occurredAt)) \(step.business) \(context.t("trace.event.\(step.type)")) \(step.quantity) \(trace.unit)"
                                + (step.counterparty.map { " → \($0)" } ?? ""))
                        }
                    }
                    .class("trace-path")
                }
            }
        }
    }
}

/// A produce certificate as the public sees it: the printed certificate's fields and commitments.
struct CertificateView: Component {
    let context: PageContext
    let certificate: ProduceCertificates.DTO

    var body: Component {
        Div {
            if certificate.voided { Paragraph(context.t("produceCertificate.voided", certificate.voidReason ?? "")).class("form-error") }
            H2(context.t("produceCertificate.title"))
            Div {
                Image(url: "/trace/\(certificate.code)/qr.svg", description: certificate.code).class("trace-qr")
                DescriptionList {
                    Term(context.t("trace.code"))
                    Definition(certificate.code).class("code").attribute(named: "data-certificate-code", value: certificate.code)
                    Term(context.t("produceCertificate.product"))
                    Definition("\(certificate.productName) \(certificate.quantity.map { "\($0)" } ?? "") \(certificate.unit)")
                    Term(context.t("produceCertificate.issuer"))
                    Definition(certificate.issuerName)
                    Term(context.t("produceCertificate.origin"))
                    Definition(certificate.origin)
                    Term(context.t("produceCertificate.issuedOn"))
                    Definition(certificate.issuedOn)
                    Term(context.t("produceCertificate.basis"))
                    Definition(certificate.bases.map { ProduceCertificateBasis(rawValue: $0)?.chineseName ?? $0 }.joined(separator: "、"))
                }
                .class("facts")
            }
            .class("trace-summary")
            H3(context.t("produceCertificate.commitments"))
            UnorderedList { for line in certificate.commitments { ListItem(line) } }
        }
        .class("official-document")
        .attribute(named: "data-voided", value: certificate.voided ? "true" : "false")
    }
}
