import XCTest
import PingchaModel
@testable import PingchaIngest

/// BoolParser and ListSplitter on their own.
final class BoolListValueTests: XCTestCase {
    func testTrueForms() {
        for text in ["是", "有", "已", "√", "✓", "✔", "Y", "y", "yes", "YES", "Yes", "true", "TRUE", "1", "Ｙ", "ｙｅｓ",
                     "１", " 是 "] {
            XCTAssertEqual(BoolParser.parse(text), true, text)
        }
    }

    func testFalseForms() {
        for text in ["否", "无", "無", "未", "×", "✗", "✘", "N", "n", "no", "NO", "false", "False", "0", "Ｎ", "０"] {
            XCTAssertEqual(BoolParser.parse(text), false, text)
        }
    }

    func testOtherTextIsRefused() {
        for text in ["", "已送达", "未告知", "是的", "yess", "ye", "t", "f", "2", "10", "对", "x", "truee", "否否", "abc"] {
            XCTAssertNil(BoolParser.parse(text), text)
        }
    }

    func testBoolByteOverload() {
        let bytes = Array("\u{3000}否\u{3000}".utf8)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { BoolParser.parse($0) }, false)
    }

    func testListSeparators() {
        XCTAssertEqual(ListSplitter.split("警告;罚款；没收违法所得、通报批评,责令关闭，限制从业|行政拘留"),
                       ["警告", "罚款", "没收违法所得", "通报批评", "责令关闭", "限制从业", "行政拘留"])
        XCTAssertEqual(ListSplitter.split("书证\n物证\r\n视听资料"), ["书证", "物证", "视听资料"])
        XCTAssertEqual(ListSplitter.split("书证｜物证"), ["书证", "物证"])
    }

    func testListItemsAreTrimmedDedupedAndEmptiesDropped() {
        XCTAssertEqual(ListSplitter.split(" 警告 ；；罚款；　警告；"), ["警告", "罚款"])
        XCTAssertEqual(ListSplitter.split("；、,"), [])
        XCTAssertEqual(ListSplitter.split(""), [])
        XCTAssertEqual(ListSplitter.split("罚款"), ["罚款"])
    }
}
