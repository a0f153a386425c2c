import Foundation
import Plot
import ShianCore
import ShianStore
import Vapor

/// One indicator: the standard's text and rule, how it is scored now and every point it loses, its
/// assignment, its evidence with the reviews, its change history, and the forms the caller may use.
struct CreationItemPage {
    /// A refused form: which one, the field at fault, the message, and what was typed.
    struct FormState: Sendable {
        let form: String
        let field: String?
        let message: String
        let typed: [String: String]
        let status: HTTPResponseStatus
    }

    let context: PageContext
    let campaign: CreationCampaign
    let detail: IndicatorDetailDTO
    let history: [AuditEntry]
    let callerUnit: String?
    let units: [(code: String, name: String)]
    let form: FormState?

    private var item: IndicatorItemDTO { detail.item }
    private var role: Role? { context.principal?.role }
    private var number: String { item.indicatorId }

    func render() -> String {
        let title = "\(item.indicatorId) \(item.title)"
        let crumbs = [Layout.Crumb(title: context.t("creation.board.title"), url: "/creation")]
        return Layout(context: context, title: title, current: .creation, breadcrumb: crumbs).render {
            H1(title)
            Paragraph {
                Badge(text: context.t("creation.kind.\(item.kind.rawValue)"), tone: item.kind == .veto ? .red : .grey)
                Text(" ")
                if item.computed { Badge(text: context.t("creation.computed"), tone: .grey) } else { StatusBadge(context: context, status: item.status) }
                if item.locked { Text(" "); Badge(text: context.t("creation.locked"), tone: .green) }
                if item.overdue { Text(" "); Badge(text: context.t("creation.overdue"), tone: .red) }
            }
            .attribute(named: "data-status", value: item.status.rawValue)
            facts
            if let reason = item.returnReason {
                Paragraph(context.t("creation.returnedBecause", reason)).class("field-error").attribute(named: "data-return-reason", value: "true")
            }
            if let reason = detail.unlockReason { Paragraph(context.t("creation.unlockedBecause", reason)).class("hint") }
            losses
            evidence
            forms
            HistoryTable(context: context, entries: history)
        }
    }

    private var facts: Component {
        DescriptionList {
            Term(context.t("creation.standardText"))
            Definition(detail.standardText.isEmpty ? "—" : detail.standardText)
            Term(context.t("creation.ruleText"))
            Definition(detail.ruleText.isEmpty ? "—" : detail.ruleText)
            Term(context.t("creation.methods"))
            Definition(detail.evaluationMethods.map(\.chineseName).joined(separator: "、"))
            Term(context.t("creation.points"))
            Definition(item.kind == .veto ? "—" : "\(item.projectedPoints.pointsText) / \(item.points.pointsText)")
                .attribute(named: "data-projected", value: item.projectedPoints.pointsText)
            if let binding = detail.metric {
                Term(context.t("creation.metric"))
                Definition(
                    "\(MetricDefinition.title(binding.metric)) \(detail.metricValue?.value.map { $0.pointsText } ?? "—") \(binding.comparison.rawValue) \(binding.target.pointsText)")
                    .attribute(named: "data-metric-value", value: detail.metricValue?.value.map { $0.pointsText } ?? "")
            }
            for condition in detail.thresholds {
                Term(context.t("creation.threshold"))
                Definition(
                    "\(MetricDefinition.title(condition.metric)) \(campaign.metricValues[condition.metric]?.value.map { $0.pointsText } ?? "—") \(condition.comparison.rawValue) \(condition.target.pointsText)")
            }
            Term(context.t("creation.leadUnit"))
            Definition(item.leadUnitName ?? "—").attribute(named: "data-lead-unit", value: item.leadUnit ?? "")
            Term(context.t("creation.supportingUnits"))
            Definition(item.supportingUnits.isEmpty ? "—" : item.supportingUnits.map { campaign.unitName($0) ?? $0 }.joined(separator: "、"))
            Term(context.t("creation.deadline"))
            Definition(context.date(item.deadline))
            if item.approvedAt != nil || item.changesSinceApproval > 0 {
                Term(context.t("creation.changesSinceApproval"))
                Definition(String(item.changesSinceApproval)).attribute(named: "data-changes", value: String(item.changesSinceApproval))
            }
        }
    }

