import XCTest
@testable import PingchaPublish

/// The cell writer of cases.csv and findings.csv: a cell is quoted exactly when it holds a
/// comma, a quote or a line break, wherever in the cell it stands (the test reads eight bytes at
/// a time, so each position of a word and of the tail is tried), and a text encoded once reads
/// the same as the text written cell by cell.
final class CSVRowsTests: XCTestCase {
    func written(_ cells: [String]) -> String {
        var rows = CSVRows()
        for c in cells { rows.cell(c) }
        rows.endRow()
        return String(decoding: rows.bytes, as: UTF8.self)
    }

    func testEverySpecialByteAtEveryPositionIsQuoted() {
        for length in 1...19 {
            for position in 0..<length {
                for special in [",", "\"", "\r", "\n"] {
                    var chars = Array(repeating: "a", count: length)
                    chars[position] = special
                    let cell = chars.joined()
                    // A cell starting with CR could be read as a formula: neutralised too.
                    let escaped = (special == "\r" && position == 0 ? "'" : "") + cell.replacingOccurrences(of: "\"", with: "\"\"")
                    XCTAssertEqual(written([cell]), "\"\(escaped)\"\r\n", "length \(length), \(special.debugDescription) at \(position)")
                }
            }
            let plain = String(repeating: "执", count: length)  // bytes E6 89 A7: none is special
            XCTAssertEqual(written([plain]), plain + "\r\n")
        }
    }

    func testBytesNearTheSpecialOnesStayPlain() {
        // One off each special byte (+ - . ! # \t \u{0B} \u{0C}) and bytes with the high bit set.
        let cell = "a+.!#\t\u{0B}\u{0C}b" + String(decoding: [0xC2, 0xAC, 0xE2, 0x80, 0xA2], as: UTF8.self)
        XCTAssertEqual(written([cell, "x"]), cell + ",x\r\n")
    }

    func testFormulaStartsAndEdgeSpacesAreStillHandled() {
        XCTAssertEqual(written(["=1+1", "-3", "-x", "@a,b", " a", "a "]), "'=1+1,-3,'-x,\"'@a,b\",\" a\",\"a \"\r\n")
    }

    func testAnEncodedCellReadsAsTheCellItself() {
        for text in ["", "plain", "《行政处罚法》第三十六条、第三十七条", "a,b", "say \"no\"", "=SUM(A1)", "two\nlines"] {
            var direct = CSVRows(), copied = CSVRows()
            direct.cell("first"); direct.cell(text); direct.endRow()
            copied.cell("first"); copied.encodedCell(CSVRows.encoded(text)); copied.endRow()
            XCTAssertEqual(copied.bytes, direct.bytes, text)
        }
    }
}
