import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Bulk ingest of trace events and EPCIS 2.0 interchange")
struct ColdChainBulkTests {
    static func post(_ app: Application, _ path: String, _ body: String, token: String, key: String? = nil, type: String = "application/json")
        async throws -> TestingHTTPResponse
    {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        headers.replaceOrAdd(name: .contentType, value: type)
        if let key { headers.replaceOrAdd(name: "Idempotency-Key", value: key) }
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    @Test(arguments: TestDatabase.all)
    func allOrNothingAndOnceOnly(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let importer = try await ColdChainAPITests.business(app, .coldStore)
            let wholesaler = try await ColdChainAPITests.business(app, .wholesaleMarket)
            let documents = ColdChainAPITests.documents.replacingOccurrences(
                of: "]", with: #",{"kind":"disinfection","number":"XD-9","issuer":"大连海关","issuedOn":"2026-11-03"}]"#)
            let batch = try await app.api(.POST, "/api/v1/cold-chain/batches", token: office,
                                          json: #"{"product":"冷冻三文鱼","batchNumber":"NO-1","quantity":80,"unit":"CT","originCountry":"挪威","importerBusinessId":"\#(importer)","documents":\#(documents)}"#)
            let code = try batch.content.get(String.self, at: "traceCode")
            let id = try batch.content.get(String.self, at: "id")
            let good = #"{"events":[{"traceCode":"\#(code)","type":"ship","businessId":"\#(importer)","quantity":60,"counterpartyBusinessId":"\#(wholesaler)"},{"traceCode":"\#(code)","type":"receive","businessId":"\#(wholesaler)","quantity":60,"counterpartyBusinessId":"\#(importer)"},{"traceCode":"\#(code)","type":"sell","businessId":"\#(wholesaler)","quantity":10}]}"#

            let bad = good.replacingOccurrences(of: #""type":"receive","businessId":"\#(wholesaler)","quantity":60"#,
                                                with: #""type":"receive","businessId":"\#(wholesaler)","quantity":70"#)
            let refused = try await Self.post(app, "/api/v1/cold-chain/events", bad, token: office, key: "erp-2026-11-30-001")
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.content.get(String.self, at: "error", "code") == "eventsRefused")
            let failures = try JSONSerialization.jsonObject(with: Data(refused.body.readableBytesView)) as? [String: Any]
            let first = (failures?["failures"] as? [[String: Any]])?.first
            #expect(first?["index"] as? Int == 1 && first?["code"] as? String == "receiveExceedsShipment")
            #expect(try await TraceEvent.query(on: app.db).count() == 1, "nothing but the intake")

            // The corrected request, with the same key; then a retry of it, which writes nothing more.
            let accepted = try await Self.post(app, "/api/v1/cold-chain/events", good, token: office, key: "erp-2026-11-30-001")
            #expect(accepted.status == .created)
            #expect(try accepted.content.get(Int.self, at: "accepted") == 3)
            let retried = try await Self.post(app, "/api/v1/cold-chain/events", good, token: office, key: "erp-2026-11-30-001")
            #expect(retried.status == .created && retried.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(try await TraceEvent.query(on: app.db).count() == 4)
            let reused = try await Self.post(app, "/api/v1/cold-chain/events", bad, token: office, key: "erp-2026-11-30-001")
            #expect(try reused.content.get(String.self, at: "error", "code") == "idempotencyKeyReused")

            // EPCIS: the batch's events out, and back in (refused whole: the intake is already there).
            let exported = try await app.api(.GET, "/api/v1/cold-chain/batches/\(id)/epcis", token: office)
            #expect(exported.status == .ok && exported.headers.contentType?.description == "application/ld+json")
            let document = try JSONSerialization.jsonObject(with: Data(exported.body.readableBytesView)) as? [String: Any]
            let eventList = ((document?["epcisBody"] as? [String: Any])?["eventList"] as? [Any]) ?? []
            #expect(document?["type"] as? String == "EPCISDocument" && eventList.count == 4)
            let again = try await Self.post(app, "/api/v1/cold-chain/epcis", exported.body.string, token: office, type: "application/ld+json")
            #expect(try again.content.get(String.self, at: "error", "code") == "eventsRefused")
            let malformed = try await Self.post(app, "/api/v1/cold-chain/epcis", #"{"type":"Nonsense"}"#, token: office, type: "application/ld+json")
            #expect(malformed.status == .unprocessableEntity)
            #expect(try await TraceEvent.query(on: app.db).count() == 4)
            #expect(try await Self.post(app, "/api/v1/cold-chain/events", #"{"events":[]}"#, token: office).status == .unprocessableEntity)

            // Every record as a sortable spreadsheet, CSV and XLSX.
            let csv = try await app.api(.GET, "/api/v1/cold-chain/batches/\(id)/records", token: office)
            #expect(csv.status == .ok && csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.count == 5, "a header and four events")
            #expect(lines.last?.contains("urn:epcglobal:cbv:bizstep:retail_selling") == true && lines.last?.contains(code) == true)
            let xlsx = try await app.api(.GET, "/api/v1/cold-chain/batches/\(id)/records?format=xlsx", token: office)
            #expect(xlsx.status == .ok && xlsx.body.readableBytesView.starts(with: [0x50, 0x4B]))
            #expect(try await app.api(.GET, "/api/v1/cold-chain/batches/\(id)/records?format=pdf", token: office).status == .badRequest)
        }
    }
}
