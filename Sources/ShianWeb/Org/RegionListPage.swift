import Plot
import ShianCore
import ShianStore

/// The searchable list of regions in scope.
struct RegionListPage {
    struct Model {
        let filter: RegionQueries.Filter
        let rows: [Region]
        let nextCursor: String?
        let rawQuery: [String: String]
        let scopeRoot: String
        let canManage: Bool
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        Layout(context: context, title: context.t("regions.title"), current: .regions).render {
            H1(context.t("regions.title"))
            Paragraph {
                Link(context.t("regions.treeView"), url: SiteURL.region(model.scopeRoot).path).class("button")
                if model.canManage {
                    Link(context.t("action.new"), url: SiteURL.regionNew.path).class("button primary")
                }
                ExportLink(context: context, path: SiteURL.regions.path, query: model.rawQuery)
            }
            .class("toolbar")
            Form(url: SiteURL.regions.path, method: .get) {
                FormField(label: context.t("filter.search"), name: "q", value: model.filter.query ?? "",
                          hint: context.t("regions.searchHint"))
                SelectField(
                    label: context.t("field.level"), name: "level",
                    options: [("", context.t("filter.all"))] + RegionLevel.allCases.map { ($0.rawValue, context.t("level.\($0.rawValue)")) },
                    selected: model.filter.level?.rawValue ?? "")
                StatusFilter(context: context, selected: model.filter.active)
                Button(context.t("action.search")).attribute(named: "type", value: "submit")
            }
            .class("filter-form")
            if model.rows.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                RegionTable(context: context, rows: model.rows)
            }
            Pager(context: context, path: SiteURL.regions.path, query: model.rawQuery, nextCursor: model.nextCursor,
                  shown: model.rows.count)
        }
    }
}

/// Regions as a table: code, name, level, status.
struct RegionTable: Component {
    let context: PageContext
    let rows: [Region]

    var body: Component {
        Table(
            header: TableRow {
                TableHeaderCell(context.t("field.code"))
                TableHeaderCell(context.t("field.name"))
                TableHeaderCell(context.t("field.level"))
                TableHeaderCell(context.t("field.status"))
            }
        ) {
            for region in rows {
                TableRow {
                    TableCell(region.code).class("code")
                    TableCell { Link(region.name, url: SiteURL.region(region.code).path) }
                    TableCell(context.t("level.\(region.level.rawValue)"))
                    TableCell { ActiveBadge(context: context, active: region.active) }
                }
            }
        }
        .class("data-table")
    }
}

/// Active / deactivated, as a badge.
struct ActiveBadge: Component {
    let context: PageContext
    let active: Bool
    var body: Component {
        Badge(text: context.t(active ? "status.active" : "status.inactive"), tone: active ? .green : .grey)
    }
}

/// A record page's heading: its name and its status badge.
struct RecordTitle: Component {
    let context: PageContext
    let title: String
    let active: Bool
    var body: Component {
        H1 {
            Text(title)
            Text(" ")
            ActiveBadge(context: context, active: active)
        }
    }
}

/// The status filter every admin list has.
struct StatusFilter: Component {
    let context: PageContext
    let selected: Bool?
    var body: Component {
        SelectField(
            label: context.t("field.status"), name: "active",
            options: [("", context.t("filter.all")), ("true", context.t("status.active")), ("false", context.t("status.inactive"))],
            selected: selected.map { $0 ? "true" : "false" } ?? "")
    }
}
