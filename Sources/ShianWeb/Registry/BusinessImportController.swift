import Crypto
import Foundation
import Plot
import ShianStore
import Vapor

/// The import in two steps, as offices expect: upload → a dry run that lists every bad row (and
/// writes nothing) or a preview of what will change → an explicit commit. Between the steps the
/// file waits in the data folder under its SHA-256, so any app server can finish the import.
enum BusinessImportController {
    struct Upload: Content {
        var file: File
    }

    struct Commit: Content {
        var upload: String
    }

    static func show(request: Request) async throws -> Response {
        _ = try request.require(.manageBusinesses)
        return .html(BusinessImportPage(context: request.pageContext, model: .init()).render())
    }

    static func check(request: Request) async throws -> Response {
        let principal = try request.require(.manageBusinesses)
        guard let upload = try? request.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
            return .html(BusinessImportPage(context: request.pageContext, model: .init(message: request.t("error.importEmpty"))).render(),
                         status: .unprocessableEntity)
        }
        let data = Data(upload.file.data.readableBytesView)
        let isXLSX = upload.file.filename.lowercased().hasSuffix(".xlsx")
        do {
            let table = try isXLSX ? ImportTable.table(xlsx: data) : ImportTable.table(csv: data)
            let report = try await BusinessImport.run(table, by: principal, commit: false, on: request)
            let name = try store(data, extension: isXLSX ? "xlsx" : "csv", in: request.application.shian.dataDirectory)
            return .html(BusinessImportPage(context: request.pageContext, model: .init(report: report, upload: name)).render())
        } catch let refusal as BusinessImport.Refusal {
            let model = BusinessImportPage.Model(rows: refusal.rows, totalBadRows: refusal.total)
            return .html(BusinessImportPage(context: request.pageContext, model: model).render(), status: .unprocessableEntity)
        } catch let error as ShianError {
            let model = BusinessImportPage.Model(message: request.t("error.\(error.code)", error.arguments))
            return .html(BusinessImportPage(context: request.pageContext, model: model).render(), status: error.status)
        }
    }

    static func commit(request: Request) async throws -> Response {
        let principal = try request.require(.manageBusinesses)
        let form = try request.content.decode(Commit.self)
        guard let (data, isXLSX) = load(form.upload, from: request.application.shian.dataDirectory) else { throw ShianError.notFound }
        do {
            let table = try isXLSX ? ImportTable.table(xlsx: data) : ImportTable.table(csv: data)
            let report = try await BusinessImport.run(table, by: principal, commit: true, on: request)
            return .html(BusinessImportPage(context: request.pageContext, model: .init(report: report)).render())
        } catch let refusal as BusinessImport.Refusal {
            // The registry changed between the steps: show the rows again, nothing was written.
            let model = BusinessImportPage.Model(rows: refusal.rows, totalBadRows: refusal.total)
            return .html(BusinessImportPage(context: request.pageContext, model: model).render(), status: .unprocessableEntity)
        }
    }

    private static func store(_ data: Data, extension suffix: String, in directory: String) throws -> String {
        try FileStore(dataDirectory: directory).put(data, suffix: suffix)
    }

    private static func load(_ name: String, from directory: String) -> (Data, Bool)? {
        FileStore(dataDirectory: directory).get(name, suffixes: ["csv", "xlsx"]).map { ($0, name.hasSuffix(".xlsx")) }
    }
}

/// The import page: the upload form, then the bad rows or the preview, then the result.
struct BusinessImportPage {
    struct Model {
        var report: BusinessImport.Report?
        var upload: String?
        var rows: [BusinessImport.RowError] = []
        var totalBadRows = 0
        var message: String?
    }

    let context: PageContext
    let model: Model

    func render() -> String {
        Layout(context: context, title: context.t("businesses.import"), current: .businesses).render {
            H1(context.t("businesses.import"))
            Paragraph(context.t("import.lead")).class("lead")
            if let message = model.message {
                Paragraph(message).class("form-error").attribute(named: "role", value: "alert")
            }
            if !model.rows.isEmpty {
                Paragraph(context.t("import.badRows", String(model.totalBadRows))).class("form-error").attribute(named: "role", value: "alert")
                Table(
                    header: TableRow {
                        TableHeaderCell(context.t("import.row"))
                        TableHeaderCell(context.t("import.field"))
                        TableHeaderCell(context.t("import.reason"))
                    }
                ) {
                    for row in model.rows {
                        TableRow {
                            TableCell(String(row.row))
                            TableCell(context.t("business.column.\(row.field)"))
                            TableCell(row.message)
                        }
                    }
                }
                .class("data-table").id("import-errors")
            }
            if let report = model.report {
                Paragraph(context.t(report.dryRun ? "import.preview" : "import.done", String(report.imported), String(report.created),
                                    String(report.updated), String(report.unchanged)))
                    .class("notice").attribute(named: "data-imported", value: String(report.imported))
                if report.dryRun, let upload = model.upload {
                    Form(url: SiteURL.businessImportCommit.path, method: .post) {
                        CSRFField(context: context)
                        Input(type: .hidden, name: "upload", value: upload)
                        Button(context.t("import.commit")).attribute(named: "type", value: "submit").class("primary")
                    }
                    .id("import-commit")
                }
            }
            Form(url: SiteURL.businessImport.path, method: .post, contentType: .multipartData) {
                CSRFField(context: context)
                Label(context.t("import.file")) {
                    Input(type: .file, name: "file", isRequired: true).attribute(named: "accept", value: ".csv,.xlsx")
                }
                Button(context.t("import.check")).attribute(named: "type", value: "submit")
            }
            .class("stacked-form").id("import-form")
            Paragraph(context.t("import.columns")).class("hint")
        }
    }
}
