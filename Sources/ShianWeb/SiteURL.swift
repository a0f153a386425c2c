import Foundation
import Vapor

/// Typed URLs of the HTML pages: used both to register routes and to build links, so a renamed
/// route fails to compile instead of leaving a dead link.
enum SiteURL: Sendable {
    case home
    case login
    case logout
    case language(AppLocale, next: String)
    case account
    case accountPassword
    case accountTokens
    case accountTokenRevocation(UUID)
    case regions
    case region(String)
    case regionNew
    case regionEdit(String)
    case departments
    case department(UUID)
    case departmentNew
    case departmentEdit(UUID)
    case users
    case user(UUID)
    case userNew
    case userEdit(UUID)
    case audit
    case businesses
    case business(UUID)
    case businessNew
    case businessEdit(UUID)
    case businessPermitRenewal(UUID)
    case businessPermitCancellation(UUID)
    case businessCertificate(UUID)
    case businessImport
    case businessImportCommit
    case businessExpiry
    case grids
    case grid(String)
    case gridCharter(String)
    case gridRecords(String)
    case gridCoverage
    case staff
    case staffNew
    case staffMember(UUID)
    case cadres
    case vendorZones
    case inspectionNew(UUID)
    case inspections
    case inspection(UUID)
    case orders
    case creation
    case order(UUID)
    case orderAnswer(UUID)
    case orderVerification(UUID)
    case inspectionAttachments(UUID)
    case orderAttachments(UUID)
    case attachment(UUID)
    case businessProducts(UUID)
    case coldChain
    case coldChainNew
    case coldChainBatch(UUID)
    case coldChainDocuments(UUID)
    case coldChainEvents(UUID)
    case coldChainRecall(UUID)
    case coldChainDerive(UUID)
    case recallConfirmation(UUID)
    case certificateNew
    case certificates
    case marketEntry
    case marketSellers
    case marketSellerDeparture(UUID)
    case warehouseBookings
    case warehouseIntake(UUID)
    case warehouseRelease(UUID)

