import Foundation
import Plot
import ShianCore

/// A business's public rating, as a sticker on its door would show it (UK FHRS-style): the grade,
/// its date and the last inspection's result.
struct PublicBusinessPage {
    let context: PageContext
    let rating: InspectionsAPIController.PublicRating

    func render() -> String {
        Layout(context: context, title: rating.name).render {
            H1(rating.name)
            Paragraph(rating.address).class("lead")
            Div {
                Span(rating.creditRating ?? "—").class("stat-value").attribute(named: "data-public-rating", value: rating.creditRating)
                Span(context.t("public.creditRating")).class("stat-label")
            }
            .class("stat-card public-rating")
            DescriptionList {
                Term(context.t("field.category"))
                Definition(context.t("category.\(rating.category)"))
                Term(context.t("public.ratingDate"))
                Definition(rating.ratingDate ?? context.t("public.notYetInspected"))
                if let last = rating.lastInspection {
                    Term(context.t("public.lastInspection"))
                    Definition("\(last.date) · \(context.t("result.\(last.result)")) · \(last.score)")
                }
            }
            .class("facts")
            Paragraph(context.t("public.disclaimer")).class("hint")
        }
    }
}

/// The published random draws (双随机、一公开).
struct PublicDrawsPage {
    let context: PageContext
    let draws: [RandomDraws.DrawDTO]
    let nextCursor: String?

    func render() -> String {
        Layout(context: context, title: context.t("public.draws")).render {
            H1(context.t("public.draws"))
            Paragraph(context.t("public.drawsLead")).class("lead")
            if draws.isEmpty { EmptyState(text: context.t("list.empty")) }
            for draw in draws {
                PageSection {
                    H2(draw.name)
                    Paragraph(context.t("public.drawFacts", context.dateTime(draw.drawnAt), String(draw.poolSize), String(draw.pairings.count), draw.seed))
                        .class("hint")
                    Table(
                        header: TableRow {
                            TableHeaderCell(context.t("field.business"))
                            TableHeaderCell(context.t("public.inspectors"))
                        }
                    ) {
                        for pair in draw.pairings {
                            TableRow {
                                TableCell(pair.businessName)
                                TableCell(pair.inspectors.joined(separator: "、"))
                            }
                        }
                    }
                    .class("data-table")
                }
            }
        }
    }
}
