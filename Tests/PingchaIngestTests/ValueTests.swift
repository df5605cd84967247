import XCTest
import PingchaModel
@testable import PingchaIngest
import PingchaCatalogue

/// ValueNormaliser: one cell of each field type, as the ingest stage sees it.
final class ValueTests: XCTestCase {
    private let catalogue = FieldCatalogue.builtIn()

    private func normaliser(_ id: String, extraSynonyms: [String: String] = [:], headerUnit: String? = nil)
        -> ValueNormaliser {
        ValueNormaliser(field: catalogue[id]!, extraSynonyms: extraSynonyms, headerUnit: headerUnit)
    }

    private func number(_ text: String) -> CellOutcome { .value(.number(DecimalNumber(text)!)) }

    // MARK: Missing values

    func testEmptyWhitespaceAndPlaceholdersAreMissingForEveryType() {
        let cells = ["", " ", "\t", "\u{3000}", "\u{00A0}", " \u{3000} ", "/", "／", "-", "—", "——", "--",
                     "N/A", "n/a", "NULL", "null", "#N/A", " / ", "\u{3000}N/A\u{3000}"]
        for id in ["case_id", "procedure", "fine_amount", "filed_date", "publicized", "penalty_kinds"] {
            let n = normaliser(id)
            for cell in cells { XCTAssertEqual(n.normalise(cell), .missing, "\(id): \(cell.debugDescription)") }
        }
    }

    func testNearPlaceholdersAreNotMissing() {
        let text = normaliser("cause")
        XCTAssertEqual(text.normalise("//"), .value(.text("//")))
        XCTAssertEqual(text.normalise("无"), .value(.text("无")))
        XCTAssertEqual(normaliser("fine_amount").normalise("-5"), number("-5"))
    }

    // MARK: Text

    func testTextIsTrimmedAndOtherwiseKept() {
        let n = normaliser("cause")
        XCTAssertEqual(n.normalise("  未按规定  公示ＡＢＣ\u{3000}"), .value(.text("未按规定  公示ＡＢＣ")))
        XCTAssertEqual(n.normalise("\u{FEFF}京市监罚〔2024〕12号"), .value(.text("京市监罚〔2024〕12号")))
    }

    // MARK: Dates

    func testDateCells() {
        let n = normaliser("filed_date")
        let march5 = FieldValue.date(CivilDate(year: 2024, month: 3, day: 5)!)
        for cell in ["2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", "20240305", "2024-03-05 14:30"] {
            XCTAssertEqual(n.normalise(cell), .value(march5), cell)
        }
        XCTAssertEqual(n.normalise("45356"), .value(march5))
        let expected = CellOutcome.invalid(expected: "日期（如 2024-03-05、2024/3/5、2024年3月5日）")
        // "2024" as a serial would be 1905-07-16: outside the years a case can date from.
        for cell in ["2024-02-30", "2024-13-01", "abc", "1.2.3", "60", "2024"] { XCTAssertEqual(n.normalise(cell), expected, cell) }
    }

    // MARK: Booleans

    func testBoolCells() {
        let n = normaliser("publicized")
        XCTAssertEqual(n.normalise("是"), .value(.bool(true)))
        XCTAssertEqual(n.normalise(" 否 "), .value(.bool(false)))
        XCTAssertEqual(n.normalise("√"), .value(.bool(true)))
        XCTAssertEqual(n.normalise("Ｎ"), .value(.bool(false)))
        XCTAssertEqual(n.normalise("已公示"), .invalid(expected: "是或否（如 是/否、有/无、Y/N、1/0）"))
    }

    // MARK: Numbers

    func testNumberCells() {
        let n = normaliser("fine_amount")
        XCTAssertEqual(n.normalise("5,000.00"), number("5000"))
        XCTAssertEqual(n.normalise("人民币壹万贰仟元整"), number("12000"))
        XCTAssertEqual(n.normalise("1.2万"), number("12000"))
        XCTAssertEqual(normaliser("officers_count").normalise("2人"), number("2"))
        XCTAssertEqual(normaliser("officers_count").normalise("二"), number("2"))
        let expected = CellOutcome.invalid(expected: "数字（如 5000、5,000.00、5000元、1.2万、人民币伍仟元整）")
        for cell in ["abc", "1.2.3", "伍仟X", "5000.12345"] { XCTAssertEqual(n.normalise(cell), expected, cell) }
    }

