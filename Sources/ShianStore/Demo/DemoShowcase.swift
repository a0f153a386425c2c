import FluentKit
import Foundation
import ShianCore

/// The demo county's showcase projects, mid-campaign (deterministic, relative to `now`): one
/// reviewed with its score, one completed and one underway awaiting review — the underway one has
/// missed a milestone — and one just proposed, so the showcase indicator's 40 points show what is
/// won and who can still win the rest.
enum DemoShowcase {
    struct Milestone {
        let title: String
        /// Days from now; negative is past.
        let due: Double
        let done: Bool
    }

    struct Project {
        let theme: ShowcaseTheme
        let title: String
        let summary: String
        let lead: String
        let status: ShowcaseProjectStatus
        let score: Double?
        let reason: String?
        let milestones: [Milestone]
        let evidence: [String]
    }

    static let projects: [Project] = [
        Project(
            theme: .intelligentSupervision, title: "边境口岸进口冷链食品“智慧冷链”闭环监管",
            summary: "口岸、集中监管仓、冷库和经营户的进口冷链食品全程赋码追溯，缺证批次自动拦截。", lead: "market",
            status: .reviewed, score: 14, reason: "闭环做法针对性强、可复制；建议补充全县推广后的拦截数据。",
            milestones: [
                Milestone(title: "集中监管仓接入追溯平台", due: -120, done: true),
                Milestone(title: "全县冷库和经营户赋码全覆盖", due: -60, done: true),
            ],
            evidence: ["追溯平台上线运行报告（演示）", "缺证批次拦截台账（演示）"]),
        Project(
            theme: .ruralGovernance, title: "农村集体聚餐“申报—指导—留样”全流程监管",
            summary: "村级信息员代报、乡镇食安办上门指导、厨师持证和留样，聚餐备案率纳入网格考核。", lead: "222499101",
            status: .completed, score: nil, reason: nil,
            milestones: [
                Milestone(title: "全镇村级信息员培训", due: -90, done: true),
                Milestone(title: "聚餐备案与留样全覆盖", due: -20, done: true),
            ],
            evidence: ["聚餐备案台账（演示）"]),
        Project(
            theme: .threeSmallsGovernance, title: "“小作坊+集中加工区”治理示范",
            summary: "引导分散的豆制品、酱菜小作坊入驻集中加工区，统一检测、统一标识、统一追溯。", lead: "222499201",
            status: .underway, score: nil, reason: nil,
            milestones: [
                Milestone(title: "集中加工区选址和改造方案", due: -75, done: true),
                Milestone(title: "首批10家小作坊入驻", due: -15, done: false),
                Milestone(title: "统一检测室投入使用", due: 45, done: false),
            ],
            evidence: []),
        Project(
            theme: .brandBuilding, title: "朝鲜族特色餐饮“名店名菜”品牌建设",
            summary: "评选朝鲜族风味名店名菜和羊肉米粉品牌，以明厨亮灶、量化分级提升品牌公信力。", lead: "commerce",
            status: .proposed, score: nil, reason: nil,
            milestones: [Milestone(title: "名店名菜评选标准发布", due: 30, done: false)], evidence: []),
    ]

    static func seed(county: String, standardCode: String, now: Date, on database: any Database) async throws {
        let day: TimeInterval = 86_400
        for (index, item) in projects.enumerated() {
            let project = ShowcaseProject()
            project.createdAt = now.addingTimeInterval(-Double(150 - index * 20) * day).storageRounded
            project.updatedAt = now.addingTimeInterval(-Double(10 + index) * day).storageRounded
            project.regionCode = county
            project.standardCode = standardCode
            project.theme = item.theme
            project.title = item.title
            project.summary = item.summary
            project.leadUnit = item.lead
            project.plan = item.milestones.enumerated().map { "\($0.offset + 1). \($0.element.title)" }.joined(separator: "\n")
            project.status = item.status
            project.createdBy = "demo"
            if let score = item.score {
                project.reviewScore = score
                project.reviewReason = item.reason
                project.reviewedBy = "office"
                project.reviewedAt = now.addingTimeInterval(-30 * day).storageRounded
            }
            try await project.create(on: database)
            for milestone in item.milestones {
                let row = ShowcaseMilestone()
                row.$project.id = try project.requireID()
                row.regionCode = county
                row.title = milestone.title
                row.dueAt = now.addingTimeInterval(milestone.due * day).storageRounded
                if milestone.done {
                    row.doneAt = now.addingTimeInterval((milestone.due - 3) * day).storageRounded
                    row.doneBy = "demo"
                }
                try await row.create(on: database)
            }
            for (offset, text) in item.evidence.enumerated() {
                let evidence = ShowcaseEvidence()
                evidence.$project.id = try project.requireID()
                evidence.regionCode = county
                evidence.text = text
                evidence.linkList = ""
                evidence.submittedBy = "demo"
                evidence.submittedAt = now.addingTimeInterval(-Double(40 - offset) * day).storageRounded
                try await evidence.create(on: database)
            }
        }
    }
}
