import Plot
import ShianStore

/// The account page: who I am, change my password, my API tokens.
struct AccountPage {
    struct Model {
        let user: User
        let tokens: [APIToken]
        let passwordErrors: [String: String]
        let tokenErrors: [String: String]
        let notice: String?
        let newToken: String?
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        Layout(context: context, title: context.t("nav.account"), current: .account).render {
            H1(context.t("nav.account"))
            if let notice = model.notice {
                Paragraph(notice).class("notice").attribute(named: "role", value: "status")
            }
            DescriptionList {
                Term(context.t("field.username"))
                Definition(model.user.username)
                Term(context.t("field.displayName"))
                Definition(model.user.displayName)
                Term(context.t("field.role"))
                Definition(context.t("role.\(model.user.role.rawValue)"))
                Term(context.t("account.lastLogin"))
                Definition(context.dateTime(model.user.lastLoginAt))
            }
            .class("facts")
            PageSection {
                H2(context.t("account.changePassword"))
                Form(url: SiteURL.accountPassword.path, method: .post) {
                    CSRFField(context: context)
                    FormField(label: context.t("field.currentPassword"), name: "currentPassword", type: .password,
                              error: model.passwordErrors["currentPassword"], isRequired: true)
                    FormField(label: context.t("field.newPassword"), name: "newPassword", type: .password,
                              error: model.passwordErrors["newPassword"], isRequired: true, hint: context.t("account.passwordRule"))
                    FormField(label: context.t("field.confirmPassword"), name: "confirmPassword", type: .password,
                              error: model.passwordErrors["confirmPassword"], isRequired: true)
                    Button(context.t("action.save")).attribute(named: "type", value: "submit").class("primary")
                }
                .id("password-form")
                .class("stacked-form")
            }
            PageSection {
                H2(context.t("account.tokens"))
                Paragraph(context.t("account.tokensLead")).class("hint")
                if let secret = model.newToken {
                    Div {
                        Paragraph(context.t("account.tokenShownOnce"))
                        Paragraph(secret).class("code token-secret")
                    }
                    .class("notice")
                }
                if model.tokens.isEmpty {
                    EmptyState(text: context.t("account.noTokens"))
                } else {
                    tokenTable
                }
                Form(url: SiteURL.accountTokens.path, method: .post) {
                    CSRFField(context: context)
                    FormField(label: context.t("field.name"), name: "name", error: model.tokenErrors["name"])
                    SelectField(
                        label: context.t("account.tokenAccess"), name: "access",
                        options: [("read", context.t("access.read")), ("readWrite", context.t("access.readWrite"))])
                    FormField(label: context.t("account.tokenDays"), name: "expiresInDays", value: "90", type: .number,
                              error: model.tokenErrors["expiresInDays"])
                    Button(context.t("account.issueToken")).attribute(named: "type", value: "submit")
                }
                .id("token-form")
                .class("stacked-form")
            }
        }
    }

    private var tokenTable: Component {
        Table(
            header: TableRow {
                TableHeaderCell(context.t("field.name"))
                TableHeaderCell(context.t("account.tokenAccess"))
                TableHeaderCell(context.t("account.tokenCreated"))
                TableHeaderCell(context.t("account.tokenLastUsed"))
                TableHeaderCell(context.t("account.tokenExpires"))
                TableHeaderCell(context.t("field.status"))
            }
        ) {
            for token in model.tokens {
                TableRow {
                    TableCell(token.name)
                    TableCell(context.t("access.\(token.access.rawValue)"))
                    TableCell(context.date(token.createdAt))
                    TableCell(context.dateTime(token.lastUsedAt))
                    TableCell(context.date(token.expiresAt))
                    TableCell {
                        if token.revokedAt != nil {
                            Badge(text: context.t("account.tokenRevoked"), tone: .grey)
                        } else if let id = token.id {
                            Form(url: SiteURL.accountTokenRevocation(id).path, method: .post) {
                                CSRFField(context: context)
                                Button(context.t("account.revoke")).attribute(named: "type", value: "submit")
                                    .class("danger").attribute(named: "data-confirm", value: context.t("account.revokeConfirm"))
                            }
                        }
                    }
                }
            }
        }
        .class("data-table")
    }
}
