import PingchaModel
import XCTest
@testable import PingchaDocuments

final class MarkdownReaderTests: XCTestCase {
    let chart = Chart.bars(BarChart(title: "等次", bars: [.init(label: "优秀", value: 2, caption: "2")]))

    func testFrontMatterTitleHeadingsParagraphsAndSignature() throws {
        let text = """

        ---
        issuer: 克拉玛依市司法局
        document-number: 克司通〔2025〕3号
        recipients: 各行政执法主体：
        signature: 克拉玛依市司法局
        date: 2025年12月1日
        ---
        # 关于评查情况的通报

        第一行
        接着第一行，**加粗**在中间。

        ## 一、基本情况
        ### （一）总体
        #### 1. 细项
        - 列表项
        <!-- 给模板读者的说明 -->
        <!-- page-break -->
        <!-- chart: grades -->
        """
        let doc = try MarkdownReader(source: "t.md", charts: ["grades": chart]).read(text)
        XCTAssertEqual(doc.issuer, "克拉玛依市司法局")
        XCTAssertEqual(doc.documentNumber, "克司通〔2025〕3号")
        XCTAssertEqual(doc.recipients, "各行政执法主体：")
        XCTAssertEqual(doc.signature, Signature(organisation: "克拉玛依市司法局", date: "2025年12月1日"))
        XCTAssertEqual(doc.title, "关于评查情况的通报")
        XCTAssertEqual(doc.blocks, [
            .paragraph([Run("第一行接着第一行，"), Run("加粗", strong: true), Run("在中间。")]),
            .heading(level: 1, text: "一、基本情况"),
            .heading(level: 2, text: "（一）总体"),
            .heading(level: 3, text: "1. 细项"),
            .paragraph([Run("列表项")]),
            .pageBreak,
            .chart(chart),
        ])
    }

    func testTableWithCaptionAlignmentsEscapesAndShortRows() throws {
        let text = """
        # 标题
        Table: 表1 结果
        | 名次 | 单位 | 平均分 | 备注 |
        |:---:|---|---:|---|
        | 1 | 市场监督管理局 | 99.2 | 含 \\| 号 |
        | 2 | 公安局 | 98.7 |
        | 3 | 交通<br>运输局 | 97.0 | \\<br> 不是换行 |
        """
        let doc = try MarkdownReader(source: "t.md").read(text)
        XCTAssertEqual(doc.blocks, [.table(Table(caption: "表1 结果", header: ["名次", "单位", "平均分", "备注"],
                                                rows: [["1", "市场监督管理局", "99.2", "含 | 号"], ["2", "公安局", "98.7", ""],
                                                       ["3", "交通\n运输局", "97.0", "<br> 不是换行"]],
                                                alignments: [.center, .leading, .trailing, .leading]))])
    }

    func testErrorsNameTheLine() {
        func message(_ text: String) -> String {
            do {
                _ = try MarkdownReader(source: "bulletin.md.mustache", charts: ["grades": chart]).read(text)
                return "no error"
            } catch {
                return error.message
            }
        }
        XCTAssertEqual(message("# 标题\n\n<!-- chart: grade -->"), "bulletin.md.mustache:3: 没有名为「grade」的图表；可用：grades")
        XCTAssertEqual(message("# 标题\n| a | b |\n| x | y |"), "bulletin.md.mustache:3: 表格第二行应为对齐行，如 |---|---:|")
        XCTAssertEqual(message("# 标题\n| a |\n|---|\n| x | y |"), "bulletin.md.mustache:4: 这一行有 2 列，表头只有 1 列（单元格中的 | 须写作 \\|）")
        XCTAssertEqual(message("---\nissuer: x\ncolour: red\n---\n# 标题"),
                       "bulletin.md.mustache:3: front matter 中未知的键「colour」；可用：issuer、document-number、recipients、signature、date、copy-to、printed-by、printed-on")
        XCTAssertEqual(message("正文"), "bulletin.md.mustache:1: 缺少以 # 开头的标题行")
        XCTAssertEqual(message("# 标题\nTable: 表1"), "bulletin.md.mustache:2: 「Table:」标题之后没有表格")
    }

    func testWriterEscapesValuesSoTheyReadBackUnchanged() throws {
        let tricky = "A|B **不是加粗** #1 <b>"
        let doc = OfficialDocument(title: "标题", blocks: [
            .paragraph([Run(tricky)]),
            .table(Table(header: ["列"], rows: [[tricky + "\n<br>"]], alignments: [.trailing])),
        ])
        let markdown = MarkdownWriter.write(doc)
        XCTAssertTrue(markdown.contains("| A\\|B \\*\\*不是加粗\\*\\* \\#1 \\<b\\><br>\\<br\\> |"), markdown)
        let back = try MarkdownReader(source: "x").read(markdown)
        XCTAssertEqual(back.blocks, doc.blocks)
    }

