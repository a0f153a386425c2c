import Foundation
import ShianCore
import ShianStore
import Vapor

/// The shapes of the reporting API.
extension Reporting {
    struct SubmissionInput: Content {
        var period: String?
        /// The township reporting; an officer's own township when absent.
        var unitCode: String?
        var values: [String: Double]?
    }

    struct SubmissionDTO: Content {
        let id: UUID
        let form: String
        let unitCode: String
        let period: String
        let values: [String: Double]
        let warnings: [ReportViolation]
        /// Values far from the township's previous periods; kept, to be looked at again.
        let outliers: [OutlierFlag]
        let submittedAt: Date
    }

    struct SubmissionList: Content {
        let items: [SubmissionDTO]
        let nextCursor: String?
    }

    /// An outlier flag with the period of the report it is on.
    struct PeriodOutlier: Content {
        let period: String
        let field: String
        let value: Double
        let median: Double
        let low: Double
        let high: Double
    }

    struct LaggingDTO: Content {
        struct Unit: Content {
            let unitCode: String
            let name: String
            let expected: Int
            let submitted: Int
            let onTime: Int
            let missingPeriods: [String]
            /// Percent, 0–100; null when nothing was due.
            let completeness: Double?
            let timeliness: Double?
            let lagging: Bool
            /// Outlier flags on the unit's reports in the window, newest period first.
            let outliers: [PeriodOutlier]
        }

        let form: String
        let periodType: ReportPeriodType
        let through: String
        /// The periods looked at, oldest first.
        let periods: [String]
        let units: [Unit]
    }
}
