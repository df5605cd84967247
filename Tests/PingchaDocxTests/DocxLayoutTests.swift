import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PingchaDocuments
@testable import PingchaDocx
import XCTest

/// What document.xml, styles.xml and the footers say about the GB/T 9704 layout.
final class DocxLayoutTests: XCTestCase {
    override class func tearDown() {
        removeTemporaryFiles()
        super.tearDown()
    }

    private func package(_ document: OfficialDocument = SampleDocument.document, options: DocxOptions = DocxOptions(),
                         name: String = "layout.docx") throws -> DocxPackage {
        let path = temporaryPath(name)
        try DocxWriter.write(document, to: path, options: options)
        return try DocxPackage(path: path)
    }

    private func bodyParagraphs(_ package: DocxPackage) throws -> [XMLElement] {
        let body = try XCTUnwrap(package.xml("word/document.xml").firstElement("w:body"))
        return (body.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.name == "w:p" }
    }

    private func style(of paragraph: XMLElement) -> String? {
        paragraph.firstElement("w:pPr")?.value(of: "w:pStyle")
    }

    func testA4PageAndGBMargins() throws {
        let document = try package().xml("word/document.xml")
        let sectPr = try XCTUnwrap(document.firstElement("w:sectPr"))
        let size = try XCTUnwrap(sectPr.firstElement("w:pgSz"))
        XCTAssertEqual(size.attr("w:w"), "11906")
        XCTAssertEqual(size.attr("w:h"), "16838")
        let margins = try XCTUnwrap(sectPr.firstElement("w:pgMar"))
        XCTAssertEqual(margins.attr("w:top"), "2098")
        XCTAssertEqual(margins.attr("w:bottom"), "1984")
        XCTAssertEqual(margins.attr("w:left"), "1587")
        XCTAssertEqual(margins.attr("w:right"), "1474")
        XCTAssertEqual(margins.attr("w:gutter"), "0")
        // The section is the body's last child, its children in schema order.
        let body = try XCTUnwrap(document.firstElement("w:body"))
        XCTAssertEqual((body.children?.last as? XMLElement)?.name, "w:sectPr")
        XCTAssertEqual(sectPr.children?.compactMap(\.name),
                       ["w:footerReference", "w:footerReference", "w:pgSz", "w:pgMar", "w:pgNumType", "w:cols", "w:docGrid"])
        // The 22-line grid; 28 characters a line come from the body's spacing (DocxOfficialPartsTests).
        let grid = try XCTUnwrap(sectPr.firstElement("w:docGrid"))
        XCTAssertEqual(grid.attr("w:type"), "lines")
        XCTAssertEqual(grid.attr("w:linePitch"), "579")
        XCTAssertNil(grid.attr("w:charSpace"))
    }

    func testHeadTitleRecipientsThenBodyInOrder() throws {
        let paragraphs = try bodyParagraphs(package())
        let styles = paragraphs.prefix(5).map { style(of: $0) }
        XCTAssertEqual(styles, ["Issuer", "DocumentNumber", "Title", "Recipients", "Body"])
        XCTAssertEqual(paragraphs[0].wordText, "克拉玛依市司法局")
        XCTAssertEqual(paragraphs[1].wordText, "克司通〔2025〕3号")
        XCTAssertEqual(paragraphs[2].wordText, SampleDocument.title)
        XCTAssertEqual(paragraphs[3].wordText, "各区司法局，市直各行政执法部门：")
        XCTAssertTrue(paragraphs[4].wordText.hasPrefix(SampleDocument.firstBodyText))
    }

    func testRedSeparatorLineUnderTheDocumentNumberOnly() throws {
        let paragraphs = try bodyParagraphs(package())
        let borders = paragraphs.filter { $0.firstElement("w:pBdr") != nil }
        XCTAssertEqual(borders.count, 1)
        XCTAssertEqual(style(of: borders[0]), "DocumentNumber")
        let bottom = try XCTUnwrap(borders[0].firstElement("w:bottom"))
        XCTAssertEqual(bottom.attr("w:val"), "single")
        // The one red of every format (GB/T 9704 says 红色; pure red as in Word's 公文 templates).
        XCTAssertEqual(bottom.attr("w:color"), "FF0000")
        // Title two lines (2 × 579 twips) under the line.
        XCTAssertEqual(paragraphs[2].firstElement("w:spacing")?.attr("w:before"), "1158")
    }

