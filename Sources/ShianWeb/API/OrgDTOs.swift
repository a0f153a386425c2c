import Foundation
import ShianCore
import ShianStore
import Vapor

/// The API's shapes: their own types, never the Fluent models.
struct ScopeDTO: Content {
    let regionCode: String
    let departmentId: UUID?
    let businessId: UUID?

    init(_ user: User) {
        regionCode = user.regionCode
        departmentId = user.$department.id
        businessId = user.$business.id
    }
}

struct ListDTO<Item: Content>: Content {
    let items: [Item]
    let nextCursor: String?

    init(_ page: RecordPage<Item>) {
        items = page.items
        nextCursor = page.nextCursor
    }
}

struct RegionDTO: Content {
    let code: String
    let name: String
    let level: String
    let parentCode: String?
    let active: Bool

    init(_ region: Region) {
        code = region.code
        name = region.name
        level = region.level.rawValue
        parentCode = region.parentCode
        active = region.active
    }
}

struct DepartmentDTO: Content {
    let id: UUID
    let regionCode: String
    let code: String
    let name: String
    let duties: String
    let active: Bool

    init(_ department: Department) throws {
        id = try department.requireID()
        regionCode = department.regionCode
        code = department.code
        name = department.name
        duties = department.duties
        active = department.active
    }
}

struct UserDTO: Content {
    let id: UUID
    let username: String
    let displayName: String
    let role: String
    let scope: ScopeDTO
    let phone: String?
    let active: Bool
    let lastLoginAt: Date?

    init(_ user: User) throws {
        id = try user.requireID()
        username = user.username
        displayName = user.displayName
        role = user.role.rawValue
        scope = ScopeDTO(user)
        phone = user.phone
        active = user.active
        lastLoginAt = user.lastLoginAt
    }
}

struct AuditEntryDTO: Content {
    let id: UUID
    let at: Date
    let actorUsername: String
    let action: String
    let entityType: String
    let entityId: String
    let regionCode: String
    let before: [String: String]?
    let after: [String: String]?

    init(_ entry: AuditEntry) throws {
        id = try entry.requireID()
        at = entry.at
        actorUsername = entry.actorUsername
        action = entry.action.rawValue
        entityType = entry.entityType
        entityId = entry.entityID
        regionCode = entry.regionCode
        before = entry.before.map { AuditLog.decode($0) }
        after = entry.after.map { AuditLog.decode($0) }
    }
}

struct APITokenDTO: Content {
    let id: UUID
    let name: String
    let access: String
    let createdAt: Date?
    let lastUsedAt: Date?
    let expiresAt: Date?
    let revoked: Bool

    init(_ token: APIToken) throws {
        id = try token.requireID()
        name = token.name
        access = token.access.rawValue
        createdAt = token.createdAt
        lastUsedAt = token.lastUsedAt
        expiresAt = token.expiresAt
        revoked = token.revokedAt != nil
    }
}
