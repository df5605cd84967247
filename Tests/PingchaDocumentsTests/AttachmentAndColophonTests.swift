import PingchaModel
import XCTest
@testable import PingchaDocuments

/// 附件, 附件说明 and 版记 as the templates write them and as bulletin.md prints them.
final class AttachmentAndColophonTests: XCTestCase {
    let template = """
    ---
    issuer: 克拉玛依市司法局
    document-number: 克司通〔{year}〕{number}号
    recipients: 水利局：
    signature: 克拉玛依市司法局
    date: 2025年12月3日
    copy-to: 市人民政府办公室，各区司法局
    printed-by: 克拉玛依市司法局办公室
    ---
    # 整改通知书

    正文。

    # 附件：问题清单

    ### （一）不符合项

    Table: 表1 不符合项
    | 案号 | 问题 |
    |---|---|
    | 克水罚〔2025〕7号 | 证据单一 |

    # 附件2：细则及依据

    依据一段。
    """

    func testAttachmentsStartAtTitleLevelHeadingsAndAreNumberedInOrder() throws {
        let doc = try MarkdownReader(source: "notice.md").read(template)
        XCTAssertEqual(doc.blocks, [.text("正文。")])
        XCTAssertEqual(doc.attachments.map(\.title), ["问题清单", "细则及依据"])
        XCTAssertEqual(doc.attachments[0].blocks, [
            .heading(level: 2, text: "（一）不符合项"),
            .table(Table(caption: "表1 不符合项", header: ["案号", "问题"], rows: [["克水罚〔2025〕7号", "证据单一"]],
                         alignments: [.leading, .leading])),
        ])
        XCTAssertEqual(doc.attachments[1].blocks, [.text("依据一段。")])
        // The number the line gave is ignored: 附件1, 附件2 in order; a single one is just 附件.
        XCTAssertEqual([doc.attachmentLabel(0), doc.attachmentLabel(1)], ["附件1", "附件2"])
        XCTAssertEqual(OfficialDocument(title: "t", attachments: [Attachment(title: "a")]).attachmentLabel(0), "附件")
    }

    func testAttachmentNoteIsMadeFromTheAttachments() throws {
        let doc = try MarkdownReader(source: "notice.md").read(template)
        XCTAssertEqual(doc.attachmentNote?.lines, ["附件：1.问题清单", "\u{3000}\u{3000}\u{3000}2.细则及依据"])
        let one = OfficialDocument(title: "t", attachments: [Attachment(title: "问题清单")])
        XCTAssertEqual(one.attachmentNote?.lines, ["附件：问题清单"])
        XCTAssertNil(OfficialDocument(title: "t").attachmentNote)
    }

    func testColophonFromTheFrontMatterWithTheDateAsPrintingDate() throws {
        let doc = try MarkdownReader(source: "notice.md").read(template)
        XCTAssertEqual(doc.colophon, Colophon(copyTo: "市人民政府办公室，各区司法局", printedBy: "克拉玛依市司法局办公室", printedOn: "2025年12月3日"))
        XCTAssertEqual(doc.colophon?.copyToLine, "抄送：市人民政府办公室，各区司法局。")
        XCTAssertEqual(doc.colophon?.printedOnText, "2025年12月3日印发")
        // printed-on wins over the date; no 版记 key, no 版记.
        let own = try MarkdownReader(source: "x").read("---\ndate: 2025年12月3日\nprinted-on: 2025年12月5日\n---\n# t\n")
        XCTAssertEqual(own.colophon, Colophon(printedOn: "2025年12月5日"))
        XCTAssertNil(try MarkdownReader(source: "x").read("---\ndate: 2025年12月3日\n---\n# t\n").colophon)
        // Empty values (an unset setting) print nothing, the date still dates the 版记.
        let empty = try MarkdownReader(source: "x").read("---\ndate: 2025年12月3日\ncopy-to: \nprinted-by: 局\nprinted-on: \n---\n# t\n")
        XCTAssertEqual(empty.colophon, Colophon(printedBy: "局", printedOn: "2025年12月3日"))
        XCTAssertNil(empty.colophon?.copyToLine)
    }

    func testDocumentNumberTakesTheYearOfTheDateAndShowsAMissingNumberAsABlank() throws {
        let doc = try MarkdownReader(source: "notice.md").read(template)
        XCTAssertEqual(doc.documentNumber, "克司通〔2025〕\u{3000}\u{3000}号")
        let numbered = try MarkdownReader(source: "x").read("---\ndocument-number: 克司通〔{year}〕3号\ndate: 2026年1月5日\n---\n# t\n")
        XCTAssertEqual(numbered.documentNumber, "克司通〔2026〕3号")
        // Without a date the year is a blank as well, never a wrong year.
        let undated = try MarkdownReader(source: "x").read("---\ndocument-number: 克司通〔{year}〕{number}号\n---\n# t\n")
        XCTAssertEqual(undated.documentNumber, "克司通〔\u{3000}\u{3000}〕\u{3000}\u{3000}号")
    }

    func testAttachmentErrorsNameTheLine() {
        func message(_ text: String) -> String {
            do {
                _ = try MarkdownReader(source: "notice.md.mustache").read(text)
                return "no error"
            } catch {
                return error.message
            }
        }
        XCTAssertEqual(message("# 标题\n\n# 附件：\n"), "notice.md.mustache:3: 附件须有名称，如「# 附件：问题清单」")
        XCTAssertEqual(message("# 标题\nTable: 表1\n# 附件：清单\n"), "notice.md.mustache:2: 「Table:」标题之后没有表格")
        // A title-level heading that is not an attachment stays a heading of the body.
        XCTAssertEqual(try MarkdownReader(source: "x").read("# 标题\n# 附件的说明\n").blocks, [.heading(level: 1, text: "附件的说明")])
    }

    func testMarkdownPrintsNoteSignatureAttachmentsAndColophonInTheStandardsOrder() throws {
        let doc = try MarkdownReader(source: "notice.md").read(template)
        let markdown = MarkdownWriter.write(doc)
        XCTAssertTrue(markdown.hasSuffix("""
        正文。

        附件：1.问题清单

        \u{3000}\u{3000}\u{3000}2.细则及依据

        克拉玛依市司法局

        2025年12月3日

        # 附件1：问题清单

        ### （一）不符合项

        **表1 不符合项**

        | 案号 | 问题 |
        |---|---|
        | 克水罚〔2025〕7号 | 证据单一 |

        # 附件2：细则及依据

        依据一段。

        ---

        抄送：市人民政府办公室，各区司法局。

        克拉玛依市司法局办公室\u{3000}\u{3000}2025年12月3日印发

        """), markdown)
        // The attachments read back from what the writer printed.
        XCTAssertEqual(try MarkdownReader(source: "x").read(markdown).attachments.map(\.title), ["问题清单", "细则及依据"])
    }

    func testMappingTextReachesAttachmentsAndColophon() {
        let doc = OfficialDocument(title: "a", attachments: [Attachment(title: "a", blocks: [.text("a")])],
                                   colophon: Colophon(copyTo: "a", printedBy: "a", printedOn: "a"))
        let mapped = doc.mappingText { $0.uppercased() }
        XCTAssertEqual(mapped.attachments, [Attachment(title: "A", blocks: [.text("A")])])
        XCTAssertEqual(mapped.colophon, Colophon(copyTo: "A", printedBy: "A", printedOn: "A"))
    }
}
