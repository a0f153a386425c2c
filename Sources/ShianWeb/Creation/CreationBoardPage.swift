import Foundation
import Plot
import ShianCore

/// The creation board (创城工作台): the projected score against the pass rules, veto risks first,
/// the gaps ranked by points with the unit that must act, then the items by part, by unit and by
/// status. The page a leader opens first; it prints.
struct CreationBoardPage {
    struct Model {
        let campaign: CreationCampaign
        let forecast: Forecast
        let items: [IndicatorItemDTO]
        let units: [CreationUnitDTO]
        let filters: [String: String]
    }

    let context: PageContext
    /// nil when no standard is loaded yet.
    let model: Model?

    func render() -> String {
        let title = context.t("creation.board.title")
        return Layout(context: context, title: title, current: .creation).render {
            H1(title)
            if let model {
                content(model)
            } else {
                EmptyState(text: context.t("creation.noStandard"))
            }
        }
    }

    @ComponentBuilder
    private func content(_ model: Model) -> Component {
        let campaign = model.campaign
        let forecast = model.forecast
        Paragraph {
            Text("\(campaign.record.name) · \(campaign.record.version) · \(campaign.year)")
            if campaign.record.isDemo { Text(" "); Badge(text: context.t("creation.demoStandard"), tone: .grey) }
        }
        .class("hint")
        Div {
            Div {
                Span(context.t("creation.projectedScore")).class("label")
                Span("\(forecast.projectedScore.pointsText) / \(forecast.maxScore.pointsText)").class("figure")
                    .attribute(named: "data-projected-score", value: forecast.projectedScore.pointsText)
            }
            .class("card")
            Div {
                Span(context.t("creation.verdict")).class("label")
                Badge(text: context.t(forecast.passes ? "creation.passes" : "creation.fails"), tone: forecast.passes ? .green : .red)
                    .attribute(named: "data-passes", value: forecast.passes ? "true" : "false")
            }
            .class("card")
            Paragraph(context.t(
                "creation.passRules", campaign.standard.passRules.totalAtLeast.pointsText,
                String(Int((campaign.standard.passRules.keyItemShare * 100).rounded())))).class("hint")
        }
        .class("cards")
        Paragraph {
            Link(context.t("reporting.title"), url: "/creation/reports").class("button")
            Text(" ")
            Link(context.t("showcase.title"), url: "/creation/showcase").class("button").attribute(named: "id", value: "showcase-link")
            Text(" ")
            Link(context.t("standards.title"), url: "/creation/standards").class("button")
            Text(" ")
            Link(context.t("selfAssessment.xlsx"), url: "/creation/self-assessment?format=xlsx").class("button")
            Text(" ")
            Link(context.t("selfAssessment.csv"), url: "/creation/self-assessment?format=csv").class("button")
        }
        .class("toolbar no-print")
        vetoRisks(forecast)
        gaps(forecast, campaign: campaign)
        unitsTable(model.units)
        itemsTable(model)
        Paragraph(context.t("creation.printHint")).class("hint no-print")
    }

