import FluentKit
import FluentSQL
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The traceability pages: the batches in scope, registering one, a batch's certificates, path and
/// recall; issuing produce certificates; and a market's entry checks with its coverage. Every write
/// goes through the same code as the API (`ColdChainWrites`, `ColdChainIngest`, `Recalls`,
/// `ProduceCertificates`, `MarketEntry`); a refusal shows on the page it came from.
enum ColdChainPages {
    private static func mayRead(_ principal: Principal) throws {
        guard principal.role.may(.readInspections) || principal.role == .businessOperator else { throw ShianError.forbidden }
    }

    /// A business typed on a form: its id, credit code or exact name. `scoped` limits it to the
    /// caller's scope (the business acting); a counterparty may be anywhere.
    static func business(_ typed: String?, field: String, principal: Principal, scoped: Bool, on database: any Database) async throws -> Business {
        let text = (typed ?? "").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw ShianError(.unprocessableEntity, "fieldRequired", field: field, arguments: [field]) }
        let query = scoped ? principal.scope.query(Business.self, on: database) : Business.query(on: database)
        if let id = UUID(uuidString: text) {
            query.filter(\.$id == id)
        } else {
            query.group(.or) { $0.filter(\.$name == text).filter(\.$creditCode == text.uppercased()) }
        }
        let found = try await query.limit(2).all()
        guard let first = found.first else { throw ShianError(.unprocessableEntity, "businessNotFound", field: field, arguments: [text]) }
        guard found.count == 1 else { throw ShianError(.unprocessableEntity, "businessAmbiguous", field: field, arguments: [text]) }
        return first
    }

    /// The business a form acts for: an operator's own, or the one an officer typed.
    static func acting(_ typed: String?, field: String, principal: Principal, on database: any Database) async throws -> Business {
        if let own = principal.user.$business.id { return try await principal.scope.find(Business.self, own, on: database) }
        return try await business(typed, field: field, principal: principal, scoped: true, on: database)
    }

    static func index(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        try mayRead(principal)
        let list = try ListParameters(request)
        let query: QueryBuilder<ColdChainBatch>
        if let businessID = principal.user.$business.id {
            // An operator sees the batches it registered or holds a part of, wherever they were
            // registered (goods come from other places); the database finds the latter (a busy
            // wholesaler has recorded far too many events to list them here).
            query = ColdChainBatch.query(on: request.db)
            let held: SQLQueryString = "\(ident: "id") IN (SELECT \(ident: "batch_id") FROM \(ident: TraceEvent.schema) WHERE \(ident: "business_id") = \(bind: businessID))"
            query.group(.or) { $0.filter(\.$importer.$id == businessID).filter(.sql(embed: held)) }
        } else {
            query = principal.scope.query(ColdChainBatch.self, on: request.db)
        }
        if let q = list.query { query.group(.or) { $0.filter(\.$traceCode == q.uppercased()).filter(\.$product, .custom("LIKE"), "%\(q)%") } }
        let page = try await query.keysetPage(sortedBy: \.$registeredAt, descending: true, after: list.cursor, limit: list.limit)
        let notices = try await principal.scope.query(RecallNotice.self, on: request.db).filter(\.$confirmedAt == nil).with(\.$batch).all()
        return .html(ColdChainListPage(context: request.pageContext, batches: page.items, nextCursor: page.nextCursor, rawQuery: list.rawQuery,
                                       notices: notices).render())
    }

    static func new(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        try mayRead(principal)
        return .html(ColdChainFormPage(context: request.pageContext, fields: [:], error: nil, ownBusiness: principal.user.$business.id != nil).render())
    }

    static func create(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = try request.content.decode([String: String].self)
        do {
            let importer = try await acting(form["importer"], field: "importer", principal: principal, on: request.db)
            let documents = ImportDocumentKind.allCases.compactMap { kind -> ColdChainWrites.DocumentInput? in
                guard let number = form["\(kind.rawValue).number"], !number.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
                return .init(kind: kind.rawValue, number: number, issuer: form["\(kind.rawValue).issuer"], issuedOn: form["\(kind.rawValue).issuedOn"])
            }
            let input = ColdChainWrites.BatchInput(
                product: form["product"], specification: form["specification"], batchNumber: form["batchNumber"],
                quantity: form["quantity"].flatMap { Decimal(string: $0) }, unit: form["unit"], originCountry: form["originCountry"],
                customsDeclaration: form["customsDeclaration"], importerBusinessId: importer.id, documents: documents)
            let batch = try await ColdChainWrites.register(input, by: principal, on: request.db)
            return request.redirect(to: SiteURL.coldChainBatch(try batch.requireID()).path)
        } catch let error as ShianError where error.status == .unprocessableEntity {
            let page = ColdChainFormPage(context: request.pageContext, fields: form, error: request.t("error.\(error.code)", error.arguments),
                                         ownBusiness: principal.user.$business.id != nil)
            return .html(page.render(), status: .unprocessableEntity)
        }
    }

    static func show(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        try mayRead(principal)
        guard let batch = try await ColdChainBatch.find(try request.idParameter(), on: request.db) else { throw ShianError.notFound }
        return try await render(batch, principal: principal, request: request, error: nil)
    }

    private static func render(_ batch: ColdChainBatch, principal: Principal, request: Request, error: String?, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let batchID = try batch.requireID()
        let events = try await TraceEvent.query(on: request.db).filter(\.$batch.$id == batchID).sort(\.$sequence).all()
        // What the page shows of the path is public through the look-up anyway (a business scans the
        // code on the carton before it records anything); the refused attempts are for officers only.
        let involved = Set(events.map { $0.$business.id } + events.compactMap { $0.$counterparty.id } + [batch.$importer.id])
        let documents = try await ImportDocument.query(on: request.db).filter(\.$batch.$id == batchID).all()
        let refusals = principal.role.may(.readInspections)
            ? try await TraceRefusal.query(on: request.db).filter(\.$batch.$id == batchID).sort(\.$attemptedAt).all() : []
        let names = try await Business.names(of: involved.union(refusals.map { $0.$business.id }), on: request.db)
        let recall = batch.recalledAt == nil ? nil : try await Recalls.dto(batch, on: request.db)
        var parent: ColdChainBatch?
        if let parentID = batch.$parent.id { parent = try await ColdChainBatch.find(parentID, on: request.db) }
        let children = try await ColdChainBatch.query(on: request.db).filter(\.$parent.$id == batchID).sort(\.$traceCode).limit(100).all()
        let model = ColdChainBatchPage.Model(
            batch: batch, documents: documents, events: events, names: names, recall: recall, refusals: refusals, parent: parent, children: children,
            holdings: try ColdChainWrites.ledger(of: batch, events).holdings(batch: batch.traceCode),
            canAddDocuments: principal.role.may(.manageBusinesses) || principal.user.$business.id == batch.$importer.id,
            canRecall: principal.role.may(.recordInspections) && batch.recalledAt == nil && principal.scope.covers(batch.regionCode),
            ownBusiness: principal.user.$business.id, error: error)
        return .html(ColdChainBatchPage(context: request.pageContext, model: model).render(), status: status)
    }

    /// Runs a write from the batch page; a refusal shows on the page, with what to do.
    private static func act(_ request: Request, _ write: (Principal, ColdChainBatch, [String: String]) async throws -> Void) async throws -> Response {
        let principal = try request.requirePrincipal()
        guard let batch = try await ColdChainBatch.find(try request.idParameter(), on: request.db) else { throw ShianError.notFound }
        let form = try request.content.decode([String: String].self)
        do {
            try await write(principal, batch, form)
            return request.redirect(to: SiteURL.coldChainBatch(try batch.requireID()).path)
        } catch let caught {
            let error = ShianError.from(caught)
            guard [.unprocessableEntity, .conflict].contains(error.status) else { throw caught }
            let fresh = try await ColdChainBatch.find(batch.id, on: request.db) ?? batch
            return try await render(fresh, principal: principal, request: request, error: request.t("error.\(error.code)", error.arguments),
                                    status: error.status)
        }
    }

    static func addDocument(request: Request) async throws -> Response {
        try await act(request) { principal, batch, form in
            _ = try await ColdChainWrites.addDocument(
                .init(kind: form["kind"], number: form["number"], issuer: form["issuer"], issuedOn: form["issuedOn"]), to: batch, by: principal,
                on: request.db)
        }
    }

    static func recordEvent(request: Request) async throws -> Response {
        try await act(request) { principal, batch, form in
            let actor = try await acting(form["business"], field: "business", principal: principal, on: request.db)
            var other: UUID?
            if let typed = form["counterparty"], !typed.trimmingCharacters(in: .whitespaces).isEmpty {
                other = try await business(typed, field: "counterparty", principal: principal, scoped: false, on: request.db).id
            }
            _ = try await ColdChainWrites.recordEvent(
                .init(type: form["type"], businessId: actor.id, quantity: form["quantity"].flatMap { Decimal(string: $0) },
                      counterpartyBusinessId: other), on: batch, by: principal, on: request.db)
        }
    }

    /// Split or process from the page: one output a line, "quantity" for a split, "product quantity
    /// unit" for a process (牛排 150 H87).
    static func derive(request: Request) async throws -> Response {
        try await act(request) { principal, batch, form in
            guard let type = form["type"].flatMap(TraceEventType.init(rawValue:)) else {
                throw ShianError(.unprocessableEntity, "eventTypeInvalid", field: "type", arguments: [form["type"] ?? ""])
            }
            let actor = try await acting(form["business"], field: "business", principal: principal, on: request.db)
            let outputs = (form["outputs"] ?? "").split(whereSeparator: \.isNewline).compactMap { line -> ColdChainWrites.OutputInput? in
                let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
                guard !words.isEmpty else { return nil }
                if type == .split || words.count < 3 { return .init(quantity: Decimal(string: words[0])) }
                return .init(product: words.dropLast(2).joined(separator: " "), quantity: Decimal(string: words[words.count - 2]), unit: words.last)
            }
            _ = try await ColdChainWrites.derive(
                type, .init(businessId: actor.id, quantity: form["quantity"].flatMap { Decimal(string: $0) }, outputs: outputs),
                from: batch, by: principal, on: request.db)
        }
    }

    static func recall(request: Request) async throws -> Response {
        try await act(request) { principal, batch, form in
            guard principal.role.may(.recordInspections) else { throw ShianError.forbidden }
            _ = try await Recalls.recall(batch, reason: form["reason"], by: principal, on: request.db)
        }
    }

    static func confirmRecall(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = try request.content.decode([String: String].self)
        let notice = try await principal.scope.find(RecallNotice.self, try request.idParameter(), on: request.db)
        _ = try await Recalls.confirm(notice, note: form["note"], by: principal, on: request.db)
        return request.redirect(to: SiteURL.coldChainBatch(notice.$batch.id).path)
    }
}
