import Foundation

/// The standard as a workbook (docs/standard-format.md, "The workbook"): four sheets in this order —
/// `standard` (field, value), `parts`, `indicators` (a column per field, nested ones dotted:
/// `deduction.per`, `metric.target`) and `thresholds` (one row per veto condition). A workbook is
/// turned into the JSON document and read by the same decoder, so its problems are the JSON
/// format's, at the same paths (`indicators[3].points` is row 5 of `indicators`: rows count from
/// the header, items from 0).
public enum StandardWorkbook {
    public static let sheetNames = ["standard", "parts", "indicators", "thresholds"]

    static let standardFields = [
        "formatVersion", "code", "version", "name", "isDemo", "source", "showcaseIndicator", "passRules.keyItemShare", "passRules.totalAtLeast",
    ]
    static let partColumns = ["number", "title"]
    static let indicatorColumns = [
        "number", "part", "title", "kind", "points", "evaluationMethods", "standardText", "ruleText", "deduction.per", "deduction.unit",
        "deduction.floor", "metric.metric", "metric.factor", "metric.comparison", "metric.target", "metric.scoring", "leadUnit", "supportingUnits",
    ]
    static let thresholdColumns = ["indicator", "metric", "factor", "comparison", "target"]

    /// Fields written as numbers, by sheet (a cell that is not one stays text, and the decoder
    /// names it). An indicator's number is text: "3.10" is not 3.1.
    static let numeric: [String: Set<String>] = [
        "standard": ["formatVersion", "passRules.keyItemShare", "passRules.totalAtLeast"], "parts": ["number"],
        "indicators": ["part", "points", "deduction.per", "deduction.floor", "metric.factor", "metric.target"], "thresholds": ["factor", "target"],
    ]
    /// Fields holding lists, written in one cell separated by commas.
    static let lists: Set<String> = ["evaluationMethods", "supportingUnits"]

    // MARK: writing

    /// The sheets of a document, in `sheetNames` order.
    public static func sheets(of document: StandardDocument) throws -> [(name: String, rows: [[String]])] {
        guard let object = try JSONSerialization.jsonObject(with: try document.json()) as? [String: Any] else { return [] }
        let standard = standardFields.map { [$0, $0 == "isDemo" ? String(document.isDemo) : text(value(at: $0, in: object))] }
        let parts = (object["parts"] as? [[String: Any]] ?? []).map { part in partColumns.map { text(part[$0]) } }
        var indicators: [[String]] = []
        var thresholds: [[String]] = []
        for indicator in object["indicators"] as? [[String: Any]] ?? [] {
            indicators.append(indicatorColumns.map { text(value(at: $0, in: indicator)) })
            for condition in indicator["thresholds"] as? [[String: Any]] ?? [] {
                thresholds.append([text(indicator["number"])] + thresholdColumns.dropFirst().map { text(condition[$0]) })
            }
        }
        return [
            ("standard", [["field", "value"]] + standard), ("parts", [partColumns] + parts), ("indicators", [indicatorColumns] + indicators),
            ("thresholds", [thresholdColumns] + thresholds),
        ]
    }

    private static func value(at path: String, in object: [String: Any]) -> Any? {
        let keys = path.split(separator: ".").map(String.init)
        var current: Any? = object
        for key in keys { current = (current as? [String: Any])?[key] }
        return current
    }

    private static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let list as [Any]: return list.map { text($0) }.joined(separator: ",")
        case let string as String: return string
        case let int as Int: return String(int)
        case let double as Double: return double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : String(double)
        case let other?: return "\(other)"
        }
    }

    // MARK: reading

    /// The JSON document the sheets stand for, ready for `StandardDocument.parse(json:)`; or the
    /// workbook's own problems: a missing sheet, an unknown column.
    public static func json(fromSheets sheets: [[[String]]]) -> Result<Data, StandardDocument.Problems> {
        var problems: [ValidationFailure] = []
        guard sheets.count >= 3 else {
            return .failure(.init([ValidationFailure(code: "workbookSheetMissing", field: sheetNames[sheets.count], arguments: [sheetNames[sheets.count]])]))
        }
        var document: [String: Any] = [:]
        for row in sheets[0].dropFirst() where !row.isEmpty && !row[0].isEmpty {
            guard standardFields.contains(row[0]) else {
                problems.append(ValidationFailure(code: "workbookFieldUnknown", field: "standard", arguments: [row[0]]))
                continue
            }
            if let value = cell(row.count > 1 ? row[1] : "", column: row[0], sheet: "standard") { set(value, at: row[0], in: &document) }
        }
        let parts = records(sheets[1], columns: partColumns, sheet: "parts", problems: &problems)
        var indicators = records(sheets[2], columns: indicatorColumns, sheet: "indicators", problems: &problems)
        let conditions = sheets.count > 3 ? records(sheets[3], columns: thresholdColumns, sheet: "thresholds", problems: &problems) : []
        for condition in conditions {
            var condition = condition
            let number = condition.removeValue(forKey: "indicator").map { text($0) } ?? ""
            guard let index = indicators.firstIndex(where: { text($0["number"]) == number }) else {
                problems.append(ValidationFailure(code: "workbookIndicatorUnknown", field: "thresholds", arguments: [number]))
                continue
            }
            indicators[index]["thresholds", default: [Any]()] = (indicators[index]["thresholds"] as? [Any] ?? []) + [condition]
        }
        guard problems.isEmpty else { return .failure(.init(problems)) }
        document["parts"] = parts
        document["indicators"] = indicators
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]) else {
            return .failure(.init([ValidationFailure(code: "jsonMalformed")]))
        }
        return .success(data)
    }

    /// Rows below a header as objects; a column not in `columns` is a problem, an empty cell is left out.
    private static func records(_ rows: [[String]], columns: [String], sheet: String, problems: inout [ValidationFailure]) -> [[String: Any]] {
        guard let header = rows.first else { return [] }
        for name in header where !name.isEmpty && !columns.contains(name) {
            problems.append(ValidationFailure(code: "workbookColumnUnknown", field: sheet, arguments: [name]))
        }
        return rows.dropFirst().filter { $0.contains { !$0.isEmpty } }.map { row in
            var record: [String: Any] = [:]
            for (index, name) in header.enumerated() where index < row.count && columns.contains(name) {
                if let value = cell(row[index], column: name, sheet: sheet) { set(value, at: name, in: &record) }
            }
            return record
        }
    }

    private static func cell(_ raw: String, column: String, sheet: String) -> Any? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        if lists.contains(column) {
            return text.split(whereSeparator: { ",，、".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if column == "isDemo" {
            if ["true", "TRUE", "1", "是"].contains(text) { return true }
            if ["false", "FALSE", "0", "否"].contains(text) { return false }
            return text
        }
        if numeric[sheet]?.contains(column) == true, let number = Double(text), number.isFinite {
            // Whole numbers as integers, so that `formatVersion` and part numbers decode as Int.
            return number == number.rounded() && abs(number) < 1e15 ? Int(number) : number
        }
        return text
    }

    private static func set(_ value: Any, at path: String, in object: inout [String: Any]) {
        let keys = path.split(separator: ".").map(String.init)
        guard keys.count == 2 else {
            object[path] = value
            return
        }
        var inner = object[keys[0]] as? [String: Any] ?? [:]
        inner[keys[1]] = value
        object[keys[0]] = inner
    }
}
