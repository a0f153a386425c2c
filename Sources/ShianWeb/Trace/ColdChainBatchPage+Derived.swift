import Foundation
import Plot
import ShianCore
import ShianStore

/// The batch page's lineage: where the batch came from, what was split or processed from it, and
/// the form that makes new batches from what a business holds.
extension ColdChainBatchPage {
    var derivedSection: Component {
        PageSection {
            H2(context.t("coldChain.derived"))
            if let parent = model.parent, let id = parent.id {
                Paragraph {
                    Text(context.t("coldChain.parent") + "：")
                    Link("\(parent.product) \(parent.traceCode)", url: SiteURL.coldChainBatch(id).path).attribute(named: "data-parent", value: parent.traceCode)
                }
            }
            if !model.children.isEmpty {
                UnorderedList {
                    for child in model.children {
                        if let id = child.id {
                            ListItem {
                                Link("\(child.product) \(child.quantity) \(context.t("unit.\(child.unit)"))", url: SiteURL.coldChainBatch(id).path)
                                Span(" \(child.traceCode)").class("code")
                            }
                            .attribute(named: "data-child", value: child.traceCode)
                        }
                    }
                }
            }
            if let id = model.batch.id, model.batch.recalledAt == nil { deriveForm(id) }
        }
    }

    private func deriveForm(_ id: UUID) -> Component {
        Form(url: SiteURL.coldChainDerive(id).path, method: .post) {
            CSRFField(context: context)
            SelectField(label: context.t("coldChain.deriveType"), name: "type",
                        options: ["split", "process"].map { ($0, context.t("trace.event.\($0)")) })
            if model.ownBusiness == nil {
                FormField(label: context.t("field.business"), name: "business", isRequired: true, hint: context.t("coldChain.businessHint"))
            }
            FormField(label: context.t("coldChain.consumed"), name: "quantity", type: .number, hint: context.t("coldChain.consumedHint"))
            Div {
                Label(context.t("coldChain.outputs")) {
                    TextArea().attribute(named: "name", value: "outputs").attribute(named: "rows", value: "3").attribute(named: "required", value: "required")
                }
                Small(context.t("coldChain.outputsHint")).class("hint")
            }
            .class("field")
            Button(context.t("coldChain.derive")).attribute(named: "type", value: "submit").class("primary")
        }
        .class("stacked-form no-print").id("derive-form")
    }
}
