import Foundation
import PingchaDocuments
import PingchaModel
import XCTest
@testable import PingchaReports
import PingchaCatalogue

final class TemplateTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "pingcha-templates-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }

    func testAnOverrideFolderMayHoldOneTemplateAndTheRestAreBuiltIn() throws {
        try write("bulletin.md.mustache", "---\nsignature: {{organisation}}\ndate: {{dateText}}\n---\n# {{batchName}}通报（本局格式）\n\n共{{casesTotal}}件，案由含 {{#unqualifiedCases}}{{cause}}{{/unqualifiedCases}}。\n")
        let templates = try ReportTemplates.load(directory: folder)
        XCTAssertEqual(templates.sources["bulletin"], folder + "/bulletin.md.mustache")
        XCTAssertEqual(templates.sources["notice"], "内置 notice.md.mustache")
        let doc = try BulletinDocument.make(ReportFixtures.bulletin, templates: templates, calendar: .builtIn(), periods: ReportFixtures.periods)
        XCTAssertEqual(doc.title, "2025年度行政执法案卷评查通报（本局格式）")
        // Values are masked and escaped for Markdown whatever the template does with them.
        XCTAssertEqual(doc.blocks, [.text("共8件，案由含 张某无证经营道路运输，联系电话139****5678欧阳某超标排放。")])
        XCTAssertEqual(doc.signature, Signature(organisation: "克拉玛依市司法局", date: "2025年9月26日"))
    }

    func testSettingsFileAndRequestOverrides() throws {
        try write("settings.yaml", "organisation: 独山子区司法局\ndocument_number: 独司通〔2025〕1号\nlist_limit: 5\nname_masking: none\n")
        var request = ReportRequest(templates: folder)
        XCTAssertEqual(try request.loadTemplates().settings,
                       ReportSettings(organisation: "独山子区司法局", documentNumber: "独司通〔2025〕1号", listLimit: 5, nameMasking: .none))
        request.organisation = "克拉玛依市司法局"
        request.date = CivilDate(year: 2025, month: 12, day: 1)
        request.maskAll = true
        let settings = try request.loadTemplates().settings
        XCTAssertEqual(settings.organisation, "克拉玛依市司法局")
        XCTAssertEqual(settings.date, CivilDate(year: 2025, month: 12, day: 1))
        XCTAssertTrue(settings.maskAll)
    }

    func testMistakesAreReportedWithFileAndLine() throws {
        try write("settings.yaml", "organisation: 某局\nname_masking: initials\n")
        XCTAssertThrowsError(try ReportTemplates.load(directory: folder)) { error in
            XCTAssertEqual((error as? PingchaError)?.message,
                           "\(folder)/settings.yaml:2:15: name_masking 应为 surname（姓+某）或 none（保留全名），而不是「initials」")
        }
        try FileManager.default.removeItem(atPath: folder + "/settings.yaml")
        try write("notice.md.mustache", "# 通知\n\n{{#failedCaseList}}\n{{caseId}}\n{{/cases}}\n")
        XCTAssertThrowsError(try ReportTemplates.load(directory: folder)) { error in
            let message = (error as? PingchaError)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("\(folder)/notice.md.mustache:5:"), message)
            XCTAssertTrue(message.contains("结束标签与开始的区块名不一致"), message)
        }
        XCTAssertThrowsError(try ReportTemplates.load(directory: folder + "/nowhere")) { error in
            XCTAssertEqual(error as? PingchaError, .fileNotFound(folder + "/nowhere"))
        }
    }

    func testTheRepositoryTemplatesAreTheBuiltInOnes() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../reports/templates").path
        for file in ["bulletin.md.mustache", "notice.md.mustache", "stats.md.mustache", "compare.md.mustache", "settings.yaml"] {
            XCTAssertEqual(try String(contentsOfFile: repository + "/" + file, encoding: .utf8), BuiltInTemplates.text(file), file)
        }
    }
}
