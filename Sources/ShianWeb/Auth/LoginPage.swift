import Plot

/// The login page.
struct LoginPage {
    let context: PageContext
    let username: String
    let next: String
    let error: String?

    func render() -> String {
        Layout(context: context, title: context.t("login.title")).render {
            Div {
                H1(context.t("login.title"))
                Paragraph(context.t("login.lead")).class("lead")
                if let error {
                    Paragraph(error).class("form-error").attribute(named: "role", value: "alert")
                }
                Form(url: SiteURL.login.path, method: .post) {
                    Input(type: .hidden, name: CSRFMiddleware.fieldName, value: context.csrfToken)
                    Input(type: .hidden, name: "next", value: next)
                    Label(context.t("field.username")) {
                        Input(type: .text, name: "username", value: username, isRequired: true)
                            .attribute(named: "autocomplete", value: "username")
                            .attribute(named: "autocapitalize", value: "none")
                    }
                    Label(context.t("field.password")) {
                        Input(type: .password, name: "password", isRequired: true)
                            .attribute(named: "autocomplete", value: "current-password")
                    }
                    Button(context.t("action.login")).attribute(named: "type", value: "submit").class("primary")
                }
                .id("login-form")
                .class("stacked-form")
                Paragraph(context.t("login.demoHint")).class("hint")
            }
            .class("login-card")
        }
    }
}