    func testNoHeadMeansNoRedLineAndTitleFirst() throws {
        let document = OfficialDocument(title: "评查情况报告", blocks: [.text("正文。")])
        let paragraphs = try bodyParagraphs(package(document, name: "nohead.docx"))
        XCTAssertEqual(paragraphs.map { style(of: $0) }, ["Title", "Body"])
        XCTAssertNil(paragraphs[0].firstElement("w:spacing"))
        XCTAssertEqual(try package(document, name: "nohead.docx").xml("word/document.xml").elements("w:pBdr").count, 0)
    }

    func testRedHeaderOffPrintsTheHeadWithoutLineOrRed() throws {
        let pkg = try package(options: DocxOptions(redHeader: false), name: "plain.docx")
        XCTAssertEqual(try pkg.xml("word/document.xml").elements("w:pBdr").count, 0)
        XCTAssertFalse(pkg.text("word/styles.xml").contains("FF0000"))
        XCTAssertTrue(try package().text("word/styles.xml").contains(#"<w:color w:val="FF0000"/>"#))
    }

    func testBodyAndHeadingStylesFollowTheStandard() throws {
        let styles = try package().xml("word/styles.xml")
        func style(_ id: String) throws -> XMLElement {
            try XCTUnwrap(styles.elements("w:style").first { $0.attr("w:styleId") == id }, id)
        }
        let body = try style("Body")
        XCTAssertEqual(body.firstElement("w:ind")?.attr("w:firstLineChars"), "200")
        // Two characters as set: 2 × 15.75 pt (16 pt less the 0.25 pt that makes 28 a line).
        XCTAssertEqual(body.firstElement("w:ind")?.attr("w:firstLine"), "630")
        XCTAssertEqual(body.firstElement("w:jc")?.attr("w:val"), "both")
        // Body size and the fixed 28.95 pt line come from the defaults and Normal.
        XCTAssertEqual(styles.firstElement("w:rPrDefault")?.firstElement("w:sz")?.attr("w:val"), "32")
        XCTAssertEqual(styles.firstElement("w:rPrDefault")?.firstElement("w:rFonts")?.attr("w:eastAsia"), "仿宋_GB2312")
        let normal = try style("Normal")
        XCTAssertEqual(normal.firstElement("w:spacing")?.attr("w:line"), "579")
        XCTAssertEqual(normal.firstElement("w:spacing")?.attr("w:lineRule"), "exact")

        let title = try style("Title")
        XCTAssertEqual(title.firstElement("w:rFonts")?.attr("w:eastAsia"), "方正小标宋简体")
        XCTAssertEqual(title.firstElement("w:sz")?.attr("w:val"), "44")
        XCTAssertEqual(title.firstElement("w:jc")?.attr("w:val"), "center")

        let expected = [("Heading1", "黑体", false), ("Heading2", "楷体_GB2312", false), ("Heading3", nil, true)]
        for (id, font, bold) in expected {
            let heading = try style(id)
            XCTAssertNotNil(heading.firstElement("w:keepNext"), id)
            XCTAssertEqual(heading.firstElement("w:ind")?.attr("w:firstLineChars"), "200", id)
            XCTAssertEqual(heading.firstElement("w:jc")?.attr("w:val"), "both", id)
            XCTAssertEqual(heading.firstElement("w:rFonts")?.attr("w:eastAsia"), font, id)
            XCTAssertEqual(heading.firstElement("w:b") != nil, bold, id)
        }
    }

    func testEveryReferencedStyleExistsAndRunsNameTheirFonts() throws {
        let pkg = try package()
        let styles = Set(try pkg.xml("word/styles.xml").elements("w:style").compactMap { $0.attr("w:styleId") })
        let document = try pkg.xml("word/document.xml")
        let used = Set(document.elements("w:pStyle").compactMap { $0.attr("w:val") })
            .union(document.elements("w:tblStyle").compactMap { $0.attr("w:val") })
        XCTAssertTrue(used.isSubset(of: styles), "missing: \(used.subtracting(styles))")

        let declared = Set(try pkg.xml("word/fontTable.xml").elements("w:font").compactMap { $0.attr("w:name") })
        let runs = document.elements("w:r")
        XCTAssertFalse(runs.isEmpty)
        for run in runs {
            let fonts = try XCTUnwrap(run.firstElement("w:rFonts"))
            XCTAssertEqual(fonts.attr("w:ascii"), "Times New Roman")
            XCTAssertEqual(fonts.attr("w:hAnsi"), "Times New Roman")
            XCTAssertTrue(declared.contains(fonts.attr("w:eastAsia") ?? ""), fonts.attr("w:eastAsia") ?? "")
        }
        let fontTable = try pkg.xml("word/fontTable.xml").elements("w:font")
        let fangsong = try XCTUnwrap(fontTable.first { $0.attr("w:name") == "仿宋_GB2312" })
        XCTAssertEqual(fangsong.value(of: "w:altName"), "仿宋")
        XCTAssertEqual(fangsong.value(of: "w:charset"), "86")
    }

    /// A run's line breaks and tabs: CR LF is one break, a lone CR or LF one each; spaces at a
    /// piece's ends are kept; markup is escaped and characters XML forbids are dropped.
    func testRunContentBreaksTabsSpacesAndEscapes() {
        XCTAssertEqual(WordML.runContent("甲\r\n乙"), "<w:t>甲</w:t><w:br/><w:t>乙</w:t>")
        XCTAssertEqual(WordML.runContent("甲\n\n乙\r"), "<w:t>甲</w:t><w:br/><w:br/><w:t>乙</w:t><w:br/>")
        XCTAssertEqual(WordML.runContent("a\r\r\nb"), "<w:t>a</w:t><w:br/><w:br/><w:t>b</w:t>")
        XCTAssertEqual(WordML.runContent("a\r \nb"), #"<w:t>a</w:t><w:br/><w:t xml:space="preserve"> </w:t><w:br/><w:t>b</w:t>"#)
        XCTAssertEqual(WordML.runContent("名称\t<A&B> "), #"<w:t>名称</w:t><w:tab/><w:t xml:space="preserve">&lt;A&amp;B&gt; </w:t>"#)
        XCTAssertEqual(WordML.runContent("\u{1}\t\u{2}"), "<w:tab/>")
        XCTAssertEqual(WordML.runContent(""), "")
    }

    func testStrongRunsAreBoldAndOthersNot() throws {
        let runs = try package().xml("word/document.xml").elements("w:r")
        let bold = runs.filter { $0.firstElement("w:b") != nil }.map(\.wordText)
        // The two strong figures only: table headers are 黑体, not bold.
        XCTAssertEqual(bold, ["85.6分", "92.8%"])
    }

    func testDepartmentTableHasRepeatingHeaderAndFullWidth() throws {
        let document = try package().xml("word/document.xml")
        let tables = document.elements("w:tbl")
        XCTAssertEqual(tables.count, 2)
        let table = tables[0]
        let rows = table.elements("w:tr")
        XCTAssertEqual(rows.count, 9)
        XCTAssertNotNil(rows[0].firstElement("w:trPr")?.firstElement("w:tblHeader"))
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0.firstElement("w:tblHeader") == nil })
        XCTAssertTrue(rows.allSatisfy { $0.firstElement("w:trPr")?.firstElement("w:cantSplit") != nil })
        XCTAssertEqual(rows[0].elements("w:tc").map(\.wordText), SampleDocument.departmentTable.header)
        XCTAssertEqual(rows[1].elements("w:tc").map(\.wordText), SampleDocument.departments[0])

        let tblW = try XCTUnwrap(table.firstElement("w:tblW"))
        XCTAssertEqual(tblW.attr("w:w"), "5000")
        XCTAssertEqual(tblW.attr("w:type"), "pct")
        let grid = table.elements("w:gridCol").compactMap { $0.attr("w:w").flatMap(Int.init) }
        // Every cell fits on one line (the longest name 22 half-ems, the figures with a quarter
        // em to spare, 134 twips of margins each): each column gets what it needs and the room
        // left over in proportion.
        XCTAssertEqual(grid, [2785, 1098, 1098, 857, 616, 616, 857, 918])
        XCTAssertEqual(grid.reduce(0, +), 11906 - 1587 - 1474)
        XCTAssertEqual(rows[1].elements("w:tcW").compactMap { $0.attr("w:w").flatMap(Int.init) }, grid)
        let borders = try XCTUnwrap(table.firstElement("w:tblBorders"))
        XCTAssertEqual(borders.children?.compactMap(\.name),
                       ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"])
        XCTAssertTrue(borders.elements("w:top").allSatisfy { $0.attr("w:val") == "single" })

        // Header cells use the header style; body cells the column's alignment.
        XCTAssertEqual(rows[0].elements("w:pStyle").compactMap { $0.attr("w:val") }, Array(repeating: "TableHeading", count: 8))
        XCTAssertEqual(rows[1].elements("w:jc").compactMap { $0.attr("w:val") },
                       ["left", "right", "right", "right", "right", "right", "right", "right"])
        XCTAssertEqual(tables[1].elements("w:tr")[1].elements("w:jc").compactMap { $0.attr("w:val") }, ["left", "center"])
    }

    func testTooWideTheTextColumnsShareTheLineByWhatTheyHold() throws {
        let long = String(repeating: "综合行政执法", count: 6)
        let table = Table(header: ["部门", "意见", "分"], rows: [[long, "需要整改的问题较多", "60"]],
                          alignments: [.leading, .leading, .trailing])
        let xml = try package(OfficialDocument(title: "表", blocks: [.table(table)]), name: "wide.docx").xml("word/document.xml")
        let grid = xml.elements("w:gridCol").compactMap { $0.attr("w:w").flatMap(Int.init) }
        // 72 + 18 + 2 half-ems do not fit: the figure keeps one line (2.5 × 120 + 134 twips),
        // the two text columns share the rest so that both wrap to the same height (72 half-ems
        // on 54 a line, 18 on 14: two lines each) rather than the long one alone giving way.
        XCTAssertEqual(grid, [6597, 1814, 434])
        XCTAssertEqual(grid.reduce(0, +), 8845)
    }

    func testCaptionAboveTheTableAndUnderTheChart() throws {
        let pkg = try package()
        let body = try XCTUnwrap(pkg.xml("word/document.xml").firstElement("w:body"))
        let children = (body.children ?? []).compactMap { $0 as? XMLElement }
        let index = try XCTUnwrap(children.firstIndex { $0.name == "w:tbl" })
        XCTAssertEqual(children[index - 1].wordText, "表1 各部门案卷评查结果")
        XCTAssertEqual(style(of: children[index - 1]), "Caption")
        // The chart is drawn (ChartPartsTests); its caption is the paragraph under it.
        let drawing = try XCTUnwrap(children.firstIndex { !$0.elements("w:drawing").isEmpty })
        XCTAssertEqual(children[drawing + 1].wordText, "图1 评查等次分布")
        XCTAssertEqual(style(of: children[drawing + 1]), "Caption")
    }

    func testPageBreakStartsTheNextParagraphOnANewPage() throws {
        let paragraphs = try bodyParagraphs(package())
        let breaking = paragraphs.filter { $0.firstElement("w:pageBreakBefore") != nil }
        XCTAssertEqual(breaking.map(\.wordText), ["三、下一步工作要求"])
        XCTAssertEqual(try package().xml("word/document.xml").elements("w:br").count, 0)
    }

    func testPageBreakBeforeATableWithoutCaptionUsesABreakParagraph() throws {
        let table = Table(header: ["部门"], rows: [["公安局"]])
        let document = OfficialDocument(title: "表", blocks: [.text("前"), .pageBreak, .table(table)])
        let xml = try package(document, name: "break.docx").xml("word/document.xml")
        XCTAssertEqual(xml.elements("w:br").map { $0.attr("w:type") }, ["page"])
        XCTAssertEqual(xml.elements("w:pageBreakBefore").count, 0)
    }

    func testMarkupCharactersAndControlCharactersRoundTrip() throws {
        let nasty = "A & B < C > D \"引号\" 'x'\u{01}\u{0B}end"
        let document = OfficialDocument(
            issuer: "局<1>", title: "标题 & \"测试\"", recipients: "各部门：",
            blocks: [.text(nasty), .heading(level: 1, text: "一、<b>"),
                     .table(Table(caption: "表1 a&b", header: ["<列>"], rows: [["x\u{07}&y"]]))],
            signature: Signature(organisation: "局&所", date: "2025年12月1日"))
        let pkg = try package(document, name: "escape.docx")
        let xml = try pkg.xml("word/document.xml")
        let texts = try bodyParagraphs(pkg).map(\.wordText)
        XCTAssertTrue(texts.contains("A & B < C > D \"引号\" 'x'end"), "\(texts)")
        XCTAssertTrue(texts.contains("一、<b>"))
        XCTAssertTrue(texts.contains("标题 & \"测试\""))
        XCTAssertTrue(texts.contains("局&所"))
        XCTAssertEqual(xml.elements("w:tc").map(\.wordText), ["<列>", "x&y"])
        let raw = pkg.text("word/document.xml")
        XCTAssertTrue(raw.contains("A &amp; B &lt; C &gt; D &quot;引号&quot; &apos;x&apos;end"))
        XCTAssertFalse(raw.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        XCTAssertEqual(try pkg.xml("docProps/core.xml").firstElement("dc:title")?.stringValue, "标题 & \"测试\"")
    }

    func testLineBreaksTabsAndSpacesInText() throws {
        let document = OfficialDocument(title: "关于评查情况\n的通报", blocks: [.text(" 前\t后 ")])
        let paragraphs = try bodyParagraphs(package(document, name: "breaks.docx"))
        XCTAssertEqual(paragraphs[0].elements("w:br").count, 1)
        XCTAssertEqual(paragraphs[0].wordText, "关于评查情况的通报")
        let texts = paragraphs[1].elements("w:t")
        XCTAssertEqual(texts.map { $0.stringValue }, [" 前", "后 "])
        XCTAssertTrue(texts.allSatisfy { $0.attr("xml:space") == "preserve" })
        XCTAssertEqual(paragraphs[1].elements("w:tab").count, 1)
    }

    func testSignatureRightAlignedWithDateFourCharactersIn() throws {
        let paragraphs = try bodyParagraphs(package())
        let last = Array(paragraphs.suffix(2))
        XCTAssertEqual(last.map(\.wordText), ["克拉玛依市司法局", "2025年12月1日"])
        XCTAssertEqual(last.map { style(of: $0) }, ["Signature", "Signature"])
        XCTAssertEqual(last[1].firstElement("w:ind")?.attr("w:rightChars"), "400")
        XCTAssertEqual(last[1].firstElement("w:ind")?.attr("w:right"), "1260")
        // 8 characters centred over 6.5: 4 − 0.75 characters in.
        XCTAssertEqual(last[0].firstElement("w:ind")?.attr("w:rightChars"), "325")
        XCTAssertNotNil(last[0].firstElement("w:keepNext"))
        XCTAssertEqual(last[0].firstElement("w:spacing")?.attr("w:before"), "1158")
    }

    func testFooterHasPageFieldBetweenDashesOddRightEvenLeft() throws {
        let pkg = try package()
        for (part, jc) in [("word/footer1.xml", "right"), ("word/footer2.xml", "left")] {
            let footer = try pkg.xml(part)
            XCTAssertEqual(footer.elements("w:fldChar").map { $0.attr("w:fldCharType") }, ["begin", "separate", "end"], part)
            XCTAssertEqual(footer.firstElement("w:instrText")?.stringValue, " PAGE ", part)
            XCTAssertEqual(footer.wordText, "— 1 —", part)
            XCTAssertEqual(footer.firstElement("w:jc")?.attr("w:val"), jc, part)
            XCTAssertEqual(footer.firstElement("w:rFonts")?.attr("w:eastAsia"), "宋体", part)
        }
        XCTAssertNotNil(try pkg.xml("word/settings.xml").firstElement("w:evenAndOddHeaders"))
        let footerStyle = try XCTUnwrap(pkg.xml("word/styles.xml").elements("w:style").first { $0.attr("w:styleId") == "Footer" })
        XCTAssertEqual(footerStyle.firstElement("w:sz")?.attr("w:val"), "28")
    }

    func testFontOptionsReachStylesRunsAndFontTable() throws {
        let fonts = DocxOptions.Fonts(title: "华文中宋", body: "仿宋", heading1: "黑体", heading2: "楷体")
        let pkg = try package(options: DocxOptions(fonts: fonts), name: "fonts.docx")
        let runs = try pkg.xml("word/document.xml").elements("w:r")
        XCTAssertEqual(runs[2].firstElement("w:rFonts")?.attr("w:eastAsia"), "华文中宋")
        XCTAssertEqual(runs[3].firstElement("w:rFonts")?.attr("w:eastAsia"), "仿宋")
        let names = try pkg.xml("word/fontTable.xml").elements("w:font").compactMap { $0.attr("w:name") }
        XCTAssertEqual(names, ["Times New Roman", "华文中宋", "仿宋", "黑体", "楷体", "宋体"])
        let defaults = try package().xml("word/fontTable.xml").elements("w:font").compactMap { $0.attr("w:name") }
        // The GB2312 fonts bring their plain 仿宋/楷体 alternatives along.
        XCTAssertEqual(defaults, ["Times New Roman", "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体", "仿宋", "楷体"])
    }
}
