import Foundation
import Plot
import ShianCore

/// The small forms of a showcase project's page: its status moves and the office's review.
enum ShowcaseForms {
    /// One button per move the lead unit may make from here.
    static func status(context: PageContext, base: String, status: ShowcaseProjectStatus, error: String?) -> Component {
        let moves = ShowcaseProjectStatus.allCases.filter { status.mayMove(to: $0) }
        return PageSection {
            H2(context.t("showcase.progress"))
            Form(url: "\(base)/status", method: .post) {
                CSRFField(context: context)
                for next in moves {
                    Button(context.t(moveKey(next))).attribute(named: "type", value: "submit").attribute(named: "name", value: "status")
                        .attribute(named: "value", value: next.rawValue)
                    Text(" ")
                }
                if let error { Span(error).class("field-error").attribute(named: "data-field", value: "status") }
            }
            .attribute(named: "id", value: "status-form")
        }
        .class("no-print")
    }

    static func moveKey(_ next: ShowcaseProjectStatus) -> String {
        switch next {
        case .draft: "showcase.move.draft"
        case .proposed: "showcase.move.proposed"
        case .underway: "showcase.move.underway"
        case .completed: "showcase.move.completed"
        case .reviewed: "showcase.status.reviewed"
        }
    }

    static func review(
        context: PageContext, base: String, cap: Double, score: String, reason: String, scoreError: String?, reasonError: String?
    ) -> Component {
        PageSection {
            H2(context.t("showcase.review"))
            Form(url: "\(base)/review", method: .post) {
                CSRFField(context: context)
                FormField(label: context.t("showcase.score"), name: "score", value: score, error: scoreError,
                          hint: context.t("showcase.scoreHint", cap.pointsText))
                FormField(label: context.t("showcase.reviewReason"), name: "reason", value: reason, error: reasonError)
                Button(context.t("showcase.saveReview")).attribute(named: "type", value: "submit")
            }
            .attribute(named: "id", value: "review-form")
        }
        .class("no-print")
    }

    /// A theme's name in the caller's language (literal keys, so the catalog check sees each one).
    static func themeKey(_ theme: ShowcaseTheme) -> String {
        switch theme {
        case .informationSupervision: "showcase.theme.informationSupervision"
        case .intelligentSupervision: "showcase.theme.intelligentSupervision"
        case .riskManagement: "showcase.theme.riskManagement"
        case .emergencySystem: "showcase.theme.emergencySystem"
        case .originAndMarketAccess: "showcase.theme.originAndMarketAccess"
        case .enforcementLinkage: "showcase.theme.enforcementLinkage"
        case .threeSmallsGovernance: "showcase.theme.threeSmallsGovernance"
        case .ruralGovernance: "showcase.theme.ruralGovernance"
        case .brandBuilding: "showcase.theme.brandBuilding"
        case .scientificInnovation: "showcase.theme.scientificInnovation"
        }
    }
}
