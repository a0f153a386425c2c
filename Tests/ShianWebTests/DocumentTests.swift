import Foundation
import ShianCore
import ShianTestSupport
import Testing
import Vapor
import VaporTesting

@testable import ShianWeb

@Suite("OpenAPI document and string catalogs")
struct DocumentTests {
    /// Every `/api/v1` route the application registers is described in the OpenAPI document, with
    /// its method, and the document describes no route that does not exist.
    @Test func everyAPIRouteIsInTheOpenAPIDocument() async throws {
        try await withShianApp(.sqlite, seedDemo: false) { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            var registered = Set<String>()
            for route in app.routes.all {
                let components = route.path.map { component -> String in
                    switch component {
                    case .parameter(let name): "{\(name)}"
                    default: component.description
                    }
                }
                guard components.starts(with: ["api", "v1"]) else { continue }
                registered.insert("\(route.method.rawValue) /" + components.dropFirst(2).joined(separator: "/"))
            }
            #expect(!registered.isEmpty)
            #expect(registered.subtracting(documented).isEmpty, "undocumented: \(registered.subtracting(documented).sorted())")
            #expect(documented.subtracting(registered).isEmpty, "documented but missing: \(documented.subtracting(registered).sorted())")
        }
    }

    /// Every catalog key used in the web sources exists in every language, and the catalogs have
    /// the same keys.
    @Test func catalogsAreComplete() throws {
        let catalog = Catalog.shared
        let chinese = try #require(catalog.strings[.zhCN])
        let english = try #require(catalog.strings[.en])
        #expect(Set(chinese.keys) == Set(english.keys), "keys differ: \(Set(chinese.keys).symmetricDifference(english.keys).sorted())")
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/ShianWeb")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        #expect(!files.isEmpty)
        let pattern = try Regex(#"\bt\("([A-Za-z0-9_.\-]+)""#)
        var missing: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                let key = String(match.output[1].substring ?? "")
                if chinese[key] == nil { missing.append(key) }
            }
        }
        #expect(missing.isEmpty, "missing keys: \(Set(missing).sorted())")
    }

    @Test func dynamicKeysExist() throws {
        let chinese = try #require(Catalog.shared.strings[.zhCN])
        var keys: [String] = []
        keys += ShianCore.Role.allCases.flatMap { ["role.\($0.rawValue)", "home.lead.\($0.rawValue)"] }
        keys += ShianCore.RegionLevel.allCases.map { "level.\($0.rawValue)" }
        keys += NavItem.allCases.map { "nav.\($0.rawValue)" }
        keys += [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500].map { "error.title.\($0)" }
        #expect(keys.filter { chinese[$0] == nil } == [])
    }
}
