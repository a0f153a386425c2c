import Foundation
import Plot
import ShianCore
import ShianStore

/// One inspection: result, score, findings, the order it issued, the business's new standing.
struct InspectionPage {
    struct Model {
        let inspection: Inspection
        let business: Business?
        let findings: [Finding]
        let order: RectificationOrder?
        let inspectorName: String
        let attachments: [Attachment]
        let canAttach: Bool
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let inspection = model.inspection
        return Layout(context: context, title: context.t("inspection.title"), current: .businesses).render {
            H1 {
                Text(context.t("inspection.title"))
                Text(" ")
                ResultBadge(context: context, result: inspection.result)
            }
            DescriptionList {
                Term(context.t("field.business"))
                Definition {
                    if let business = model.business, let id = business.id { Link(business.name, url: SiteURL.business(id).path) }
                }
                Term(context.t("inspection.inspectedAt"))
                Definition(context.dateTime(inspection.inspectedAt))
                Term(context.t("inspection.score"))
                Definition(String(inspection.score)).attribute(named: "data-score", value: String(inspection.score))
                Term(context.t("inspection.inspector"))
                Definition(model.inspectorName)
                Term(context.t("inspection.acknowledgedBy"))
                Definition(inspection.acknowledgedBy.map { "\($0) \(context.dateTime(inspection.acknowledgedAt))" } ?? "—")
                if let business = model.business {
                    Term(context.t("field.creditRating"))
                    Definition("\(business.creditRating ?? "—")（\(business.creditScore.map(String.init) ?? "—")）").attribute(named: "data-credit", value: business.creditRating)
                    Term(context.t("field.riskGrade"))
                    Definition(business.riskGrade ?? "—").attribute(named: "data-risk", value: business.riskGrade)
                    Term(context.t("inspection.nextDue"))
                    Definition(context.date(business.nextInspectionDue))
                }
            }
            .class("facts")
            PageSection {
                H2(context.t("inspection.findings"))
                if model.findings.isEmpty {
                    EmptyState(text: context.t("inspection.noFindings"))
                } else {
                    FindingList(context: context, findings: model.findings)
                }
            }
            if let order = model.order, let id = order.id {
                Paragraph { Link(context.t("order.open", order.number), url: SiteURL.order(id).path).class("button primary") }.class("toolbar")
            }
            AttachmentSection(
                context: context, attachments: model.attachments,
                uploadURL: model.canAttach ? inspection.id.map(SiteURL.inspectionAttachments) : nil)
        }
    }
}

struct FindingList: Component {
    let context: PageContext
    let findings: [Finding]
    var body: Component {
        UnorderedList {
            for finding in findings {
                ListItem {
                    Badge(text: context.t("severity.\(finding.severity.rawValue)"), tone: finding.severity == .critical ? .red : .amber)
                    Text(" \(finding.description)")
                    if finding.correctedOnSite { Text(" "); Badge(text: context.t("inspection.correctedOnSite"), tone: .green) }
                    if finding.repeatFinding { Text(" "); Badge(text: context.t("inspection.repeat"), tone: .red) }
                }
            }
        }
        .class("findings")
    }
}

struct ResultBadge: Component {
    let context: PageContext
    let result: InspectionResult
    var body: Component {
        Badge(text: context.t("result.\(result.rawValue)"), tone: result == .pass ? .green : result == .fail ? .red : .amber)
    }
}
