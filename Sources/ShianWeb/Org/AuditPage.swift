import Foundation
import Plot
import ShianStore

/// The operation log page.
struct AuditPage {
    struct Model {
        let filter: AuditController.Filter
        let entries: [AuditEntry]
        let nextCursor: String?
        let rawQuery: [String: String]
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        Layout(context: context, title: context.t("audit.title"), current: .audit).render {
            H1(context.t("audit.title"))
            Paragraph(context.t("audit.lead")).class("lead")
            Form(url: SiteURL.audit.path, method: .get) {
                FormField(label: context.t("audit.actor"), name: "actor", value: model.filter.actor ?? "")
                SelectField(
                    label: context.t("audit.entityType"), name: "entityType",
                    options: [("", context.t("filter.all"))] + ["region", "department", "user", "apiToken"].map {
                        ($0, context.t("entity.\($0)"))
                    },
                    selected: model.filter.entityType ?? "")
                SelectField(
                    label: context.t("history.action"), name: "action",
                    options: [("", context.t("filter.all"))] + AuditEntry.Action.allCases.map {
                        ($0.rawValue, context.t("audit.action.\($0.rawValue)"))
                    },
                    selected: model.filter.action?.rawValue ?? "")
                Button(context.t("action.search")).attribute(named: "type", value: "submit")
            }
            .class("filter-form")
            if model.entries.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                AuditTable(context: context, entries: model.entries)
            }
            Pager(context: context, path: SiteURL.audit.path, query: model.rawQuery, nextCursor: model.nextCursor,
                  shown: model.entries.count)
        }
    }
}

/// Audit entries as a table.
struct AuditTable: Component {
    let context: PageContext
    let entries: [AuditEntry]

    var body: Component {
        Table(
            header: TableRow {
                TableHeaderCell(context.t("history.at"))
                TableHeaderCell(context.t("history.actor"))
                TableHeaderCell(context.t("history.action"))
                TableHeaderCell(context.t("audit.entityType"))
                TableHeaderCell(context.t("audit.record"))
            }
        ) {
            for entry in entries {
                TableRow {
                    TableCell(context.dateTime(entry.at))
                    TableCell(entry.actorUsername)
                    TableCell(context.t("audit.action.\(entry.action.rawValue)"))
                    TableCell(context.t("entity.\(entry.entityType)"))
                    TableCell { recordLink(entry) }
                }
            }
        }
        .class("data-table")
    }

    private func recordLink(_ entry: AuditEntry) -> Component {
        if entry.entityType == "region" { return Link(entry.regionCode, url: SiteURL.region(entry.regionCode).path) }
        guard let id = UUID(uuidString: entry.entityID) else { return Text(entry.entityID) }
        let url: SiteURL? =
            switch entry.entityType {
            case "department": .department(id)
            case "user": .user(id)
            case "business": .business(id)
            case "inspection": .inspection(id)
            case "rectificationOrder": .order(id)
            case "grassrootsStaff": .staffMember(id)
            default: nil
            }
        let label = String(entry.entityID.prefix(8)) + "…"
        return url.map { Link(label, url: $0.path) as Component } ?? Text(label)
    }
}
