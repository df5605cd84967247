import Foundation
import PingchaDocuments
import PingchaModel
import XCTest
@testable import PingchaReports
import PingchaCatalogue

/// The settings of the official layout (发文字号, 主送, 版记) and how they reach the bulletin and
/// the notices through the templates' front matter.
final class OfficialSettingsTests: XCTestCase {
    func parse(_ yaml: String) throws -> ReportSettings {
        try ReportSettings.parse(yaml: yaml, path: "settings.yaml")
    }

    func message(_ yaml: String) -> String {
        do {
            _ = try parse(yaml)
            return "no error"
        } catch {
            return (error as? PingchaError)?.message ?? "\(error)"
        }
    }

    func testDefaults() {
        let settings = ReportSettings()
        XCTAssertEqual(settings.documentNumber, "克司通〔{year}〕{number}号")
        XCTAssertEqual(settings.noticeNumberPattern, "克司通〔{year}〕{number}号")
        XCTAssertEqual(settings.recipients, "市直各行政执法部门：")
        let values = settings.layoutValues
        XCTAssertEqual(values["copyTo"] as? String, "")
        XCTAssertEqual(values["printedBy"] as? String, "克拉玛依市司法局")
        XCTAssertEqual(values["printedOn"] as? String, "")
    }

    func testTheRepositorySettingsKeepTheDefaults() throws {
        let templates = try ReportTemplates.load(directory: nil)
        let settings = templates.settings
        XCTAssertEqual(settings.documentNumberPattern, DocumentNumber.defaultPattern)
        XCTAssertNil(settings.documentNumberSeq)
        XCTAssertEqual(settings.noticeNumberPattern, DocumentNumber.defaultPattern)
        XCTAssertEqual(settings.recipients, "市直各行政执法部门：")
        XCTAssertEqual(settings.copyTo, [])
        XCTAssertNil(settings.printedBy)
        XCTAssertNil(settings.printedOn)
    }

    func testEveryKeyRead() throws {
        let settings = try parse("""
        organisation: 独山子区司法局
        document_number: "独司通〔{year}〕{number}号"
        document_number_seq: 3
        notice_number: 独司改〔{year}〕{number}号
        recipients: 区直各行政执法部门：
        copy_to: [区人民政府办公室, 区人大常委会]
        printed_by: 独山子区司法局办公室
        printed_on: 2025-12-05
        """)
        XCTAssertEqual(settings.documentNumber, "独司通〔{year}〕3号")
        XCTAssertEqual(settings.noticeNumberPattern, "独司改〔{year}〕{number}号")
        XCTAssertEqual(settings.recipients, "区直各行政执法部门：")
        XCTAssertEqual(settings.copyTo, ["区人民政府办公室", "区人大常委会"])
        let values = settings.layoutValues
        XCTAssertEqual(values["documentNumber"] as? String, "独司通〔{year}〕3号")
        XCTAssertEqual(values["noticeNumber"] as? String, "独司改〔{year}〕{number}号")
        XCTAssertEqual(values["copyTo"] as? String, "区人民政府办公室，区人大常委会")
        XCTAssertEqual(values["printedBy"] as? String, "独山子区司法局办公室")
        XCTAssertEqual(values["printedOn"] as? String, "2025年12月5日")
        // One line of 抄送 is taken as written; an empty number is the default pattern.
        XCTAssertEqual(try parse("copy_to: 市人民政府办公室，各区司法局\n").copyTo, ["市人民政府办公室，各区司法局"])
        XCTAssertEqual(try parse("document_number: \"\"\n").documentNumber, DocumentNumber.defaultPattern)
    }

    func testMistakesNameTheLine() {
        XCTAssertEqual(message("organisation: 局\ndocument_number_seq: 第3\n"),
                       "settings.yaml:2:22: document_number_seq 应为正整数（发文字号中的顺序号，不编虚位、不加“第”），而不是「第3」")
        XCTAssertEqual(message("document_number: 克司通〔{yr}〕{number}号\n"),
                       "settings.yaml:1:18: document_number 中只能用 {year}（成文日期的年份）和 {number}（顺序号）两个占位符：克司通〔{yr}〕{number}号")
        XCTAssertEqual(message("printed_on: 2025年12月5日\n"), "settings.yaml:1:13: printed_on 应为 YYYY-MM-DD 格式的日期，而不是「2025年12月5日」")
    }

