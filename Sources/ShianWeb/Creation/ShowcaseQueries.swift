import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// Reads of showcase projects: what the forecast needs, a page of the list, one project in full.
enum ShowcaseQueries {
    /// The campaign's projects as the forecast reads them, with their units' names and the
    /// milestones they have missed by `now`.
    static func summaries(
        place: RegionCode, standardCode: String, now: Date, unitNames: [String: String], on database: any Database
    ) async throws -> [ShowcaseProjectSummary] {
        async let projects = ShowcaseProject.query(on: database)
            .filter(\.$regionCode == place.rawValue).filter(\.$standardCode == standardCode).sort(\.$title).sort(\.$id).all()
        async let late = ShowcaseMilestone.query(on: database)
            .filter(\.$regionCode == place.rawValue).filter(\.$doneAt == nil).filter(\.$dueAt < now).all()
        var overdue: [UUID: Int] = [:]
        for milestone in try await late { overdue[milestone.$project.id, default: 0] += 1 }
        return try await projects.map { project in
            let id = try project.requireID()
            return ShowcaseProjectSummary(
                id: id.uuidString, title: project.title, theme: project.theme, status: project.status,
                unit: unitNames[project.leadUnit] ?? project.leadUnit, reviewScore: project.reviewScore,
                overdueMilestones: overdue[id] ?? 0)
        }
    }

    /// The lead units the projects name, so the campaign looks their names up with the rest.
    static func leadUnits(place: RegionCode, on database: any Database) async throws -> Set<String> {
        Set(try await ShowcaseProject.query(on: database).filter(\.$regionCode == place.rawValue).all().map(\.leadUnit))
    }

    /// `theme` and `status` filters (unknown values are a 400), paged by title.
    static func page(
        place: RegionCode, standardCode: String, parameters: ListParameters, on database: any Database
    ) async throws -> RecordPage<ShowcaseProject> {
        let query = ShowcaseProject.query(on: database)
            .filter(\.$regionCode == place.rawValue).filter(\.$standardCode == standardCode)
        if let text = parameters.rawQuery["theme"], !text.isEmpty {
            guard let theme = ShowcaseTheme(rawValue: text) else {
                throw ShianError(.badRequest, "showcaseThemeUnknown", field: "theme", arguments: [text])
            }
            query.filter(\.$theme == theme)
        }
        if let text = parameters.rawQuery["status"], !text.isEmpty {
            guard let status = ShowcaseProjectStatus(rawValue: text) else {
                throw ShianError(.badRequest, "showcaseStatusInvalid", field: "status", arguments: [text])
            }
            query.filter(\.$status == status)
        }
        if let text = parameters.query { query.filter(\.$title ~~ text) }
        return try await query.keysetPage(sortedBy: \.$title, after: parameters.cursor, limit: parameters.limit)
    }

    /// One project of the campaign with its milestones (by due date) and evidence (newest first).
    static func detail(_ id: UUID, place: RegionCode, campaign: CreationCampaign, on database: any Database) async throws
        -> ShowcaseDetailDTO
    {
        guard let project = try await ShowcaseProject.find(id, on: database), project.regionCode == place.rawValue else {
            throw ShianError(.notFound, "showcaseProjectNotFound", field: "id", arguments: [id.uuidString])
        }
        async let milestones = ShowcaseMilestone.query(on: database).filter(\.$project.$id == id).sort(\.$dueAt).sort(\.$id).all()
        async let evidence = ShowcaseEvidence.query(on: database).filter(\.$project.$id == id)
            .sort(\.$submittedAt, .descending).sort(\.$id).all()
        return ShowcaseDetailDTO(
            project: try ShowcaseProjectDTO(project, campaign: campaign),
            milestones: try await milestones.map { try ShowcaseMilestoneDTO($0, now: campaign.now) },
            evidence: try await evidence.map(ShowcaseEvidenceDTO.init))
    }
}
