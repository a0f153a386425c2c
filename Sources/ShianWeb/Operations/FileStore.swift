import Crypto
import Foundation

/// Uploaded files in the data folder, named by their SHA-256 and a known suffix: the same bytes
/// are kept once, and a name from a request can only ever point at a file this code wrote.
struct FileStore: Sendable {
    let directory: String

    init(dataDirectory: String) {
        directory = (dataDirectory as NSString).appendingPathComponent("uploads")
    }

    /// Writes `data` (once) and answers its stored name.
    func put(_ data: Data, suffix: String) throws -> String {
        let name = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() + "." + suffix
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: path) {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        return name
    }

    /// The bytes of a stored name: 64 hex digits and one of `suffixes` (no path tricks).
    func get(_ name: String, suffixes: Set<String>) -> Data? {
        let parts = name.split(separator: ".")
        guard parts.count == 2, parts[0].count == 64, parts[0].allSatisfy(\.isHexDigit), suffixes.contains(String(parts[1])) else {
            return nil
        }
        return FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name))
    }
}
