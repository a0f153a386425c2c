import Foundation
import Plot
import ShianCore

/// A township officer's form for one report: the period (the oldest one missing, else the current
/// one) and a number per field; a refusal's message beside its field.
struct ReportSubmissionForm: Component {
    let context: PageContext
    let form: ReportFormDefinition
    let lagging: Reporting.LaggingDTO
    let unit: String
    let state: ReportingPage.FormState?
    let sent: Bool

    var body: Component {
        let missing = lagging.units.first { $0.unitCode == unit }?.missingPeriods ?? []
        let period = state?.typed["period"] ?? missing.first ?? lagging.through
        return Div {
            H3(context.t("reporting.submit"))
            if sent { Paragraph(context.t("reporting.sent")).class("notice").attribute(named: "data-sent", value: form.code) }
            if let state, let field = state.field, field != "period", !field.hasPrefix("values.") || field == "values" {
                Paragraph(state.message).class("field-error").attribute(named: "data-field", value: field)
            } else if let state, state.field == nil {
                Paragraph(state.message).class("field-error")
            }
            Form(url: "/creation/reports/\(form.code)/submissions", method: .post) {
                CSRFField(context: context)
                FormField(
                    label: context.t("reporting.period"), name: "period", value: period, error: error(for: "period"), isRequired: true,
                    hint: form.periodType.example)
                for field in form.fields {
                    FormField(
                        label: field.label, name: "value_\(field.code)", value: state?.typed["value_\(field.code)"] ?? "",
                        error: error(for: "values.\(field.code)"), isRequired: true)
                }
                Button(context.t("reporting.send")).attribute(named: "type", value: "submit")
            }
            .attribute(named: "id", value: "report-form-\(form.code)")
        }
        .class("report-form no-print")
    }

    private func error(for field: String) -> String? {
        state?.field == field ? state?.message : nil
    }
}
