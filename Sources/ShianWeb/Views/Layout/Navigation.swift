import ShianCore

/// The main navigation: each item shows only to the roles whose permissions open it.
enum NavItem: String, CaseIterable, Sendable {
    case home, creation, regions, businesses, grids, orders, trace, departments, users, audit, account

    var url: SiteURL {
        switch self {
        case .home: .home
        case .creation: .creation
        case .regions: .regions
        case .businesses: .businesses
        case .grids: .grids
        case .orders: .orders
        case .trace: .coldChain
        case .departments: .departments
        case .users: .users
        case .audit: .audit
        case .account: .account
        }
    }

    /// The permission that opens the item; nil for items every user has.
    var permission: Permission? {
        switch self {
        case .home, .account: nil
        case .creation: .readCreation
        case .regions: .readRegions
        case .businesses: .readBusinesses
        case .grids: .readGrids
        case .orders, .trace: .readInspections
        case .departments: .readDepartments
        case .users: .readUsers
        case .audit: .readAudit
        }
    }

    static func items(for role: Role) -> [NavItem] {
        // Business operators see their own orders (to answer them) and their batches (to record them).
        allCases.filter { item in
            item.permission.map(role.may) ?? true || ((item == .orders || item == .trace) && role == .businessOperator)
        }
    }
}
