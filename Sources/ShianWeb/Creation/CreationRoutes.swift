import Vapor

/// The creation campaign's routes (创城): standards, the board, items, evidence, review, forecast.
/// `routes.swift` calls it once from its pages section and once from its API section.
func creationRoutes(pages: (any RoutesBuilder)?, authenticated: (any RoutesBuilder)?) {
    if let pages {
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
        authenticated.post("creation", "indicators", ":number", "evidence", use: CreationAPIController.submitEvidence)
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
        authenticated.get("reminders", use: ReportReminders.list)
    }
}
