import ShianStore
import Vapor

/// `GET /api/v1/audit-entries`: the operation log in the caller's scope, newest first.
enum AuditAPIController {
    static func list(request: Request) async throws -> ListDTO<AuditEntryDTO> {
        let principal = try request.require(.readAudit)
        let list = try ListParameters(request)
        let filter = try AuditController.filter(from: request)
        let page = try await AuditQueries.list(filter, scope: principal.scope, cursor: list.cursor, limit: list.limit, on: request.db)
        return ListDTO(try page.map(AuditEntryDTO.init))
    }
}
