import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Farm-produce certificates and market entry")
struct ProduceCertificateAPITests {
    @Test(arguments: TestDatabase.all)
    func aFarmerCertifiesAMarketChecksAndCoverageShowsTheLotWithout(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let farmer = try await ColdChainAPITests.business(app, .farmProducer)
            let market = try await ColdChainAPITests.business(app, .farmersMarket)
            let body = #"{"businessId":"\#(farmer)","style":"producer","productName":"黄瓜","quantity":200,"unit":"公斤","contact":"13904331234","origin":"示范县城关镇三合村","bases":["ownTest"]}"#
            let issued = try await app.api(.POST, "/api/v1/produce-certificates", token: office, json: body)
            #expect(issued.status == .created, "\(issued.body.string)")
            let code = try issued.content.get(String.self, at: "code")
            #expect(code.hasPrefix("HGZ222499") && ProduceCertificateCode(validating: code) != nil)
            #expect(try issued.content.get([String].self, at: "commitments").count == 2)
            let lookedUp = try await app.testing().sendRequest(.GET, "/api/v1/public/produce-certificates/\(code)")
            #expect(lookedUp.status == .ok)
            #expect(try lookedUp.content.get(String.self, at: "productName") == "黄瓜")
            let page = try await app.testing().sendRequest(.GET, "/trace?code=\(code)")
            #expect(page.status == .ok && page.body.string.contains(#"data-certificate-code="\#(code)""#))
            #expect(try await app.testing().sendRequest(.GET, "/trace/\(code)/qr.svg").status == .ok)

            let checks = "/api/v1/market-entry-checks"
            let with = try await app.api(.POST, checks, token: office,
                                         json: #"{"marketBusinessId":"\#(market)","seller":"12号摊 李桂兰","productName":"黄瓜","quantity":50,"unit":"公斤","certificateCode":"\#(code)"}"#)
            #expect(with.status == .created)
            #expect(try with.content.get(Bool.self, at: "hasCertificate"))
            let without = try await app.api(.POST, checks, token: office,
                                            json: #"{"marketBusinessId":"\#(market)","seller":"7号摊 王强","productName":"芹菜","unit":"公斤"}"#)
            #expect(try without.content.get(Bool.self, at: "hasCertificate") == false)
            let findings = try await app.api(.GET, checks + "?hasCertificate=false", token: office)
            #expect(findings.pluck("seller") == ["7号摊 王强"])

            let coverage = try await app.api(.GET, "/api/v1/market-entry-coverage?regionCode=222499", token: office)
            #expect(coverage.status == .ok)
            #expect(try coverage.content.get(Int.self, at: "total", "lots") == 2)
            #expect(try coverage.content.get(Double.self, at: "total", "share") == 0.5)
            let markets = try coverage.content.get([MarketEntry.Coverage.Row].self, at: "markets")
            #expect(markets.map(\.key) == [market.uuidString] && markets.first?.withCertificate == 1)

            // Refusals write nothing.
            let unknown = try await app.api(.POST, checks, token: office,
                                            json: #"{"marketBusinessId":"\#(market)","seller":"1号","productName":"葱","unit":"公斤","certificateCode":"HGZ2224992026010100000X"}"#)
            #expect(try unknown.content.get(String.self, at: "error", "code") == "certificateUnknown")
            let notMarket = try await app.api(.POST, checks, token: office,
                                              json: #"{"marketBusinessId":"\#(farmer)","seller":"1号","productName":"葱","unit":"公斤"}"#)
            #expect(try notMarket.content.get(String.self, at: "error", "code") == "notAMarket")
            let future = body.replacingOccurrences(of: #""bases""#, with: #""issuedOn":"2099-01-01","bases""#)
            #expect(try await app.api(.POST, "/api/v1/produce-certificates", token: office, json: future)
                .content.get(String.self, at: "error", "code") == "issueDateInFuture")
            let reissueByProducer = body.replacingOccurrences(of: #""bases""#, with: #""sourceCertificateCodes":["\#(code)"],"bases""#)
            #expect(try await app.api(.POST, "/api/v1/produce-certificates", token: office, json: reissueByProducer)
                .content.get(String.self, at: "error", "code") == "reissueRequiresPurchaser")
            #expect(try await MarketEntryCheck.query(on: app.db).count() == 2)
            #expect(try await ProduceCertificate.query(on: app.db).count() == 1)

            // A purchaser re-issues for a mixed lot, linking the source; a voided certificate is refused at entry.
            let reissue = try await app.api(.POST, "/api/v1/produce-certificates", token: office,
                                            json: reissueByProducer.replacingOccurrences(of: #""style":"producer""#, with: #""style":"purchaser""#))
            #expect(reissue.status == .created)
            #expect(try reissue.content.get([String].self, at: "sourceCertificateCodes") == [code])
            let id = try issued.content.get(String.self, at: "id")
            #expect(try await app.api(.POST, "/api/v1/produce-certificates/\(id)/void", token: office, json: #"{"reason":"数量填错"}"#).status == .ok)
            let voided = try await app.api(.POST, checks, token: office,
                                           json: #"{"marketBusinessId":"\#(market)","seller":"3号","productName":"黄瓜","unit":"公斤","certificateCode":"\#(code)"}"#)
            #expect(try voided.content.get(String.self, at: "error", "code") == "certificateVoided")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/public/produce-certificates/\(code)").content.get(Bool.self, at: "voided"))
        }
    }
}
