import Foundation

/// A QR Code symbol (ISO/IEC 18004) for printing trace codes and certificate codes, encoded here
/// so the core stays Foundation-only. Text goes in byte mode as UTF-8 without an ECI header, as
/// most generators do: decoders recognise UTF-8 from the bytes themselves (zxing-cpp and zbar read
/// the Chinese test texts correctly), and some older scanners mishandle ECI.
public struct QRCode: Sendable {
    /// How much of the symbol may be damaged and still read (about 7, 15, 25 and 30 %).
    public enum Correction: Sendable, CaseIterable { case low, medium, quartile, high }

    public enum Failure: Error, Equatable, Sendable {
        /// The text is longer than version 40 holds at the chosen correction level.
        case tooLong
    }

    /// Modules per side (21 for version 1, four more per version).
    public let size: Int
    /// 1–40, the smallest that holds the text.
    let version: Int
    /// The mask (0–7) with the lowest penalty.
    let mask: Int
    /// Row-major, true for dark.
    let modules: [Bool]

    /// Encodes `text` in the smallest version that holds it at `correction`.
    public init(encoding text: String, correction: Correction = .medium) throws(Failure) {
        let bytes = Array(text.utf8)
        guard let version = (1...40).first(where: { Self.fits(bytes.count, version: $0, correction: correction) })
        else { throw .tooLong }
        self.init(bytes: bytes, version: version, correction: correction, mask: nil)
    }

    /// The whole construction with version and (optionally) mask fixed, so tests can compare with a
    /// reference encoder for the same choices.
    init(bytes: [UInt8], version: Int, correction: Correction, mask fixedMask: Int?) {
        let codewords = Self.interleavedCodewords(
            Self.dataCodewords(bytes, version: version, correction: correction), version: version,
            correction: correction)
        var matrix = Matrix(version: version)
        matrix.drawFunctionPatterns()
        matrix.drawCodewords(codewords)
        var best = (mask: 0, penalty: Int.max, modules: matrix.modules)
        for candidate in fixedMask.map({ [$0] }) ?? Array(0..<8) {
            var masked = matrix
            masked.applyMask(candidate)
            masked.drawFormatBits(Self.formatBits(correction: correction, mask: candidate))
            let penalty = fixedMask == nil ? Penalty.score(masked.modules, size: masked.size) : 0
            if penalty < best.penalty { best = (candidate, penalty, masked.modules) }
        }
        self.size = matrix.size
        self.version = version
        self.mask = best.mask
        self.modules = best.modules
    }

