import Plot
import ShianCore
import ShianStore

/// One region: its record, its children, the breadcrumb up to the top of the user's scope, and its
/// history.
struct RegionPage {
    struct Model {
        let region: Region
        let lineage: [Region]
        let children: RecordPage<Region>
        let counts: [RegionLevel: Int]
        let history: [AuditEntry]
        let canManage: Bool
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let region = model.region
        let crumbs = model.lineage.map { Layout.Crumb(title: $0.name, url: SiteURL.region($0.code).path) }
        return Layout(context: context, title: region.name, current: .regions, breadcrumb: crumbs).render {
            RecordTitle(context: context, title: region.name, active: region.active)
            DescriptionList {
                Term(context.t("field.code"))
                Definition(region.code).class("code")
                Term(context.t("field.level"))
                Definition(context.t("level.\(region.level.rawValue)"))
                for level in RegionLevel.allCases where level > region.level {
                    Term(context.t("regions.countOf", context.t("level.\(level.rawValue)")))
                    Definition(Formatting.number(model.counts[level] ?? 0))
                }
            }
            .class("facts")
            if model.canManage {
                Paragraph {
                    Link(context.t("action.edit"), url: SiteURL.regionEdit(region.code).path).class("button")
                    if region.level.child != nil {
                        Link(context.t("regions.addChild"), url: SiteURL.regionNew.path + "?parent=\(region.code)")
                            .class("button")
                    }
                }
                .class("toolbar")
            }
            if region.level.child != nil {
                PageSection {
                    H2(context.t("regions.children"))
                    if model.children.items.isEmpty {
                        EmptyState(text: context.t("regions.noChildren"))
                    } else {
                        RegionTable(context: context, rows: model.children.items)
                    }
                    Pager(context: context, path: SiteURL.region(region.code).path, query: [:],
                          nextCursor: model.children.nextCursor, shown: model.children.items.count)
                }
                .id("children")
            }
            HistoryTable(context: context, entries: model.history)
        }
    }
}
