import Fluent
import Foundation
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Traceability figures move the computed creation indicators")
struct TraceMetricsTests {
    @Test(arguments: TestDatabase.all)
    func marketEntryAndColdChainRecordsMoveTheirIndicators(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            #expect(try await app.api(.POST, "/api/v1/standards/import", token: office, json: try CreationAPITests.standardJSON()).status == .created)
            func metric(_ number: String) async throws -> [String: Any]? {
                let response = try await app.api(.GET, "/api/v1/creation/indicators/\(number)", token: office)
                return CreationAPITests.json(response)["metricValue"] as? [String: Any]
            }
            #expect(try await metric("4.3")?["value"] == nil, "no lots checked yet: no data, not 0 %")

            // Two lots at a market, one with a certificate: 50 %.
            let market = try await ColdChainAPITests.business(app, .farmersMarket)
            let farmer = try await ColdChainAPITests.business(app, .farmProducer)
            let issued = try await app.api(.POST, "/api/v1/produce-certificates", token: office,
                                           json: #"{"businessId":"\#(farmer)","style":"producer","productName":"黄瓜","quantity":100,"unit":"公斤","bases":["ownTest"]}"#)
            let code = try issued.content.get(String.self, at: "code")
            for certificate in [#","certificateCode":"\#(code)""#, ""] {
                let body = #"{"marketBusinessId":"\#(market)","seller":"1号","productName":"黄瓜","unit":"公斤"\#(certificate)}"#
                #expect(try await app.api(.POST, "/api/v1/market-entry-checks", token: office, json: body).status == .created)
            }
            let coverage = try #require(try await metric("4.3"))
            #expect(coverage["numerator"] as? Double == 1 && coverage["denominator"] as? Double == 2 && coverage["value"] as? Double == 50)

            // One batch without its disinfection certificate among two: 50 %, so the all-or-nothing item earns nothing.
            let importer = try await ColdChainAPITests.business(app, .coldStore)
            let full = #"[{"kind":"disinfection","number":"XD-1","issuer":"示范县疾控中心","issuedOn":"2026-11-20"},"# + ColdChainAPITests.documents.dropFirst()
            for documents in [ColdChainAPITests.documents, full] {
                let body = #"{"product":"冷冻牛腱","batchNumber":"BR-1","quantity":10,"unit":"CT","originCountry":"巴西","importerBusinessId":"\#(importer)","documents":\#(documents)}"#
                #expect(try await app.api(.POST, "/api/v1/cold-chain/batches", token: office, json: body).status == .created)
            }
            let completeness = try #require(try await metric("4.8"))
            #expect(completeness["numerator"] as? Double == 1 && completeness["denominator"] as? Double == 2)
            let item = try await app.api(.GET, "/api/v1/creation/indicators/4.8", token: office)
            #expect(try item.content.get(Double.self, at: "item", "projectedPoints") == 0)
        }
    }
}
