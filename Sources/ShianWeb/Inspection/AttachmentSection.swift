import Foundation
import Plot
import ShianCore
import ShianStore

/// A record's photos and documents: thumbnails for photos, links for PDFs, and, for those who may
/// add, a one-file upload form that opens the phone's camera.
struct AttachmentSection: Component {
    let context: PageContext
    let attachments: [Attachment]
    /// Where the form posts, when the viewer may add files.
    let uploadURL: SiteURL?

    var body: Component {
        PageSection {
            H2(context.t("attachment.title"))
            if attachments.isEmpty {
                EmptyState(text: context.t("attachment.empty"))
            } else {
                UnorderedList {
                    for attachment in attachments {
                        if let id = attachment.id {
                            ListItem {
                                Link(url: SiteURL.attachment(id).path) {
                                    if attachment.contentType.hasPrefix("image/") {
                                        Image(url: SiteURL.attachment(id).path, description: attachment.fileName)
                                            .attribute(named: "loading", value: "lazy")
                                    }
                                    Span(attachment.fileName)
                                }
                                .attribute(named: "target", value: "_blank")
                                Span(context.dateTime(attachment.uploadedAt)).class("hint")
                            }
                        }
                    }
                }
                .class("attachments")
            }
            if let uploadURL {
                Form(url: uploadURL.path, method: .post, contentType: .multipartData) {
                    CSRFField(context: context)
                    Label(context.t("attachment.file")) {
                        Input(type: .file, name: "file", isRequired: true)
                            .attribute(named: "accept", value: "image/jpeg,image/png,image/webp,application/pdf")
                            .attribute(named: "capture", value: "environment")
                    }
                    Button(context.t("attachment.upload")).attribute(named: "type", value: "submit")
                }
                .class("stacked-form no-print").id("attachment-form")
                Paragraph(context.t("attachment.hint", String(FileKind.maximumBytes / 1024 / 1024), String(Attachments.perRecord)))
                    .class("hint no-print")
            }
        }
        .id("attachments")
    }
}
