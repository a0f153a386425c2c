import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// `/creation/standards`: the versions loaded, each exportable as JSON or a workbook, and loading a
/// new one from either (the same checks as `POST /api/v1/standards/import`).
enum StandardsController {
    struct Upload: Content {
        var file: File?
    }

    static func index(request: Request) async throws -> Response {
        try await render(request, problems: [], message: nil)
    }

    private static func render(_ request: Request, problems: [ValidationFailure], message: String?, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        let principal = try request.require(.readCreation)
        let standards = try await StandardRecord.query(on: request.db).sort(\.$code).sort(\.$importedAt, .descending).limit(200).all()
        let page = StandardsPage(
            context: request.pageContext, standards: standards, mayImport: principal.role.may(.manageCreation), problems: problems, message: message)
        return .html(page.render(), status: status)
    }

    static func upload(request: Request) async throws -> Response {
        let principal = try request.require(.manageCreation)
        guard let file = (try? request.content.decode(Upload.self))?.file, file.data.readableBytes > 0 else {
            return try await render(request, problems: [], message: request.t("error.importEmpty"), status: .unprocessableEntity)
        }
        var data = Data(file.data.readableBytesView)
        do {
            // A workbook is a ZIP archive ("PK"); anything else is read as the JSON document.
            if data.starts(with: [0x50, 0x4B]) { data = try StandardWorkbookFile.json(xlsx: data) }
            _ = try await CreationWrites.importStandard(data, by: principal, on: request.db)
            return request.redirect(to: "/creation/standards")
        } catch let problems as StandardDocument.Problems {
            let message = request.t("error.standardInvalid", String(problems.failures.count))
            return try await render(request, problems: problems.failures, message: message, status: .unprocessableEntity)
        } catch let error as ShianError where error.status == .conflict {
            return try await render(request, problems: [], message: request.t("error.\(error.code)", error.arguments), status: error.status)
        }
    }
}
