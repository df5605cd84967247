import XCTest
@testable import PingchaDocuments

final class TableLayoutTests: XCTestCase {
    /// 表4 of a bulletin: six columns, long 主要问题, company names as 当事人, case numbers.
    let unqualified = Table(
        header: ["序号", "行政执法主体", "案号", "当事人", "得分", "主要问题"],
        rows: [
            ["1", "交通运输局", "克交罚［2025］8号", "孔某", "0", "重大执法决定及经听证作出的决定在作出前经法制审核"],
            ["2", "住房和城乡建设局", "克住建罚〔2025〕5号", "克拉玛依市华通化工有限公司", "0",
             "应当音像记录的执法环节进行了全过程音像记录；重大执法决定及经听证作出的决定在作出前经法制审核；处罚决定书当场交付或在七个工作日内送达"],
            ["3", "公安局", "克公(治)行罚决字（2025）12号", "苏某", "0", "未被复议机关或人民法院撤销"],
            ["4", "城市管理综合行政执法局", "克城管检（2025）1号", "克拉玛依市准噶尔劳务有限公司", "0", "检查人员不少于两人；应当音像记录的执法环节进行了全过程音像记录"],
        ],
        alignments: [.center, .leading, .leading, .leading, .trailing, .leading])

    /// The DOCX's figures: 8845 twips of 小四 (120 twips a half-em), 134 twips of padding a column.
    let available = 8845.0 / 120
    let padding = 134.0 / 120

    func testWidthsAddUpToTheLine() {
        let layout = TableLayout.make(unqualified, available: available, padding: padding)
        XCTAssertEqual(layout.widths.count, 6)
        XCTAssertEqual(layout.widths.reduce(0, +), available, accuracy: 0.0001)
    }

    func testCaseNumbersAndFiguresNeverWrapAndTheProblemsGetTheWidth() {
        let layout = TableLayout.make(unqualified, available: available, padding: padding)
        XCTAssertEqual(layout.noWrap, [true, false, true, false, true, false])
        // 案号: the longest number (28 half-ems) on one line, with its padding.
        XCTAssertEqual(TableLayout.displayWidth("克公(治)行罚决字（2025）12号"), 28)
        XCTAssertGreaterThanOrEqual(layout.widths[2], 28 + padding)
        // 序号 and 得分 keep their two-character headers on one line.
        XCTAssertGreaterThanOrEqual(layout.widths[0], 4 + padding)
        XCTAssertGreaterThanOrEqual(layout.widths[4], 4 + padding)
        // The text columns share the rest; the long 主要问题 gets the most, 当事人 more than the
        // short department names' two-line minimum.
        XCTAssertGreaterThan(layout.widths[5], layout.widths[3])
        XCTAssertGreaterThan(layout.widths[5], layout.widths[1])
        XCTAssertGreaterThan(layout.widths[3], 4 + padding)
    }

    func testATableThatFitsKeepsEveryCellOnOneLine() {
        let table = Table(header: ["问题类型", "整改时限"], rows: [["程序不规范", "2026年1月15日"]], alignments: [.leading, .center])
        let layout = TableLayout.make(table, available: available, padding: padding)
        // Each column at least its longest cell; the room left spread in proportion.
        XCTAssertGreaterThanOrEqual(layout.widths[0], 10 + padding)
        XCTAssertGreaterThanOrEqual(layout.widths[1], 13.5 + padding)
        XCTAssertEqual(layout.widths.reduce(0, +), available, accuracy: 0.0001)
        XCTAssertEqual(layout.widths[0] / layout.widths[1], (10 + padding) / (13.5 + padding), accuracy: 0.35)
    }

    func testCaseNumberColumnsByHeaderOrByContent() {
        let byHeader = Table(header: ["文号", "x"], rows: [["第一", "y"]])
        XCTAssertTrue(TableLayout.isCaseNumberColumn(byHeader, 0))
        let byContent = Table(header: ["编码", "说明"], rows: [["克水罚〔2025〕7号", "a"], ["克农罚（2025）12号", "b"], ["—", "c"]])
        XCTAssertTrue(TableLayout.isCaseNumberColumn(byContent, 0))
        XCTAssertFalse(TableLayout.isCaseNumberColumn(byContent, 1))
        XCTAssertFalse(TableLayout.looksLikeCaseNumber("2025年度评查编号"))
    }

    func testTooWideEvenForItsFixedColumnsEverythingGivesWayInProportion() {
        let numbers = (1...8).map { "克公(治)行罚决字（2025）\($0)号" }
        let table = Table(header: numbers.map { _ in "案号" }, rows: [numbers])
        let layout = TableLayout.make(table, available: available, padding: padding)
        XCTAssertEqual(layout.widths.reduce(0, +), available, accuracy: 0.0001)
        XCTAssertEqual(Set(layout.widths.map { ($0 * 1000).rounded() }).count, 1)
    }

    func testAThousandRowsAreMeasuredFromASample() {
        let rows = (0..<5000).map { ["\($0)", String(repeating: "问题", count: $0 % 40 + 1)] }
        let table = Table(header: ["序号", "问题"], rows: rows, alignments: [.center, .leading])
        let layout = TableLayout.make(table, available: available, padding: padding)
        XCTAssertEqual(layout.widths.reduce(0, +), available, accuracy: 0.0001)
        XCTAssertGreaterThan(layout.widths[1], layout.widths[0] * 5)
    }

    func testShortPhrasesStayWholeWhenTheLongColumnsKeepMostOfTheLine() {
        // A notice's 问题清单: 处理意见 is one of a few short phrases, 责令限期改正 the longest.
        let problems = String(repeating: "重大执法决定未经法制审核", count: 3)
        let table = Table(header: ["案号", "评查细则", "存在的问题", "扣分", "处理意见"],
                          rows: [["克水罚〔2025〕7号", "处罚（普通）TSY-04 重大执法决定及经听证作出的决定在作出前经法制审核", problems, "5", "责令限期改正"],
                                 ["克水许〔2025〕6号", "许可PRO-02 二十个工作日内作出决定", "受理日期：2025年9月3日", "6", "整改完善"]],
                          alignments: [.leading, .leading, .leading, .trailing, .leading])
        let layout = TableLayout.make(table, available: available, padding: padding)
        XCTAssertGreaterThanOrEqual(layout.widths[4], 12 + padding)
        XCTAssertFalse(layout.noWrap[4])
        // Not when it would leave the long columns less than 40 % of the line.
        let crowded = Table(header: ["案号", "问题", "意见一", "意见二", "意见三", "意见四"],
                            rows: [["克水罚〔2025〕7号", problems, "责令限期改正", "责令限期改正", "责令限期改正", "责令限期改正"]],
                            alignments: [.leading, .leading, .leading, .leading, .leading, .leading])
        let squeezed = TableLayout.make(crowded, available: available, padding: padding)
        XCTAssertLessThan(squeezed.widths[2], 12 + padding)
    }
}
