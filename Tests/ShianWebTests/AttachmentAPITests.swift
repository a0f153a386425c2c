import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Photos and files on inspections and orders")
struct AttachmentAPITests {
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF photo of the cold store".utf8)
    static let pdf: [UInt8] = Array("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".utf8)

    @Test(arguments: TestDatabase.all)
    func inspectorAndBusinessAttachWithinTheirScope(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let inspector = try await app.token(for: "inspector")
            let owner = try await app.token(for: "business.lamb")
            let (_, body) = try await InspectionAPITests.setUp(app)
            let recorded = try await app.api(.POST, "/api/v1/inspections", token: inspector, json: body)
            let inspection = try recorded.content.get(String.self, at: "id")
            let order = try recorded.content.get(String.self, at: "rectificationOrder", "id")

            let photo = try await app.postBytes(
                "/api/v1/inspections/\(inspection)/attachments?fileName=..%2F..%2Fetc%2F%E5%90%8E%E5%8E%A8.png", Self.jpeg,
                contentType: "image/png", token: inspector)
            #expect(photo.status == .created)
            #expect(try photo.content.get(String.self, at: "contentType") == "image/jpeg", "the bytes decide, not the header")
            #expect(try photo.content.get(String.self, at: "fileName") == "后厨.jpg", "no folders, the real suffix")
            let url = try photo.content.get(String.self, at: "url")
            let fetched = try await app.api(.GET, url, token: owner)
            #expect(fetched.status == .ok && Array(fetched.body.readableBytesView) == Self.jpeg)
            #expect(fetched.headers.contentType?.description == "image/jpeg")
            #expect(try await app.api(.GET, url, token: try await app.token(for: "business.korean")).status == .notFound)
            #expect(try await app.api(.GET, url, token: try await app.token(for: "inspector.102")).status == .notFound)

            // The business attaches its proof to the order, not to the inspection.
            let proof = try await app.postBytes("/api/v1/rectification-orders/\(order)/attachments?fileName=消毒记录.pdf", Self.pdf,
                                                contentType: "application/pdf", token: owner)
            #expect(proof.status == .created)
            #expect(try await app.postBytes("/api/v1/inspections/\(inspection)/attachments", Self.jpeg, contentType: "image/jpeg", token: owner)
                .status == .forbidden)
            let listed = try await app.api(.GET, "/api/v1/rectification-orders/\(order)/attachments", token: inspector)
            #expect(listed.pluck("fileName") == ["消毒记录.pdf"])
            #expect(try await Attachment.query(on: app.db).count() == 2)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "attachment").count() == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badFilesAreRefusedAndWriteNothing(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let inspector = try await app.token(for: "inspector")
            let (_, body) = try await InspectionAPITests.setUp(app)
            let recorded = try await app.api(.POST, "/api/v1/inspections", token: inspector, json: body)
            let inspection = try recorded.content.get(String.self, at: "id")
            let path = "/api/v1/inspections/\(inspection)/attachments"
            let script = try await app.postBytes(path, Array("<script>alert(1)</script>".utf8), contentType: "image/jpeg", token: inspector)
            #expect(script.status == .unsupportedMediaType)
            #expect(try script.content.get(String.self, at: "error", "code") == "fileKindNotAccepted")
            let empty = try await app.postBytes(path, [], contentType: "image/jpeg", token: inspector)
            #expect(try empty.content.get(String.self, at: "error", "code") == "fileEmpty")
            let huge = try await app.postBytes(path, Self.jpeg + [UInt8](repeating: 0, count: FileKind.maximumBytes), contentType: "image/jpeg",
                                               token: inspector)
            #expect(huge.status == .payloadTooLarge)
            #expect(try await app.postBytes("/api/v1/inspections/\(UUID())/attachments", Self.jpeg, contentType: "image/jpeg", token: inspector)
                .status == .notFound)
            #expect(try await app.postBytes("/api/v1/inspections/x/attachments", Self.jpeg, contentType: "image/jpeg", token: inspector)
                .status == .notFound)
            #expect(try await Attachment.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func templatesExportInTheShapeTheImportTakes(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let admin = try await app.token(for: "admin")
            let template = try #require(try await ChecklistTemplate.query(on: app.db).filter(\.$code == "retail").first()?.id)
            let exported = try await app.api(.GET, "/api/v1/checklist-templates/\(template)", token: office)
            #expect(exported.status == .ok)
            #expect(exported.headers.first(name: .contentDisposition)?.contains("checklist-retail-v1.json") == true)
            // Import it back as a new version: same items, next version number, the old one retired.
            var document = try JSONSerialization.jsonObject(with: Data(exported.body.readableBytesView)) as? [String: Any] ?? [:]
            document["name"] = "零售环节检查表（修订）"
            let text = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
            let imported = try await app.api(.POST, "/api/v1/checklist-templates", token: admin, json: text)
            #expect(imported.status == .created)
            #expect(try imported.content.get(Int.self, at: "version") == 2)
            let items = try imported.content.get([ChecklistTemplateDTO.Item].self, at: "items")
            #expect(items.map(\.text) == (try exported.content.get([ChecklistTemplateDTO.Item].self, at: "items").map(\.text)))
            #expect(try await ChecklistTemplate.query(on: app.db).filter(\.$code == "retail").filter(\.$active == true).count() == 1)
            #expect(try await app.api(.GET, "/api/v1/checklist-templates/\(UUID())", token: office).status == .notFound)
        }
    }
}
