import XCTest
@testable import PingchaIngest

/// A line with text after a closing quote, rewritten so that libcsv reads what Excel reads.
final class StrayQuotesTests: XCTestCase {
    func repair(_ line: String, _ start: StrayQuotes.Start = .fieldStart, delimiter: UInt8 = 0x2C) -> (String, [Int], [String])? {
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBytes { raw in
            StrayQuotes.repair(UnsafeRawBufferPointer(raw), start: start, delimiter: delimiter)
                .map { (String(decoding: $0.bytes, as: UTF8.self), $0.fields, $0.values) }
        }
    }

    func testWellFormedLinesAreLeftAlone() {
        XCTAssertNil(repair("a,b,c\n"))
        XCTAssertNil(repair("\"a,b\",\"c\"\"d\"\"\",e\n"))
        XCTAssertNil(repair("\"a\" ,b\n"))                  // spaces before the delimiter: libcsv drops them
        XCTAssertNil(repair("ab\"c\"d,e\n"))                // quotes inside an unquoted field are text
        XCTAssertNil(repair("\"a\"\r\n"))
        XCTAssertNil(repair("rest of a field\",b\n", .quoted))   // a multi-line field closing
        XCTAssertNil(repair("still inside\n", .quoted))
    }

    func testTheStrayQuoteMovesToTheFieldsEnd() {
        let r = repair("x,\"违法\"补充,y\n")
        XCTAssertEqual(r?.0, "x,\"违法补充\",y\n")
        XCTAssertEqual(r?.1, [1])
        XCTAssertEqual(r?.2, ["违法补充"])
        // Quotes after the closing one stay text (doubled), escaped ones before it are undone
        // in the value, and the field can be the last one of the line, with or without CR.
        let q = repair("\"a\"\"b\"c\"d\r\n")
        XCTAssertEqual(q?.0, "\"a\"\"bc\"\"d\"\r\n")
        XCTAssertEqual(q?.2, ["a\"bc\"d"])
        // Two on one line, counted from the line's first field; spaces before the text kept.
        let two = repair(" \"a\" b,c,\"d\"e\n")
        XCTAssertEqual(two?.0, " \"a b\",c,\"de\"\n")
        XCTAssertEqual(two?.1, [0, 2])
        // A field that began on an earlier line.
        XCTAssertEqual(repair("尾\"后,z\n", .quoted)?.0, "尾后\",z\n")
        XCTAssertEqual(repair("尾\"后,z\n", .quoted)?.2, ["尾后"])
        // Tab-separated: the tab ends the field, it is not space before text.
        XCTAssertEqual(repair("\"a\"b\tc\n", delimiter: 0x09)?.0, "\"ab\"\tc\n")
    }

    func testAPieceWhoseFieldRunsOnIntoTheNextBlockIsLeftToTheParser() {
        XCTAssertNil(repair("x,\"a\"b"))                    // no line feed: the field's end is in the next block
        XCTAssertEqual(repair("\"a\"b,\"c\"d")?.0, "\"ab\",\"c\"d")   // the first is repaired, the second left
        XCTAssertNil(repair("\"a\"b\n", .unsure))
    }
}
