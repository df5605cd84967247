import Foundation
import PingchaDocuments
@testable import PingchaHtml
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// GB/T 9704 in the HTML: 28 characters a line, one red, 黑体 table headers, widths from the
/// content, the 附件说明 and 附件, the 版记.
final class HTMLOfficialPartsTests: XCTestCase {
    static let notice = OfficialDocument(
        issuer: "克拉玛依市司法局", documentNumber: "克司通〔2025〕\u{3000}\u{3000}号", title: "行政执法案卷评查整改通知书",
        recipients: "水利局：", blocks: [.text("正文。")],
        signature: Signature(organisation: "克拉玛依市司法局", date: "2025年12月3日"),
        attachments: [
            Attachment(title: "问题清单", blocks: [.table(Table(
                header: ["序号", "案号", "当事人", "存在的问题"],
                rows: [["1", "克公(治)行罚决字（2025）12号", "克拉玛依市华通化工有限公司",
                        "重大执法决定及经听证作出的决定在作出前经法制审核；处罚决定书当场交付或在七个工作日内送达"],
                       ["2", "克水罚〔2025〕7号", "卢某", "证据单一"]],
                alignments: [.center, .leading, .leading, .leading]))]),
            Attachment(title: "细则及依据", blocks: [.text("依据。")]),
        ],
        colophon: Colophon(copyTo: "市人民政府办公室，各区司法局", printedBy: "克拉玛依市司法局办公室", printedOn: "2025年12月3日"))

    func testTwentyEightCharactersALine() {
        let css = Stylesheet.css
        // The print page's content box: A4 less 28 mm and 26 mm, 156 mm = 442.2 pt.
        XCTAssertTrue(css.contains("margin: 37mm 26mm 35mm 28mm;"))
        let line = (210.0 - 28 - 26) / 25.4 * 72
        XCTAssertTrue(css.contains("font-size: 16pt;"))
        XCTAssertTrue(css.contains("letter-spacing: -0.25pt;"))
        XCTAssertTrue(css.contains("--pitch: 15.75pt;"))
        let pitch = 16 + Stylesheet.bodyLetterSpacing
        XCTAssertEqual(pitch, Stylesheet.pitch)
        XCTAssertLessThanOrEqual(28 * pitch, line)
        XCTAssertGreaterThan(29 * pitch, line)
        // Indents count in characters as set, so the first line holds 26 and not 25.
        XCTAssertTrue(css.contains("text-indent: calc(2 * var(--pitch));"))
        XCTAssertEqual(Int((line - 2 * pitch) / pitch), 26)
        // 22 lines in the 225 mm type area, as in the DOCX.
        XCTAssertTrue(css.contains("line-height: 28.95pt;"))
        XCTAssertEqual(Int(225 / 25.4 * 72 / 28.95), 22)
        // Text of other sizes sets its own spacing: tables, the title, charts, the 版记.
        XCTAssertEqual(css.components(separatedBy: "letter-spacing: normal;").count - 1, 4)
    }

    func testOneRedEverywhere() {
        let css = Stylesheet.css
        XCTAssertEqual(Stylesheet.red, "#FF0000")
        XCTAssertTrue(css.contains("border-bottom: 1.5pt solid #FF0000;"))
        XCTAssertTrue(css.contains("color: #FF0000;"))
        XCTAssertFalse(css.lowercased().contains("#d40000"))
        XCTAssertEqual(ChartPalette.reference, "#FF0000")
    }

    func testTableHeadersIn黑体() throws {
        let css = Stylesheet.css
        let th = try XCTUnwrap(css.range(of: "\nth {\n"))
        let rule = css[th.upperBound...].prefix { $0 != "}" }
        XCTAssertTrue(rule.contains("font-family: \(Stylesheet.headingFonts);"), String(rule))
        XCTAssertTrue(rule.contains("font-weight: normal;"))
    }

    func testColumnWidthsFromTheContentAndCaseNumbersOnOneLine() throws {
        let document = try XMLTree.parse(HTMLRenderer.render(Self.notice))
        let table = try XCTUnwrap(XMLTree.elements(named: "table", in: document).first)
        let widths = XMLTree.elements(named: "col", in: table).map { col -> Double in
            let style = XMLTree.attribute("style", of: col) ?? ""
            return Double(style.dropFirst("width: ".count).dropLast()) ?? 0
        }
        XCTAssertEqual(widths.count, 4)
        XCTAssertEqual(widths.reduce(0, +), 100, accuracy: 0.5)
        XCTAssertLessThanOrEqual(widths.reduce(0, +), 100)
        // 案号 wide enough for 克公(治)行罚决字（2025）12号 (28 half-ems of 73.7); of the text
        // columns the problems get the most.
        XCTAssertGreaterThanOrEqual(widths[1], 28 / 73.7 * 100)
        XCTAssertGreaterThan(widths[3], widths[2])
        XCTAssertGreaterThan(widths[2], 4 / 73.7 * 100 + 2)
        let cells = XMLTree.elements(named: "td", in: table).prefix(4).map { XMLTree.attribute("class", of: $0) }
        XCTAssertEqual(cells, ["align-center", "nowrap", nil, nil])
        XCTAssertTrue(Stylesheet.css.contains("th.nowrap, td.nowrap {\n  white-space: nowrap;"))
        XCTAssertTrue(Stylesheet.css.contains("table-layout: fixed;"))
    }

