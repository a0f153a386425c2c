import Foundation

/// The files Shian accepts as evidence: photos (JPEG, PNG, WebP) and PDF documents. The kind is
/// read from the file's first bytes, never from the name or the declared type, so a script named
/// `photo.jpg` is refused and every stored file is served with the type it really has.
public enum FileKind: String, Sendable, CaseIterable {
    case jpeg, png, webp, pdf

    /// 10 MB: a phone photo at full resolution, or a scanned multi-page notice.
    public static let maximumBytes = 10 * 1024 * 1024

    public var contentType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .pdf: "application/pdf"
        }
    }

    public var suffix: String { rawValue == "jpeg" ? "jpg" : rawValue }

    public var isImage: Bool { self != .pdf }

    public static func sniff(_ bytes: some Collection<UInt8>) -> FileKind? {
        let head = Array(bytes.prefix(12))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + signature.count && Array(head[offset..<offset + signature.count]) == signature
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        return nil
    }

    /// Which suffixes the file store holds for evidence.
    public static var storedSuffixes: Set<String> { Set(allCases.map(\.suffix)) }
}
