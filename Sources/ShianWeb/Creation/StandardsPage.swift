import Foundation
import Plot
import ShianCore
import ShianStore

/// The standards loaded (评价标准), newest version first, with their exports and the upload form.
struct StandardsPage {
    let context: PageContext
    let standards: [StandardRecord]
    let mayImport: Bool
    let problems: [ValidationFailure]
    let message: String?

    func render() -> String {
        Layout(context: context, title: context.t("standards.title"), current: .creation).render {
            H1(context.t("standards.title"))
            Paragraph(context.t("standards.intro")).class("muted")
            if let message { Paragraph(message).class("form-error").attribute(named: "role", value: "alert") }
            if !problems.isEmpty {
                OrderedList {
                    for problem in problems.prefix(100) {
                        ListItem {
                            Span(problem.field ?? "—").class("code")
                            Text(" " + describe(problem))
                        }
                        .attribute(named: "data-problem", value: problem.code)
                    }
                }
                .class("problems")
            }
            if standards.isEmpty {
                EmptyState(text: context.t("list.empty"))
            } else {
                table
            }
            if mayImport { uploadForm }
        }
    }

    /// The problem in words where the catalog has them, else its code and arguments (the codes are
    /// listed in docs/standard-format.md).
    private func describe(_ problem: ValidationFailure) -> String {
        let key = "error.\(problem.code)"
        let text = Catalog.shared.string(key, locale: context.locale, arguments: problem.arguments)
        guard text == key else { return text }
        return problem.code + (problem.arguments.isEmpty ? "" : "（\(problem.arguments.joined(separator: "，"))）")
    }

    private var table: Component {
        Table(
            header: TableRow {
                TableHeaderCell(context.t("standards.name"))
                TableHeaderCell(context.t("standards.version"))
                TableHeaderCell(context.t("standards.indicators"))
                TableHeaderCell(context.t("standards.maxScore"))
                TableHeaderCell(context.t("standards.importedAt"))
                TableHeaderCell(context.t("standards.status"))
                TableHeaderCell(context.t("standards.export"))
            }
        ) {
            for standard in standards {
                TableRow {
                    TableCell {
                        Text(standard.name)
                        if standard.isDemo { Text(" "); Badge(text: context.t("standards.demo"), tone: .amber) }
                    }
                    TableCell("\(standard.code) \(standard.version)").class("code")
                    TableCell(String(standard.indicatorCount))
                    TableCell(standard.maxScore.pointsText)
                    TableCell("\(context.dateTime(standard.importedAt)) \(standard.importedBy)")
                    TableCell {
                        if standard.supersededAt == nil {
                            Badge(text: context.t("standards.current"), tone: .green)
                        } else {
                            Badge(text: context.t("standards.superseded"), tone: .grey)
                        }
                    }
                    TableCell {
                        if let id = standard.id {
                            Link("JSON", url: "/creation/standards/\(id)/document")
                            Text(" · ")
                            Link("XLSX", url: "/creation/standards/\(id)/document?format=xlsx")
                        }
                    }
                }
                .attribute(named: "data-standard", value: "\(standard.code)@\(standard.version)")
            }
        }
        .class("data-table")
    }

    private var uploadForm: Component {
        PageSection {
            H2(context.t("standards.import"))
            Form(url: "/creation/standards", method: .post, contentType: .multipartData) {
                CSRFField(context: context)
                Div {
                    Label(context.t("standards.file")) {
                        Input(type: .file, name: "file", isRequired: true).attribute(named: "accept", value: ".json,.xlsx")
                    }
                    Small(context.t("standards.fileHint")).class("hint")
                }
                .class("field")
                Button(context.t("standards.import")).attribute(named: "type", value: "submit").class("primary")
            }
            .class("stacked-form no-print").id("standard-form")
        }
    }
}
