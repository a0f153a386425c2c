import FluentKit
import Foundation
import ShianCore
import ShianStore

/// Checklist templates: saving a version, and the demo county's defaults.
enum ChecklistTemplates {
    static func save(_ input: ChecklistTemplateDTO, by actor: AuditActor, on database: any Database) async throws -> ChecklistTemplate {
        let code = input.code.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, code.count <= 40 else { throw ShianError(.unprocessableEntity, "codeMissing", field: "code") }
        let name = try RegionWrites.validName(input.name)
        let categories = input.categories.compactMap(BusinessCategory.init(rawValue:))
        guard !categories.isEmpty, categories.count == input.categories.count else {
            throw ShianError(.unprocessableEntity, "categoryInvalid", field: "categories", arguments: [input.categories.joined(separator: ",")])
        }
        guard !input.items.isEmpty, input.items.count <= 200 else { throw ShianError(.unprocessableEntity, "itemsIncomplete", field: "items", arguments: ["0"]) }
        guard Set(input.items.map(\.number)).count == input.items.count,
            input.items.allSatisfy({ (1...100).contains($0.points) && !$0.text.isEmpty && $0.text.count <= 500 })
        else { throw ShianError(.unprocessableEntity, "templateItemsInvalid", field: "items") }
        return try await database.transaction { db in
            let latest = try await ChecklistTemplate.query(on: db).filter(\.$code == code).sort(\.$version, .descending).first()
            if let latest {
                latest.active = false
                try await latest.update(on: db)
            }
            let template = ChecklistTemplate(code: code, version: (latest?.version ?? 0) + 1, name: name, categories: categories)
            try await template.create(on: db)
            let id = try template.requireID()
            let items = input.items.map { ChecklistItem(templateID: id, number: $0.number, text: $0.text, severity: $0.severity, points: $0.points) }
            try await items.create(on: db)
            template.$items.value = items
            return template
        }
    }
}
