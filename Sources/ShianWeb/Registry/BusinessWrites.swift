import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Creating and changing businesses, shared by the pages, the API and the import.
enum BusinessWrites {
    /// Validates typed fields under the province's rules for the three smalls; the first problem
    /// becomes the error (the import reports them all).
    static func draft(_ fields: [String: String], rules: SmallBusinessRules) throws -> BusinessDraft {
        switch BusinessDraft.validate(fields, rules: rules) {
        case .success(let draft): return draft
        case .failure(let failures): throw ShianError(failures.failures.first ?? ValidationFailure(code: "malformedRequest"))
        }
    }

    static func create(_ draft: BusinessDraft, by principal: Principal, on database: any Database) async throws -> Business {
        guard principal.role.may(.manageBusinesses) else { throw ShianError.forbidden }
        try await checkPlace(draft.regionCode, principal: principal, on: database)
        return try await database.transaction { db in
            try await checkUnique(draft, except: nil, on: db)
            let business = Business(name: draft.name, category: draft.category, regionCode: draft.regionCode.rawValue, address: draft.address)
            business.apply(draft)
            try await business.create(on: db)
            try await AuditLog.record(.create, business, before: nil, actor: principal.actor, on: db)
            return business
        }
    }

    /// Applies the fields given over the business's current ones, validates the whole record, saves.
    static func update(
        _ business: Business, with changes: [String: String], rules: SmallBusinessRules, by principal: Principal,
        on database: any Database
    ) async throws -> Business {
        guard principal.role.may(.manageBusinesses) else { throw ShianError.forbidden }
        let merged = fields(of: business).merging(changes) { $1 }
        let draft = try draft(merged, rules: rules)
        if draft.regionCode.rawValue != business.regionCode {
            try await checkPlace(draft.regionCode, principal: principal, on: database)
        }
        return try await database.transaction { db in
            try await checkUnique(draft, except: business.id, on: db)
            let before = business.auditFields
            business.apply(draft)
            guard business.auditFields != before else { return business }
            try await business.update(on: db)
            try await AuditLog.record(.update, business, before: before, actor: principal.actor, on: db)
            return business
        }
    }

    /// Renews a permit from its end (or from today if it has lapsed) for the province's validity period.
    static func renewPermit(
        _ business: Business, rules: SmallBusinessRules, by principal: Principal, today: Date, on database: any Database
    ) async throws -> Business {
        guard principal.role.may(.manageBusinesses) else { throw ShianError.forbidden }
        guard business.permitKind != .none, business.permitCancelledAt == nil, business.status != .closed else {
            throw ShianError(.unprocessableEntity, "permitNotRenewable", field: "permit")
        }
        let years = rules.categories[business.category]?.validityYears ?? 5
        let start = max(business.permitValidUntil ?? today, today)
        return try await database.transaction { db in
            let before = business.auditFields
            business.permitValidFrom = business.permitValidFrom ?? today
            business.permitValidUntil = Calendar.shanghai.date(byAdding: .year, value: years, to: start)
            try await business.update(on: db)
            try await AuditLog.record(.update, business, before: before, actor: principal.actor, on: db)
            return business
        }
    }

    /// Cancels the permit and closes the business (注销).
    static func cancelPermit(_ business: Business, by principal: Principal, on database: any Database) async throws -> Business {
        guard principal.role.may(.manageBusinesses) else { throw ShianError.forbidden }
        guard business.permitCancelledAt == nil else { throw ShianError(.conflict, "permitAlreadyCancelled", field: "permit") }
        return try await database.transaction { db in
            let before = business.auditFields
            business.permitCancelledAt = Date()
            business.status = .closed
            try await business.update(on: db)
            try await AuditLog.record(.update, business, before: before, actor: principal.actor, on: db)
            return business
        }
    }

    /// The place must lie in the user's scope and exist in the region tree.
    static func checkPlace(_ code: RegionCode, principal: Principal, on database: any Database) async throws {
        guard principal.scope.covers(code.rawValue) else { throw ShianError(.forbidden, "scopeOutsideOwn", field: "gridCode") }
        guard try await Region.query(on: database).filter(\.$code == code.rawValue).filter(\.$active == true).first() != nil else {
            throw ShianError(.unprocessableEntity, "gridMissing", field: "gridCode", arguments: [code.rawValue])
        }
    }

    private static func checkUnique(_ draft: BusinessDraft, except id: UUID?, on database: any Database) async throws {
        let query = Business.query(on: database)
        if let code = draft.creditCode {
            query.filter(\.$creditCode == code.rawValue)
        } else {
            query.filter(\.$creditCode == nil).filter(\.$identityKey == Business.identityKey(name: draft.name, address: draft.address))
        }
        if let id { query.filter(\.$id != id) }
        if try await query.first() != nil {
            throw draft.creditCode != nil
                ? ShianError(.conflict, "creditCodeTaken", field: "creditCode", arguments: [draft.creditCode?.rawValue ?? ""])
                : ShianError(.conflict, "businessDuplicate", field: "name")
        }
    }

    /// A business's fields as typed text (the inverse of `BusinessDraft.validate`).
    static func fields(of business: Business) -> [String: String] {
        var fields: [String: String] = [
            "name": business.name, "category": business.category.rawValue, "gridCode": business.regionCode,
            "address": business.address, "status": business.status.rawValue,
        ]
        fields["creditCode"] = business.creditCode
        fields["legalRepresentative"] = business.legalRepresentative
        fields["contactPhone"] = business.contactPhone
        fields["safetyDirector"] = business.safetyDirector
        fields["safetyOfficer"] = business.safetyOfficer
        fields["permitNumber"] = business.permitNumber
        fields["permitValidFrom"] = business.permitValidFrom.map(Formatting.day)
        fields["permitValidUntil"] = business.permitValidUntil.map(Formatting.day)
        fields["areaSquareMetres"] = business.areaSquareMetres.map { $0 == $0.rounded() ? String(Int($0)) : String($0) }
        return fields
    }
}
