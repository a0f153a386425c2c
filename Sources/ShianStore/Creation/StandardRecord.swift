import FluentKit
import Foundation
import ShianCore

/// One imported version of a standard (评价标准): the interchange document as it was loaded, so that
/// export gives back exactly what the rules read. A newer version of the same code supersedes the
/// older one; the counties' assignments follow the code, so their work carries over.
public final class StandardRecord: Model, @unchecked Sendable {
    public static let schema = "standards"

    // managed fields
    @ID(key: .id) public var id: UUID?

    // data fields
    @Field(key: "code") public var code: String
    @Field(key: "version") public var version: String
    @Field(key: "name") public var name: String
    @Field(key: "is_demo") public var isDemo: Bool
    /// The `StandardDocument` as JSON (docs/standard-format.md).
    @Field(key: "document") public var document: String
    @Field(key: "indicator_count") public var indicatorCount: Int
    @Field(key: "max_score") public var maxScore: Double
    /// The region of the office that loaded it (for the audit trail; standards are read everywhere).
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "imported_at") public var importedAt: Date
    @Field(key: "imported_by") public var importedBy: String
    /// Set when a newer version of the same code was imported.
    @OptionalField(key: "superseded_at") public var supersededAt: Date?

    public init() {}

    public init(_ standard: StandardDocument, regionCode: String, importedBy: String, at now: Date) throws {
        code = standard.code
        version = standard.version
        name = standard.name
        isDemo = standard.isDemo
        document = String(decoding: try standard.json(), as: UTF8.self)
        indicatorCount = standard.indicators.count
        maxScore = standard.maxScore
        self.regionCode = regionCode
        importedAt = now.storageRounded
        self.importedBy = importedBy
    }

    /// The stored document. It was validated on import, so decoding only fails on a damaged row.
    public func standard() throws -> StandardDocument {
        try JSONDecoder().decode(StandardDocument.self, from: Data(document.utf8))
    }
}

extension StandardRecord: Auditable {
    public static let auditEntityType = "standard"
    public var auditRegionCode: String { regionCode }
    public var auditFields: [String: String] {
        ["code": code, "version": version, "name": name, "indicatorCount": String(indicatorCount),
         "supersededAt": supersededAt.map { $0.formatted(.iso8601) } ?? ""]
    }
}
