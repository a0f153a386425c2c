import Plot
import ShianCore
import ShianStore

/// The home page, shaped by role.
struct HomePage {
    struct Model {
        let user: User
        let role: Role
        let scopeName: String
        let departmentName: String?
        let businessName: String?
        let counts: [RegionLevel: Int]
        let recent: [AuditEntry]
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        Layout(context: context, title: context.t("nav.home"), current: .home).render {
            H1(context.t("home.greeting", model.user.displayName))
            Paragraph(context.t("home.lead.\(model.role.rawValue)")).class("lead")
            DescriptionList {
                Term(context.t("field.role"))
                Definition(context.t("role.\(model.role.rawValue)"))
                Term(context.t("field.scope"))
                Definition(context.t("home.scopeLine", model.scopeName)).attribute(named: "data-scope", value: model.user.regionCode)
                if let department = model.departmentName {
                    Term(context.t("field.department"))
                    Definition(department)
                }
                if let business = model.businessName {
                    Term(context.t("field.business"))
                    Definition {
                        if let id = model.user.$business.id { Link(business, url: SiteURL.business(id).path) } else { Text(business) }
                    }
                }
            }
            .class("facts")
            if !model.counts.isEmpty {
                PageSection {
                    H2(context.t("home.regionTree"))
                    Div {
                        for level in RegionLevel.allCases where model.counts[level] != nil {
                            Div {
                                Span(Formatting.number(model.counts[level] ?? 0)).class("stat-value")
                                Span(context.t("level.\(level.rawValue)")).class("stat-label")
                            }
                            .class("stat-card")
                        }
                    }
                    .class("stat-grid")
                }
            }
            PageSection {
                H2(context.t("home.shortcuts"))
                Div {
                    for item in NavItem.items(for: model.role) where item != .home {
                        Link(context.t("nav.\(item.rawValue)"), url: item.url.path).class("button")
                    }
                }
                .class("toolbar")
            }
            if context.principal?.role.may(.readAudit) == true {
                PageSection {
                    H2(context.t("home.recentChanges"))
                    if model.recent.isEmpty {
                        EmptyState(text: context.t("history.empty"))
                    } else {
                        AuditTable(context: context, entries: model.recent)
                    }
                }
            }
        }
    }
}
