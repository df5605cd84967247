import Foundation
import PingchaDocuments
import PingchaModel
import PingchaRubric
import XCTest
@testable import PingchaReports

/// The Markdown bulletin of a small hand-made batch, compared with a file checked by hand.
/// `PINGCHA_UPDATE_GOLDEN=1 swift test --filter BulletinMarkdownTests` rewrites it after a
/// deliberate change of wording; review the diff before committing.
final class BulletinMarkdownTests: XCTestCase {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/bulletin.md")

    func bulletin(_ settings: (inout ReportSettings) -> Void = { _ in }) throws -> OfficialDocument {
        var templates = try ReportTemplates.load(directory: nil)
        templates.settings = ReportSettings()
        settings(&templates.settings)
        return try BulletinDocument.make(ReportFixtures.bulletin, templates: templates, calendar: .builtIn())
    }

    func testMarkdownMatchesTheGoldenFile() throws {
        let markdown = MarkdownWriter.write(try bulletin { $0.documentNumber = "克司通〔2025〕3号" })
        if ProcessInfo.processInfo.environment["PINGCHA_UPDATE_GOLDEN"] == "1" {
            try markdown.write(to: Self.golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        XCTAssertEqual(markdown, expected)
    }

    func testDeadlinesCountWorkingDaysAcrossNationalDay() throws {
        // 2025-09-26 is a Friday; 28 Sep and 11 Oct are adjusted working days, 1–8 Oct a holiday.
        let d = RectificationDeadlines(issued: ReportFixtures.ranOn, calendar: .builtIn())
        XCTAssertEqual(d.objection, CivilDate(year: 2025, month: 10, day: 10))
        XCTAssertEqual(d.correction, CivilDate(year: 2025, month: 10, day: 16))
        let text = MarkdownWriter.write(try bulletin())
        XCTAssertTrue(text.contains("10个工作日内（即2025年10月16日前）"), text)
        XCTAssertTrue(text.contains("5个工作日内（即2025年10月10日前）"), text)
    }

    func testTheSettingsDateMovesTheDeadlines() throws {
        let text = MarkdownWriter.write(try bulletin { $0.date = CivilDate(year: 2025, month: 12, day: 1) })
        XCTAssertTrue(text.contains("（即2025年12月15日前）"))
        XCTAssertTrue(text.hasSuffix("特此通报。\n\n克拉玛依市司法局\n\n2025年12月1日\n"))
    }

    func testPublishedBulletinMasksNamesAndIdentifiers() throws {
        let text = MarkdownWriter.write(try bulletin())
        XCTAssertFalse(text.contains("张三"))
        XCTAssertFalse(text.contains("欧阳娜娜"))
        XCTAssertTrue(text.contains("| 交通运输局 | 交罚〔2025〕7号 | 张某 |"), text)
        XCTAssertTrue(text.contains("| 欧阳某 |"), text)
        XCTAssertFalse(PersonalDataMask.containsIdentifiers(text))
        // Without surname masking the party's name stays, identifiers still go.
        let full = MarkdownWriter.write(try bulletin { $0.nameMasking = .none })
        XCTAssertTrue(full.contains("| 张三 |"))
        XCTAssertFalse(PersonalDataMask.containsIdentifiers(full))
    }
}