    /// Outside the symbol is the quiet zone, which is light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// One path of unit squares in module coordinates, merged into horizontal runs, so the file
    /// stays small and scales to any print size; crispEdges stops anti-aliasing seams between runs.
    public func svg(moduleSize: Int = 4, quietZone: Int = 4) -> String {
        let side = size + 2 * quietZone
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                let start = x
                while x < size && isDark(x: x, y: y) { x += 1 }
                path += "M\(start + quietZone) \(y + quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        let pixels = side * moduleSize
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(pixels)" height="\(pixels)" \
            viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }

    /// Mode indicator, character count (8 bits up to version 9, 16 after), the bytes and the terminator.
    static func fits(_ byteCount: Int, version: Int, correction: Correction) -> Bool {
        let countBits = version <= 9 ? 8 : 16
        return 4 + countBits + 8 * byteCount + 4 <= dataCodewordCount(version: version, correction: correction) * 8
            && byteCount < 1 << countBits
    }

    /// The byte-mode segment, the terminator, then the alternating pad codewords 0xEC 0x11. A byte
    /// segment is 4 bits short of a codeword boundary, so the 4-bit terminator always fits (`fits`
    /// leaves room for it) and no further zero padding is needed.
    static func dataCodewords(_ bytes: [UInt8], version: Int, correction: Correction) -> [UInt8] {
        let capacity = dataCodewordCount(version: version, correction: correction)
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for shift in (0..<count).reversed() { bits.append(value >> shift & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, version <= 9 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        append(0, 4)
        var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        for index in 0..<capacity - codewords.count { codewords.append(index % 2 == 0 ? 0xEC : 0x11) }
        return codewords
    }

    /// Splits the data into blocks (the later ones one codeword longer when it does not divide
    /// evenly), adds each block's error correction, and interleaves column by column so a smudge
    /// hits many blocks a little instead of one block beyond repair.
    static func interleavedCodewords(_ data: [UInt8], version: Int, correction: Correction) -> [UInt8] {
        let blockCount = correctionBlockCounts[correction.tableIndex][version - 1]
        let correctionLength = correctionCodewordsPerBlock[correction.tableIndex][version - 1]
        let shortBlockLength = data.count / blockCount
        let shortBlockCount = blockCount - data.count % blockCount
        let generator = ReedSolomon.generator(degree: correctionLength)
        var blocks: [[UInt8]] = []
        var start = 0
        for index in 0..<blockCount {
            let length = shortBlockLength + (index < shortBlockCount ? 0 : 1)
            blocks.append(Array(data[start..<start + length]))
            start += length
        }
        let corrections = blocks.map { ReedSolomon.remainder(of: $0, generator: generator) }
        var result: [UInt8] = []
        for column in 0...shortBlockLength {
            for block in blocks where column < block.count { result.append(block[column]) }
        }
        for column in 0..<correctionLength {
            for block in corrections { result.append(block[column]) }
        }
        return result
    }
}

extension QRCode {
    /// The symbol under construction. Function patterns are marked so that data placement and
    /// masking step around them.
    struct Matrix {
        let size: Int
        let version: Int
        var modules: [Bool]
        var isFunction: [Bool]

        init(version: Int) {
            self.version = version
            size = version * 4 + 17
            modules = Array(repeating: false, count: size * size)
            isFunction = modules
        }

        mutating func setFunction(x: Int, y: Int, dark: Bool) {
            modules[y * size + x] = dark
            isFunction[y * size + x] = true
        }

        /// Finders with their light separators, timing lines, alignment patterns, and the format and
        /// version areas (reserved now, filled once the mask is known).
        mutating func drawFunctionPatterns() {
            for index in 0..<size {
                setFunction(x: 6, y: index, dark: index % 2 == 0)
                setFunction(x: index, y: 6, dark: index % 2 == 0)
            }
            for (centreX, centreY) in [(3, 3), (size - 4, 3), (3, size - 4)] {
                for dy in -4...4 {
                    for dx in -4...4 where (0..<size).contains(centreX + dx) && (0..<size).contains(centreY + dy) {
                        let ring = max(abs(dx), abs(dy))
                        setFunction(x: centreX + dx, y: centreY + dy, dark: ring != 2 && ring != 4)
                    }
                }
            }
            let centres = QRCode.alignmentCentres(version: version)
            let corners = Set([[6, 6], [6, size - 7], [size - 7, 6]])
            for centreY in centres {
                for centreX in centres where !corners.contains([centreX, centreY]) {
                    for dy in -2...2 {
                        for dx in -2...2 {
                            setFunction(x: centreX + dx, y: centreY + dy, dark: max(abs(dx), abs(dy)) != 1)
                        }
                    }
                }
            }
            drawFormatBits(0)
            drawVersionBits()
        }

        /// Both copies of the format information, bit 0 (least significant) first, plus the
        /// always-dark module beside the lower-left finder.
        mutating func drawFormatBits(_ bits: Int) {
            func bit(_ index: Int) -> Bool { bits >> index & 1 == 1 }
            for index in 0...5 { setFunction(x: 8, y: index, dark: bit(index)) }
            setFunction(x: 8, y: 7, dark: bit(6))
            setFunction(x: 8, y: 8, dark: bit(7))
            setFunction(x: 7, y: 8, dark: bit(8))
            for index in 9..<15 { setFunction(x: 14 - index, y: 8, dark: bit(index)) }
            for index in 0..<8 { setFunction(x: size - 1 - index, y: 8, dark: bit(index)) }
            for index in 8..<15 { setFunction(x: 8, y: size - 15 + index, dark: bit(index)) }
            setFunction(x: 8, y: size - 8, dark: true)
        }

        /// Two 6×3 copies of the version information, beside the upper-right and lower-left finders.
        mutating func drawVersionBits() {
            guard version >= 7 else { return }
            let bits = QRCode.versionBits(version: version)
            for index in 0..<18 {
                let dark = bits >> index & 1 == 1
                let long = size - 11 + index % 3
                let short = index / 3
                setFunction(x: long, y: short, dark: dark)
                setFunction(x: short, y: long, dark: dark)
            }
        }

        /// Codeword bits, most significant first, in two-column strips from the right edge,
        /// alternating upwards and downwards and skipping the vertical timing line.
        mutating func drawCodewords(_ codewords: [UInt8]) {
            var bitIndex = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                let upward = (right + 1) & 2 == 0
                for step in 0..<size {
                    let y = upward ? size - 1 - step : step
                    for x in [right, right - 1] where !isFunction[y * size + x] && bitIndex < codewords.count * 8 {
                        modules[y * size + x] = codewords[bitIndex >> 3] >> (7 - bitIndex & 7) & 1 == 1
                        bitIndex += 1
                    }
                }
                right -= 2
            }
        }

        mutating func applyMask(_ pattern: Int) {
            for y in 0..<size {
                for x in 0..<size where !isFunction[y * size + x] && QRCode.maskFlips(pattern, x: x, y: y) {
                    modules[y * size + x].toggle()
                }
            }
        }
    }
}
