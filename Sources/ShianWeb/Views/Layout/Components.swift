import Foundation
import Plot
import ShianStore

/// A labelled form input with its error message beside it. The value typed is kept on a failed
/// submission.
struct FormField: Component {
    let label: String
    let name: String
    var value: String = ""
    var type: HTMLInputType = .text
    var error: String?
    var isRequired = false
    var hint: String?

    var body: Component {
        Div {
            Label(label) {
                Input(type: type, name: name, value: value, isRequired: isRequired)
                    .attribute(named: "aria-invalid", value: error == nil ? nil : "true")
            }
            if let error { Span(error).class("field-error").attribute(named: "data-field", value: name) }
            if let hint { Small(hint).class("hint") }
        }
        .class(error == nil ? "field" : "field has-error")
    }
}

/// A labelled `<select>`.
struct SelectField: Component {
    let label: String
    let name: String
    let options: [(value: String, title: String)]
    var selected: String = ""
    var error: String?

    var body: Component {
        Div {
            Label(label) {
                Select {
                    for option in options {
                        SelectOption { Text(option.title) }
                            .attribute(named: "value", value: option.value, ignoreValueIfEmpty: false)
                            .attribute(named: "selected", value: option.value == selected ? "selected" : nil)
                    }
                }
                .attribute(named: "name", value: name)
            }
            if let error { Span(error).class("field-error").attribute(named: "data-field", value: name) }
        }
        .class(error == nil ? "field" : "field has-error")
    }
}

/// A status shown as a coloured badge with a word, never colour alone.
struct Badge: Component {
    enum Tone: String { case green, amber, red, grey }
    let text: String
    let tone: Tone

    var body: Component {
        Span(text).class("badge badge-\(tone.rawValue)")
    }
}

/// "Next page" for keyset pagination: keeps the filters, adds the cursor.
struct Pager: Component {
    let context: PageContext
    let path: String
    let query: [String: String]
    let nextCursor: String?
    let shown: Int

    var body: Component {
        Div {
            Span(context.t("pager.shown", String(shown))).class("pager-count")
            if let nextCursor {
                Link(context.t("pager.next"), url: path + Self.queryString(query.merging(["cursor": nextCursor]) { $1 }))
                    .class("button").attribute(named: "rel", value: "next")
            }
            if query["cursor"] != nil {
                Link(context.t("pager.first"), url: path + Self.queryString(query.filter { $0.key != "cursor" }))
                    .class("button")
            }
        }
        .class("pager")
    }

    static func queryString(_ items: [String: String]) -> String {
        let pairs = items.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }
}

/// What a list shows when it has no rows.
struct EmptyState: Component {
    let text: String
    var body: Component { Paragraph(text).class("empty-state") }
}

/// The hidden CSRF field every form carries.
struct CSRFField: Component {
    let context: PageContext
    var body: Component { Input(type: .hidden, name: CSRFMiddleware.fieldName, value: context.csrfToken) }
}

/// A record's change history from the audit log: who, when, what changed from what to what.
struct HistoryTable: Component {
    let context: PageContext
    let entries: [AuditEntry]

    var body: Component {
        PageSection {
            H2(context.t("history.title"))
            if entries.isEmpty {
                EmptyState(text: context.t("history.empty"))
            } else {
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("history.at"))
                        TableHeaderCell(context.t("history.actor"))
                        TableHeaderCell(context.t("history.action"))
                        TableHeaderCell(context.t("history.changes"))
                    }
                ) {
                    for entry in entries {
                        TableRow {
                            TableCell(context.dateTime(entry.at))
                            TableCell(entry.actorUsername)
                            TableCell(context.t("audit.action.\(entry.action.rawValue)"))
                            TableCell { changes(entry) }
                        }
                    }
                }
                .class("data-table history")
            }
        }
        .id("history")
    }

    private func changes(_ entry: AuditEntry) -> Component {
        let before = AuditLog.decode(entry.before)
        let after = AuditLog.decode(entry.after)
        // An empty value and a missing one read the same (∅): only real changes are listed.
        let keys = Set(before.keys).union(after.keys).sorted().filter { (before[$0] ?? "") != (after[$0] ?? "") }
        return UnorderedList {
            for key in keys {
                ListItem {
                    Span(key).class("field-name")
                    Text(": \(before[key].map { $0.isEmpty ? "∅" : $0 } ?? "∅") → \(after[key].map { $0.isEmpty ? "∅" : $0 } ?? "∅")")
                }
            }
        }
        .class("changes")
    }
}
