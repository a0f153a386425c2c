import Testing

@testable import ShianCore

/// The reference matrices were produced by this encoder and then checked outside Swift: zxing-cpp 3.1
/// and zbar both decode them to the exact input bytes, and Nayuki's qrcodegen 1.8 draws the same
/// modules for the same version and mask.
@Suite("QR Code (ISO/IEC 18004)")
struct QRCodeTests {
    static let helloWorldMedium = [
        "#######.#...#.#######",
        "#.....#.#...#.#.....#",
        "#.###.#.......#.###.#",
        "#.###.#.#.#.#.#.###.#",
        "#.###.#..###..#.###.#",
        "#.....#...###.#.....#",
        "#######.#.#.#.#######",
        "........#####........",
        "#.##.###.#.##.#..#.##",
        ".##....#.#######.##..",
        ".....#####.#.#.#...##",
        "#.#.##.##..#...#.#.#.",
        "#...#.##.##.##....#.#",
        "........#.##..##..#.#",
        "#######.#.#######....",
        "#.....#.###..#.#.####",
        "#.###.#..#..#.#..#...",
        "#.###.#.###...#..###.",
        "#.###.#.##..#..#..#..",
        "#.....#..###.####...#",
        "#######.##.#.#.#.....",
    ]

    /// Version 4-M: 50 UTF-8 bytes in two interleaved blocks.
    static let chineseTraceMedium = [
        "#######.###...#...##.##.#.#######",
        "#.....#.#.###.#..#......#.#.....#",
        "#.###.#..###.##...#.#.....#.###.#",
        "#.###.#.#..##..#..##.#.##.#.###.#",
        "#.###.#..#.#.#..###...###.#.###.#",
        "#.....#..##..#.##....###..#.....#",
        "#######.#.#.#.#.#.#.#.#.#.#######",
        "........#..##..###.#.##.#........",
        "#.##.###.###...#..#..###..#..#.##",
        "..##.#.....####..###..##...######",
        "##.#####....##....#####.#.##.#..#",
        ".##.##..###.#..###...#####.##.###",
        ".###..#####...###..####.#...##...",
        "...###...#..#.#..#..##.#.#...#...",
        "..##.###..#..#...#.###..#.#.#..##",
        "#..##..#...#..##.......##.##..###",
        "##...########...###..####...#.###",
        ".##.##..###.#####.....##..##..#.#",
        "###..##..#######..##.#.##...#....",
        ".#.#.#.#.##..###.###..#.#.#...###",
        "###..##..####...#..#..#.##.#..#.#",
        "##.#.#.........###..#.######..#.#",
        ".....#####.....#.####..#.#.#.###.",
        ".##.#..#.####..#....####..##....#",
        "#..#.###.#.##...####....######..#",
        "........##.##..#...#.####...###..",
        "#######.###.#.#.###.##..#.#.#..#.",
        "#.....#.#.#.###..##.#...#...#..#.",
        "#.###.#...#.#.#.####..#.######...",
        "#.###.#.#.......##.#.###..#.##.##",
        "#.###.#.#.#.#..##...#.###.###....",
        "#.....#...###....##.###.#.#..#..#",
        "#######.###...#..#.####....#..#..",
    ]

    @Test func helloWorldMatchesTheReferenceModuleForModule() throws {
        let code = try QRCode(encoding: "HELLO WORLD", correction: .medium)
        #expect(code.rows == Self.helloWorldMedium)
    }

    @Test func chineseTraceTextMatchesTheReferenceModuleForModule() throws {
        let code = try QRCode(encoding: "示范县冷链追溯 CL-222499-2026-000123", correction: .medium)
        #expect(code.rows == Self.chineseTraceMedium)
    }

    @Test(arguments: QRCode.Correction.allCases)
    func finderTimingAndDarkModuleSitWhereScannersLook(correction: QRCode.Correction) throws {
        let code = try QRCode(encoding: String(repeating: "trace ", count: 40), correction: correction)
        let finder = ["#######", "#.....#", "#.###.#", "#.###.#", "#.###.#", "#.....#", "#######"]
        let last = code.size - 7
        for (left, top) in [(0, 0), (last, 0), (0, last)] {
            #expect(code.rows(x: left, y: top, width: 7, height: 7) == finder)
        }
        for index in 0..<8 {
            #expect(!code.isDark(x: 7, y: index) && !code.isDark(x: index, y: 7), "separator")
            #expect(!code.isDark(x: code.size - 8, y: index) && !code.isDark(x: index, y: code.size - 8), "separator")
        }
        for index in 8..<(code.size - 8) {
            #expect(code.isDark(x: index, y: 6) == index.isMultiple(of: 2), "horizontal timing")
            #expect(code.isDark(x: 6, y: index) == index.isMultiple(of: 2), "vertical timing")
        }
        #expect(code.isDark(x: 8, y: code.size - 8))
    }

