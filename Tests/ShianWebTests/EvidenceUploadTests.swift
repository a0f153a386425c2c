import Fluent
import Foundation
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Evidence with a file through the API (multipart)")
struct EvidenceUploadTests {
    static func multipart(evidence: String?, file: [UInt8]?, filename: String = "方案.pdf") -> (body: [UInt8], contentType: String) {
        let boundary = "----shian-evidence"
        var body: [UInt8] = []
        if let evidence {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"evidence\"\r\nContent-Type: application/json\r\n\r\n\(evidence)\r\n".utf8)
        }
        if let file {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
            body += file + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    @Test(arguments: TestDatabase.all)
    func aDepartmentSubmitsTextAndAScanInOneRequest(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let market = try await app.token(for: "dept.market")
            #expect(try await app.api(.POST, "/api/v1/standards/import", token: office, json: try CreationAPITests.standardJSON()).status == .created)
            let item = "/api/v1/creation/indicators/3.2"
            #expect(try await app.api(.PUT, "\(item)/assignment", token: office, json: #"{"leadUnit":"market"}"#).status == .ok)
            let pdf = Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

            let notAFile = Self.multipart(evidence: #"{"text":"快检室建设方案"}"#, file: Array("just text".utf8), filename: "a.pdf")
            let refused = try await app.postBytes("\(item)/evidence", notAFile.body, contentType: notAFile.contentType, token: market)
            #expect(refused.status == .unsupportedMediaType)
            #expect(try refused.content.get(String.self, at: "error", "code") == "fileKindNotAccepted", "the kind is read from the bytes, not the name")
            let malformed = Self.multipart(evidence: #"{"text":"#, file: pdf)
            #expect(try await app.postBytes("\(item)/evidence", malformed.body, contentType: malformed.contentType, token: market).status == .badRequest)
            #expect(try await EvidenceSubmission.query(on: app.db).count() == 0)

            let upload = Self.multipart(evidence: #"{"text":"快检室建设方案","selfScore":2}"#, file: pdf)
            let created = try await app.postBytes("\(item)/evidence", upload.body, contentType: upload.contentType, token: market)
            #expect(created.status == .created, "\(created.body.string)")
            #expect(try created.content.get(String.self, at: "fileName") == "方案.pdf")
            let url = try created.content.get(String.self, at: "fileUrl")
            let id = try created.content.get(UUID.self, at: "id")
            #expect(url == "/creation/evidence/\(id)/file")
            let file = try await app.api(.GET, "/api/v1/creation/evidence/\(id)/file", token: office)
            #expect(file.status == .ok && Array(file.body.readableBytesView) == pdf)
        }
    }
}
