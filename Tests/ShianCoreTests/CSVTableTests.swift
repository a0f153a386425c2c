import Testing

@testable import ShianCore

@Suite("CSV parsing")
struct CSVTableTests {
    @Test(arguments: [
        ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
        ("\u{FEFF}名称,地址\n老街米线,\"人民路18号, 一楼\"\n", [["名称", "地址"], ["老街米线", "人民路18号, 一楼"]]),
        ("a,\"say \"\"hi\"\"\",c", [["a", "say \"hi\"", "c"]]),
        ("a,\"two\nlines\"\n\n", [["a", "two\nlines"]]),
        ("a,,c\n", [["a", "", "c"]]),
        ("x\n\n\ny\n", [["x"], ["y"]]),
        ("", []),
    ])
    func parses(text: String, expected: [[String]]) throws {
        #expect(try CSVTable.parse(text) == expected)
    }

    @Test func refusesBrokenQuotes() {
        #expect(throws: CSVTable.ParseError.unterminatedQuote(record: 2)) { try CSVTable.parse("a\n\"open,b\n") }
        #expect(throws: CSVTable.ParseError.strayQuote(record: 1)) { try CSVTable.parse("ab\"c,d\n") }
    }
}
