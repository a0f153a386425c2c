import Vapor

/// The creation campaign's routes (创城): standards, the board, items, evidence, review, forecast.
/// `routes.swift` calls it once from its pages section and once from its API section.
func creationRoutes(pages: (any RoutesBuilder)?, authenticated: (any RoutesBuilder)?) {
    if let pages {
        pages.get("creation", "standards", use: StandardsController.index)
        pages.on(.POST, "creation", "standards", body: .collect(maxSize: "5mb"), use: StandardsController.upload)
        pages.get("creation", "standards", ":id", "document", use: CreationAPIController.exportStandard)
        pages.get("creation", use: CreationController.board)
        pages.get("creation", "units", use: CreationController.units)
        pages.get("creation", "indicators", ":number", use: CreationController.item)
        pages.post("creation", "indicators", ":number", "assignment", use: CreationController.assign)
        pages.on(.POST, "creation", "indicators", ":number", "evidence", body: .collect(maxSize: "11mb"), use: CreationController.submit)
        pages.post("creation", "indicators", ":number", "review", use: CreationController.review)
        pages.post("creation", "indicators", ":number", "unlock", use: CreationController.unlock)
        pages.get("creation", "evidence", ":id", "file", use: CreationAPIController.evidenceFile)
        pages.get("creation", "reports", use: ReportingPages.index)
        pages.post("creation", "reports", ":code", "submissions", use: ReportingPages.submit)
        pages.get("creation", "self-assessment", use: SelfAssessmentExport.response)
        showcasePages(pages)
    }
    if let authenticated {  // under /api/v1, bearer token required
        authenticated.on(.POST, "standards", "import", body: .collect(maxSize: "5mb"), use: CreationAPIController.importStandard)
        authenticated.get("standards", use: CreationAPIController.listStandards)
        authenticated.get("standards", ":id", "document", use: CreationAPIController.exportStandard)
        authenticated.get("creation", "forecast", use: CreationAPIController.forecast)
        authenticated.get("creation", "units", use: CreationAPIController.units)
        authenticated.get("creation", "indicators", use: CreationAPIController.listIndicators)
        authenticated.get("creation", "indicators", ":number", use: CreationAPIController.showIndicator)
        authenticated.put("creation", "indicators", ":number", "assignment", use: CreationAPIController.assign)
        authenticated.on(.POST, "creation", "indicators", ":number", "evidence", body: .collect(maxSize: "11mb"), use: CreationAPIController.submitEvidence)
        authenticated.post("creation", "indicators", ":number", "review", use: CreationAPIController.review)
        authenticated.post("creation", "indicators", ":number", "unlock", use: CreationAPIController.unlock)
        authenticated.put("creation", "metric-values", ":metric", use: CreationAPIController.recordMetricValue)
        authenticated.get("creation", "evidence", ":id", "file", use: CreationAPIController.evidenceFile)
        authenticated.get("creation", "self-assessment", use: SelfAssessmentExport.response)
        authenticated.get("reports", use: ReportFormsAPI.list)
        authenticated.post("reports", use: ReportFormsAPI.create)
        authenticated.get("reports", ":code", use: ReportFormsAPI.show)
        authenticated.put("reports", ":code", use: ReportFormsAPI.update)
        authenticated.post("reports", ":code", "submissions", use: Reporting.submit)
        authenticated.get("reports", ":code", "submissions", use: Reporting.submissions)
        authenticated.get("reports", ":code", "lagging", use: Reporting.laggingAPI)
        showcaseAPI(authenticated)
        authenticated.get("reminders", use: ReportReminders.list)
    }
}

/// Showcase projects (示范引领): the list by theme, one project with its forms.
private func showcasePages(_ pages: any RoutesBuilder) {
    pages.get("creation", "showcase", use: ShowcaseController.list)
    pages.post("creation", "showcase", use: ShowcaseController.create)
    pages.get("creation", "showcase", ":id", use: ShowcaseController.show)
    pages.post("creation", "showcase", ":id", "plan", use: ShowcaseController.updatePlan)
    pages.post("creation", "showcase", ":id", "status", use: ShowcaseController.move)
    pages.post("creation", "showcase", ":id", "milestones", use: ShowcaseController.addMilestone)
    pages.post("creation", "showcase", ":id", "milestones", ":milestoneId", "completion", use: ShowcaseController.completeMilestone)
    pages.on(.POST, "creation", "showcase", ":id", "evidence", body: .collect(maxSize: "11mb"), use: ShowcaseController.addEvidence)
    pages.post("creation", "showcase", ":id", "review", use: ShowcaseController.review)
    pages.get("creation", "showcase", "evidence", ":id", "file", use: ShowcaseAPIController.evidenceFile)
}

private func showcaseAPI(_ api: any RoutesBuilder) {
    let projects = api.grouped("creation", "showcase-projects")
    projects.get(use: ShowcaseAPIController.list)
    projects.post(use: ShowcaseAPIController.create)
    projects.get(":id", use: ShowcaseAPIController.show)
    projects.put(":id", "plan", use: ShowcaseAPIController.updatePlan)
    projects.post(":id", "status", use: ShowcaseAPIController.move)
    projects.post(":id", "milestones", use: ShowcaseAPIController.addMilestone)
    projects.post(":id", "milestones", ":milestoneId", "completion", use: ShowcaseAPIController.completeMilestone)
    projects.on(.POST, ":id", "evidence", body: .collect(maxSize: "11mb"), use: ShowcaseAPIController.addEvidence)
    projects.post(":id", "review", use: ShowcaseAPIController.review)
    api.get("creation", "showcase-evidence", ":id", "file", use: ShowcaseAPIController.evidenceFile)
}
