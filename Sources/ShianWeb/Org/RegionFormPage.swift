import Plot
import ShianCore

/// Create or edit a region (system administrators).
struct RegionFormPage {
    struct Model {
        let isNew: Bool
        let code: String
        let name: String
        let active: Bool
        let errors: [String: String]
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        let title = context.t(model.isNew ? "regions.new" : "regions.edit")
        return Layout(context: context, title: title, current: .regions).render {
            H1(title)
            if !model.errors.isEmpty {
                Paragraph(context.t("form.fixErrors")).class("form-error").attribute(named: "role", value: "alert")
            }
            Form(url: model.isNew ? SiteURL.regions.path : SiteURL.region(model.code).path, method: .post) {
                CSRFField(context: context)
                if model.isNew {
                    FormField(label: context.t("field.code"), name: "code", value: model.code, error: model.errors["code"],
                              isRequired: true, hint: context.t("regions.codeHint"))
                } else {
                    Paragraph { Text("\(context.t("field.code")): \(model.code)") }
                }
                FormField(label: context.t("field.name"), name: "name", value: model.name, error: model.errors["name"],
                          isRequired: true)
                if !model.isNew {
                    SelectField(
                        label: context.t("field.status"), name: "active",
                        options: [("true", context.t("status.active")), ("false", context.t("status.inactive"))],
                        selected: model.active ? "true" : "false", error: model.errors["active"])
                }
                Button(context.t("action.save")).attribute(named: "type", value: "submit").class("primary")
                    .attribute(named: "data-confirm", value: model.isNew ? nil : context.t("form.confirmSave"))
            }
            .class("stacked-form")
        }
    }
}
