import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    // On Linux `XMLParser` lives in FoundationXML rather than Foundation.
    import FoundationXML
#endif

extension XLSX {
    // MARK: - Reading helpers

    /// The ZIP container, with part names looked up the way OPC defines them: case-insensitively, without a leading "/".
    struct Package {
        private let archive: Archive
        private let entries: [String: Entry]

        init(data: Data) throws {
            guard !data.isEmpty else { throw XLSXError.notAWorkbook }
            do {
                archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
            } catch {
                throw XLSXError.notAWorkbook
            }
            var entries: [String: Entry] = [:]
            for entry in archive where entry.type == .file {
                let key = Self.key(entry.path)
                if entries[key] == nil { entries[key] = entry }
            }
            guard !entries.isEmpty else { throw XLSXError.notAWorkbook }
            self.entries = entries
        }

        private static func key(_ path: String) -> String {
            var path = path.replacingOccurrences(of: "\\", with: "/")
            while path.hasPrefix("/") { path.removeFirst() }
            return path.lowercased()
        }

        func contains(_ path: String) -> Bool {
            entries[Self.key(path)] != nil
        }

        /// The unpacked part, refused once it passes `maximumPartSize` however small the ZIP claims it is.
        func read(_ path: String) throws -> Data {
            guard let entry = entries[Self.key(path)] else { throw XLSXError.missingPart(path) }
            guard entry.uncompressedSize <= UInt64(XLSX.maximumPartSize) else { throw XLSXError.tooLarge }
            var data = Data()
            // The declared size is only a hint from the file: reserve no more than 64 MiB on its word.
            data.reserveCapacity(Int(min(entry.uncompressedSize, 64 << 20)))
            do {
                _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                    guard data.count + chunk.count <= XLSX.maximumPartSize else { throw XLSXError.tooLarge }
                    data.append(chunk)
                }
            } catch let error as XLSXError {
                throw error
            } catch {
                // A CRC mismatch or broken deflate stream: the file is damaged, not a workbook we can read.
                throw XLSXError.notAWorkbook
            }
            return data
        }

        struct Relationship {
            var id: String
            var type: String
            /// The target as a part name from the package root.
            var target: String
        }

        /// The relationships of a part ("" for the package itself), targets resolved against the part's folder.
        func relationships(of part: String) throws -> [Relationship] {
            let folder = part.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            let file = part.split(separator: "/").last.map(String.init) ?? ""
            let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
            guard contains(relsPath) else { return [] }
            let handler = RelationshipsHandler()
            try PartParser.parse(read(relsPath), part: relsPath, with: handler)
            return handler.relationships.compactMap { raw in
                guard raw.mode.lowercased() != "external" else { return nil }
                let target = raw.target.removingPercentEncoding ?? raw.target
                var components: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
                for component in target.split(separator: "/") {
                    switch component {
                    case ".": continue
                    case "..": if !components.isEmpty { components.removeLast() }
                    default: components.append(component)
                    }
                }
                return Relationship(id: raw.id, type: raw.type, target: components.joined(separator: "/"))
            }
        }
    }

    /// What a part parser does with the SAX events, by local element name (namespace prefix removed, so `x:c`,
    /// written by some .NET libraries, and Strict OOXML read like `c`). Throwing an `XLSXError` stops the parse.
    protocol PartHandler: AnyObject {
        func start(_ name: String, attributes: [String: String]) throws
        func characters(_ text: String)
        func end(_ name: String) throws
    }
}
