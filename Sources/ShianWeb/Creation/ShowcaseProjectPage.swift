import Foundation
import Plot
import ShianCore
import ShianStore

/// One showcase project: its plan, milestones (missed ones marked), evidence, review, change
/// history, and the forms the caller may use — the lead unit runs it, the office reviews it.
struct ShowcaseProjectPage {
    let context: PageContext
    let campaign: CreationCampaign
    let detail: ShowcaseDetailDTO
    let history: [AuditEntry]
    let callerUnit: String?
    let form: CreationItemPage.FormState?

    private var project: ShowcaseProjectDTO { detail.project }
    private var role: Role? { context.principal?.role }
    private var base: String { "/creation/showcase/\(project.id)" }
    private var cap: Double {
        campaign.standard.showcaseIndicator.flatMap { try? campaign.indicator($0).points } ?? 0
    }

    private var mayManage: Bool { role?.may(.manageCreation) ?? false }
    private var mayEdit: Bool {
        guard let role, role.may(.submitEvidence), !project.status.isLocked else { return false }
        return mayManage || (callerUnit != nil && callerUnit == project.leadUnit)
    }

    func render() -> String {
        let crumbs = [
            Layout.Crumb(title: context.t("creation.board.title"), url: "/creation"),
            Layout.Crumb(title: context.t("showcase.title"), url: "/creation/showcase"),
        ]
        return Layout(context: context, title: project.title, current: .creation, breadcrumb: crumbs).render {
            H1(project.title)
            Paragraph {
                ShowcaseStatusBadge(context: context, status: project.status)
                Text(" \(context.t(ShowcaseForms.themeKey(project.theme))) · \(project.leadUnitName)")
            }
            .attribute(named: "data-status", value: project.status.rawValue)
            if let score = project.reviewScore {
                Paragraph(context.t("showcase.reviewedAs", score.pointsText, cap.pointsText, project.reviewReason ?? ""))
                    .attribute(named: "data-review-score", value: score.pointsText)
            }
            DescriptionList {
                Term(context.t("showcase.summary"))
                Definition(project.summary.isEmpty ? "—" : project.summary)
                Term(context.t("showcase.plan"))
                // The plan's lines are its steps; keep them apart.
                Definition {
                    if project.plan.isEmpty { Text("—") }
                    for line in project.plan.split(whereSeparator: \.isNewline) { Paragraph(String(line)) }
                }
            }
            milestones
            evidence
            forms
            HistoryTable(context: context, entries: history)
        }
    }