    /// A template saved with Windows line ends (CR LF) reads as the same document, and lines
    /// framed by full-width or ASCII spaces are trimmed as before.
    func testWindowsLineEndsAndSpacesAroundLines() throws {
        let lf = "# 标题\n\n\u{3000}第一段 \n\n| a | b |\n|---|---|\n| 1<br/>2 | 3<br />4 |\n\t| 5 | **6** |\u{3000}\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let expected: [Block] = [
            .paragraph([Run("第一段")]),
            .table(Table(header: ["a", "b"], rows: [["1\n2", "3\n4"], ["5", "6"]], alignments: [.leading, .leading])),
        ]
        XCTAssertEqual(try MarkdownReader(source: "t.md").read(lf).blocks, expected)
        XCTAssertEqual(try MarkdownReader(source: "t.md").read(crlf).blocks, expected)
        XCTAssertEqual(try MarkdownReader(source: "t.md").read(crlf).title, "标题")
    }

    /// A cell's own line breaks: LF becomes `<br>`, CR LF and a lone CR a space (as in
    /// paragraphs); escaping is byte by byte around Chinese text.
    func testCellLineBreaksAndEscapes() {
        XCTAssertEqual(MarkdownText.cell("甲\n乙"), "甲<br>乙")
        XCTAssertEqual(MarkdownText.cell("甲\r\n乙\r丙\n"), "甲 乙 丙<br>")
        XCTAssertEqual(MarkdownText.cell("克市监罚〔2024〕|2号_*"), "克市监罚〔2024〕\\|2号\\_\\*")
        XCTAssertEqual(MarkdownText.escape("甲\n乙\r\n丙"), "甲 乙 丙")
        XCTAssertEqual(MarkdownText.runs("\\**不是加粗\\**与**加粗**\\x"),
                       [Run("**不是加粗**与"), Run("加粗", strong: true), Run("\\x")])
    }

    func testMappingTextReachesEveryPrintedString() {
        let doc = OfficialDocument(issuer: "a", documentNumber: "a", title: "a", recipients: "a", blocks: [
            .heading(level: 1, text: "a"), .paragraph([Run("a", strong: true)]),
            .table(Table(caption: "a", header: ["a"], rows: [["a"]])),
        ], signature: Signature(organisation: "a", date: "a"))
        let mapped = doc.mappingText { $0.uppercased() }
        XCTAssertFalse(MarkdownWriter.write(mapped).contains("a"))
        XCTAssertEqual(mapped.blocks[1], .paragraph([Run("A", strong: true)]))
    }

    /// A published chart is masked as the text around it (its title, labels and captions).
    func testMappingTextReachesChartTexts() {
        let doc = OfficialDocument(title: "t", blocks: [
            .chart(.bars(BarChart(title: "a", bars: [.init(label: "a", value: 1, caption: "a")]))),
            .chart(.intervals(IntervalChart(title: "a", points: [.init(label: "a", value: 1, low: 0, high: 2, caption: "a")],
                                            axisMinimum: 0, axisMaximum: 2))),
            .chart(.trend(TrendChart(title: "a", points: ["a"], series: [.init(label: "a", values: [1])], axisMinimum: 0, axisMaximum: 2))),
        ])
        let mapped = doc.mappingText { $0.uppercased() }
        XCTAssertEqual(mapped.blocks, [
            .chart(.bars(BarChart(title: "A", bars: [.init(label: "A", value: 1, caption: "A")]))),
            .chart(.intervals(IntervalChart(title: "A", points: [.init(label: "A", value: 1, low: 0, high: 2, caption: "A")],
                                            axisMinimum: 0, axisMaximum: 2))),
            .chart(.trend(TrendChart(title: "A", points: ["A"], series: [.init(label: "A", values: [1])], axisMinimum: 0, axisMaximum: 2))),
        ])
    }

    func testXMLTextEscapesMarkupAndDropsForbiddenCharacters() {
        XCTAssertEqual(XMLText.escape("a<b>&\"c'\u{1}\u{B}\td\n"), "a&lt;b&gt;&amp;&quot;c&apos;\td\n")
        XCTAssertEqual(XMLText.escape("普通文本"), "普通文本")
        XCTAssertEqual(XMLText.escape("a\u{FFFE}b\u{FFFF}c\u{FFFD}"), "abc\u{FFFD}")
    }
}