    private func vetoRisks(_ forecast: Forecast) -> Component {
        PageSection {
            H2(context.t("creation.vetoRisks"))
            if forecast.vetoRisks.isEmpty {
                EmptyState(text: context.t("creation.noVetoRisk"))
            } else {
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("creation.indicator"))
                        TableHeaderCell(context.t("creation.riskState"))
                        TableHeaderCell(context.t("creation.conditions"))
                        TableHeaderCell(context.t("creation.unit"))
                    }
                ) {
                    for risk in forecast.vetoRisks {
                        TableRow {
                            TableCell { Link("\(risk.indicatorId) \(risk.title)", url: "/creation/indicators/\(risk.indicatorId)") }
                            TableCell {
                                Badge(text: context.t("creation.veto.\(risk.state.rawValue)"), tone: risk.state == .failed ? .red : .amber)
                            }
                            TableCell(risk.conditions.map { check in
                                "\(MetricDefinition.title(check.metric)) \(check.value.map { $0.pointsText } ?? "—") \(check.comparison.rawValue) \(check.target.pointsText)"
                            }.joined(separator: "；"))
                            TableCell(risk.unit ?? "—")
                        }
                        .attribute(named: "data-veto", value: risk.indicatorId)
                    }
                }
                .class("data-table")
            }
        }
        .attribute(named: "id", value: "veto-risks")
    }

    private func gaps(_ forecast: Forecast, campaign: CreationCampaign) -> Component {
        PageSection {
            H2(context.t("creation.topGaps"))
            Table(
                header: TableRow {
                    TableHeaderCell(context.t("creation.indicator"))
                    TableHeaderCell(context.t("creation.kind"))
                    TableHeaderCell(context.t("creation.status"))
                    TableHeaderCell(context.t("creation.pointsAtRisk"))
                    TableHeaderCell(context.t("creation.unit"))
                    TableHeaderCell(context.t("creation.deadline"))
                }
            ) {
                for gap in forecast.topGaps {
                    TableRow {
                        TableCell {
                            Link("\(gap.indicatorId) \(gap.title)", url: "/creation/indicators/\(gap.indicatorId)")
                            if let projects = gap.showcaseProjects, !projects.isEmpty {
                                Small(context.t("showcase.awaitingList", projects.map { "\($0.title)（\($0.unit ?? "—")）" }.joined(separator: "、")))
                                    .class("hint").attribute(named: "data-showcase-awaiting", value: String(projects.count))
                            }
                        }
                        TableCell(context.t("creation.kind.\(gap.kind.rawValue)"))
                        TableCell {
                            if gap.showcaseProjects != nil {
                                Link(context.t("showcase.scoredByProjects"), url: "/creation/showcase").class("badge badge-grey")
                            } else {
                                StatusBadge(context: context, status: gap.status)
                            }
                        }
                        TableCell(gap.pointsAtRisk.pointsText).attribute(named: "data-points", value: gap.pointsAtRisk.pointsText)
                        TableCell(gap.unit ?? "—")
                        TableCell {
                            Text(context.date(gap.deadline))
                            if gap.overdue { Text(" "); Badge(text: context.t("creation.overdue"), tone: .red) }
                        }
                    }
                    .attribute(named: "data-gap", value: gap.indicatorId)
                }
            }
            .class("data-table")
        }
        .attribute(named: "id", value: "top-gaps")
    }

    private func unitsTable(_ units: [CreationUnitDTO]) -> Component {
        PageSection {
            H2(context.t("creation.byUnit"))
            Table(
                header: TableRow {
                    TableHeaderCell(context.t("creation.unit"))
                    for key in ["items", "approved", "submitted", "returned", "notStarted", "overdue", "pointsAtRisk"] {
                        TableHeaderCell(context.t("creation.\(key)"))
                    }
                }
            ) {
                for unit in units {
                    TableRow {
                        TableCell { Link(unit.name, url: "/creation/units?unit=\(unit.unit)") }
                        TableCell(String(unit.items))
                        TableCell(String(unit.approved))
                        TableCell(String(unit.submitted))
                        TableCell(String(unit.returned))
                        TableCell(String(unit.notStarted))
                        TableCell(String(unit.overdue))
                        TableCell(unit.pointsAtRisk.pointsText)
                    }
                    .attribute(named: "data-unit", value: unit.unit)
                }
            }
            .class("data-table")
        }
        .attribute(named: "id", value: "units")
    }

    private func itemsTable(_ model: Model) -> Component {
        let campaign = model.campaign
        let filters = model.filters
        return PageSection {
            H2(context.t("creation.items"))
            Form(url: "/creation", method: .get) {
                SelectField(
                    label: context.t("creation.status"), name: "status",
                    options: [("", context.t("creation.all"))]
                        + IndicatorStatus.allCases.map { ($0.rawValue, context.t("creation.status.\($0.rawValue)")) }
                        + [("overdue", context.t("creation.overdue"))],
                    selected: filters["status"] ?? "")
                SelectField(
                    label: context.t("creation.part"), name: "part",
                    options: [("", context.t("creation.all"))] + campaign.standard.parts.map { (String($0.number), "\($0.number) \($0.title)") },
                    selected: filters["part"] ?? "")
                SelectField(
                    label: context.t("creation.unit"), name: "unit",
                    options: [("", context.t("creation.all"))] + model.units.map { ($0.unit, $0.name) }, selected: filters["unit"] ?? "")
                Button(context.t("action.search")).attribute(named: "type", value: "submit")
            }
            .class("filter-form no-print")
            for part in campaign.standard.parts {
                let items = model.items.filter { $0.part == part.number }
                if !items.isEmpty {
                    H3("\(part.number) \(part.title) · \(items.reduce(0) { $0 + $1.projectedPoints }.pointsText) / \(items.reduce(0) { $0 + $1.points }.pointsText)")
                    ItemTable(context: context, items: items)
                }
            }
        }
        .attribute(named: "id", value: "items")
    }
}

/// Items as a dense table: number and title, kind, points, status, lead unit, deadline.
struct ItemTable: Component {
    let context: PageContext
    let items: [IndicatorItemDTO]

    var body: Component {
        Table(
            header: TableRow {
                TableHeaderCell(context.t("creation.indicator"))
                TableHeaderCell(context.t("creation.kind"))
                TableHeaderCell(context.t("creation.points"))
                TableHeaderCell(context.t("creation.status"))
                TableHeaderCell(context.t("creation.unit"))
                TableHeaderCell(context.t("creation.deadline"))
            }
        ) {
            for item in items {
                TableRow {
                    TableCell { Link("\(item.indicatorId) \(item.title)", url: "/creation/indicators/\(item.indicatorId)") }
                    TableCell(context.t("creation.kind.\(item.kind.rawValue)"))
                    TableCell(item.kind == .veto ? "—" : "\(item.projectedPoints.pointsText) / \(item.points.pointsText)")
                    TableCell {
                        if item.computed {
                            Badge(text: context.t("creation.computed"), tone: .grey)
                        } else if item.scoredByProjects {
                            Link(context.t("showcase.scoredByProjects"), url: "/creation/showcase").class("badge badge-grey")
                        } else {
                            StatusBadge(context: context, status: item.status)
                        }
                        if item.overdue { Text(" "); Badge(text: context.t("creation.overdue"), tone: .red) }
                    }
                    TableCell(item.leadUnitName ?? "—")
                    TableCell(context.date(item.deadline))
                }
                .attribute(named: "data-item", value: item.indicatorId)
                .attribute(named: "data-status", value: item.status.rawValue)
            }
        }
        .class("data-table")
    }
}

/// An item's review status as a badge with its word.
struct StatusBadge: Component {
    let context: PageContext
    let status: IndicatorStatus

    var body: Component {
        let tone: Badge.Tone =
            switch status {
            case .approved: .green
            case .submitted: .amber
            case .returned: .red
            case .notStarted: .grey
            }
        return Badge(text: context.t("creation.status.\(status.rawValue)"), tone: tone)
    }
}
