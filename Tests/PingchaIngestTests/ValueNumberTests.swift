import XCTest
import PingchaModel
@testable import PingchaIngest

/// AmountParser and ChineseNumeral: amounts and counts as exports write them.
final class NumberValueTests: XCTestCase {
    private func number(_ text: String) -> DecimalNumber { DecimalNumber(text)! }

    func testArabicForms() {
        let cases: [(String, String)] = [
            ("5000", "5000"), ("5,000.00", "5000"), ("5，000", "5000"), ("5000元", "5000"), ("￥5000", "5000"),
            ("¥5,000", "5000"), ("RMB5000", "5000"), ("rmb 5000", "5000"), ("人民币5000元", "5000"),
            ("5000元整", "5000"), ("5000 元", "5000"), ("1,234,567.89", "1234567.89"), ("0.5", "0.5"),
            (".5", "0.5"), ("007", "7"), ("-12.5", "-12.5"), ("+3", "3"), ("-￥200", "-200"), ("￥-200", "-200"),
            ("５０００", "5000"), ("５，０００．５０", "5000.5"), ("5000.000000", "5000"), ("0.0001", "0.0001"),
            ("5000圆", "5000"),
        ]
        for (text, expected) in cases { XCTAssertEqual(AmountParser.parse(text), number(expected), text) }
    }

    func testMagnitudes() {
        let cases: [(String, Int64)] = [
            ("5千", 5000), ("5千元", 5000), ("1.2万", 12000), ("1.2万元", 12000), ("0.5亿", 50_000_000),
            ("3百", 300), ("5千万", 50_000_000), ("2.5 万元", 25000),
        ]
        for (text, yuan) in cases {
            XCTAssertEqual(AmountParser.parse(text), DecimalNumber(units: yuan * 10_000), text)
        }
        XCTAssertEqual(AmountParser.parse("1.23456万"), number("12345.6"))
    }

    func testCapitalAmounts() {
        let cases: [(String, String)] = [
            ("人民币伍仟元整", "5000"), ("人民币壹万贰仟元整", "12000"), ("壹佰零伍元伍角", "105.5"),
            ("叁万元整", "30000"), ("拾元", "10"), ("壹拾万元", "100000"), ("贰仟零伍元整", "2005"),
            ("壹佰元伍角陆分", "100.56"), ("壹元零伍分", "1.05"), ("伍仟圆正", "5000"), ("零元", "0"),
            ("壹亿贰仟万元", "120000000"), ("壹仟零伍拾元", "1050"), ("玖万玖仟玖佰玖拾玖元玖角玖分", "99999.99"),
            ("￥伍佰元", "500"),
        ]
        for (text, expected) in cases { XCTAssertEqual(AmountParser.parse(text), number(expected), text) }
    }

    func testOrdinaryNumeralsAndCountUnits() {
        let cases: [(String, String)] = [
            ("二", "2"), ("十二", "12"), ("三万", "30000"), ("两", "2"), ("二十", "20"), ("一百一十", "110"),
            ("2人", "2"), ("3名", "3"), ("5份", "5"), ("4件", "4"), ("1个", "1"), ("6项", "6"), ("2次", "2"),
            ("两人", "2"), ("十二份", "12"), ("3 人", "3"),
        ]
        for (text, expected) in cases { XCTAssertEqual(AmountParser.parse(text), number(expected), text) }
    }

    func testChineseNumeralDirectly() {
        XCTAssertEqual(ChineseNumeral.parse("人民币伍仟元整"), number("5000"))
        XCTAssertEqual(ChineseNumeral.parse("壹佰零伍元伍角"), number("105.5"))
        XCTAssertEqual(ChineseNumeral.parse("十二"), number("12"))
        XCTAssertEqual(ChineseNumeral.parse("三万"), number("30000"))
        XCTAssertEqual(ChineseNumeral.parse("零"), number("0"))
        for text in ["伍仟X", "5000", "", "元", "一二", "伍零", "百", "三万五", "壹仟伍", "伍仟伍仟", "万",
                     "伍佰仟", "零佰", "十十", "壹万壹万", "伍元伍", "伍角"] {
            XCTAssertNil(ChineseNumeral.parse(text), text)
        }
    }

    func testInvalidAmounts() {
        for text in ["abc", "1.2.3", "伍仟X", "", "-", "5,00", "50,00.5", ",500", "5,", "1,5", "5000.12345",
                     "0.00001", "5000元元", "5000人元", "5000元人", "￥", "人民币", "5 000", "12ab", "5e3",
                     "99999999999999999999", "922337203685478", "5千千", "万", "--5", "伍仟元人", "2人人"] {
            XCTAssertNil(AmountParser.parse(text), text)
        }
    }

    func testFourFractionalDigitsAreKeptExactly() {
        XCTAssertEqual(AmountParser.parse("0.1234"), DecimalNumber(units: 1234))
        XCTAssertEqual(AmountParser.parse("0.12340"), DecimalNumber(units: 1234))
        XCTAssertEqual(AmountParser.parse("922337203685477"), DecimalNumber(units: 922_337_203_685_477 * 10_000))
    }

    func testByteOverload() {
        let bytes = Array("  ￥5,000.50 ".utf8)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { AmountParser.parse($0) }, number("5000.5"))
    }
}
