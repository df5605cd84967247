import XCTest
@testable import PingchaIngest
import PingchaModel

/// How workbook cells become text: day counts in both date systems, numbers as Excel shows
/// them, which number formats are dates, column letters, the shared-strings table.
final class WorkbookCellTests: XCTestCase {
    func date(_ serial: Double, _ uses1904: Bool = false) -> String? {
        CellText.date(serial: serial, uses1904: uses1904)?.description
    }

    func testDayCountsInThe1900System() {
        XCTAssertEqual(date(1), "1900-01-01")
        XCTAssertEqual(date(59), "1900-02-28")
        XCTAssertNil(date(60), "1900-02-29 never existed")
        XCTAssertEqual(date(61), "1900-03-01")
        XCTAssertEqual(date(45356), "2024-03-05")
        XCTAssertEqual(date(45356.75), "2024-03-05", "the time of day is dropped")
        XCTAssertNil(date(-1))
    }

    func testDayCountsInThe1904System() {
        XCTAssertEqual(date(0, true), "1904-01-01")
        XCTAssertEqual(date(43894, true), "2024-03-05")
    }

    func number(_ stored: String) -> String {
        var out: [UInt8] = []
        var s = stored
        s.withUTF8 { CellText.appendNumber($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    func testNumbersReadAsExcelShowsThem() {
        XCTAssertEqual(number("5000"), "5000")
        XCTAssertEqual(number("500.5"), "500.5")
        XCTAssertEqual(number("0.30000000000000004"), "0.3")
        XCTAssertEqual(number("1.2E-3"), "0.0012")
        XCTAssertEqual(number("2E+4"), "20000")
        XCTAssertEqual(number("20240410"), "20240410")
    }

    /// A case number or an ID stored as a number keeps every digit its system wrote: three
    /// 16-digit case numbers rounded to 15 digits became one case and two "duplicates".
    func testLongWholeNumbersKeepTheirDigits() {
        XCTAssertEqual(number("6502032025000101"), "6502032025000101")
        XCTAssertEqual(number("6502032025000102"), "6502032025000102")
        XCTAssertEqual(number("650202195604230012"), "650202195604230012")
        XCTAssertEqual(number("-1234567890123456"), "-1234567890123456")
        // Past a point, digits beyond the fifteenth are binary noise, as before.
        XCTAssertEqual(number("1234567890123.4567"), "1234567890123.46")
        // Written with an exponent, the digits are already gone: shown as Excel shows it.
        XCTAssertEqual(number("6.5020320250001005E+15"), "6.5020320250001e+15")
    }

    func testDateFormats() {
        for id in [14, 15, 16, 17, 22, 31, 45, 57] { XCTAssertTrue(NumberFormat.showsDate(id: id, code: nil), "\(id)") }
        for id in [0, 1, 2, 10, 49] { XCTAssertFalse(NumberFormat.showsDate(id: id, code: nil), "\(id)") }
        XCTAssertTrue(NumberFormat.codeShowsDate("yyyy/m/d"))
        XCTAssertTrue(NumberFormat.codeShowsDate(#"yyyy"年"m"月"d"日""#))
        XCTAssertTrue(NumberFormat.codeShowsDate("[$-804]yyyy-mm-dd"))
        XCTAssertFalse(NumberFormat.codeShowsDate("#,##0.00"))
        XCTAssertFalse(NumberFormat.codeShowsDate("[Red]0.00"))
        XCTAssertFalse(NumberFormat.codeShowsDate(#"0.00"天""#))
        XCTAssertFalse(NumberFormat.codeShowsDate("mm:ss"))
        XCTAssertFalse(NumberFormat.codeShowsDate("General"))
    }

    func testColumnLetters() {
        XCTAssertEqual([1, 26, 27, 52, 703, 16_384].map(ColumnLetters.name), ["A", "Z", "AA", "AZ", "AAA", "XFD"])
        XCTAssertEqual("AB12".withCString { ColumnLetters.column(ofReference: $0) }, 28)
        XCTAssertNil("12".withCString { ColumnLetters.column(ofReference: $0) })
    }

    /// Past its memory limit the table moves to a mapped file and reads back the same.
    func testSharedStringsSpillToAFileAndReadBack() {
        for limit in [1 << 30, 4096] {
            let table = SharedStringTable(memoryLimit: limit)
            for i in 0..<5000 {
                var text = "执法主体\(i)"
                text.withUTF8 { table.append($0) }
            }
            table.finish()
            XCTAssertEqual(table.isSpilled, limit == 4096)
            XCTAssertEqual(table.stringCount, 5000)
            for i in [0, 1, 2500, 4999] {
                XCTAssertEqual(table.bytes(at: i).map { String(decoding: $0, as: UTF8.self) }, "执法主体\(i)")
            }
            XCTAssertNil(table.bytes(at: 5000))
        }
    }
}