    private var milestones: Component {
        PageSection {
            H2(context.t("showcase.milestones"))
            if detail.milestones.isEmpty {
                EmptyState(text: context.t("showcase.noMilestones"))
            } else {
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("showcase.milestone"))
                        TableHeaderCell(context.t("showcase.dueDate"))
                        TableHeaderCell(context.t("showcase.doneAt"))
                        TableHeaderCell("")
                    }
                ) {
                    for milestone in detail.milestones {
                        TableRow {
                            TableCell(milestone.title)
                            TableCell {
                                Text(context.date(milestone.dueAt))
                                if milestone.overdue { Text(" "); Badge(text: context.t("creation.overdue"), tone: .red) }
                            }
                            TableCell(milestone.doneAt.map { context.date($0) } ?? "—")
                            TableCell {
                                if mayEdit && milestone.doneAt == nil {
                                    Form(url: "\(base)/milestones/\(milestone.id)/completion", method: .post) {
                                        CSRFField(context: context)
                                        Button(context.t("showcase.markDone")).attribute(named: "type", value: "submit")
                                    }
                                    .class("inline-form no-print")
                                }
                            }
                        }
                        .attribute(named: "data-milestone", value: milestone.id.uuidString)
                        .attribute(named: "data-overdue", value: milestone.overdue ? "true" : "false")
                    }
                }
                .class("data-table")
            }
        }
        .attribute(named: "id", value: "milestones")
    }

    private var evidence: Component {
        PageSection {
            H2(context.t("showcase.evidence"))
            if detail.evidence.isEmpty {
                EmptyState(text: context.t("showcase.noEvidence"))
            } else {
                List(detail.evidence) { item in
                    ListItem {
                        Paragraph("\(context.dateTime(item.submittedAt)) · \(item.submittedBy)").class("hint")
                        if !item.text.isEmpty { Paragraph(item.text) }
                        for link in item.links { Paragraph { Link(link, url: link) } }
                        if let url = item.fileUrl { Paragraph { Link(item.fileName ?? url, url: url) } }
                    }
                    .attribute(named: "data-evidence", value: item.id.uuidString)
                }
            }
        }
        .attribute(named: "id", value: "evidence")
    }

    private func value(_ form: String, _ field: String, _ fallback: String = "") -> String {
        self.form?.form == form ? self.form?.typed[field] ?? fallback : fallback
    }

    private func error(_ form: String, _ fields: [String]) -> String? {
        guard let state = self.form, state.form == form else { return nil }
        if let field = state.field, fields.contains(field) { return state.message }
        return fields.first == "*" ? state.message : nil
    }

    @ComponentBuilder
    private var forms: Component {
        if mayEdit {
            ShowcaseForms.status(context: context, base: base, status: project.status, error: error("status", ["*"]))
            PageSection {
                H2(context.t("showcase.addMilestone"))
                Form(url: "\(base)/milestones", method: .post) {
                    CSRFField(context: context)
                    FormField(label: context.t("showcase.milestone"), name: "title", value: value("milestone", "title"),
                              error: error("milestone", ["title", "milestoneId"]))
                    FormField(label: context.t("showcase.dueDate"), name: "dueDate", value: value("milestone", "dueDate"), type: .date,
                              error: error("milestone", ["dueDate", "*"]))
                    Button(context.t("showcase.addMilestone")).attribute(named: "type", value: "submit")
                }
                .attribute(named: "id", value: "milestone-form")
            }
            .class("no-print")
            PageSection {
                H2(context.t("showcase.addEvidence"))
                Form(url: "\(base)/evidence", method: .post, contentType: .multipartData) {
                    CSRFField(context: context)
                    Div {
                        Label(context.t("creation.evidenceText")) { TextArea(text: value("evidence", "text"), name: "text") }
                        if let message = error("evidence", ["text", "links", "file", "*"]) {
                            Span(message).class("field-error").attribute(named: "data-field", value: "text")
                        }
                    }
                    .class("field")
                    Div { Label(context.t("creation.links")) { TextArea(text: value("evidence", "links"), name: "links") } }.class("field")
                    FormField(label: context.t("creation.file"), name: "file", type: .file)
                    Button(context.t("creation.submit")).attribute(named: "type", value: "submit")
                }
                .attribute(named: "id", value: "evidence-form")
            }
            .class("no-print")
            PageSection {
                H2(context.t("showcase.editPlan"))
                Form(url: "\(base)/plan", method: .post) {
                    CSRFField(context: context)
                    FormField(label: context.t("showcase.projectTitle"), name: "title", value: value("plan", "title", project.title),
                              error: error("plan", ["title"]))
                    FormField(label: context.t("showcase.summary"), name: "summary", value: value("plan", "summary", project.summary),
                              error: error("plan", ["summary"]))
                    Div {
                        Label(context.t("showcase.plan")) { TextArea(text: value("plan", "plan", project.plan), name: "plan") }
                        if let message = error("plan", ["plan", "*"]) { Span(message).class("field-error").attribute(named: "data-field", value: "plan") }
                    }
                    .class("field")
                    Button(context.t("action.save")).attribute(named: "type", value: "submit")
                }
                .attribute(named: "id", value: "plan-form")
            }
            .class("no-print")
        }
        if mayManage && project.status.mayBeReviewed {
            ShowcaseForms.review(
                context: context, base: base, cap: cap, score: value("review", "score", project.reviewScore.map { $0.pointsText } ?? ""),
                reason: value("review", "reason", project.reviewReason ?? ""), scoreError: error("review", ["score"]),
                reasonError: error("review", ["reason", "status", "*"]))
        }
    }
}