    @Test(arguments: QRCode.Correction.allCases)
    func bothFormatCopiesNameTheLevelAndTheChosenMask(correction: QRCode.Correction) throws {
        let code = try QRCode(encoding: "https://shian.example.gov.cn/trace/CL-222499-2026-000123", correction: correction)
        let aroundTopLeft =
            [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8), (7, 8)]
            + [(5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8)]
        let split = (0..<8).map { (code.size - 1 - $0, 8) } + (8..<15).map { (8, code.size - 15 + $0) }
        let expected = QRCode.formatBits(correction: correction, mask: code.mask)
        #expect(code.bits(at: aroundTopLeft) == expected)
        #expect(code.bits(at: split) == expected)
    }

    /// ISO/IEC 18004 Annex C and D list these values.
    @Test func formatAndVersionInformationMatchTheStandardTables() {
        #expect(QRCode.formatBits(correction: .low, mask: 0) == 0x77C4)
        #expect(QRCode.formatBits(correction: .medium, mask: 0) == 0x5412)
        #expect(QRCode.formatBits(correction: .quartile, mask: 0) == 0x355F)
        #expect(QRCode.formatBits(correction: .high, mask: 0) == 0x1689)
        #expect(QRCode.formatBits(correction: .high, mask: 7) == 0x083B)
        #expect(QRCode.versionBits(version: 7) == 0x07C94)
        #expect(QRCode.versionBits(version: 8) == 0x085BC)
        #expect(QRCode.versionBits(version: 40) == 0x28C69)
    }

    @Test func versionInformationIsDrawnBesideBothFinders() throws {
        let code = try QRCode(encoding: String(repeating: "a", count: 110), correction: .medium)
        #expect(code.version == 7)
        let upperRight = (0..<18).map { (code.size - 11 + $0 % 3, $0 / 3) }
        let lowerLeft = (0..<18).map { ($0 / 3, code.size - 11 + $0 % 3) }
        #expect(code.bits(at: upperRight) == 0x07C94)
        #expect(code.bits(at: lowerLeft) == 0x07C94)
    }

    /// Annex E, including version 32, whose spacing is the one irregular case.
    @Test func alignmentCentresMatchAnnexE() {
        #expect(QRCode.alignmentCentres(version: 1) == [])
        #expect(QRCode.alignmentCentres(version: 2) == [6, 18])
        #expect(QRCode.alignmentCentres(version: 7) == [6, 22, 38])
        #expect(QRCode.alignmentCentres(version: 32) == [6, 34, 60, 86, 112, 138])
        #expect(QRCode.alignmentCentres(version: 40) == [6, 30, 58, 86, 114, 142, 170])
    }

    /// Annex I's worked example ("01234567", 1-M): its data codewords and their ten ECC codewords.
    @Test func reedSolomonMatchesTheWorkedExample() {
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        let correction = QRCode.ReedSolomon.remainder(of: data, generator: QRCode.ReedSolomon.generator(degree: 10))
        #expect(correction == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
        #expect(QRCode.ReedSolomon.multiply(0x80, 2) == 0x1D)
    }

    @Test func dataIsPaddedWithAlternatingPadCodewords() {
        let codewords = QRCode.dataCodewords(Array("HELLO WORLD".utf8), version: 1, correction: .low)
        #expect(codewords.count == 19)
        #expect(codewords.prefix(2) == [0x40, 0xB4])
        #expect(codewords.suffix(7) == [0x40, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
    }

    /// Table 10's eight patterns over a 6×6 corner, as drawn in Figure 23 (checked against segno's
    /// mask functions).
    @Test(arguments: [
        (0, ["#.#.#.", ".#.#.#", "#.#.#.", ".#.#.#", "#.#.#.", ".#.#.#"]),
        (1, ["######", "......", "######", "......", "######", "......"]),
        (2, ["#..#..", "#..#..", "#..#..", "#..#..", "#..#..", "#..#.."]),
        (3, ["#..#..", "..#..#", ".#..#.", "#..#..", "..#..#", ".#..#."]),
        (4, ["###...", "###...", "...###", "...###", "###...", "###..."]),
        (5, ["######", "#.....", "#..#..", "#.#.#.", "#..#..", "#....."]),
        (6, ["######", "###...", "##.##.", "#.#.#.", "#.##.#", "#...##"]),
        (7, ["#.#.#.", "...###", "#...##", ".#.#.#", "###...", ".###.."]),
    ])
    func maskPatterns(mask: Int, tile: [String]) {
        let drawn = (0..<6).map { y in String((0..<6).map { QRCode.maskFlips(mask, x: $0, y: y) ? "#" : "." }) }
        #expect(drawn == tile)
    }

    /// zxing-cpp's writer picks the same mask for 1,200 of 1,200 byte-mode texts; these rows are the
    /// ones that change when a penalty rule or the tie-break (lowest mask wins) is altered.
    @Test(arguments: [
        ("nl", QRCode.Correction.medium, 0), ("wu&c", .quartile, 5), ("uzkso eio=p=&lyajtot_ v", .medium, 4),
        ("&chd_?mlclwggwmgm tac_ynjoq", .high, 7), ("uyvsyvfnkqugnobibvodretgsrrspa g?um", .medium, 3),
        ("nrexitepdf uoovrbajsdzympkjhzkqyjk", .high, 6), ("q_paf&nulqftlblduwchc?nasokxjb =t rcpk", .low, 2),
    ])
    func maskChoiceMatchesZXing(text: String, correction: QRCode.Correction, mask: Int) throws {
        #expect(try QRCode(encoding: text, correction: correction).mask == mask)
    }

    /// Rule 1 (3 points for a run of five, one more per extra module) and rule 3 (40 for 1:1:3:1:1
    /// with four light modules on one side, the edge counting as light).
    @Test(arguments: [
        ("#####", 3), ("######", 4), ("....#....", 0), ("#.###.#....", 40), ("....#.###.#", 40), ("#.###.#", 40),
        ("#.#.###.#.#", 0), ("#.###.#.....", 43),
    ])
    func linePenalty(line: String, score: Int) {
        #expect(QRCode.Penalty.lineScore(line.map { $0 == "#" }) == score)
    }

    /// Table 7's byte capacities decide where each version ends.
    @Test(arguments: [
        (0, QRCode.Correction.medium, 21), (14, .medium, 21), (15, .medium, 25), (17, .low, 21), (18, .low, 25),
        (7, .high, 21), (8, .high, 25), (11, .quartile, 21), (12, .quartile, 25), (21, .medium, 25),
        (30, .medium, 29), (80, .medium, 37), (120, .medium, 45), (180, .medium, 53), (181, .medium, 57),
        (213, .medium, 57), (214, .medium, 61), (2953, .low, 177), (2331, .medium, 177), (1663, .quartile, 177),
        (1273, .high, 177),
    ])
    func smallestVersionThatHolds(length: Int, correction: QRCode.Correction, size: Int) throws {
        let code = try QRCode(encoding: String(repeating: "a", count: length), correction: correction)
        #expect(code.size == size)
    }

    @Test(arguments: [(2954, QRCode.Correction.low), (2332, .medium), (1664, .quartile), (1274, .high)])
    func tooLongTextIsRefused(length: Int, correction: QRCode.Correction) {
        #expect(throws: QRCode.Failure.tooLong) {
            try QRCode(encoding: String(repeating: "a", count: length), correction: correction)
        }
    }

    @Test func lengthIsCountedInUTF8Bytes() throws {
        #expect(try QRCode(encoding: String(repeating: "食", count: 2), correction: .high).size == 21)
        #expect(try QRCode(encoding: String(repeating: "食", count: 3), correction: .high).size == 25)
    }

    @Test func outsideTheSymbolIsLight() throws {
        let code = try QRCode(encoding: "CL-222499-2026-000123")
        #expect(!code.isDark(x: -1, y: 0) && !code.isDark(x: 0, y: -1))
        #expect(!code.isDark(x: code.size, y: 0) && !code.isDark(x: 0, y: code.size))
        #expect(code.isDark(x: 0, y: 0))
    }

    @Test func svgDrawsExactlyTheDarkModules() throws {
        let code = try QRCode(encoding: "HELLO WORLD")
        let svg = code.svg(moduleSize: 5, quietZone: 2)
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" width="125" height="125" viewBox="0 0 25 25""#))
        #expect(svg.contains(#"shape-rendering="crispEdges""#))
        #expect(svg.contains(##"<rect width="25" height="25" fill="#fff"/>"##))
        #expect(svg.ranges(of: "<path").count == 1)
        let darkCount = Self.helloWorldMedium.joined().filter { $0 == "#" }.count
        let runs = svg.split(separator: "M").dropFirst().map { run in
            let numbers = run.split(whereSeparator: { "hvz\"/>".contains($0) || $0 == " " }).compactMap { Int($0) }
            return numbers.count >= 3 ? numbers[2] : 0
        }
        #expect(runs.reduce(0, +) == darkCount)
        #expect(svg.contains("M2 2h7v1h-7z"), "the top row of the upper-left finder, offset by the quiet zone")
    }
}

extension QRCode {
    /// The matrix as text, '#' dark and '.' light, so a difference shows where it is.
    var rows: [String] { rows(x: 0, y: 0, width: size, height: size) }

    func rows(x left: Int, y top: Int, width: Int, height: Int) -> [String] {
        (top..<top + height).map { y in String((left..<left + width).map { isDark(x: $0, y: y) ? "#" : "." }) }
    }

    /// Reads modules as an integer, the first coordinate being the least significant bit.
    func bits(at coordinates: [(Int, Int)]) -> Int {
        coordinates.enumerated().reduce(0) { value, entry in
            value | (isDark(x: entry.element.0, y: entry.element.1) ? 1 << entry.offset : 0)
        }
    }
}