    func testHeaderUnitScalesBareNumbersOnly() {
        let wan = normaliser("fine_amount", headerUnit: "万元")
        XCTAssertEqual(wan.normalise("1.5"), number("15000"))
        XCTAssertEqual(wan.normalise("2"), number("20000"))
        XCTAssertEqual(wan.normalise("0.00005"), number("0.5"), "exact after scaling is enough")
        XCTAssertEqual(wan.normalise("十二"), number("120000"))
        XCTAssertEqual(wan.normalise("5000元"), number("5000"))
        XCTAssertEqual(wan.normalise("1.2万"), number("12000"))
        XCTAssertEqual(wan.normalise("￥300"), number("300"))
        XCTAssertEqual(wan.normalise("人民币伍仟元整"), number("5000"))
        XCTAssertEqual(normaliser("fine_amount", headerUnit: "万").normalise("3"), number("30000"))
        XCTAssertEqual(normaliser("fine_amount", headerUnit: "千元").normalise("2.5"), number("2500"))
        XCTAssertEqual(normaliser("fine_amount", headerUnit: "千").normalise("2"), number("2000"))
        XCTAssertEqual(normaliser("fine_amount", headerUnit: "元").normalise("2"), number("2"))
        XCTAssertEqual(normaliser("fine_amount", headerUnit: "美元").normalise("2"), number("2"), "unknown unit ignored")
        XCTAssertEqual(normaliser("officers_count", headerUnit: "人").normalise("2"), number("2"))
        XCTAssertEqual(wan.normalise("922337203685477"),
                       .invalid(expected: "数字（如 5000、5,000.00、5000元、1.2万、人民币伍仟元整）"), "overflow")
    }

    // MARK: Enums

    func testEnumValuesAndSynonyms() {
        let n = normaliser("procedure")
        XCTAssertEqual(n.normalise("普通程序"), .value(.text("普通程序")))
        XCTAssertEqual(n.normalise("一般程序"), .value(.text("普通程序")))
        XCTAssertEqual(n.normalise(" 简易 "), .value(.text("简易程序")))
        XCTAssertEqual(n.normalise("快办"), .value(.text("快速办理")))
        XCTAssertEqual(n.normalise("听证程序"), .invalid(expected: "以下之一：简易程序、普通程序、快速办理"))
    }

    func testEnumFoldsFullWidthAndCase() {
        let n = normaliser("procedure", extraSynonyms: ["Normal": "普通程序", "ｆａｓｔ": "快速办理"])
        XCTAssertEqual(n.normalise("normal"), .value(.text("普通程序")))
        XCTAssertEqual(n.normalise("ＮＯＲＭＡＬ"), .value(.text("普通程序")))
        XCTAssertEqual(n.normalise("FAST"), .value(.text("快速办理")))
    }

    /// A value broken over two lines in its cell, or spaced out, is still the value: 行政↵处罚
    /// rejected the case (a required field), 普通↵程序 became missing.
    func testEnumIgnoresWhiteSpaceInside() {
        XCTAssertEqual(normaliser("procedure").normalise("普通\n程序"), .value(.text("普通程序")))
        XCTAssertEqual(normaliser("enforcement_type").normalise("行政 处罚"), .value(.text("行政处罚")))
        XCTAssertEqual(normaliser("enforcement_type").normalise("行政\r\n处罚"), .value(.text("行政处罚")))
        XCTAssertEqual(normaliser("enforcement_type").normalise("行政\u{3000}许可"), .value(.text("行政许可")))
    }

    func testExtraSynonymsAddToAndOverrideTheCatalogue() {
        let n = normaliser("procedure", extraSynonyms: ["一般案件": "普通程序", "简易": "普通程序", "普通程序": "简易程序"])
        XCTAssertEqual(n.normalise("一般案件"), .value(.text("普通程序")))
        XCTAssertEqual(n.normalise("简易"), .value(.text("普通程序")), "the export's own meaning wins")
        XCTAssertEqual(n.normalise("普通程序"), .value(.text("普通程序")), "a canonical value always means itself")
    }

    // MARK: Lists

    func testListKnownItemsAndSynonyms() {
        let n = normaliser("penalty_kinds")
        XCTAssertEqual(n.normalise("警告；罚款"), .value(.list(["警告", "罚款"])))
        XCTAssertEqual(n.normalise("罚款、罚金、吊销营业执照"), .value(.list(["罚款", "吊销许可证件"])))
        XCTAssertEqual(n.normalise("警告|罚款,警告"), .value(.list(["警告", "罚款"])))
        XCTAssertEqual(n.normalise("；；"), .missing)
    }

    func testListUnknownItemsAreKeptWithANote() {
        let n = normaliser("penalty_kinds")
        XCTAssertEqual(n.normalise("警告，责令改正；批评教育、责令改正"),
                       .valueWithNote(.list(["警告", "责令改正", "批评教育"]), note: "未知项：责令改正、批评教育（已保留）"))
        let mapped = normaliser("penalty_kinds", extraSynonyms: ["责令改正": "责令改正"])
        XCTAssertEqual(mapped.normalise("警告，责令改正"), .value(.list(["警告", "责令改正"])))
    }

    func testListWithoutKnownValuesKeepsItems() {
        var field = catalogue["penalty_kinds"]!
        field.values = []
        let n = ValueNormaliser(field: field)
        XCTAssertEqual(n.normalise("甲；乙；甲"), .value(.list(["甲", "乙"])))
    }

    // MARK: Bytes

    func testByteEntryPointTrimsAndReads() {
        let n = normaliser("fine_amount", headerUnit: "万元")
        let bytes = Array("\u{3000} 1.5 \u{00A0}".utf8)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { n.normalise($0) }, number("15000"))
        let empty: [UInt8] = []
        XCTAssertEqual(empty.withUnsafeBufferPointer { n.normalise($0) }, .missing)
    }
}
