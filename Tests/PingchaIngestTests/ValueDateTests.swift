import XCTest
import PingchaModel
@testable import PingchaIngest

/// DateParser: every date form of fields.md, Excel serials, dropped times and refusals.
final class DateValueTests: XCTestCase {
    private let march5 = CivilDate(year: 2024, month: 3, day: 5)!

    func testSeparatedForms() {
        for text in ["2024-03-05", "2024-3-5", "2024/3/5", "2024/03/05", "2024.3.5", "2024.03.05",
                     "2024年3月5日", "2024年03月05日", "20240305", "  2024-03-05\u{3000}"] {
            XCTAssertEqual(DateParser.parse(text), march5, text)
        }
    }

    /// The forms of official documents and of people typing them: spaces around 年月日, 号 for
    /// 日, the date in Chinese numerals, a weekday after the date (checked: a wrong one means a
    /// mistyped date, which is refused).
    func testDatesAsDocumentsWriteThem() {
        for text in ["2024 年 3 月 5 日", "2024年3月5号", "2024年 03月 05日", "二〇二四年三月五日", "二○二四年三月五日",
                     "二零二四年三月五号", "2024/3/5 星期二", "2024-03-05（周二）", "2024年3月5日 礼拜二 14:30", "2024.3.5 周二"] {
            XCTAssertEqual(DateParser.parse(text), march5, text)
        }
        XCTAssertEqual(DateParser.parse("二〇二五年十二月三十一日"), CivilDate(year: 2025, month: 12, day: 31))
        XCTAssertEqual(DateParser.parse("二〇二五年十月十日"), CivilDate(year: 2025, month: 10, day: 10))
        XCTAssertEqual(DateParser.parse("二〇二五年十一月二十日"), CivilDate(year: 2025, month: 11, day: 20))
        XCTAssertEqual(DateParser.parse("2025/4/6 星期日"), CivilDate(year: 2025, month: 4, day: 6))
        XCTAssertEqual(DateParser.parse("2025/4/6 周天"), CivilDate(year: 2025, month: 4, day: 6))
        for text in ["2024/3/5 星期三", "二〇二四年二月三十日", "二〇二四年十三月一日", "二〇二四年三月四十日", "二〇二四年三月",
                     "二〇二四年三月五", "二四年三月五日", "二〇二四年零三月五日", "2024 年3月5日下午", "2024/3/5 星期八"] {
            XCTAssertNil(DateParser.parse(text), text)
        }
    }

    func testFullWidthDigitsAndPunctuation() {
        for text in ["２０２４－０３－０５", "２０２４／３／５", "２０２４．３．５", "２０２４年３月５日",
                     "２０２４０３０５", "2024-03-05　14：30"] {
            XCTAssertEqual(DateParser.parse(text), march5, text)
        }
    }

    func testDateTimesDropTheTime() {
        for text in ["2024-03-05 14:30", "2024-03-05T14:30:00", "2024/3/5 9:05:05", "2024年3月5日 14时30分",
                     "2024-03-05 14:30:00.000", "2024-03-05 00:00:00", "2024年3月5日14时30分05秒",
                     "2024年3月5日 9时", "2024-03-05  23:59"] {
            XCTAssertEqual(DateParser.parse(text), march5, text)
        }
    }

    func testExcelSerials() {
        XCTAssertEqual(DateParser.parse("45356"), march5)
        XCTAssertEqual(DateParser.parse("45356.5"), march5)
        XCTAssertEqual(DateParser.parse("45356.999988426"), march5)
        XCTAssertEqual(DateParser.parse("1"), CivilDate(year: 1900, month: 1, day: 1))
        XCTAssertEqual(DateParser.parse("59"), CivilDate(year: 1900, month: 2, day: 28))
        XCTAssertEqual(DateParser.parse("61"), CivilDate(year: 1900, month: 3, day: 1))
        XCTAssertEqual(DateParser.parse("36526"), CivilDate(year: 2000, month: 1, day: 1))
        XCTAssertNil(DateParser.parse("60"), "Excel's fictitious 1900-02-29")
        XCTAssertNil(DateParser.parse("0"))
        XCTAssertNil(DateParser.parse("99999"), "serial 99999 is in 2173")
        XCTAssertNil(DateParser.parse("100000"))
    }

    func testImpossibleDatesAreRefused() {
        for text in ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-03-00", "2024-03-32",
                     "20241301", "20230229", "2024年2月30日"] {
            XCTAssertNil(DateParser.parse(text), text)
        }
        XCTAssertEqual(DateParser.parse("2024-02-29"), CivilDate(year: 2024, month: 2, day: 29))
    }

    func testYearsOutsideRangeAreRefused() {
        for text in ["1899-12-31", "2101-01-01", "0024-03-05", "18991231"] {
            XCTAssertNil(DateParser.parse(text), text)
        }
        XCTAssertEqual(DateParser.parse("1900-01-01"), CivilDate(year: 1900, month: 1, day: 1))
        XCTAssertEqual(DateParser.parse("2100-12-31"), CivilDate(year: 2100, month: 12, day: 31))
    }

    func testMalformedTextIsRefused() {
        for text in ["", "abc", "1.2.3", "2024-03", "2024-03-05-01", "2024/03-05", "24-03-05", "2024-003-05",
                     "2024年3月5", "2024年3月5日下午", "2024-03-05 25:00", "2024-03-05 14:60", "2024-03-05 14",
                     "2024-03-05T", "2024-03-05 abc", "202403051", "2024-03-05Z", "2024.3.5.", "-45356",
                     "45356.", "45356.5.1", "2024-03-05 14:30:61"] {
            XCTAssertNil(DateParser.parse(text), text)
        }
    }

    func testByteOverloadReadsWithoutTrimmingHelp() {
        let bytes = Array(" 2024/3/5 9:05 ".utf8)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { DateParser.parse($0) }, march5)
    }
}
