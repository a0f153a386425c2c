import Foundation
import Plot
import ShianCore
import ShianStore

/// The registry list: search, filters, drill-down from the user's region to a grid, export.
struct BusinessListPage {
    struct Model {
        let filter: BusinessQueries.Filter
        let rows: [Business]
        let nextCursor: String?
        let total: Int
        let rawQuery: [String: String]
        let lineage: [Region]
        let children: [Region]
        let today: Date
        let canManage: Bool
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let crumbs = model.lineage.map { Layout.Crumb(title: $0.name, url: link(regionCode: $0.code)) }
        return Layout(context: context, title: context.t("businesses.title"), current: .businesses, breadcrumb: crumbs).render {
            H1(context.t("businesses.title"))
            Paragraph {
                if model.canManage {
                    Link(context.t("businesses.register"), url: SiteURL.businessNew.path + (model.filter.regionCode.map { "?gridCode=\($0)" } ?? ""))
                        .class("button primary")
                    Link(context.t("businesses.import"), url: SiteURL.businessImport.path).class("button")
                }
                ExportLink(context: context, path: SiteURL.businesses.path, query: model.rawQuery)
                Link(context.t("action.exportXLSX"), url: SiteURL.businesses.path
                     + Pager.queryString(model.rawQuery.filter { $0.key != "cursor" }.merging(["format": "xlsx"]) { $1 }))
                    .class("button")
                Link(context.t("businesses.expiry"), url: SiteURL.businessExpiry.path).class("button")
                Link(context.t("vendorZones.title"), url: SiteURL.vendorZones.path).class("button")
            }
            .class("toolbar")
            if !model.children.isEmpty {
                Div {
                    Span(context.t("businesses.drillDown")).class("hint")
                    for child in model.children {
                        Link(child.name, url: link(regionCode: child.code)).class("chip")
                    }
                }
                .class("drill-down")
            }
            filterForm
            Paragraph(context.t("businesses.total", Formatting.number(model.total))).class("hint").attribute(named: "data-total", value: String(model.total))
            if model.rows.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                BusinessTable(context: context, rows: model.rows, today: model.today)
            }
            Pager(context: context, path: SiteURL.businesses.path, query: model.rawQuery, nextCursor: model.nextCursor, shown: model.rows.count)
        }
    }

    private var filterForm: Component {
        Form(url: SiteURL.businesses.path, method: .get) {
            FormField(label: context.t("filter.search"), name: "q", value: model.filter.query ?? "", hint: context.t("businesses.searchHint"))
            SelectField(
                label: context.t("field.category"), name: "category",
                options: [("", context.t("filter.all"))] + BusinessCategory.allCases.map { ($0.rawValue, context.t("category.\($0.rawValue)")) },
                selected: model.filter.category?.rawValue ?? "")
            SelectField(
                label: context.t("field.status"), name: "status",
                options: [("", context.t("filter.all"))] + BusinessStatus.allCases.map { ($0.rawValue, context.t("businessStatus.\($0.rawValue)")) },
                selected: model.filter.status?.rawValue ?? "")
            SelectField(
                label: context.t("field.permitExpiry"), name: "expiry",
                options: [("", context.t("filter.all"))] + PermitExpiry.allCases.map { ($0.rawValue, context.t("expiry.\($0.rawValue)")) },
                selected: model.filter.expiry?.rawValue ?? "")
            SelectField(
                label: context.t("field.riskGrade"), name: "riskGrade",
                options: [("", context.t("filter.all"))] + RiskGrade.allCases.map { ($0.rawValue, $0.rawValue) },
                selected: model.filter.riskGrade?.rawValue ?? "")
            SelectField(
                label: context.t("businesses.inspectionDue"), name: "inspectionOverdue",
                options: [("", context.t("filter.all")), ("true", context.t("businesses.inspectionOverdue"))],
                selected: model.filter.inspectionOverdue ? "true" : "")
            SelectField(
                label: context.t("businesses.credit"), name: "seriousViolators",
                options: [("", context.t("filter.all")), ("true", context.t("businesses.seriousViolators"))],
                selected: model.filter.seriousViolators ? "true" : "")
            Input(type: .hidden, name: "regionCode", value: model.filter.regionCode ?? "")
            Button(context.t("action.search")).attribute(named: "type", value: "submit")
        }
        .class("filter-form")
    }

    private func link(regionCode: String) -> String {
        var query = model.rawQuery.filter { $0.key != "cursor" }
        query["regionCode"] = regionCode
        return SiteURL.businesses.path + Pager.queryString(query)
    }
}

/// Businesses as a table, with the permit's standing as a badge.
struct BusinessTable: Component {
    let context: PageContext
    let rows: [Business]
    let today: Date

    var body: Component {
        Table(
            header: TableRow {
                TableHeaderCell(context.t("field.name"))
                TableHeaderCell(context.t("field.category"))
                TableHeaderCell(context.t("field.creditCode"))
                TableHeaderCell(context.t("field.address"))
                TableHeaderCell(context.t("field.permitExpiry"))
                TableHeaderCell(context.t("field.status"))
            }
        ) {
            for business in rows {
                TableRow {
                    TableCell { if let id = business.id { Link(business.name, url: SiteURL.business(id).path) } }
                    TableCell(context.t("category.\(business.category.rawValue)"))
                    TableCell(business.creditCode ?? "—").class("code")
                    TableCell(business.address)
                    TableCell { ExpiryBadge(context: context, expiry: business.permitExpiry(today: today)) }
                    TableCell { BusinessStatusBadge(context: context, status: business.status) }
                }
            }
        }
        .class("data-table")
    }
}

/// A permit's standing: red when expired, amber when it expires within 90 days.
struct ExpiryBadge: Component {
    let context: PageContext
    let expiry: PermitExpiry

    var body: Component {
        let tone: Badge.Tone =
            switch expiry {
            case .expired: .red
            case .within30Days, .within60Days, .within90Days: .amber
            case .valid: .green
            case .unknown: .grey
            }
        return Badge(text: context.t("expiry.\(expiry.rawValue)"), tone: tone)
    }
}

struct BusinessStatusBadge: Component {
    let context: PageContext
    let status: BusinessStatus

    var body: Component {
        Badge(text: context.t("businessStatus.\(status.rawValue)"), tone: status == .active ? .green : status == .suspended ? .amber : .grey)
    }
}