    private var losses: Component {
        PageSection {
            H2(context.t("creation.losses"))
            if detail.losses.isEmpty {
                EmptyState(text: context.t("creation.noLoss"))
            } else {
                UnorderedList {
                    for loss in detail.losses {
                        ListItem("−\(loss.points.pointsText) \(context.t("creation.loss.\(loss.reason.rawValue)"))\(loss.detail.map { "：\($0)" } ?? "")")
                    }
                }
            }
        }
    }

    private var evidence: Component {
        PageSection {
            H2(context.t("creation.evidence"))
            if detail.submissions.isEmpty {
                EmptyState(text: context.t("creation.noEvidence"))
            } else {
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("creation.submittedAt"))
                        TableHeaderCell(context.t("creation.evidence"))
                        TableHeaderCell(context.t("creation.selfScore"))
                        TableHeaderCell(context.t("creation.decision"))
                    }
                ) {
                    for submission in detail.submissions {
                        TableRow {
                            TableCell("\(context.dateTime(submission.submittedAt)) · \(submission.submittedBy)")
                            TableCell {
                                Paragraph(submission.text)
                                for link in submission.links { Paragraph(link).class("hint") }
                                if let name = submission.fileName { Link(name, url: "/creation/evidence/\(submission.id)/file") }
                            }
                            TableCell {
                                Text(submission.selfScore.map { $0.pointsText } ?? context.t("creation.fullClaim"))
                                for deduction in submission.deductions { Paragraph("−\(deduction.points.pointsText) \(deduction.reason)").class("hint") }
                            }
                            TableCell {
                                if let decision = submission.decision {
                                    Badge(text: context.t("creation.decision.\(decision.rawValue)"), tone: decision == .approved ? .green : .red)
                                    Paragraph("\(submission.reviewedBy ?? "") \(context.dateTime(submission.reviewedAt)) \(submission.reason ?? "")").class("hint")
                                } else {
                                    Badge(text: context.t("creation.awaitingReview"), tone: .amber)
                                }
                            }
                        }
                        .attribute(named: "data-submission", value: submission.decision?.rawValue ?? "pending")
                    }
                }
                .class("data-table")
            }
        }
        .attribute(named: "id", value: "evidence")
    }

    private var mayManage: Bool { role?.may(.manageCreation) ?? false }
    /// The showcase indicator scores its projects; its page points to them instead of an evidence form.
    private var isShowcase: Bool { number == campaign.standard.showcaseIndicator }
    private var maySubmit: Bool {
        guard let role, role.may(.submitEvidence), !item.locked, let indicator = try? campaign.indicator(number),
            campaign.standard.takesEvidence(indicator)
        else { return false }
        return mayManage || (callerUnit != nil && callerUnit == item.leadUnit)
    }

    private func value(_ form: String, _ field: String, _ fallback: String = "") -> String {
        self.form?.form == form ? self.form?.typed[field] ?? fallback : fallback
    }

    private func error(_ form: String, _ fields: [String]) -> String? {
        guard let state = self.form, state.form == form else { return nil }
        if let field = state.field, fields.contains(where: { field.hasPrefix($0) }) { return state.message }
        return fields.first == "*" || state.field == nil ? state.message : nil
    }

    @ComponentBuilder
    private var forms: Component {
        if isShowcase {
            Paragraph { Link(context.t("showcase.openProjects"), url: "/creation/showcase").class("button") }
                .attribute(named: "id", value: "showcase-link")
        }
        if maySubmit {
            PageSection {
                H2(context.t("creation.submitEvidence"))
                Form(url: "/creation/indicators/\(number)/evidence", method: .post, contentType: .multipartData) {
                    CSRFField(context: context)
                    Div {
                        Label(context.t("creation.evidenceText")) { TextArea(text: value("evidence", "text"), name: "text") }
                        if let message = error("evidence", ["text", "*"]) { Span(message).class("field-error").attribute(named: "data-field", value: "text") }
                    }
                    .class("field")
                    Div { Label(context.t("creation.links")) { TextArea(text: value("evidence", "links"), name: "links") } }.class("field")
                    FormField(label: context.t("creation.selfScore"), name: "selfScore", value: value("evidence", "selfScore"),
                              error: error("evidence", ["selfScore"]), hint: context.t("creation.selfScoreHint", item.points.pointsText))
                    FormField(label: context.t("creation.deductionPoints"), name: "deductionPoints", value: value("evidence", "deductionPoints"),
                              error: error("evidence", ["deductions", "deductionPoints"]))
                    FormField(label: context.t("creation.deductionReason"), name: "deductionReason", value: value("evidence", "deductionReason"))
                    FormField(label: context.t("creation.file"), name: "file", type: .file, error: error("evidence", ["file"]))
                    Button(context.t("creation.submit")).attribute(named: "type", value: "submit")
                }
                .attribute(named: "id", value: "evidence-form")
            }
            .class("no-print")
        }
        if mayManage && item.status == .submitted {
            PageSection {
                H2(context.t("creation.review"))
                Form(url: "/creation/indicators/\(number)/review", method: .post) {
                    CSRFField(context: context)
                    FormField(label: context.t("creation.returnReason"), name: "reason", value: value("review", "reason"),
                              error: error("review", ["reason", "decision", "*"]))
                    Button(context.t("creation.approve")).attribute(named: "type", value: "submit").attribute(named: "name", value: "decision")
                        .attribute(named: "value", value: "approve")
                    Button(context.t("creation.return")).attribute(named: "type", value: "submit").attribute(named: "name", value: "decision")
                        .attribute(named: "value", value: "return")
                }
                .attribute(named: "id", value: "review-form")
            }
            .class("no-print")
        }
        if mayManage && item.locked {
            PageSection {
                H2(context.t("creation.unlock"))
                Form(url: "/creation/indicators/\(number)/unlock", method: .post) {
                    CSRFField(context: context)
                    FormField(label: context.t("creation.unlockReason"), name: "reason", value: value("unlock", "reason"),
                              error: error("unlock", ["reason", "number", "*"]))
                    Button(context.t("creation.unlock")).attribute(named: "type", value: "submit")
                }
            }
            .class("no-print")
        }
        if mayManage {
            PageSection {
                H2(context.t("creation.assign"))
                Form(url: "/creation/indicators/\(number)/assignment", method: .post) {
                    CSRFField(context: context)
                    SelectField(
                        label: context.t("creation.leadUnit"), name: "leadUnit", options: units.map { ($0.code, $0.name) },
                        selected: value("assignment", "leadUnit", item.leadUnit ?? ""), error: error("assignment", ["leadUnit"]))
                    FormField(label: context.t("creation.supportingUnits"), name: "supportingUnits",
                              value: value("assignment", "supportingUnits", item.supportingUnits.joined(separator: ",")),
                              error: error("assignment", ["supportingUnits"]), hint: context.t("creation.supportingHint"))
                    FormField(label: context.t("creation.deadline"), name: "deadline",
                              value: value("assignment", "deadline", item.deadline.map(Formatting.day) ?? ""), type: .date,
                              error: error("assignment", ["deadline", "*"]))
                    Button(context.t("creation.saveAssignment")).attribute(named: "type", value: "submit")
                }
                .attribute(named: "id", value: "assignment-form")
            }
            .class("no-print")
        }
    }
}
