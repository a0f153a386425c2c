import Foundation

/// Flags a reported value that departs from the unit's previous periods (DHIS2 offers z-score and
/// min–max outliers, research/anchors-intl.md §1; a median is used here because a county's few
/// periods of history are skewed by one bad month, which a mean and standard deviation are not robust
/// to).
///
/// - `.medianAbsoluteDeviation`: an outlier lies further from the history's median than
///   `madMultiple` × the median absolute deviation (MAD). A constant history has a MAD of 0; then the
///   relative rule below applies instead, so that one unit more than always is not flagged.
/// - `.relativeToMedian`: an outlier lies further from the median than `relativeShare` × |median|
///   (0.5: ±50 %). Against a median of 0, any value other than 0 is an outlier.
///
/// Fewer than `minimumHistory` previous values: no judgement.
public struct OutlierRule: Codable, Sendable, Equatable {
    public enum Method: String, Codable, Sendable, CaseIterable {
        case medianAbsoluteDeviation
        case relativeToMedian
    }

    public var method: Method
    public var madMultiple: Double
    public var relativeShare: Double
    public var minimumHistory: Int

    public init(
        method: Method = .medianAbsoluteDeviation, madMultiple: Double = 3, relativeShare: Double = 0.5,
        minimumHistory: Int = 3
    ) {
        self.method = method
        self.madMultiple = madMultiple
        self.relativeShare = relativeShare
        self.minimumHistory = minimumHistory
    }

    /// The check of `value` against the previous periods' values (in any order), or nil when the
    /// history is too short to judge.
    public func check(_ value: Double, history: [Double]) -> OutlierCheck? {
        guard history.count >= max(1, minimumHistory) else { return nil }
        let median = Self.median(history)
        let relativeLimit = relativeShare * abs(median)
        let limit: Double
        switch method {
        case .medianAbsoluteDeviation:
            let deviation = Self.median(history.map { abs($0 - median) })
            limit = deviation > 0 ? madMultiple * deviation : relativeLimit
        case .relativeToMedian:
            limit = relativeLimit
        }
        let distance = abs(value - median)
        return OutlierCheck(
            value: value, median: median, allowedDeviation: limit,
            isOutlier: distance > limit && !Comparison.equal.holds(distance, limit))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// The result of an outlier check.
public struct OutlierCheck: Codable, Sendable, Equatable {
    public let value: Double
    public let median: Double
    /// How far from the median a value may lie.
    public let allowedDeviation: Double
    public let isOutlier: Bool
}
