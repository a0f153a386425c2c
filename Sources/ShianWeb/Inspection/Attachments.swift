import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Photos and documents on inspections (the inspector's) and on rectification orders (the
/// business's proof, or the inspector's). Through the API the body is the file itself; on the pages
/// a multipart form with one `file` field. The kind is read from the bytes (`FileKind`).
enum Attachments {
    /// 20 files per record: enough for a visit's photos, few enough to review.
    static let perRecord = 20

    struct DTO: Content {
        let id: UUID
        let subject: String
        let subjectId: UUID
        let fileName: String
        let contentType: String
        let byteCount: Int
        let uploadedAt: Date
        /// The file itself: `/api/v1/attachments/{id}` with a token, `/attachments/{id}` in a session.
        let url: String

        init(_ attachment: Attachment) throws {
            id = try attachment.requireID()
            subject = attachment.subject.rawValue
            subjectId = attachment.subjectID
            fileName = attachment.fileName
            contentType = attachment.contentType
            byteCount = attachment.byteCount
            uploadedAt = attachment.uploadedAt
            url = "/api/v1/attachments/\(id)"
        }
    }

    /// The record a file is added to, after checking the principal may add to it.
    private static func target(_ subject: Attachment.Subject, _ id: UUID, by principal: Principal, on database: any Database) async throws
        -> (businessID: UUID, regionCode: String)
    {
        switch subject {
        case .inspection:
            guard principal.role.may(.recordInspections) else { throw ShianError.forbidden }
            let inspection = try await principal.scope.find(Inspection.self, id, on: database)
            return (inspection.$business.id, inspection.regionCode)
        case .rectificationOrder:
            let order = try await principal.scope.find(RectificationOrder.self, id, on: database)
            let ownBusiness = principal.role == .businessOperator && principal.user.$business.id == order.$business.id
            guard ownBusiness || principal.role.may(.recordInspections) || principal.role.may(.manageBusinesses) else {
                throw ShianError.forbidden
            }
            guard order.status != .closed else { throw ShianError(.conflict, "orderClosed", field: "status") }
            return (order.$business.id, order.regionCode)
        }
    }

    static func add(
        _ data: Data, named name: String?, to subject: Attachment.Subject, _ id: UUID, by principal: Principal, store: FileStore,
        on database: any Database
    ) async throws -> Attachment {
        let (businessID, regionCode) = try await target(subject, id, by: principal, on: database)
        guard !data.isEmpty else { throw ShianError(.unprocessableEntity, "fileEmpty", field: "file") }
        guard data.count <= FileKind.maximumBytes else {
            throw ShianError(.payloadTooLarge, "fileTooLarge", field: "file", arguments: [String(FileKind.maximumBytes / 1024 / 1024)])
        }
        guard let kind = FileKind.sniff(data) else { throw ShianError(.unsupportedMediaType, "fileKindNotAccepted", field: "file") }
        let existing = try await Attachment.query(on: database).filter(\.$subjectID == id).count()
        guard existing < perRecord else {
            throw ShianError(.unprocessableEntity, "attachmentsTooMany", field: "file", arguments: [String(perRecord)])
        }
        let attachment = Attachment()
        attachment.subject = subject
        attachment.subjectID = id
        attachment.$business.id = businessID
        attachment.regionCode = regionCode
        attachment.fileName = displayName(name, kind: kind)
        attachment.contentType = kind.contentType
        attachment.byteCount = data.count
        attachment.storedName = try store.put(data, suffix: kind.suffix)
        attachment.$uploadedBy.id = try principal.user.requireID()
        attachment.uploadedAt = Date().storageRounded
        try await database.transaction { db in
            try await attachment.create(on: db)
            try await AuditLog.record(.create, attachment, before: nil, actor: principal.actor, on: db)
        }
        return attachment
    }

    /// The uploader's name without folders or control characters, at most 100 characters, with
    /// the suffix of what the file really is.
    static func displayName(_ name: String?, kind: FileKind) -> String {
        let base = (name ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(base.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && $0 != "\"" }.prefix(100))
        let stem = clean.isEmpty ? "附件" : (clean as NSString).deletingPathExtension
        return (stem.isEmpty ? "附件" : stem) + "." + kind.suffix
    }

    static func list(_ id: UUID, scope: Scope, on database: any Database) async throws -> [Attachment] {
        try await scope.query(Attachment.self, on: database).filter(\.$subjectID == id).sort(\.$uploadedAt).all()
    }

    // MARK: API

    /// `POST /api/v1/inspections/{id}/attachments?fileName=` and the same under rectification orders.
    static func apiUpload(_ subject: Attachment.Subject) -> @Sendable (Request) async throws -> Response {
        { request in
            let principal = try request.requirePrincipal()
            let id = try request.idParameter()
            let data = request.body.data.map { Data($0.readableBytesView) } ?? Data()
            let attachment = try await add(
                data, named: try? request.query.get(String.self, at: "fileName"), to: subject, id, by: principal,
                store: FileStore(dataDirectory: request.application.shian.dataDirectory), on: request.db)
            return try await DTO(attachment).encodeResponse(status: .created, for: request)
        }
    }

    /// `GET /api/v1/inspections/{id}/attachments` and the same under rectification orders.
    static func apiList(_ subject: Attachment.Subject) -> @Sendable (Request) async throws -> ListDTO<DTO> {
        { request in
            let principal = try request.requirePrincipal()
            guard principal.role.may(.readInspections) || principal.role == .businessOperator else { throw ShianError.forbidden }
            let id = try request.idParameter()
            switch subject {
            case .inspection: _ = try await principal.scope.find(Inspection.self, id, on: request.db)
            case .rectificationOrder: _ = try await principal.scope.find(RectificationOrder.self, id, on: request.db)
            }
            let items = try await list(id, scope: principal.scope, on: request.db).map(DTO.init)
            return ListDTO(RecordPage(items: items, nextCursor: nil))
        }
    }

    /// The file itself, for the API and the pages alike; 404 outside the caller's scope.
    static func download(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        guard principal.role.may(.readInspections) || principal.role == .businessOperator else { throw ShianError.forbidden }
        let attachment = try await principal.scope.find(Attachment.self, try request.idParameter(), on: request.db)
        let store = FileStore(dataDirectory: request.application.shian.dataDirectory)
        guard let data = store.get(attachment.storedName, suffixes: FileKind.storedSuffixes) else { throw ShianError.notFound }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: attachment.contentType)
        let encoded = attachment.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
        return response
    }

    // MARK: pages

    struct Upload: Content {
        var file: File
    }

    /// The pages' upload form: adds the file and returns to the record's page.
    static func formUpload(_ subject: Attachment.Subject) -> @Sendable (Request) async throws -> Response {
        { request in
            let principal = try request.requirePrincipal()
            let id = try request.idParameter()
            guard let upload = try? request.content.decode(Upload.self) else {
                throw ShianError(.unprocessableEntity, "fileEmpty", field: "file")
            }
            _ = try await add(
                Data(upload.file.data.readableBytesView), named: upload.file.filename, to: subject, id, by: principal,
                store: FileStore(dataDirectory: request.application.shian.dataDirectory), on: request.db)
            let page = subject == .inspection ? SiteURL.inspection(id) : SiteURL.order(id)
            return request.redirect(to: page.path + "#attachments")
        }
    }
}
