import Foundation

extension StandardDocument {
    /// Every problem of the document, each as a reason code with the path of the value at fault
    /// ("indicators[12].points", indices from 0), in document order. Empty means the document may be
    /// imported. `metrics` are the names a binding or threshold may use.
    public func validate(metrics: [MetricID: MetricDefinition] = MetricDefinition.byID) -> [ValidationFailure] {
        var problems: [ValidationFailure] = []
        func problem(_ code: String, _ path: String, _ arguments: [String] = []) {
            problems.append(ValidationFailure(code: code, field: path, arguments: arguments))
        }
        func blank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

        if formatVersion != Self.currentFormatVersion {
            problem("formatVersionUnsupported", "formatVersion", [String(formatVersion), String(Self.currentFormatVersion)])
        }
        if blank(code) {
            problem("fieldRequired", "code", ["code"])
        } else if code.count > 64 || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
            problem("codeInvalid", "code", [code])
        }
        if blank(version) { problem("fieldRequired", "version", ["version"]) }
        if blank(name) { problem("fieldRequired", "name", ["name"]) }

        if parts.isEmpty { problem("partsEmpty", "parts") }
        var partNumbers = Set<Int>()
        for (index, part) in parts.enumerated() {
            let path = "parts[\(index)]"
            if part.number < 1 { problem("partNumberInvalid", "\(path).number", [String(part.number)]) }
            if !partNumbers.insert(part.number).inserted {
                problem("partNumberDuplicate", "\(path).number", [String(part.number)])
            }
            if blank(part.title) { problem("fieldRequired", "\(path).title", ["title"]) }
        }

        if indicators.isEmpty { problem("indicatorsEmpty", "indicators") }
        var firstIndexByNumber: [String: Int] = [:]
        for (index, indicator) in indicators.enumerated() {
            let path = "indicators[\(index)]"
            if IndicatorNumber.components(indicator.number) == nil {
                problem("indicatorNumberInvalid", "\(path).number", [indicator.number])
            } else if let first = firstIndexByNumber[indicator.number] {
                problem("indicatorNumberDuplicate", "\(path).number", [indicator.number, "indicators[\(first)]"])
            } else {
                firstIndexByNumber[indicator.number] = index
            }
            if !partNumbers.contains(indicator.part) { problem("partUnknown", "\(path).part", [String(indicator.part)]) }
            if blank(indicator.title) { problem("fieldRequired", "\(path).title", ["title"]) }
            if indicator.evaluationMethods.isEmpty {
                problem("fieldRequired", "\(path).evaluationMethods", ["evaluationMethods"])
            }
            problems += Self.pointProblems(indicator, path: path)
            problems += Self.metricProblems(indicator, path: path, metrics: metrics)
            problems += Self.unitProblems(indicator, path: path)
        }

        let scoredPoints = indicators.filter { $0.kind != .veto && $0.points.isFinite && $0.points > 0 }
        let maxScore = scoredPoints.reduce(0) { $0 + $1.points }
        let basePoints = scoredPoints.filter(\.kind.isBase).reduce(0) { $0 + $1.points }
        if !(passRules.keyItemShare > 0 && passRules.keyItemShare <= 1) {
            problem("keyItemShareOutOfRange", "passRules.keyItemShare", [passRules.keyItemShare.plainText])
        }
        if !(passRules.totalAtLeast > 0 && passRules.totalAtLeast <= maxScore) {
            problem("passTotalOutOfRange", "passRules.totalAtLeast", [passRules.totalAtLeast.plainText, maxScore.plainText])
        } else if passRules.totalAtLeast > basePoints {
            // Bonus items encourage; a city must be able to pass on key and basic items alone.
            problem("passTotalNeedsBonus", "passRules.totalAtLeast", [passRules.totalAtLeast.plainText, basePoints.plainText])
        }

