import Vapor

/// The table of contents of Shian's URLs.
func routes(_ app: Application) throws {
    let settings = SessionSettings(
        lifetime: app.shian.sessionLifetime, idleTimeout: app.shian.sessionIdleTimeout,
        secureCookies: app.shian.secureCookies)

    // One counter for the public pages and API together: what anyone may read without a login.
    let publicLimit = PublicRateLimitMiddleware(requestsPerMinute: app.shian.publicRequestsPerMinute, window: app.shian.publicRateWindow)

    do {  // operations: no session, no CSRF
        app.get("healthz", use: OperationsController.health)
        app.get("metrics", use: OperationsController.metrics)
    }

    do {  // HTML pages
        let pages = app.grouped(SessionAuthenticator(settings: settings), CSRFMiddleware(secureCookies: settings.secureCookies))
        pages.get(SiteURL.login.pattern, use: LoginController.show)
        pages.post(SiteURL.login.pattern, use: LoginController.submit)
        pages.post(SiteURL.logout.pattern, use: LoginController.logout)
        pages.get(SiteURL.language(.zhCN, next: "/").pattern, use: LoginController.switchLanguage)

        pages.get(SiteURL.home.pattern, use: HomeController.show)
        let publicPages = pages.grouped(publicLimit)
        publicPages.get("public", "businesses", ":id", use: PublicController.businessPage)
        publicPages.get("public", "random-draws", use: PublicController.drawsPage)
        publicPages.get("trace", use: PublicTraceController.page)
        publicPages.get("trace", ":traceCode", "qr.svg", use: PublicTraceController.qr)

        pages.get(SiteURL.account.pattern, use: AccountController.show)
        pages.post(SiteURL.accountPassword.pattern, use: AccountController.changePassword)
        pages.post(SiteURL.accountTokens.pattern, use: AccountController.issueToken)
        pages.post(SiteURL.pattern(SiteURL.accountTokenRevocation), use: AccountController.revokeToken)

        pages.get(SiteURL.regions.pattern, use: RegionsController.index)
        pages.get(SiteURL.regionNew.pattern, use: RegionsController.new)
        pages.post(SiteURL.regions.pattern, use: RegionsController.create)
        pages.get(SiteURL.pattern(SiteURL.region), use: RegionsController.show)
        pages.get(SiteURL.pattern(SiteURL.regionEdit), use: RegionsController.edit)
        pages.post(SiteURL.pattern(SiteURL.region), use: RegionsController.update)

        pages.get(SiteURL.departments.pattern, use: DepartmentsController.index)
        pages.get(SiteURL.departmentNew.pattern, use: DepartmentsController.new)
        pages.post(SiteURL.departments.pattern, use: DepartmentsController.create)
        pages.get(SiteURL.pattern(SiteURL.department), use: DepartmentsController.show)
        pages.get(SiteURL.pattern(SiteURL.departmentEdit), use: DepartmentsController.edit)
        pages.post(SiteURL.pattern(SiteURL.department), use: DepartmentsController.update)

        pages.get(SiteURL.users.pattern, use: UsersController.index)
        pages.get(SiteURL.userNew.pattern, use: UsersController.new)
        pages.post(SiteURL.users.pattern, use: UsersController.create)
        pages.get(SiteURL.pattern(SiteURL.user), use: UsersController.show)
        pages.get(SiteURL.pattern(SiteURL.userEdit), use: UsersController.edit)
        pages.post(SiteURL.pattern(SiteURL.user), use: UsersController.update)

        pages.get(SiteURL.audit.pattern, use: AuditController.index)

        pages.get(SiteURL.businesses.pattern, use: BusinessesController.index)
        pages.get(SiteURL.businessNew.pattern, use: BusinessesController.new)
        pages.post(SiteURL.businesses.pattern, use: BusinessesController.create)
        pages.get(SiteURL.businessExpiry.pattern, use: BusinessExpiryController.show)
        pages.get(SiteURL.businessImport.pattern, use: BusinessImportController.show)
        pages.on(.POST, SiteURL.businessImport.pattern, body: .collect(maxSize: "50mb"), use: BusinessImportController.check)
        pages.post(SiteURL.businessImportCommit.pattern, use: BusinessImportController.commit)
        pages.get(SiteURL.pattern(SiteURL.business), use: BusinessesController.show)
        pages.get(SiteURL.pattern(SiteURL.businessEdit), use: BusinessesController.edit)
        pages.post(SiteURL.pattern(SiteURL.business), use: BusinessesController.update)
        pages.post(SiteURL.pattern(SiteURL.businessPermitRenewal), use: BusinessesController.renewPermit)
        pages.post(SiteURL.pattern(SiteURL.businessPermitCancellation), use: BusinessesController.cancelPermit)
        pages.get(SiteURL.pattern(SiteURL.businessCertificate), use: BusinessesController.certificate)
        pages.post(SiteURL.pattern(SiteURL.businessProducts), use: SmallsController.addProductFromForm)
        pages.get(SiteURL.vendorZones.pattern, use: SmallsController.zones)
        pages.post(SiteURL.vendorZones.pattern, use: SmallsController.createZoneFromForm)

        pages.get(SiteURL.grids.pattern, use: GridsController.index)
        pages.get(SiteURL.pattern(SiteURL.grid), use: GridsController.show)
        pages.post(SiteURL.pattern(SiteURL.gridCharter), use: GridsController.updateCharter)
        pages.post(SiteURL.pattern(SiteURL.gridRecords), use: GridsController.addRecord)
        pages.get(SiteURL.staff.pattern, use: StaffController.index)
        pages.get(SiteURL.staffNew.pattern, use: StaffController.new)
        pages.post(SiteURL.staff.pattern, use: StaffController.create)
        pages.get(SiteURL.pattern(SiteURL.staffMember), use: StaffController.show)
        pages.post(SiteURL.pattern(SiteURL.staffMember), use: StaffController.update)
        pages.get(SiteURL.cadres.pattern, use: CadresController.index)

        pages.get(SiteURL.pattern(SiteURL.inspectionNew), use: InspectionsController.new)
        pages.post(SiteURL.inspections.pattern, use: InspectionsController.create)
        pages.get(SiteURL.pattern(SiteURL.inspection), use: InspectionsController.show)
        pages.get(SiteURL.orders.pattern, use: InspectionsController.orders)
        pages.get("inspection-metrics", use: InspectionMetrics.page)
        pages.get(SiteURL.coldChain.pattern, use: ColdChainPages.index)
        pages.get(SiteURL.coldChainNew.pattern, use: ColdChainPages.new)
        pages.post(SiteURL.coldChain.pattern, use: ColdChainPages.create)
        pages.get(SiteURL.pattern(SiteURL.coldChainBatch), use: ColdChainPages.show)
        pages.post(SiteURL.pattern(SiteURL.coldChainDocuments), use: ColdChainPages.addDocument)
        pages.get("cold-chain", ":id", "records", use: TraceRecordsExport.response)
        pages.post(SiteURL.pattern(SiteURL.coldChainEvents), use: ColdChainPages.recordEvent)
        pages.post(SiteURL.pattern(SiteURL.coldChainRecall), use: ColdChainPages.recall)
        pages.post(SiteURL.pattern(SiteURL.recallConfirmation), use: ColdChainPages.confirmRecall)
        pages.get(SiteURL.certificates.pattern, use: ProduceCertificatePages.index)
        pages.get(SiteURL.certificateNew.pattern, use: ProduceCertificatePages.new)
        pages.post(SiteURL.certificates.pattern, use: ProduceCertificatePages.create)
        pages.get(SiteURL.marketEntry.pattern, use: ProduceCertificatePages.marketEntry)
        pages.post(SiteURL.marketEntry.pattern, use: ProduceCertificatePages.recordEntry)
        pages.get(SiteURL.pattern(SiteURL.order), use: InspectionsController.order)
        pages.post(SiteURL.pattern(SiteURL.orderAnswer), use: InspectionsController.answer)
        pages.post(SiteURL.pattern(SiteURL.orderVerification), use: InspectionsController.verify)
        pages.on(.POST, SiteURL.pattern(SiteURL.inspectionAttachments), body: .collect(maxSize: "11mb"), use: Attachments.formUpload(.inspection))
        pages.on(.POST, SiteURL.pattern(SiteURL.orderAttachments), body: .collect(maxSize: "11mb"), use: Attachments.formUpload(.rectificationOrder))
        pages.get(SiteURL.pattern(SiteURL.attachment), use: Attachments.download)
        creationRoutes(pages: pages, authenticated: nil)
    }

    do {  // JSON API under /api/v1
        let api = app.grouped("api", "v1")
        api.get("openapi.json", use: OpenAPIController.document)
        api.post("auth", "token", use: TokenAPIController.issue)
        let publicAPI = api.grouped(publicLimit)
        publicAPI.get("public", "businesses", ":id", "rating", use: InspectionsAPIController.publicRating)
        publicAPI.get("public", "random-draws", use: RandomDraws.publicList)
        publicAPI.get("public", "businesses", use: PublicController.openData)
        publicAPI.get("trace", ":traceCode", use: ColdChainAPIController.trace)
        publicAPI.get("public", "produce-certificates", ":code", use: ProduceCertificates.lookUp)

        let authenticated = api.grouped(BearerAuthenticator(), RequireAPIPrincipal())
        authenticated.get("me", use: TokenAPIController.me)
        authenticated.get("api-tokens", use: TokenAPIController.list)
        authenticated.delete("api-tokens", ":id", use: TokenAPIController.revoke)

        authenticated.get("regions", use: RegionsAPIController.list)
        authenticated.post("regions", use: RegionsAPIController.create)
        authenticated.get("regions", ":code", use: RegionsAPIController.show)
        authenticated.patch("regions", ":code", use: RegionsAPIController.update)

        authenticated.get("departments", use: DepartmentsAPIController.list)
        authenticated.post("departments", use: DepartmentsAPIController.create)
        authenticated.get("departments", ":id", use: DepartmentsAPIController.show)
        authenticated.patch("departments", ":id", use: DepartmentsAPIController.update)

        authenticated.get("users", use: UsersAPIController.list)
        authenticated.post("users", use: UsersAPIController.create)
        authenticated.get("users", ":id", use: UsersAPIController.show)
        authenticated.patch("users", ":id", use: UsersAPIController.update)

        authenticated.get("audit-entries", use: AuditAPIController.list)

        authenticated.get("businesses", use: BusinessesAPIController.list)
        authenticated.post("businesses", use: BusinessesAPIController.create)
        authenticated.get("businesses", "export", use: BusinessesAPIController.export)
        authenticated.on(.POST, "businesses", "import", body: .collect(maxSize: "50mb"), use: BusinessesAPIController.importTable)
        authenticated.get("businesses", ":id", use: BusinessesAPIController.show)
        authenticated.patch("businesses", ":id", use: BusinessesAPIController.update)
        authenticated.post("businesses", ":id", "permit-renewal", use: BusinessesAPIController.renewPermit)
        authenticated.post("businesses", ":id", "permit-cancellation", use: BusinessesAPIController.cancelPermit)
        authenticated.get("businesses", ":id", "products", use: SmallsController.listProductsAPI)
        authenticated.post("businesses", ":id", "products", use: SmallsController.addProductAPI)
        authenticated.get("vendor-zones", use: SmallsController.listZonesAPI)
        authenticated.post("vendor-zones", use: SmallsController.createZoneAPI)

        authenticated.get("grids", use: GridsAPIController.list)
        authenticated.get("grids", "coverage", use: GridsAPIController.coverage)
        authenticated.get("grids", ":code", use: GridsAPIController.show)
        authenticated.put("grids", ":code", "charter", use: GridsAPIController.saveCharter)
        authenticated.get("grassroots-staff", use: GridsAPIController.listStaff)
        authenticated.post("grassroots-staff", use: GridsAPIController.createStaff)
        authenticated.on(.POST, "grassroots-staff", "import", body: .collect(maxSize: "10mb"), use: GridsAPIController.importStaff)
        authenticated.patch("grassroots-staff", ":id", use: GridsAPIController.updateStaff)
        authenticated.get("responsible-cadres", use: CadresAPIController.list)
        authenticated.post("responsible-cadres", use: CadresAPIController.create)
        authenticated.post("responsible-cadres", ":id", "businesses", use: CadresAPIController.bind)

        authenticated.get("checklist-templates", use: InspectionsAPIController.templates)
        authenticated.post("checklist-templates", use: InspectionsAPIController.importTemplate)
        authenticated.get("checklist-templates", ":id", use: InspectionsAPIController.exportTemplate)
        authenticated.post("inspections", use: InspectionsAPIController.create)
        authenticated.on(.POST, "inspections", ":id", "attachments", body: .collect(maxSize: "11mb"), use: Attachments.apiUpload(.inspection))
        authenticated.get("inspections", ":id", "attachments", use: Attachments.apiList(.inspection))
        authenticated.get("attachments", ":id", use: Attachments.download)
        authenticated.get("inspection-metrics", use: InspectionMetrics.api)
        authenticated.post("random-draws", use: RandomDraws.createAPI)
        authenticated.post("recusals", use: Recusals.create)
        authenticated.get("recusals", use: Recusals.list)
        authenticated.get("random-draws", ":id", "verification", use: RandomDraws.verifyAPI)
        authenticated.get("rectification-orders", use: InspectionsAPIController.listOrders)
        authenticated.post("rectification-orders", ":id", "answer", use: InspectionsAPIController.answer)
        authenticated.post("rectification-orders", ":id", "verification", use: InspectionsAPIController.verify)
        authenticated.on(
            .POST, "rectification-orders", ":id", "attachments", body: .collect(maxSize: "11mb"), use: Attachments.apiUpload(.rectificationOrder))
        authenticated.get("rectification-orders", ":id", "attachments", use: Attachments.apiList(.rectificationOrder))

        authenticated.post("cold-chain", "batches", use: ColdChainAPIController.create)
        authenticated.post("cold-chain", "batches", ":id", "documents", use: ColdChainAPIController.addDocument)
        authenticated.post("cold-chain", "batches", ":id", "events", use: ColdChainAPIController.recordEvent)
        authenticated.on(.POST, "cold-chain", "events", body: .collect(maxSize: "20mb"), use: ColdChainBulkAPI.ingest)
        authenticated.on(.POST, "cold-chain", "epcis", body: .collect(maxSize: "20mb"), use: ColdChainBulkAPI.importEPCIS)
        authenticated.get("cold-chain", "batches", ":id", "epcis", use: ColdChainBulkAPI.exportEPCIS)
        authenticated.get("cold-chain", "batches", ":id", "records", use: TraceRecordsExport.response)
        authenticated.post("cold-chain", "batches", ":id", "recall", use: Recalls.start)
        authenticated.get("cold-chain", "batches", ":id", "recall", use: Recalls.show)
        authenticated.get("recall-notices", use: Recalls.notices)
        authenticated.post("recall-notices", ":id", "confirmation", use: Recalls.confirmAPI)
        authenticated.post("produce-certificates", use: ProduceCertificates.issueAPI)
        authenticated.post("produce-certificates", ":id", "void", use: ProduceCertificates.voidCertificate)
        authenticated.post("market-entry-checks", use: MarketEntry.recordAPI)
        authenticated.get("market-entry-checks", use: MarketEntry.list)
        authenticated.get("market-entry-coverage", use: MarketEntry.coverage)
        creationRoutes(pages: nil, authenticated: authenticated)
    }
}

/// Every `/api/v1` route behind it needs a bearer token.
struct RequireAPIPrincipal: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        _ = try request.requirePrincipal()
        return try await next.respond(to: request)
    }
}
