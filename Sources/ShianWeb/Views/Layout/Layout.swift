import Plot
import ShianCore
import Vapor

/// The one page layout: header with the user, their scope and the language switch; navigation by
/// role; breadcrumb; the page's own content. Every HTML page of Shian is rendered through it.
struct Layout {
    struct Crumb: Sendable {
        let title: String
        let url: String?
    }

    let context: PageContext
    let title: String
    var current: NavItem?
    var breadcrumb: [Crumb] = []
    /// Set on error pages so tests and scripts can read the status from the page.
    var status: Int?

    func render(@ComponentBuilder content: () -> Component) -> String {
        let body = content()
        let document = HTML(
            .attribute(named: "lang", value: context.locale.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title) · \(context.t("app.name"))"),
                .link(.rel(.stylesheet), .href("/css/shian.css")),
                .link(.rel(.stylesheet), .href("/css/print.css"), .attribute(named: "media", value: "print")),
                .script(.src("/js/shian.js"), .attribute(named: "defer", value: "defer"))
            ),
            .body(
                .component(header),
                .component(navigation),
                .component(
                    Main {
                        if !breadcrumb.isEmpty { breadcrumbTrail }
                        body
                    }
                    .attribute(named: "id", value: "content")
                    .attribute(named: "data-status", value: status.map(String.init))
                ),
                .component(footer)
            )
        )
        return document.render()
    }

    private var header: Component {
        Header {
            Div {
                Link(context.t("app.name"), url: SiteURL.home.path).class("brand")
                Span(context.t("app.demoBadge")).class("badge badge-grey").attribute(named: "title", value: context.t("app.demoNotice"))
            }
            .class("brand-block")
            Div {
                if let principal = context.principal {
                    Span {
                        Text(principal.user.displayName)
                        Small(" · \(context.t("role.\(principal.role.rawValue)"))")
                    }
                    .class("user-name")
                    .attribute(named: "data-role", value: principal.role.rawValue)
                }
                languageSwitch
                if context.principal != nil {
                    Form(url: SiteURL.logout.path, method: .post) {
                        Input(type: .hidden, name: CSRFMiddleware.fieldName, value: context.csrfToken)
                        Button(context.t("action.logout")).attribute(named: "type", value: "submit").class("link-button")
                    }
                    .id("logout-form")
                }
            }
            .class("user-block")
        }
        .class("site-header")
    }

    private var languageSwitch: Component {
        Span {
            for locale in AppLocale.allCases {
                Link(context.t("locale.\(locale.rawValue)"), url: SiteURL.language(locale, next: context.path).path)
                    .attribute(named: "data-lang", value: locale.rawValue)
                    .attribute(named: "hreflang", value: locale.rawValue)
                    .class(locale == context.locale ? "lang current" : "lang")
            }
        }
        .class("lang-switch")
    }

    @ComponentBuilder
    private var navigation: Component {
        if let principal = context.principal {
            Navigation {
                for item in NavItem.items(for: principal.role) {
                    Link(context.t("nav.\(item.rawValue)"), url: item.url.path)
                        .attribute(named: "data-nav", value: item.rawValue)
                        .class(item == current ? "current" : "")
                }
            }
            .id("main-nav")
        }
    }

    private var breadcrumbTrail: Component {
        Navigation {
            for (index, crumb) in breadcrumb.enumerated() {
                if index > 0 { Span("›").class("sep") }
                if let url = crumb.url, index < breadcrumb.count - 1 {
                    Link(crumb.title, url: url)
                } else {
                    Span(crumb.title).class("here")
                }
            }
        }
        .class("breadcrumb")
        .attribute(named: "aria-label", value: context.t("nav.breadcrumb"))
    }

    private var footer: Component {
        Footer {
            Paragraph(context.t("app.footer"))
        }
        .class("site-footer")
    }
}

extension Response {
    /// An HTML response with the right content type.
    static func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        return Response(status: status, headers: headers, body: .init(string: body))
    }
}
