import FluentKit

/// Every migration, in the order they run. Append only; never edit one that has landed.
public enum ShianMigrations {
    public static let all: [any Migration] = [
        CreateRegions(),
        CreateDepartments(),
        CreateBusinesses(),
        CreateUsers(),
        CreateUserSessions(),
        CreateAPITokens(),
        CreateLoginAttempts(),
        CreateAuditEntries(),
        CreateGridCharters(),
        CreateGrassrootsStaff(),
        CreateResponsibleCadres(),
        CreateVendorZones(),
        CreateWorkshopProducts(),
        CreateBusinessSearchIndexes(),
        CreateChecklists(),
        CreateInspections(),
        CreateRectificationOrders(),
        CreateRandomDraws(),
        CreateLoopMetrics(),
        CreateAttachments(),
        CreateRecusals(),
        CreateColdChain(),
        CreateRecallsCertificatesAndMarketEntry(),
        CreateIdempotencyKeys(),
        CreateCreation(),
        CreateWarehouseBookings(),
        AddBatchParents(),
        CreateReporting(),
        CreateMarketSellers(),
        CreateShowcaseProjects(),
        UpdateReportFormsAddPeriodTypeUnitsOutlierRule(),
        CreateReportReminders(),
    ]
}
