import Foundation
import Plot
import ShianCore

/// A unit's to-do list (责任单位任务清单): the items it leads or supports, what each lacks and by when;
/// without a unit, the list of units to choose from.
struct CreationUnitPage {
    let context: PageContext
    let campaign: CreationCampaign
    let unit: String?
    let items: [IndicatorItemDTO]
    let units: [CreationUnitDTO]
    /// Reminders about the unit's reports not yet sent (a township's).
    var reminders: [ReportReminders.ReminderDTO] = []

    func render() -> String {
        let name = unit.map { campaign.unitName($0) ?? $0 }
        let title = name.map { context.t("creation.unit.title", $0) } ?? context.t("creation.units.title")
        let crumbs = [Layout.Crumb(title: context.t("creation.board.title"), url: "/creation")]
        return Layout(context: context, title: title, current: .creation, breadcrumb: crumbs).render {
            H1(title)
            if let unit {
                let open = items.filter { $0.leadUnit == unit && $0.status != .approved && !$0.computed }
                let supporting = items.filter { $0.leadUnit != unit }
                if !reminders.isEmpty {
                    H2(context.t("reporting.reminders"))
                    ReminderList(context: context, reminders: reminders)
                }
                H2(context.t("creation.todo", String(open.count)))
                if open.isEmpty { EmptyState(text: context.t("creation.nothingToDo")) } else { ItemTable(context: context, items: open) }
                H2(context.t("creation.ledDone"))
                ItemTable(context: context, items: items.filter { $0.leadUnit == unit && ($0.status == .approved || $0.computed) })
                if !supporting.isEmpty {
                    H2(context.t("creation.supporting"))
                    ItemTable(context: context, items: supporting)
                }
            } else {
                UnorderedList {
                    for entry in units {
                        ListItem { Link("\(entry.name)（\(entry.items)）", url: "/creation/units?unit=\(entry.unit)") }
                    }
                }
            }
        }
    }
}