    func testAttachmentNoteSignatureAttachmentsAndColophonInOrder() throws {
        let html = HTMLRenderer.render(Self.notice)
        let order = ["class=\"attachment-note\"", "class=\"signature\"", ">附件1<", "问题清单</h1>", ">附件2<", "class=\"colophon\""]
        let positions = order.map { html.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil), "\(positions)")
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())

        let document = try XMLTree.parse(html)
        let notes = XMLTree.elements(named: "p", in: document).filter { XMLTree.hasClass("attachment-note", $0) }
        XCTAssertEqual(notes.map(\.stringValue), ["附件：1.问题清单", "2.细则及依据"])
        // Names six characters (15.75 pt each) in; the first line hangs back to two.
        XCTAssertEqual(notes.map { XMLTree.attribute("style", of: $0) },
                       ["padding-left: 94.5pt; text-indent: -63pt", "padding-left: 94.5pt; text-indent: -15.75pt"])

        let sections = XMLTree.elements(named: "section", in: document).filter { XMLTree.hasClass("attachment", $0) }
        XCTAssertEqual(sections.count, 2)
        XCTAssertEqual(sections.map { XMLTree.elements(named: "p", in: $0).first?.stringValue }, ["附件1", "附件2"])
        XCTAssertEqual(sections.map { XMLTree.elements(named: "h1", in: $0).first?.stringValue }, ["问题清单", "细则及依据"])
        XCTAssertTrue(Stylesheet.css.contains(".attachment {\n  break-before: page;"))
        // One line under the body.
        XCTAssertTrue(html.contains("<div class=\"attachment-notes\">\n<p class=\"attachment-note\""))
        XCTAssertTrue(Stylesheet.css.contains(".attachment-notes {\n  margin-top: 28.95pt;"))
    }

    func testColophonLines() throws {
        let document = try XMLTree.parse(HTMLRenderer.render(Self.notice))
        let footer = try XCTUnwrap(XMLTree.elements(named: "footer", in: document).first)
        XCTAssertTrue(XMLTree.hasClass("colophon", footer))
        let paragraphs = XMLTree.elements(named: "p", in: footer)
        XCTAssertEqual(paragraphs.map(\.stringValue), ["抄送：市人民政府办公室，各区司法局。", "克拉玛依市司法局办公室2025年12月3日印发"])
        XCTAssertEqual(XMLTree.elements(named: "span", in: paragraphs[1]).map(\.stringValue), ["克拉玛依市司法局办公室", "2025年12月3日印发"])
        let css = Stylesheet.css
        XCTAssertTrue(css.contains("border-top: 0.35mm solid #000;"))
        XCTAssertTrue(css.contains("border-bottom: 0.35mm solid #000;"))
        XCTAssertTrue(css.contains(".colophon p + p {\n  border-top: 0.25mm solid #000;"))
        // No 版记, no footer.
        var plain = Self.notice
        plain.colophon = nil
        XCTAssertFalse(HTMLRenderer.render(plain).contains("class=\"colophon\""))
    }

    func testCaptionsStayWithTheirTables() {
        // Chromium printed 表1 alone at the foot of a page, its table on the next, without it.
        XCTAssertTrue(Stylesheet.css.contains("caption {\n  break-after: avoid;\n  page-break-after: avoid;"))
    }

    func testVisibleBlankInTheDocumentNumber() throws {
        let document = try XMLTree.parse(HTMLRenderer.render(Self.notice))
        let number = XMLTree.elements(named: "p", in: document).first { XMLTree.hasClass("document-number", $0) }
        XCTAssertEqual(number?.stringValue, "克司通〔2025〕\u{3000}\u{3000}号")
    }

    /// Writes the notice to the path in PINGCHA_HTML_NOTICE, for scripts/render/html.sh (the
    /// 附件 pages and the 版记); skipped without it.
    func testWriteNoticeWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["PINGCHA_HTML_NOTICE"], !path.isEmpty else {
            throw XCTSkip("PINGCHA_HTML_NOTICE not set")
        }
        try HTMLRenderer.render(Self.notice).write(toFile: path, atomically: true, encoding: .utf8)
    }
}
