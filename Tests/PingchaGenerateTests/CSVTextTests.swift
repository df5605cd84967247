import PingchaModel
import XCTest

final class CSVTextTests: XCTestCase {
    private func field(_ s: String) -> String {
        var out: [UInt8] = []
        CSVText.appendField(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func testPlainFieldsAreNotQuoted() {
        XCTAssertEqual(field(""), "")
        XCTAssertEqual(field("克市监罚〔2025〕12号"), "克市监罚〔2025〕12号")
        XCTAssertEqual(field("书证；物证"), "书证；物证")
        XCTAssertEqual(field("a b"), "a b")
        XCTAssertEqual(field("-12.5"), "-12.5")
    }

    func testQuotingRules() {
        XCTAssertEqual(field("5,000.00元"), "\"5,000.00元\"")
        XCTAssertEqual(field("称\"不知情\""), "\"称\"\"不知情\"\"\"")
        XCTAssertEqual(field("\""), "\"\"\"\"")
        XCTAssertEqual(field("第一行\n第二行"), "\"第一行\n第二行\"")
        XCTAssertEqual(field("a\rb"), "\"a\rb\"")
        XCTAssertEqual(field(" 前导空格"), "\" 前导空格\"")
        XCTAssertEqual(field("尾随空格 "), "\"尾随空格 \"")
        XCTAssertEqual(field(" "), "\" \"")
    }

    func testRowsEndWithCRLFOrLF() {
        var out: [UInt8] = []
        CSVText.appendRow(["案件编号", "罚款金额", "", "a,b"], to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "案件编号,罚款金额,,\"a,b\"\r\n")
        out.removeAll()
        CSVText.appendRow(["x", "y"], to: &out, lineEnding: .lf)
        XCTAssertEqual(out, Array("x,y\n".utf8))
        out.removeAll()
        CSVText.appendRow([], to: &out)
        XCTAssertEqual(out, [0x0D, 0x0A])
    }

    func testQuoteFieldInPlaceOnlyTouchesTheLastField() {
        var out = Array("abc,".utf8)
        let start = out.count
        out.append(contentsOf: "x\"y".utf8)
        CSVText.quoteField(in: &out, from: start)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "abc,\"x\"\"y\"")
        let before = out
        CSVText.quoteField(in: &out, from: out.count)
        XCTAssertEqual(out, before)
    }

    func testNeutralisedFormulaCells() {
        XCTAssertEqual(CSVText.neutralised("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")")
        XCTAssertEqual(CSVText.neutralised("+86 13912345678"), "'+86 13912345678")
        XCTAssertEqual(CSVText.neutralised("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSVText.neutralised("\t=1"), "'\t=1")
        XCTAssertEqual(CSVText.neutralised("\r=1"), "'\r=1")
        XCTAssertEqual(CSVText.neutralised("-1+2"), "'-1+2")
        XCTAssertEqual(CSVText.neutralised("-"), "'-")
        XCTAssertEqual(CSVText.neutralised("-A1"), "'-A1")
        XCTAssertEqual(CSVText.neutralised("-1,000"), "'-1,000")
        XCTAssertEqual(CSVText.neutralised("-1e5"), "'-1e5")
        XCTAssertEqual(CSVText.neutralised("-12."), "'-12.")
        XCTAssertEqual(CSVText.neutralised("-.5"), "'-.5")
    }

    func testNeutralisedLeavesDataAlone() {
        XCTAssertEqual(CSVText.neutralised("-12.5"), "-12.5")
        XCTAssertEqual(CSVText.neutralised("-3"), "-3")
        XCTAssertEqual(CSVText.neutralised(""), "")
        XCTAssertEqual(CSVText.neutralised("市场监督管理局"), "市场监督管理局")
        XCTAssertEqual(CSVText.neutralised("12=3"), "12=3")
        XCTAssertEqual(CSVText.neutralised(" =1"), " =1")
    }
}
