import Foundation
import Plot
import ShianCore

/// Showcase projects (示范引领) by theme: the points the reviewed projects have won against the
/// showcase indicator's points, the projects still awaiting review with their units, and the form
/// that proposes a new one.
struct ShowcaseListPage {
    let context: PageContext
    let campaign: CreationCampaign
    let callerUnit: String?
    let units: [(code: String, name: String)]
    let form: CreationItemPage.FormState?

    private var indicator: Indicator? { campaign.standard.showcaseIndicator.flatMap { try? campaign.indicator($0) } }

    func render() -> String {
        let title = context.t("showcase.title")
        let crumbs = [Layout.Crumb(title: context.t("creation.board.title"), url: "/creation")]
        return Layout(context: context, title: title, current: .creation, breadcrumb: crumbs).render {
            H1(title)
            if let indicator {
                summary(indicator)
                themes
                proposeForm
            } else {
                EmptyState(text: context.t("showcase.notInStandard"))
            }
        }
    }

    private func summary(_ indicator: Indicator) -> Component {
        let standing = ShowcaseStanding(projects: campaign.showcaseProjects)
        let won = standing.points(cap: indicator.points)
        return Div {
            Div {
                Span(context.t("showcase.reviewedScore")).class("label")
                Span("\(won.pointsText) / \(indicator.points.pointsText)").class("figure")
                    .attribute(named: "data-showcase-score", value: won.pointsText)
            }
            .class("card")
            Div {
                Span(context.t("showcase.awaitingReview")).class("label")
                Span(String(standing.awaitingReview.count)).class("figure").attribute(named: "data-awaiting", value: String(standing.awaitingReview.count))
            }
            .class("card")
            Paragraph {
                Text(context.t("showcase.rule", indicator.points.pointsText) + " ")
                Link("\(indicator.number) \(indicator.title)", url: "/creation/indicators/\(indicator.number)")
            }
            .class("hint")
        }
        .class("cards")
    }

    private var themes: Component {
        PageSection {
            for theme in ShowcaseTheme.allCases {
                let projects = campaign.showcaseProjects.filter { $0.theme == theme }
                H2("\(context.t(ShowcaseForms.themeKey(theme))) · \(projects.count)").attribute(named: "data-theme", value: theme.rawValue)
                if projects.isEmpty {
                    Paragraph(context.t("showcase.noProjects")).class("hint")
                } else {
                    ShowcaseTable(context: context, projects: projects)
                }
            }
        }
        .attribute(named: "id", value: "showcase-themes")
    }

    private var mayPropose: Bool {
        guard let role = context.principal?.role, role.may(.submitEvidence) else { return false }
        return role.may(.manageCreation) || callerUnit != nil
    }

    private func value(_ field: String) -> String { form?.typed[field] ?? "" }

    private func error(_ fields: [String]) -> String? {
        guard let form else { return nil }
        if let field = form.field, fields.contains(field) { return form.message }
        return fields.first == "*" && (form.field == nil || !["theme", "title", "summary", "plan", "leadUnit"].contains(form.field ?? "")) ? form.message : nil
    }

    @ComponentBuilder
    private var proposeForm: Component {
        if mayPropose {
            PageSection {
                H2(context.t("showcase.propose"))
                Form(url: "/creation/showcase", method: .post) {
                    CSRFField(context: context)
                    SelectField(
                        label: context.t("showcase.theme"), name: "theme",
                        options: ShowcaseTheme.allCases.map { ($0.rawValue, context.t(ShowcaseForms.themeKey($0))) }, selected: value("theme"),
                        error: error(["theme"]))
                    FormField(label: context.t("showcase.projectTitle"), name: "title", value: value("title"), error: error(["title", "*"]))
                    FormField(label: context.t("showcase.summary"), name: "summary", value: value("summary"), error: error(["summary"]))
                    if context.principal?.role.may(.manageCreation) ?? false {
                        SelectField(
                            label: context.t("creation.leadUnit"), name: "leadUnit", options: units.map { ($0.code, $0.name) },
                            selected: value("leadUnit"), error: error(["leadUnit"]))
                    }
                    Div {
                        Label(context.t("showcase.plan")) { TextArea(text: value("plan"), name: "plan") }
                        if let message = error(["plan"]) { Span(message).class("field-error").attribute(named: "data-field", value: "plan") }
                    }
                    .class("field")
                    Button(context.t("showcase.proposeButton")).attribute(named: "type", value: "submit")
                }
                .attribute(named: "id", value: "propose-form")
            }
            .class("no-print")
        }
    }
}

/// Projects as a dense table: title, status, lead unit, missed milestones, review score.
struct ShowcaseTable: Component {
    let context: PageContext
    let projects: [ShowcaseProjectSummary]

    var body: Component {
        Table(
            header: TableRow {
                TableHeaderCell(context.t("showcase.projectTitle"))
                TableHeaderCell(context.t("creation.status"))
                TableHeaderCell(context.t("creation.unit"))
                TableHeaderCell(context.t("showcase.overdueMilestones"))
                TableHeaderCell(context.t("showcase.score"))
            }
        ) {
            for project in projects {
                TableRow {
                    TableCell { Link(project.title, url: "/creation/showcase/\(project.id)") }
                    TableCell { ShowcaseStatusBadge(context: context, status: project.status) }
                    TableCell(project.unit ?? "—")
                    TableCell {
                        if project.overdueMilestones > 0 {
                            Badge(text: context.t("showcase.missed", String(project.overdueMilestones)), tone: .red)
                        } else {
                            Text("—")
                        }
                    }
                    TableCell(project.reviewScore.map { $0.pointsText } ?? "—")
                }
                .attribute(named: "data-project", value: project.id)
                .attribute(named: "data-status", value: project.status.rawValue)
            }
        }
        .class("data-table")
    }
}

/// A project's status as a badge with its word.
struct ShowcaseStatusBadge: Component {
    let context: PageContext
    let status: ShowcaseProjectStatus

    var body: Component {
        let tone: Badge.Tone =
            switch status {
            case .reviewed: .green
            case .proposed, .underway, .completed: .amber
            case .draft: .grey
            }
        return Badge(text: context.t(Self.key(status)), tone: tone)
    }

    /// Literal keys, so the catalog check sees each one.
    static func key(_ status: ShowcaseProjectStatus) -> String {
        switch status {
        case .draft: "showcase.status.draft"
        case .proposed: "showcase.status.proposed"
        case .underway: "showcase.status.underway"
        case .completed: "showcase.status.completed"
        case .reviewed: "showcase.status.reviewed"
        }
    }
}