    func testDocNumberFlagTakesANumberOrAWholeDocumentNumber() throws {
        var request = ReportRequest(documentNumber: "7")
        var settings = try request.loadTemplates().settings
        XCTAssertEqual(settings.documentNumberSeq, 7)
        XCTAssertEqual(settings.documentNumber, "克司通〔{year}〕7号")
        request.documentNumber = "克司通〔2025〕9号"
        settings = try request.loadTemplates().settings
        XCTAssertEqual(settings.documentNumber, "克司通〔2025〕9号")
        request.documentNumber = ""
        XCTAssertEqual(try request.loadTemplates().settings.documentNumber, DocumentNumber.defaultPattern)
    }

    func bulletin(_ change: (inout ReportSettings) -> Void = { _ in }) throws -> OfficialDocument {
        var templates = try ReportTemplates.load(directory: nil)
        templates.settings = ReportSettings()
        change(&templates.settings)
        return try BulletinDocument.make(ReportFixtures.bulletin, templates: templates, calendar: .builtIn(), periods: ReportFixtures.periods)
    }

    func testTheBulletinAlwaysCarriesItsNumberOrTheBlankForIt() throws {
        // The fixture batch ran on 2025-09-26: the year of the 成文日期.
        XCTAssertEqual(try bulletin().documentNumber, "克司通〔2025〕\u{3000}\u{3000}号")
        XCTAssertEqual(try bulletin { $0.documentNumberSeq = 3 }.documentNumber, "克司通〔2025〕3号")
        XCTAssertEqual(try bulletin { $0.date = CivilDate(year: 2026, month: 1, day: 5) }.documentNumber, "克司通〔2026〕\u{3000}\u{3000}号")
        XCTAssertEqual(try bulletin().recipients, "市直各行政执法部门：")
    }

    func testTheBulletinsColophonFromTheSettings() throws {
        XCTAssertEqual(try bulletin().colophon, Colophon(printedBy: "克拉玛依市司法局", printedOn: "2025年9月26日"))
        let full = try bulletin {
            $0.copyTo = ["市人民政府办公室", "各区司法局"]
            $0.printedBy = "克拉玛依市司法局办公室"
            $0.printedOn = CivilDate(year: 2025, month: 9, day: 28)
        }
        XCTAssertEqual(full.colophon, Colophon(copyTo: "市人民政府办公室，各区司法局", printedBy: "克拉玛依市司法局办公室", printedOn: "2025年9月28日"))
        XCTAssertTrue(MarkdownWriter.write(full).hasSuffix("\n\n---\n\n抄送：市人民政府办公室，各区司法局。\n\n克拉玛依市司法局办公室\u{3000}\u{3000}2025年9月28日印发\n"))
    }

    func testEachNoticeLeavesItsOwnNumberBlank() throws {
        var templates = try ReportTemplates.load(directory: nil)
        templates.settings = ReportSettings(documentNumberSeq: 3, copyTo: ["市人民政府办公室"])
        let notice = try NoticeDocument.make(NoticeTests.facts, templates: templates, calendar: .builtIn(), periods: ReportFixtures.periods)
        // The bulletin's number 3 is not every notice's number.
        XCTAssertEqual(notice.documentNumber, "克司通〔2025〕\u{3000}\u{3000}号")
        XCTAssertEqual(notice.recipients, "交通运输局：")
        XCTAssertEqual(notice.colophon, Colophon(copyTo: "市人民政府办公室", printedBy: "克拉玛依市司法局", printedOn: "2025年9月26日"))
        XCTAssertEqual(notice.attachmentNote?.lines, ["附件：问题清单"])
    }

    func testTheFrontMatterOfBothTemplatesCarriesTheOfficialParts() {
        for name in ["bulletin.md.mustache", "notice.md.mustache"] {
            let text = BuiltInTemplates.text(name)
            // After the template note, between the two --- lines.
            let frontMatter = text.components(separatedBy: "\n---\n")[1]
            for key in ["issuer:", "document-number:", "recipients:", "signature:", "date:", "copy-to: {{copyTo}}",
                        "printed-by: {{printedBy}}", "printed-on: {{printedOn}}"] {
                XCTAssertTrue(frontMatter.contains(key), "\(name): \(key)")
            }
        }
        XCTAssertTrue(BuiltInTemplates.text("bulletin.md.mustache").contains("document-number: {{documentNumber}}"))
        XCTAssertTrue(BuiltInTemplates.text("notice.md.mustache").contains("document-number: {{noticeNumber}}"))
    }
}
