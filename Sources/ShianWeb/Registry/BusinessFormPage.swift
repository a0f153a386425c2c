import Foundation
import Plot
import ShianCore

/// Register or edit a business. The category decides the permit (licence, registration or filing).
struct BusinessFormPage {
    struct Model {
        let id: UUID?
        let fields: [String: String]
        let errors: [String: String]
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let title = context.t(model.id == nil ? "businesses.register" : "businesses.edit")
        return Layout(context: context, title: title, current: .businesses).render {
            H1(title)
            if !model.errors.isEmpty {
                Paragraph(context.t("form.fixErrors")).class("form-error").attribute(named: "role", value: "alert")
            }
            Form(url: model.id.map { SiteURL.business($0).path } ?? SiteURL.businesses.path, method: .post) {
                CSRFField(context: context)
                field("name", required: true)
                SelectField(
                    label: context.t("field.category"), name: "category",
                    options: [("", context.t("form.choose"))] + BusinessCategory.allCases.map { ($0.rawValue, context.t("category.\($0.rawValue)")) },
                    selected: model.fields["category"] ?? "", error: model.errors["category"])
                field("creditCode", hint: context.t("business.creditCodeHint"))
                field("gridCode", required: true, hint: context.t("business.gridCodeHint"))
                field("address", required: true)
                field("legalRepresentative")
                field("contactPhone", type: .tel)
                field("safetyDirector")
                field("safetyOfficer")
                field("permitNumber")
                field("permitValidFrom", type: .date)
                field("permitValidUntil", type: .date)
                field("areaSquareMetres", type: .number, hint: context.t("business.areaHint"))
                SelectField(
                    label: context.t("field.status"), name: "status",
                    options: BusinessStatus.allCases.map { ($0.rawValue, context.t("businessStatus.\($0.rawValue)")) },
                    selected: model.fields["status"] ?? "active", error: model.errors["status"])
                Button(context.t("action.save")).attribute(named: "type", value: "submit").class("primary")
            }
            .class("stacked-form")
            .id("business-form")
        }
    }

    private func field(_ name: String, type: HTMLInputType = .text, required: Bool = false, hint: String? = nil) -> Component {
        FormField(label: context.t("field.\(name)"), name: name, value: model.fields[name] ?? "", type: type, error: model.errors[name],
                  isRequired: required, hint: hint)
    }
}