    var path: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .logout: "/logout"
        case .language(let locale, let next):
            "/language/\(locale.rawValue)?next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")"
        case .account: "/account"
        case .accountPassword: "/account/password"
        case .accountTokens: "/account/tokens"
        case .accountTokenRevocation(let id): "/account/tokens/\(id)/revocation"
        case .regions: "/regions"
        case .region(let code): "/regions/\(code)"
        case .regionNew: "/regions/new"
        case .regionEdit(let code): "/regions/\(code)/edit"
        case .departments: "/departments"
        case .department(let id): "/departments/\(id)"
        case .departmentNew: "/departments/new"
        case .departmentEdit(let id): "/departments/\(id)/edit"
        case .users: "/users"
        case .user(let id): "/users/\(id)"
        case .userNew: "/users/new"
        case .userEdit(let id): "/users/\(id)/edit"
        case .audit: "/audit"
        case .businesses: "/businesses"
        case .business(let id): "/businesses/\(id)"
        case .businessNew: "/businesses/new"
        case .businessEdit(let id): "/businesses/\(id)/edit"
        case .businessPermitRenewal(let id): "/businesses/\(id)/permit-renewal"
        case .businessPermitCancellation(let id): "/businesses/\(id)/permit-cancellation"
        case .businessCertificate(let id): "/businesses/\(id)/certificate"
        case .businessImport: "/businesses/import"
        case .businessImportCommit: "/businesses/import/commit"
        case .businessExpiry: "/businesses/expiry"
        case .grids: "/grids"
        case .grid(let code): "/grids/\(code)"
        case .gridCharter(let code): "/grids/\(code)/charter"
        case .gridRecords(let code): "/grids/\(code)/records"
        case .gridCoverage: "/grids/coverage"
        case .staff: "/staff"
        case .staffNew: "/staff/new"
        case .staffMember(let id): "/staff/\(id)"
        case .cadres: "/cadres"
        case .vendorZones: "/vendor-zones"
        case .inspectionNew(let business): "/inspections/new?businessId=\(business)"
        case .inspections: "/inspections"
        case .inspection(let id): "/inspections/\(id)"
        case .orders: "/rectification-orders"
        case .creation: "/creation"
        case .order(let id): "/rectification-orders/\(id)"
        case .orderAnswer(let id): "/rectification-orders/\(id)/answer"
        case .orderVerification(let id): "/rectification-orders/\(id)/verification"
        case .inspectionAttachments(let id): "/inspections/\(id)/attachments"
        case .orderAttachments(let id): "/rectification-orders/\(id)/attachments"
        case .attachment(let id): "/attachments/\(id)"
        case .coldChain: "/cold-chain"
        case .coldChainNew: "/cold-chain/new"
        case .coldChainBatch(let id): "/cold-chain/\(id)"
        case .coldChainDocuments(let id): "/cold-chain/\(id)/documents"
        case .coldChainEvents(let id): "/cold-chain/\(id)/events"
        case .coldChainRecall(let id): "/cold-chain/\(id)/recall"
        case .coldChainDerive(let id): "/cold-chain/\(id)/derived"
        case .recallConfirmation(let id): "/recall-notices/\(id)/confirmation"
        case .certificateNew: "/produce-certificates/new"
        case .certificates: "/produce-certificates"
        case .marketEntry: "/market-entry"
        case .marketSellers: "/market-sellers"
        case .marketSellerDeparture(let id): "/market-sellers/\(id)/departure"
        case .warehouseBookings: "/warehouse-bookings"
        case .warehouseIntake(let id): "/warehouse-bookings/\(id)/intake"
        case .warehouseRelease(let id): "/warehouse-bookings/\(id)/release"
        case .businessProducts(let id): "/businesses/\(id)/products"
        }
    }

    /// The route pattern, with `:code`, `:id` and `:locale` where the URL has a value.
    var pattern: [PathComponent] {
        switch self {
        case .language: ["language", ":locale"]
        case .accountTokenRevocation: ["account", "tokens", ":id", "revocation"]
        case .region: ["regions", ":code"]
        case .regionEdit: ["regions", ":code", "edit"]
        case .department: ["departments", ":id"]
        case .departmentEdit: ["departments", ":id", "edit"]
        case .user: ["users", ":id"]
        case .userEdit: ["users", ":id", "edit"]
        case .business: ["businesses", ":id"]
        case .businessEdit: ["businesses", ":id", "edit"]
        case .businessPermitRenewal: ["businesses", ":id", "permit-renewal"]
        case .businessPermitCancellation: ["businesses", ":id", "permit-cancellation"]
        case .businessCertificate: ["businesses", ":id", "certificate"]
        case .grid: ["grids", ":code"]
        case .gridCharter: ["grids", ":code", "charter"]
        case .gridRecords: ["grids", ":code", "records"]
        case .staffMember: ["staff", ":id"]
        case .businessProducts: ["businesses", ":id", "products"]
        case .inspectionNew: ["inspections", "new"]
        case .inspection: ["inspections", ":id"]
        case .order: ["rectification-orders", ":id"]
        case .orderAnswer: ["rectification-orders", ":id", "answer"]
        case .orderVerification: ["rectification-orders", ":id", "verification"]
        case .inspectionAttachments: ["inspections", ":id", "attachments"]
        case .orderAttachments: ["rectification-orders", ":id", "attachments"]
        case .attachment: ["attachments", ":id"]
        case .coldChain: ["cold-chain"]
        case .coldChainNew: ["cold-chain", "new"]
        case .coldChainBatch: ["cold-chain", ":id"]
        case .coldChainDocuments: ["cold-chain", ":id", "documents"]
        case .coldChainEvents: ["cold-chain", ":id", "events"]
        case .coldChainRecall: ["cold-chain", ":id", "recall"]
        case .coldChainDerive: ["cold-chain", ":id", "derived"]
        case .recallConfirmation: ["recall-notices", ":id", "confirmation"]
        case .certificateNew: ["produce-certificates", "new"]
        case .certificates: ["produce-certificates"]
        case .marketEntry: ["market-entry"]
        case .marketSellerDeparture: ["market-sellers", ":id", "departure"]
        case .warehouseIntake: ["warehouse-bookings", ":id", "intake"]
        case .warehouseRelease: ["warehouse-bookings", ":id", "release"]
        default: path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
        }
    }

    /// The same pattern for `SiteURL` values whose parameters are placeholders.
    static func pattern(_ url: (UUID) -> SiteURL) -> [PathComponent] { url(UUID()).pattern }
    static func pattern(_ url: (String) -> SiteURL) -> [PathComponent] { url("").pattern }
}

extension Request {
    /// The `:id` parameter as a UUID; 404 when it is not one (a malformed id names no record).
    func idParameter() throws -> UUID {
        guard let text = parameters.get("id"), let id = UUID(uuidString: text) else { throw ShianError.notFound }
        return id
    }
}
