import Fluent
import ShianCore
import ShianStore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("Imported cold chain: registration, the four-no gate, the ledger and the public trace")
struct ColdChainAPITests {
    static let documents = #"[{"kind":"inspectionQuarantine","number":"IQ-2026-0091","issuer":"大连海关","issuedOn":"2026-11-01"},"# +
        #"{"kind":"nucleicAcidTest","number":"NAT-88120","issuer":"辽宁省疾控中心","issuedOn":"2026-11-02"}]"#

    static func business(_ app: Application, _ category: BusinessCategory) async throws -> UUID {
        try #require(try await Business.query(on: app.db).filter(\.$category == category).filter(\.$regionCode >= "222499")
            .filter(\.$regionCode < "222500").sort(\.$name).first()?.id)
    }

    @Test(arguments: TestDatabase.all)
    func aBatchWithoutDisinfectionIsStoppedThenFlowsToARestaurant(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let owner = try await app.token(for: "business.lamb")
            let lamb = try #require(try await ShianStore.User.query(on: app.db).filter(\.$username == "business.lamb").first()?.$business.id)
            let importer = try await Self.business(app, .coldStore)
            let wholesaler = try await Self.business(app, .wholesaleMarket)
            let body = #"{"product":"冷冻牛腱","specification":"20kg/箱","batchNumber":"BR-7781","quantity":100,"unit":"CT","originCountry":"巴西","importerBusinessId":"\#(importer)","documents":\#(Self.documents)}"#
            let registered = try await app.api(.POST, "/api/v1/cold-chain/batches", token: office, json: body)
            #expect(registered.status == .created)
            let id = try registered.content.get(String.self, at: "id")
            let code = try registered.content.get(String.self, at: "traceCode")
            #expect(TraceCode(validating: code) != nil && code.hasPrefix("CL222499"))
            #expect(try registered.content.get([String].self, at: "missing") == ["disinfection"])
            let events = "/api/v1/cold-chain/batches/\(id)/events"

            // Without its disinfection certificate nobody may move or sell it; each attempt is kept.
            let shipped = try await app.api(.POST, events, token: office,
                                            json: #"{"type":"ship","businessId":"\#(importer)","quantity":100,"counterpartyBusinessId":"\#(wholesaler)"}"#)
            #expect(shipped.status == .unprocessableEntity)
            #expect(try shipped.content.get(String.self, at: "error", "code") == "missingImportDocuments")
            #expect(try shipped.content.get([String].self, at: "missing") == ["disinfection"])
            let sold = try await app.api(.POST, events, token: owner, json: #"{"type":"sell","businessId":"\#(lamb)","quantity":1}"#)
            #expect(try sold.content.get(String.self, at: "error", "code") == "missingImportDocuments")
            #expect(try await TraceEvent.query(on: app.db).count() == 1, "only the first stop's intake")
            #expect(try await TraceRefusal.query(on: app.db).filter(\.$business.$id == lamb).count() == 1)

            let fixed = try await app.api(.POST, "/api/v1/cold-chain/batches/\(id)/documents", token: office,
                                          json: #"{"kind":"disinfection","number":"XD-5531","issuer":"示范县疾控中心","issuedOn":"2026-11-20"}"#)
            #expect(try fixed.content.get([String].self, at: "missing") == [])
            for step in [
                #"{"type":"ship","businessId":"\#(importer)","quantity":100,"counterpartyBusinessId":"\#(wholesaler)"}"#,
                #"{"type":"receive","businessId":"\#(wholesaler)","quantity":100,"counterpartyBusinessId":"\#(importer)"}"#,
                #"{"type":"ship","businessId":"\#(wholesaler)","quantity":40,"counterpartyBusinessId":"\#(lamb)"}"#,
            ] {
                let response = try await app.api(.POST, events, token: office, json: step)
                #expect(response.status == .created, "\(step): \(response.body.string)")
            }
            #expect(try await app.api(.POST, events, token: owner, json: #"{"type":"receive","businessId":"\#(lamb)","quantity":40,"counterpartyBusinessId":"\#(wholesaler)"}"#).status == .created)
            let served = try await app.api(.POST, events, token: owner, json: #"{"type":"sell","businessId":"\#(lamb)","quantity":10}"#)
            #expect(served.status == .created)
            #expect(try served.content.get(String.self, at: "bizStep") == "urn:epcglobal:cbv:bizstep:retail_selling")
            // The restaurant's own list shows the batch it holds a part of (and nothing it does not).
            var restaurant = try await Browser.loggedIn(app, as: "business.lamb")
            #expect(try await restaurant.get("/cold-chain").body.string.contains(code))
            let tooMuch = try await app.api(.POST, events, token: owner, json: #"{"type":"sell","businessId":"\#(lamb)","quantity":31}"#)
            #expect(try tooMuch.content.get(String.self, at: "error", "code") == "quantityExceedsHolding")

            // Anyone may look the code up: documents, path and who holds what now.
            let trace = try await app.testing().sendRequest(.GET, "/api/v1/trace/\(code)")
            #expect(trace.status == .ok)
            let present = try trace.content.get([ColdChainAPIController.PublicTrace.Document].self, at: "documents").map(\.present)
            #expect(present == [true, true, true])
            let holders = try trace.content.get([ColdChainAPIController.PublicTrace.Holder].self, at: "holders")
            #expect(holders.map(\.onHand).sorted() == [30, 60])
            #expect(try trace.content.get([ColdChainAPIController.PublicTrace.Step].self, at: "events").count == 6)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/trace/CL2224992026113000000X").status == .notFound)

            // The look-up page, and the QR code that leads back to it.
            let page = try await app.testing().sendRequest(.GET, "/trace?code=\(code)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains(#"data-trace-code="\#(code)""#) && page.body.string.contains("冷冻牛腱"))
            #expect(page.body.string.components(separatedBy: #"data-present="true""#).count == 4)
            let qr = try await app.testing().sendRequest(.GET, "/trace/\(code)/qr.svg")
            #expect(qr.headers.contentType?.description == "image/svg+xml" && qr.body.string.hasPrefix("<svg"))
            #expect(try await app.testing().sendRequest(.GET, "/trace?code=nonsense").status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/trace").status == .ok)

            // The restaurant splits part of what it holds into two new batches, traceable both ways.
            let split = try await app.api(.POST, "/api/v1/cold-chain/batches/\(id)/split", token: owner,
                                          json: #"{"businessId":"\#(lamb)","outputs":[{"quantity":5},{"quantity":5}]}"#)
            #expect(split.status == .created, "\(split.body.string)")
            let childCodes = try split.content.get([ColdChainAPIController.BatchDTO].self, at: "batches").map(\.traceCode)
            #expect(childCodes.count == 2)
            let childTrace = try await app.testing().sendRequest(.GET, "/api/v1/trace/\(childCodes[0])")
            #expect(try childTrace.content.get([String].self, at: "ancestors") == [code])
            #expect(try childTrace.content.get([ColdChainAPIController.PublicTrace.Document].self, at: "documents").allSatisfy(\.present))
            let parentTrace = try await app.testing().sendRequest(.GET, "/api/v1/trace/\(code)")
            #expect(Set(try parentTrace.content.get([String].self, at: "descendants")) == Set(childCodes))
            let tooMuchSplit = try await app.api(.POST, "/api/v1/cold-chain/batches/\(id)/split", token: owner,
                                                 json: #"{"businessId":"\#(lamb)","outputs":[{"quantity":100}]}"#)
            #expect(try tooMuchSplit.content.get(String.self, at: "error", "code") == "quantityExceedsHolding")

            // A recall finds every holder; each confirms; nothing more may be sold, only destroyed.
            #expect(try await app.api(.POST, "/api/v1/cold-chain/batches/\(id)/recall", token: owner, json: #"{"reason":"x"}"#).status == .forbidden)
            let recall = try await app.api(.POST, "/api/v1/cold-chain/batches/\(id)/recall", token: office, json: #"{"reason":"原产国通报核酸阳性"}"#)
            #expect(recall.status == .created)
            let notices = try recall.content.get([Recalls.NoticeDTO].self, at: "notices")
            #expect(Set(notices.map(\.businessId)) == [wholesaler, lamb])
            #expect(notices.map(\.onHand).sorted() == [5, 5, 20, 60], "the restaurant's 20 left and the two batches it split off")
            #expect(try await app.api(.POST, "/api/v1/cold-chain/batches/\(id)/recall", token: office, json: #"{"reason":"again"}"#).status == .conflict)
            let mine = try await app.api(.GET, "/api/v1/recall-notices?confirmed=false", token: owner)
            let notice = try #require(mine.pluck("id").first)
            #expect(mine.items.count == 3)
            let confirmed = try await app.api(.POST, "/api/v1/recall-notices/\(notice)/confirmation", token: owner, json: #"{"note":"已下架封存 30 箱"}"#)
            #expect(confirmed.status == .ok)
            #expect(try await app.api(.GET, "/api/v1/cold-chain/batches/\(id)/recall", token: office).content.get(Int.self, at: "unconfirmed") == 3)
            let afterRecall = try await app.api(.POST, events, token: owner, json: #"{"type":"sell","businessId":"\#(lamb)","quantity":1}"#)
            #expect(try afterRecall.content.get(String.self, at: "error", "code") == "batchRecalled")
            #expect(try await app.api(.POST, events, token: owner, json: #"{"type":"dispose","businessId":"\#(lamb)","quantity":20}"#).status == .created)
        }
    }

    @Test(arguments: TestDatabase.all)
    func processingMakesNewProductsTraceableToTheirSource(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let importer = try await Self.business(app, .coldStore)
            let register = { (documents: String) in
                try await app.api(.POST, "/api/v1/cold-chain/batches", token: office, json:
                    #"{"product":"冷冻牛腱","batchNumber":"BR-9","quantity":10,"unit":"CT","originCountry":"巴西","importerBusinessId":"\#(importer)","documents":\#(documents)}"#)
            }
            let incomplete = try await register(Self.documents)
            let incompleteID = try incomplete.content.get(String.self, at: "id")
            let full = #"[{"kind":"disinfection","number":"XD-1","issuer":"示范县疾控中心","issuedOn":"2026-11-20"},"# + Self.documents.dropFirst()
            let registered = try await register(full)
            let id = try registered.content.get(String.self, at: "id")
            let code = try registered.content.get(String.self, at: "traceCode")
            let batches = try await ColdChainBatch.query(on: app.db).count()
            let process = "/api/v1/cold-chain/batches/\(id)/process"
            let outputs = #"[{"product":"牛排","specification":"200g/片","quantity":150,"unit":"H87"},{"product":"牛肉馅","quantity":40,"unit":"kgm"}]"#

            // Refusals name the field, and write neither an event nor a batch.
            for (body, code, field) in [
                (#"{"businessId":"\#(importer)","quantity":4,"outputs":[{"quantity":5,"unit":"KGM"}]}"#, "fieldRequired", "outputs[0].product"),
                (#"{"businessId":"\#(importer)","quantity":4,"outputs":[{"product":"牛排","quantity":5,"unit":"千克"}]}"#, "unitInvalid", "outputs[0].unit"),
                (#"{"businessId":"\#(importer)","outputs":\#(outputs)}"#, "quantityInvalid", "quantity"),
                (#"{"businessId":"\#(importer)","quantity":4,"outputs":[]}"#, "outputsInvalid", "outputs"),
                (#"{"businessId":"\#(importer)","quantity":11,"outputs":\#(outputs)}"#, "quantityExceedsHolding", nil),
            ] {
                let refused = try await app.api(.POST, process, token: office, json: body)
                #expect(refused.status == .unprocessableEntity, "\(body)")
                #expect(try refused.content.get(String.self, at: "error", "code") == code, "\(body): \(refused.body.string)")
                if let field { #expect(try refused.content.get(String.self, at: "error", "field") == field) }
            }
            let ungated = try await app.api(.POST, "/api/v1/cold-chain/batches/\(incompleteID)/process", token: office,
                                            json: #"{"businessId":"\#(importer)","quantity":4,"outputs":\#(outputs)}"#)
            #expect(try ungated.content.get(String.self, at: "error", "code") == "missingImportDocuments")
            #expect(try await ColdChainBatch.query(on: app.db).count() == batches)
            #expect(try await TraceEvent.query(on: app.db).filter(\.$type == .process).count() == 0)

            // Four cartons become steaks in pieces and mince in kilograms, each traceable to the import.
            let made = try await app.api(.POST, process, token: office, json: #"{"businessId":"\#(importer)","quantity":4,"outputs":\#(outputs)}"#)
            #expect(made.status == .created, "\(made.body.string)")
            let children = try made.content.get([ColdChainAPIController.BatchDTO].self, at: "batches")
            #expect(children.map(\.product) == ["牛排", "牛肉馅"] && children.map(\.unit) == ["H87", "KGM"])
            #expect(children.map(\.quantity) == [150, 40] && children.map(\.batchNumber) == ["BR-9-P1", "BR-9-P2"])
            #expect(children.allSatisfy { $0.missing.isEmpty }, "the source's certificates cover what is made of it")
            let childTrace = try await app.testing().sendRequest(.GET, "/api/v1/trace/\(children[0].traceCode)")
            #expect(try childTrace.content.get([String].self, at: "ancestors") == [code])
            let holders = try await app.testing().sendRequest(.GET, "/api/v1/trace/\(code)").content
                .get([ColdChainAPIController.PublicTrace.Holder].self, at: "holders")
            #expect(holders.map(\.onHand) == [6], "four of ten cartons were used up")

            // The EPCIS export carries the process as a transformation with both outputs.
            let exported = try await app.api(.GET, "/api/v1/cold-chain/batches/\(id)/epcis", token: office).body.string
            #expect(exported.contains("outputQuantityList") && children.allSatisfy { exported.contains($0.traceCode) }, "\(exported)")

            // The same from the batch page: one output a line; a bad line answers on the page.
            var browser = try await Browser.loggedIn(app, as: "office")
            let parentPage = try await browser.get("/cold-chain/\(id)")
            #expect(children.allSatisfy { parentPage.body.string.contains(#"data-child="\#($0.traceCode)""#) })
            let bad = try await browser.post("/cold-chain/\(id)/derived",
                                             form: ["type": "process", "business": importer.uuidString, "quantity": "1", "outputs": "牛排 很多 H87"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains(#"role="alert""#))
            let split = try await browser.post("/cold-chain/\(children[0].id)/derived",
                                               form: ["type": "split", "business": importer.uuidString, "outputs": "100\n50"])
            #expect(split.status == .seeOther)
            let grandchildren = try await ColdChainBatch.query(on: app.db).filter(\.$parent.$id == children[0].id).all()
            #expect(grandchildren.map(\.quantity).sorted() == ["100", "50"] && grandchildren.allSatisfy { $0.unit == "H87" })
            #expect(try await browser.get("/cold-chain/\(try #require(grandchildren.first?.id))").body.string.contains(#"data-parent="\#(children[0].traceCode)""#))
        }
    }

    @Test(arguments: TestDatabase.all)
    func badBatchesAndEventsAreRefusedAndWriteNothing(database: TestDatabase) async throws {
        try await withShianApp(database) { app in
            let office = try await app.token(for: "office")
            let importer = try await Self.business(app, .coldStore)
            let complete = Self.documents.replacingOccurrences(
                of: "]", with: #",{"kind":"disinfection","number":"XD-1","issuer":"大连海关","issuedOn":"2026-11-03"}]"#)
            let good = #"{"product":"冷冻虾仁","batchNumber":"EC-1","quantity":5,"unit":"TNE","originCountry":"厄瓜多尔","importerBusinessId":"\#(importer)","documents":\#(complete)}"#
            for (bad, code) in [
                (good.replacingOccurrences(of: #""quantity":5"#, with: #""quantity":-5"#), "quantityInvalid"),
                (good.replacingOccurrences(of: "inspectionQuarantine", with: "healthCertificate"), "documentKindInvalid"),
                (good.replacingOccurrences(of: "2026-11-01", with: "2026-13-01"), "dateInvalid"),
                (good.replacingOccurrences(of: #""product":"冷冻虾仁","#, with: ""), "fieldRequired"),
                (good.replacingOccurrences(of: "nucleicAcidTest", with: "inspectionQuarantine"), "documentDuplicated"),
            ] {
                let refused = try await app.api(.POST, "/api/v1/cold-chain/batches", token: office, json: bad)
                #expect(refused.status == .unprocessableEntity)
                #expect(try refused.content.get(String.self, at: "error", "code") == code)
            }
            #expect(try await app.api(.POST, "/api/v1/cold-chain/batches", token: office, json: "{").status == .badRequest)
            let stranger = try await app.token(for: "business.korean")
            #expect(try await app.api(.POST, "/api/v1/cold-chain/batches", token: stranger, json: good).status == .notFound)
            #expect(try await ColdChainBatch.query(on: app.db).count() == 0)
            #expect(try await TraceEvent.query(on: app.db).count() == 0)

            let batch = try await app.api(.POST, "/api/v1/cold-chain/batches", token: office, json: good)
            let id = try batch.content.get(String.self, at: "id")
            let events = "/api/v1/cold-chain/batches/\(id)/events"
            #expect(try await app.api(.POST, events, token: office, json: #"{"type":"teleport","businessId":"\#(importer)","quantity":1}"#)
                .content.get(String.self, at: "error", "code") == "eventTypeInvalid")
            #expect(try await app.api(.POST, events, token: office, json: #"{"type":"receive","businessId":"\#(importer)","quantity":1}"#)
                .content.get(String.self, at: "error", "code") == "intakeAlreadyRecorded")
            #expect(try await app.api(.POST, events, token: stranger, json: #"{"type":"store","businessId":"\#(importer)","quantity":1}"#)
                .status == .notFound)
            #expect(try await app.api(.POST, "/api/v1/cold-chain/batches/\(UUID())/events", token: office, json: "{}").status == .notFound)
            #expect(try await TraceEvent.query(on: app.db).count() == 1)
        }
    }
}
