import Foundation
import Plot
import ShianCore
import ShianStore

/// The checklist form, one item per card, for a phone in the field.
struct InspectionFormPage {
    let context: PageContext
    let business: Business
    let template: ChecklistTemplate
    let error: String?

    func render() -> String {
        let items = (template.$items.value ?? []).sorted { $0.number < $1.number }
        return Layout(context: context, title: context.t("inspection.new"), current: .businesses).render {
            H1(context.t("inspection.new"))
            Paragraph("\(business.name) · \(template.name)").class("lead")
            if let error { Paragraph(error).class("form-error").attribute(named: "role", value: "alert") }
            Form(url: SiteURL.inspections.path, method: .post) {
                CSRFField(context: context)
                Input(type: .hidden, name: "businessId", value: business.id?.uuidString ?? "")
                Input(type: .hidden, name: "templateId", value: template.id?.uuidString ?? "")
                for item in items {
                    if let id = item.id?.uuidString {
                        Div {
                            Paragraph {
                                Span("\(item.number). ").class("item-number")
                                Text(item.text)
                                Text(" ")
                                Badge(text: context.t("severity.\(item.severity.rawValue)"), tone: item.severity == .critical ? .red : item.severity == .major ? .amber : .grey)
                            }
                            Div {
                                for outcome in ItemOutcome.allCases {
                                    Label(context.t("outcome.\(outcome.rawValue)")) {
                                        Input(type: .radio, name: "outcome_\(id)", value: outcome.rawValue, isRequired: true)
                                            .attribute(named: "checked", value: outcome == .compliant ? "checked" : nil)
                                    }
                                    .class("choice")
                                }
                                Label(context.t("inspection.correctedOnSite")) {
                                    Input(type: .checkbox, name: "corrected_\(id)", value: "true")
                                }
                                .class("choice")
                            }
                            .class("choices")
                        }
                        .class("checklist-item").attribute(named: "data-item", value: id)
                    }
                }
                FormField(label: context.t("inspection.notes"), name: "notes")
                FormField(label: context.t("inspection.acknowledgedBy"), name: "acknowledgedBy", hint: context.t("inspection.acknowledgedHint"))
                Button(context.t("inspection.sign")).attribute(named: "type", value: "submit").class("primary")
                    .attribute(named: "data-confirm", value: context.t("inspection.signConfirm"))
            }
            .class("stacked-form").id("inspection-form")
        }
    }
}
