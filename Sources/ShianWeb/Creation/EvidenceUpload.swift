import Foundation
import Vapor

/// The body of an evidence submission through the API — an indicator's or a showcase project's:
/// JSON, or `multipart/form-data` with the same JSON in the part `evidence` and a document in the
/// part `file` (a scan, a photo, a PDF). The file's kind is read from its bytes when it is stored.
enum EvidenceUpload {
    private struct Upload: Content {
        var evidence: String?
        var file: File?
    }

    static func decode<Input: Decodable>(_ type: Input.Type, from request: Request, empty: Input) throws -> (Input, CreationWrites.EvidenceFile?) {
        guard request.headers.contentType?.type == "multipart" else { return (try APIBody.decode(Input.self, from: request), nil) }
        let upload: Upload
        let input: Input
        do {
            upload = try request.content.decode(Upload.self)
            input = try upload.evidence.map { try JSONDecoder().decode(Input.self, from: Data($0.utf8)) } ?? empty
        } catch {
            throw ShianError.malformed()
        }
        let file = upload.file.flatMap { $0.data.readableBytes > 0 ? CreationWrites.EvidenceFile(data: Data($0.data.readableBytesView), name: $0.filename) : nil }
        return (input, file)
    }
}
