import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PingchaDocuments
import PingchaDocx
import XCTest

/// The parts of GB/T 9704 the DOCX must carry: 28 characters a line, 黑体 table headers, the
/// 附件说明 and 附件, the 版记, and a 发文字号 that shows its blank.
final class DocxOfficialPartsTests: XCTestCase {
    override class func tearDown() {
        removeTemporaryFiles()
        super.tearDown()
    }

    static let notice = OfficialDocument(
        issuer: "克拉玛依市司法局", documentNumber: "克司通〔2025〕\u{3000}\u{3000}号", title: "行政执法案卷评查整改通知书",
        recipients: "水利局：", blocks: [.text("正文。"), .text("特此通知。")],
        signature: Signature(organisation: "克拉玛依市司法局", date: "2025年12月3日"),
        attachments: [
            Attachment(title: "问题清单", blocks: [
                .table(Table(caption: "表1 不符合项", header: ["案号", "存在的问题"], rows: [["克水罚〔2025〕7号", "证据单一"]])),
            ]),
            Attachment(title: "细则及依据", blocks: [.text("依据。")]),
        ],
        colophon: Colophon(copyTo: "市人民政府办公室，各区司法局", printedBy: "克拉玛依市司法局办公室", printedOn: "2025年12月3日"))

    private func package(_ document: OfficialDocument = notice, name: String = "official.docx") throws -> DocxPackage {
        let path = temporaryPath(name)
        try DocxWriter.write(document, to: path)
        return try DocxPackage(path: path)
    }

    private func style(_ id: String, in styles: XMLDocument) throws -> XMLElement {
        try XCTUnwrap(styles.elements("w:style").first { $0.attr("w:styleId") == id }, id)
    }

    private func bodyChildren(_ pkg: DocxPackage) throws -> [XMLElement] {
        let body = try XCTUnwrap(pkg.xml("word/document.xml").firstElement("w:body"))
        return (body.children ?? []).compactMap { $0 as? XMLElement }
    }

    func testTwentyEightCharactersALine() throws {
        let pkg = try package()
        let document = try pkg.xml("word/document.xml")
        let margins = try XCTUnwrap(document.firstElement("w:pgMar"))
        let width = Double(11906 - Int(margins.attr("w:left")!)! - Int(margins.attr("w:right")!)!) / 20
        XCTAssertEqual(width, 442.25)
        let styles = try pkg.xml("word/styles.xml")
        let normal = try style("Normal", in: styles)
        let size = try XCTUnwrap(normal.firstElement("w:sz")?.attr("w:val").flatMap(Double.init)) / 2
        let spacing = try XCTUnwrap(normal.firstElement("w:rPr")?.firstElement("w:spacing")?.attr("w:val").flatMap(Double.init)) / 20
        XCTAssertEqual(size, 16)
        XCTAssertEqual(spacing, -0.25)
        // Each character advances its size plus the spacing: 28 fit, 29 do not.
        let pitch = size + spacing
        XCTAssertLessThanOrEqual(28 * pitch, width)
        XCTAssertGreaterThan(29 * pitch, width)
        // Text of other sizes takes its own width back and stays off the line grid.
        for id in ["Issuer", "Title", "Caption", "TableText", "Footer", "Colophon"] {
            let s = try style(id, in: styles)
            XCTAssertEqual(s.firstElement("w:rPr")?.firstElement("w:spacing")?.attr("w:val"), "0", id)
            XCTAssertEqual(s.firstElement("w:snapToGrid")?.attr("w:val"), "0", id)
        }
        // The body styles inherit the spacing from Normal and set none of their own.
        for id in ["Body", "Heading1", "Heading2", "Heading3", "Recipients", "Signature", "DocumentNumber", "AttachmentNote"] {
            XCTAssertNil(try style(id, in: styles).firstElement("w:rPr")?.firstElement("w:spacing"), id)
        }
    }

