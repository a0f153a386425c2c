import Foundation

extension StandardDocument {
    /// All the problems of a file that cannot be imported.
    public struct Problems: Error, Equatable, Sendable {
        public let failures: [ValidationFailure]

        public init(_ failures: [ValidationFailure]) {
            self.failures = failures
        }
    }

    /// Decodes and validates a file in the interchange format. A file that is not valid JSON, lacks a
    /// field or holds a value of the wrong type yields one problem at the path where decoding stopped
    /// (decoding cannot go on past it); a file that decodes yields every validation problem.
    public static func parse(
        json: Data, metrics: [MetricID: MetricDefinition] = MetricDefinition.byID
    ) -> Result<StandardDocument, Problems> {
        let document: StandardDocument
        do {
            document = try JSONDecoder().decode(StandardDocument.self, from: json)
        } catch let error as DecodingError {
            return .failure(Problems([failure(for: error)]))
        } catch {
            return .failure(Problems([ValidationFailure(code: "jsonMalformed")]))
        }
        let problems = document.validate(metrics: metrics)
        return problems.isEmpty ? .success(document) : .failure(Problems(problems))
    }

    /// The file, pretty-printed with sorted keys so that two exports of one standard are identical.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// A decoding error as a problem at its path: "indicators[3].kind".
    static func failure(for error: DecodingError) -> ValidationFailure {
        switch error {
        case let .keyNotFound(key, context):
            let path = jsonPath(context.codingPath + [key])
            return ValidationFailure(code: "fieldRequired", field: path, arguments: [key.stringValue])
        case let .valueNotFound(_, context):
            let path = jsonPath(context.codingPath)
            return ValidationFailure(code: "fieldRequired", field: path, arguments: [context.codingPath.last?.stringValue ?? ""])
        case let .typeMismatch(type, context):
            return ValidationFailure(
                code: "valueTypeMismatch", field: jsonPath(context.codingPath), arguments: [String(describing: type)])
        case let .dataCorrupted(context):
            // An unknown enum value ("kind": "optional") lands here with its path; bad JSON with none.
            if context.codingPath.isEmpty { return ValidationFailure(code: "jsonMalformed") }
            return ValidationFailure(code: "valueInvalid", field: jsonPath(context.codingPath))
        @unknown default:
            return ValidationFailure(code: "jsonMalformed")
        }
    }

    /// The path in the document's notation, or nil for the document itself.
    static func jsonPath(_ codingPath: [any CodingKey]) -> String? {
        guard !codingPath.isEmpty else { return nil }
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }
}
