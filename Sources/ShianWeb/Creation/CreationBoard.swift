import FluentKit
import Foundation
import ShianCore
import ShianStore
import Vapor

/// The board's views of a campaign: the items filtered by status, unit, part and kind; one item with
/// its evidence history; each unit's work.
enum CreationBoard {
    /// The items in the standard's order, filtered by `status`, `unit`, `part`, `kind` (all optional).
    static func filtered(_ campaign: CreationCampaign, _ query: [String: String]) throws -> [IndicatorItemDTO] {
        var items = campaign.standard.indicatorsInOrder.map { IndicatorItemDTO($0, campaign: campaign) }
        if let text = query["status"], !text.isEmpty {
            if text == "overdue" {
                items = items.filter(\.overdue)
            } else {
                guard let status = IndicatorStatus(rawValue: text) else { throw ShianError(.badRequest, "statusInvalid", field: "status") }
                items = items.filter { $0.status == status }
            }
        }
        if let unit = query["unit"], !unit.isEmpty { items = items.filter { $0.leadUnit == unit || $0.supportingUnits.contains(unit) } }
        if let text = query["part"], !text.isEmpty {
            guard let part = Int(text) else { throw ShianError(.badRequest, "partInvalid", field: "part") }
            items = items.filter { $0.part == part }
        }
        if let text = query["kind"], !text.isEmpty {
            guard let kind = IndicatorKind(rawValue: text) else { throw ShianError(.badRequest, "kindInvalid", field: "kind") }
            items = items.filter { $0.kind == kind }
        }
        return items
    }

    static func detail(_ number: String, campaign: CreationCampaign, on database: any Database) async throws -> IndicatorDetailDTO {
        let indicator = try campaign.indicator(number)
        let projection = indicator.project(campaign.state(indicator))
        var submissions: [EvidenceDTO] = []
        if let assignment = campaign.assignments[number] {
            submissions = try await EvidenceSubmission.query(on: database).filter(\.$assignment.$id == assignment.requireID())
                .sort(\.$submittedAt, .descending).all().map { try EvidenceDTO($0, indicatorId: number) }
        }
        return IndicatorDetailDTO(
            item: IndicatorItemDTO(indicator, campaign: campaign), standardText: indicator.standardText, ruleText: indicator.ruleText,
            evaluationMethods: indicator.evaluationMethods, deduction: indicator.deduction, metric: indicator.metric,
            metricValue: indicator.metric.flatMap { campaign.metricValues[$0.metric] }, thresholds: indicator.thresholds,
            losses: projection.losses, unlockReason: campaign.assignments[number]?.unlockReason, submissions: submissions)
    }

    /// Every unit that leads an item, most points still open first.
    static func units(_ campaign: CreationCampaign) -> [CreationUnitDTO] {
        var byUnit: [String: [IndicatorItemDTO]] = [:]
        for indicator in campaign.standard.indicators where indicator.kind != .veto {
            let item = IndicatorItemDTO(indicator, campaign: campaign)
            guard let unit = item.leadUnit else { continue }
            byUnit[unit, default: []].append(item)
        }
        return byUnit.map { unit, items in
            CreationUnitDTO(
                unit: unit, name: campaign.unitName(unit) ?? unit, items: items.count,
                approved: items.filter { $0.status == .approved }.count, submitted: items.filter { $0.status == .submitted }.count,
                returned: items.filter { $0.status == .returned }.count, notStarted: items.filter { $0.status == .notStarted && !$0.computed }.count,
                overdue: items.filter(\.overdue).count, pointsAtRisk: (items.reduce(0) { $0 + $1.pointsAtRisk } * 100).rounded() / 100)
        }
        .sorted { ($0.pointsAtRisk, $1.unit) > ($1.pointsAtRisk, $0.unit) }
    }
}