        if let showcase = showcaseIndicator {
            if let index = firstIndexByNumber[showcase] {
                if indicators[index].kind == .veto { problem("showcaseIndicatorIsVeto", "showcaseIndicator", [showcase]) }
                if indicators[index].isComputed { problem("showcaseIndicatorIsComputed", "showcaseIndicator", [showcase]) }
            } else {
                problem("showcaseIndicatorUnknown", "showcaseIndicator", [showcase])
            }
        }
        return problems
    }

    /// Points and deductions: veto items pass or fail and carry no points; every other item has some.
    static func pointProblems(_ indicator: Indicator, path: String) -> [ValidationFailure] {
        var problems: [ValidationFailure] = []
        func problem(_ code: String, _ field: String, _ arguments: [String] = []) {
            problems.append(ValidationFailure(code: code, field: "\(path).\(field)", arguments: arguments))
        }
        let points = indicator.points
        if !points.isFinite {
            problem("pointsInvalid", "points")
        } else if points < 0 {
            problem("pointsNegative", "points", [points.plainText])
        } else if indicator.kind == .veto, points != 0 {
            problem("vetoWithPoints", "points", [points.plainText])
        } else if indicator.kind != .veto, points == 0 {
            problem("pointsNotPositive", "points")
        }
        if indicator.kind == .veto {
            if indicator.thresholds.isEmpty { problem("vetoWithoutThreshold", "thresholds") }
            if indicator.metric != nil { problem("vetoWithMetric", "metric") }
            if indicator.deduction != nil { problem("vetoWithDeduction", "deduction") }
        } else if !indicator.thresholds.isEmpty {
            problem("thresholdOnNonVeto", "thresholds", [indicator.kind.rawValue])
        }
        if let rule = indicator.deduction, indicator.kind != .veto {
            if indicator.isComputed { problem("deductionOnComputedIndicator", "deduction") }
            if !(rule.per.isFinite && rule.per > 0) { problem("deductionPerNotPositive", "deduction.per", [rule.per.plainText]) }
            if rule.unit.trimmingCharacters(in: .whitespaces).isEmpty { problem("fieldRequired", "deduction.unit", ["unit"]) }
            if points.isFinite, points > 0, !(rule.floor >= 0 && rule.floor < points) {
                problem("deductionFloorOutOfRange", "deduction.floor", [rule.floor.plainText, points.plainText])
            }
        }
        return problems
    }

    /// Metric bindings and thresholds: known names, the definition's factor, targets in range.
    static func metricProblems(
        _ indicator: Indicator, path: String, metrics: [MetricID: MetricDefinition]
    ) -> [ValidationFailure] {
        var problems: [ValidationFailure] = []
        func check(_ condition: MetricCondition, at conditionPath: String) {
            func problem(_ code: String, _ field: String, _ arguments: [String]) {
                problems.append(ValidationFailure(code: code, field: "\(conditionPath).\(field)", arguments: arguments))
            }
            guard let definition = metrics[condition.metric] else {
                problem("metricUnknown", "metric", [condition.metric.rawValue])
                return
            }
            if let factor = condition.factor, factor != definition.factor {
                problem("metricFactorMismatch", "factor", [factor.plainText, definition.factor.plainText])
            }
            let target = condition.target
            // Arguments: the target, then the allowed lowest and, if any, highest.
            if let range = definition.targetRange {
                if !target.isFinite || !range.contains(target) {
                    problem(
                        "targetOutOfRange", "target", [target.plainText, range.lowerBound.plainText, range.upperBound.plainText])
                }
            } else if !target.isFinite || target < 0 {
                problem("targetOutOfRange", "target", [target.plainText, "0"])
            }
        }
        if let binding = indicator.metric {
            check(binding.condition, at: "\(path).metric")
            if binding.scoring == .proportional, !(binding.comparison.isLowerBound && binding.target > 0) {
                problems.append(
                    ValidationFailure(
                        code: "proportionalNeedsFloorTarget", field: "\(path).metric.scoring",
                        arguments: [binding.comparison.rawValue, binding.target.plainText]))
            }
        }
        for (index, condition) in indicator.thresholds.enumerated() {
            check(condition, at: "\(path).thresholds[\(index)]")
        }
        return problems
    }

    /// Units: a lead unit named when given, supporting units listed once and apart from the lead.
    static func unitProblems(_ indicator: Indicator, path: String) -> [ValidationFailure] {
        var problems: [ValidationFailure] = []
        if let lead = indicator.leadUnit, lead.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(ValidationFailure(code: "fieldRequired", field: "\(path).leadUnit", arguments: ["leadUnit"]))
        }
        var seen = Set<String>()
        for (index, unit) in indicator.supportingUnits.enumerated() {
            let field = "\(path).supportingUnits[\(index)]"
            if unit == indicator.leadUnit {
                problems.append(ValidationFailure(code: "supportingUnitIsLead", field: field, arguments: [unit]))
            } else if !seen.insert(unit).inserted {
                problems.append(ValidationFailure(code: "supportingUnitDuplicate", field: field, arguments: [unit]))
            }
        }
        return problems
    }
}