    func testTableHeadersIn黑体NotBold() throws {
        let pkg = try package()
        let heading = try style("TableHeading", in: pkg.xml("word/styles.xml"))
        XCTAssertEqual(heading.firstElement("w:rFonts")?.attr("w:eastAsia"), "黑体")
        XCTAssertNil(heading.firstElement("w:b"))
        let header = try XCTUnwrap(pkg.xml("word/document.xml").firstElement("w:tr"))
        XCTAssertEqual(header.elements("w:rFonts").map { $0.attr("w:eastAsia") }, ["黑体", "黑体"])
        XCTAssertTrue(header.elements("w:b").isEmpty)
    }

    func testVisibleBlankInTheDocumentNumber() throws {
        let paragraphs = try bodyChildren(package()).filter { $0.name == "w:p" }
        let number = try XCTUnwrap(paragraphs.first { $0.firstElement("w:pStyle")?.attr("w:val") == "DocumentNumber" })
        XCTAssertEqual(number.wordText, "克司通〔2025〕\u{3000}\u{3000}号")
    }

    func testNoteSignatureAttachmentsThenColophonInTheStandardsOrder() throws {
        let children = try bodyChildren(package())
        let summary = children.compactMap { child -> String? in
            switch child.name {
            case "w:p":
                let style = child.firstElement("w:pStyle")?.attr("w:val") ?? ""
                let text = child.wordText
                return text.isEmpty ? nil : "\(style):\(text)"
            case "w:tbl": return "table"
            default: return nil
            }
        }
        XCTAssertEqual(summary, [
            "Issuer:克拉玛依市司法局", "DocumentNumber:克司通〔2025〕\u{3000}\u{3000}号", "Title:行政执法案卷评查整改通知书",
            "Recipients:水利局：", "Body:正文。", "Body:特此通知。",
            "AttachmentNote:附件：1.问题清单", "AttachmentNote:2.细则及依据",
            "Signature:克拉玛依市司法局", "Signature:2025年12月3日",
            "AttachmentLabel:附件1", "Title:问题清单", "Caption:表1 不符合项", "table",
            "AttachmentLabel:附件2", "Title:细则及依据", "Body:依据。",
            "table",
        ])
        // The anchor of the floating 版记 is the last paragraph before the section.
        XCTAssertEqual(children.suffix(2).map(\.name), ["w:p", "w:sectPr"])
    }

    func testAttachmentNoteHangsTheNamesUnderTheFirst() throws {
        let notes = try bodyChildren(package()).filter { $0.firstElement("w:pStyle")?.attr("w:val") == "AttachmentNote" }
        let indents = notes.map { $0.firstElement("w:ind") }
        // 附件： (3) + 1. (1) after the two-character indent: names start 6 characters in.
        XCTAssertEqual(indents.map { $0?.attr("w:leftChars") }, ["600", "600"])
        XCTAssertEqual(indents.map { $0?.attr("w:hangingChars") }, ["400", "100"])
        XCTAssertEqual(indents.map { $0?.attr("w:left") }, ["1890", "1890"])
        // One line (579 twips) under the body.
        XCTAssertEqual(notes[0].firstElement("w:spacing")?.attr("w:before"), "579")
        XCTAssertNil(notes[1].firstElement("w:spacing"))
    }

    func testEachAttachmentStartsAPageWithItsLabelAndTitleOnTheThirdLine() throws {
        let paragraphs = try bodyChildren(package()).filter { $0.name == "w:p" }
        let labels = paragraphs.enumerated().filter { $0.element.firstElement("w:pStyle")?.attr("w:val") == "AttachmentLabel" }
        XCTAssertEqual(labels.count, 2)
        for (index, label) in labels {
            XCTAssertNotNil(label.firstElement("w:pageBreakBefore"))
            XCTAssertNotNil(label.firstElement("w:keepNext"))
            let title = paragraphs[index + 1]
            XCTAssertEqual(title.firstElement("w:pStyle")?.attr("w:val"), "Title")
            XCTAssertEqual(title.firstElement("w:spacing")?.attr("w:before"), "579")
        }
        let styles = try package().xml("word/styles.xml")
        let label = try style("AttachmentLabel", in: styles)
        XCTAssertEqual(label.firstElement("w:rFonts")?.attr("w:eastAsia"), "黑体")
        XCTAssertEqual(label.firstElement("w:jc")?.attr("w:val"), "left")
    }

