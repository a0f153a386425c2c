/// The per-version constants of ISO/IEC 18004:2015. Error-correction blocks come from Table 9;
/// the rest is derived from the symbol's geometry rather than tabulated, so that only the one
/// table a reader cannot recompute has to be checked against the standard.
extension QRCode {
    /// Table 9, error-correction codewords per block, for versions 1–40 (L, M, Q, H).
    static let correctionCodewordsPerBlock: [[Int]] = [
        [
            7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
            28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        [
            10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
            26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        ],
        [
            13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
            28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        [
            17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
            30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
    ]

    /// Table 9, number of error-correction blocks, for versions 1–40 (L, M, Q, H).
    static let correctionBlockCounts: [[Int]] = [
        [
            1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
            8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
        ],
        [
            1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
            17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
        ],
        [
            1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
            23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
        ],
        [
            1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
            25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
        ],
    ]

    /// Modules left for codewords once finder, timing, alignment, format and version patterns are
    /// placed; the few that do not fill a whole codeword are the remainder bits, left light.
    static func dataModuleCount(version: Int) -> Int {
        var count = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignmentsPerSide = version / 7 + 2
            count -= (25 * alignmentsPerSide - 10) * alignmentsPerSide - 55
            if version >= 7 { count -= 36 }
        }
        return count
    }

    /// Data codewords (before error correction) that fit in a version at a correction level.
    static func dataCodewordCount(version: Int, correction: Correction) -> Int {
        let level = correction.tableIndex
        let correctionCodewords =
            correctionCodewordsPerBlock[level][version - 1] * correctionBlockCounts[level][version - 1]
        return dataModuleCount(version: version) / 8 - correctionCodewords
    }

    /// Annex E's alignment pattern centres: evenly spaced (by an even step) from the far edge back
    /// towards the timing pattern at 6, with whatever is left over landing in the first gap.
    static func alignmentCentres(version: Int) -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2
        let last = version * 4 + 10
        return [6] + (0..<(count - 1)).reversed().map { last - $0 * step }
    }

    /// The 15-bit format information: level and mask protected by a BCH(15,5) code, then XOR-ed
    /// with 101010000010010 so it is never all light.
    static func formatBits(correction: Correction, mask: Int) -> Int {
        let data = correction.formatIndicator << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// The 18-bit version information (versions 7 and up), protected by a BCH(18,6) code.
    static func versionBits(version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return version << 12 | remainder
    }

    /// Whether mask `pattern` (Table 10) flips the module at column `x`, row `y`.
    static func maskFlips(_ pattern: Int, x: Int, y: Int) -> Bool {
        switch pattern {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (x / 3 + y / 2) % 2 == 0
        case 5: x * y % 2 + x * y % 3 == 0
        case 6: (x * y % 2 + x * y % 3) % 2 == 0
        default: ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }
}

extension QRCode.Correction {
    /// Row in the Table 9 arrays, ordered by strength.
    var tableIndex: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
    }

    /// The two bits Table 12 assigns, which are deliberately not in order of strength.
    var formatIndicator: Int {
        switch self {
        case .low: 1
        case .medium: 0
        case .quartile: 3
        case .high: 2
        }
    }
}

extension QRCode {
    /// Reed–Solomon over GF(2⁸) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D).
    enum ReedSolomon {
        /// The generator polynomial ∏ (x − αⁱ), i < degree, leading coefficient dropped.
        static func generator(degree: Int) -> [UInt8] {
            var coefficients = [UInt8](repeating: 0, count: degree)
            coefficients[degree - 1] = 1
            var root: UInt8 = 1
            for _ in 0..<degree {
                for index in 0..<degree {
                    coefficients[index] = multiply(coefficients[index], root)
                    if index + 1 < degree { coefficients[index] ^= coefficients[index + 1] }
                }
                root = multiply(root, 2)
            }
            return coefficients
        }

        /// The remainder of data·x^degree divided by the generator: the error-correction codewords.
        static func remainder(of data: [UInt8], generator: [UInt8]) -> [UInt8] {
            var result = [UInt8](repeating: 0, count: generator.count)
            for byte in data {
                let factor = byte ^ result.removeFirst()
                result.append(0)
                for index in result.indices { result[index] ^= multiply(generator[index], factor) }
            }
            return result
        }

        /// Carry-less multiplication reduced modulo 0x11D; a loop rather than log tables because the
        /// symbols are small and this cannot be mistyped.
        static func multiply(_ left: UInt8, _ right: UInt8) -> UInt8 {
            var product = 0
            for bit in (0..<8).reversed() {
                product = (product << 1) ^ ((product >> 7) * 0x11D)
                product ^= (Int(right) >> bit & 1) * Int(left)
            }
            return UInt8(product)
        }
    }
}

extension QRCode {
    /// The mask-selection penalty of §7.8.3, which steers away from masks that make the data look
    /// like finder patterns or leave large blocks a scanner cannot sample well.
    enum Penalty {
        static func score(_ modules: [Bool], size: Int) -> Int {
            var score = 0
            for line in 0..<size {
                score += lineScore((0..<size).map { modules[line * size + $0] })
                score += lineScore((0..<size).map { modules[$0 * size + line] })
            }
            for y in 0..<size - 1 {
                for x in 0..<size - 1 {
                    let colour = modules[y * size + x]
                    if modules[y * size + x + 1] == colour, modules[(y + 1) * size + x] == colour,
                        modules[(y + 1) * size + x + 1] == colour
                    {
                        score += 3
                    }
                }
            }
            // 10 points for each whole 5 % the dark share is away from 50 %.
            let dark = modules.filter { $0 }.count
            score += 10 * (abs(dark * 2 - modules.count) * 10 / modules.count)
            return score
        }

        /// Runs of five or more (3 points plus one per extra module), and each 1:1:3:1:1 pattern with
        /// four light modules on either side (40). Beyond the edge counts as light: that is the
        /// quiet zone a scanner sees there.
        static func lineScore(_ line: [Bool]) -> Int {
            var score = 0
            var start = 0
            while start < line.count {
                var end = start
                while end < line.count && line[end] == line[start] { end += 1 }
                if end - start >= 5 { score += end - start - 2 }
                start = end
            }
            let finderLike = [true, false, true, true, true, false, true]
            func isLight(_ index: Int) -> Bool { !line.indices.contains(index) || !line[index] }
            for position in line.indices.dropLast(6) where line[position..<position + 7].elementsEqual(finderLike) {
                if (position - 4..<position).allSatisfy(isLight) || (position + 7..<position + 11).allSatisfy(isLight) {
                    score += 40
                }
            }
            return score
        }
    }
}
