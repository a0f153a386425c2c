import Foundation
import Plot
import ShianCore
import ShianStore

/// One grid and its charter under the five fixes (五定): area, targets, duties, staff, rewards and
/// penalties.
struct GridPage {
    struct Model {
        let grid: Region
        let lineage: [Region]
        let charter: GridCharter?
        let records: [GridCharterRecord]
        let staff: [GrassrootsStaff]
        let inspectors: [User]
        let businesses: [Business]
        let activeBusinesses: Int
        let history: [AuditEntry]
        let today: Date
        let canManage: Bool
        let errors: [String: String]
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let grid = model.grid
        let crumbs = model.lineage.map { Layout.Crumb(title: $0.name, url: SiteURL.grids.path + "?regionCode=\($0.code)") }
        return Layout(context: context, title: grid.name, current: .grids, breadcrumb: crumbs).render {
            H1(grid.name)
            Paragraph(grid.code).class("code")
            PageSection {
                H2(context.t("charter.area"))
                Paragraph(model.charter?.areaDescription.nonEmpty ?? context.t("charter.notSet"))
                H2(context.t("charter.targets"))
                Paragraph(context.t("charter.targetsDerived", Formatting.number(model.activeBusinesses)))
                Paragraph(model.charter?.targets.nonEmpty ?? context.t("charter.notSet"))
                H2(context.t("charter.duties"))
                Paragraph(model.charter?.duties.nonEmpty ?? context.t("charter.notSet"))
                H2(context.t("charter.staff"))
                staffList
                H2(context.t("charter.rewardsAndPenalties"))
                Paragraph(model.charter?.rewardsAndPenalties.nonEmpty ?? context.t("charter.notSet"))
            }
            .id("charter")
            if model.canManage { charterForm }
            records
            PageSection {
                H2(context.t("grids.businesses"))
                Paragraph { Link(context.t("grids.allBusinesses"), url: SiteURL.businesses.path + "?regionCode=\(grid.code)") }
                if model.businesses.isEmpty {
                    EmptyState(text: context.t("list.empty"))
                } else {
                    BusinessTable(context: context, rows: model.businesses, today: model.today)
                }
            }
            HistoryTable(context: context, entries: model.history)
        }
    }

    private var staffList: Component {
        UnorderedList {
            for member in model.staff {
                ListItem("\(context.t("staffKind.\(member.kind.rawValue)"))：\(member.name) \(member.phone)")
            }
            for inspector in model.inspectors {
                ListItem("\(context.t("role.inspector"))：\(inspector.displayName)")
            }
            if model.staff.isEmpty && model.inspectors.isEmpty {
                ListItem { Badge(text: context.t("grids.none"), tone: .red) }
            }
        }
    }

    private var charterForm: Component {
        let charter = model.charter
        return Form(url: SiteURL.gridCharter(model.grid.code).path, method: .post) {
            CSRFField(context: context)
            H2(context.t("charter.edit"))
            FormField(label: context.t("charter.area"), name: "areaDescription", value: charter?.areaDescription ?? "")
            FormField(label: context.t("charter.targets"), name: "targets", value: charter?.targets ?? "")
            FormField(label: context.t("charter.duties"), name: "duties", value: charter?.duties ?? "")
            FormField(label: context.t("charter.rewardsAndPenalties"), name: "rewardsAndPenalties", value: charter?.rewardsAndPenalties ?? "")
            Button(context.t("action.save")).attribute(named: "type", value: "submit").class("primary")
        }
        .class("stacked-form").id("charter-form")
    }

    private var records: Component {
        PageSection {
            H2(context.t("charter.records"))
            if model.records.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("charter.recordDate"))
                        TableHeaderCell(context.t("charter.recordKind"))
                        TableHeaderCell(context.t("charter.recipient"))
                        TableHeaderCell(context.t("charter.description"))
                        TableHeaderCell(context.t("charter.amount"))
                    }
                ) {
                    for record in model.records {
                        TableRow {
                            TableCell(context.date(record.occurredOn))
                            TableCell { Badge(text: context.t("recordKind.\(record.kind.rawValue)"), tone: record.kind == .reward ? .green : .red) }
                            TableCell(record.recipient)
                            TableCell(record.description)
                            TableCell(record.amountFen.map { String(format: "%.2f", Double($0) / 100) } ?? "—")
                        }
                    }
                }
                .class("data-table")
            }
            if model.canManage {
                Form(url: SiteURL.gridRecords(model.grid.code).path, method: .post) {
                    CSRFField(context: context)
                    SelectField(label: context.t("charter.recordKind"), name: "kind",
                                options: GridCharterRecord.Kind.allCases.map { ($0.rawValue, context.t("recordKind.\($0.rawValue)")) })
                    FormField(label: context.t("charter.recordDate"), name: "occurredOn", value: Formatting.day(model.today), type: .date, isRequired: true)
                    FormField(label: context.t("charter.recipient"), name: "recipient", isRequired: true)
                    FormField(label: context.t("charter.description"), name: "description", isRequired: true)
                    FormField(label: context.t("charter.amount"), name: "amountYuan", type: .number)
                    Button(context.t("charter.addRecord")).attribute(named: "type", value: "submit")
                }
                .class("filter-form").id("record-form")
            }
        }
        .id("records")
    }
}

extension String {
    /// nil for an empty string, so `?? placeholder` shows the placeholder.
    var nonEmpty: String? { isEmpty ? nil : self }
}