    func testColophonFloatsAtTheFootOfTheTypeAreaBetweenRules() throws {
        let tables = try package().xml("word/document.xml").elements("w:tbl")
        let colophon = try XCTUnwrap(tables.last)
        let position = try XCTUnwrap(colophon.firstElement("w:tblpPr"))
        XCTAssertEqual(position.attr("w:vertAnchor"), "margin")
        XCTAssertEqual(position.attr("w:tblpYSpec"), "bottom")
        XCTAssertEqual(position.attr("w:horzAnchor"), "page")
        XCTAssertEqual(position.attr("w:tblpX"), "1587")
        XCTAssertEqual(colophon.firstElement("w:tblW")?.attr("w:w"), "8845")
        let borders = try XCTUnwrap(colophon.firstElement("w:tblBorders"))
        // First and last rule 0.35 mm (1 pt, 8 eighths), the one between 0.25 mm (6 eighths).
        XCTAssertEqual(borders.firstElement("w:top")?.attr("w:sz"), "8")
        XCTAssertEqual(borders.firstElement("w:insideH")?.attr("w:sz"), "6")
        XCTAssertEqual(borders.firstElement("w:bottom")?.attr("w:sz"), "8")
        XCTAssertEqual(["w:left", "w:right", "w:insideV"].map { borders.firstElement($0)?.attr("w:val") }, ["nil", "nil", "nil"])
        let rows = colophon.elements("w:tr")
        XCTAssertEqual(rows.map(\.wordText), ["抄送：市人民政府办公室，各区司法局。", "克拉玛依市司法局办公室2025年12月3日印发"])
        // 抄送 one character (14 pt) in, wrapping under the first name; the date against a right
        // tab one character from the right edge.
        let copyIndent = try XCTUnwrap(rows[0].firstElement("w:ind"))
        XCTAssertEqual([copyIndent.attr("w:left"), copyIndent.attr("w:hanging"), copyIndent.attr("w:right")], ["1120", "840", "280"])
        XCTAssertEqual(rows[1].elements("w:tab").compactMap { $0.attr("w:pos") }, ["8565"])
        XCTAssertEqual(rows[1].elements("w:tab").filter { $0.attr("w:pos") == nil }.count, 1)
        XCTAssertEqual(rows[1].firstElement("w:ind")?.attr("w:left"), "280")
        let colophonStyle = try style("Colophon", in: package().xml("word/styles.xml"))
        XCTAssertEqual(colophonStyle.firstElement("w:sz")?.attr("w:val"), "28")
    }

    func testNoColophonWithoutOneAndNoNoteWithoutAttachments() throws {
        var plain = Self.notice
        plain.attachments = []
        plain.colophon = nil
        let pkg = try package(plain, name: "plain.docx")
        let document = try pkg.xml("word/document.xml")
        XCTAssertTrue(document.elements("w:tblpPr").isEmpty)
        XCTAssertFalse(pkg.text("word/document.xml").contains("AttachmentNote"))
        XCTAssertFalse(pkg.text("word/document.xml").contains("AttachmentLabel"))
        // A 版记 of a date only still prints its line.
        plain.colophon = Colophon(printedOn: "2025年12月3日")
        let dated = try package(plain, name: "dated.docx").xml("word/document.xml")
        XCTAssertEqual(dated.elements("w:tbl").last?.elements("w:tr").map(\.wordText), ["2025年12月3日印发"])
    }
}
