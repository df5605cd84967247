import Foundation
import PingchaDocuments
import PingchaModel
import PingchaRubric
import XCTest
@testable import PingchaReports
import PingchaCatalogue

/// The Markdown bulletin of a small hand-made batch, compared with a file checked by hand.
/// `PINGCHA_UPDATE_GOLDEN=1 swift test --filter BulletinMarkdownTests` rewrites it after a
/// deliberate change of wording; review the diff before committing.
final class BulletinMarkdownTests: XCTestCase {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/bulletin.md")

    func bulletin(_ settings: (inout ReportSettings) -> Void = { _ in }) throws -> OfficialDocument {
        var templates = try ReportTemplates.load(directory: nil)
        templates.settings = ReportSettings()
        settings(&templates.settings)
        return try BulletinDocument.make(ReportFixtures.bulletin, templates: templates, calendar: .builtIn(), periods: ReportFixtures.periods)
    }

    func goldenMarkdown() throws -> String {
        MarkdownWriter.write(try bulletin { $0.documentNumber = "克司通〔2025〕3号" })
    }

    /// The golden is read, never written, here: on a difference the text made is left beside
    /// it (`….actual.md`) for a diff; a reviewed change is taken with the test below.
    func testMarkdownMatchesTheGoldenFile() throws {
        let markdown = try goldenMarkdown()
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        if markdown != expected {
            let actual = Self.golden.deletingPathExtension().appendingPathExtension("actual.md")
            try markdown.write(to: actual, atomically: true, encoding: .utf8)
            XCTFail("bulletin.md differs from the golden: diff \(Self.golden.path) \(actual.path)")
        }
    }

    /// Writes the golden when PINGCHA_UPDATE_GOLDEN=1 (then review it in the diff); skipped
    /// otherwise.
    func testWriteGoldenWhenAsked() throws {
        guard ProcessInfo.processInfo.environment["PINGCHA_UPDATE_GOLDEN"] == "1" else { throw XCTSkip("PINGCHA_UPDATE_GOLDEN not set") }
        try goldenMarkdown().write(to: Self.golden, atomically: true, encoding: .utf8)
    }

    func testDeadlinesCountWorkingDaysAcrossNationalDay() throws {
        // 2025-09-26 is a Friday; 28 Sep and 11 Oct are adjusted working days, 1–8 Oct a holiday.
        let p = ReportFixtures.periods
        XCTAssertEqual(p.objection.end(from: ReportFixtures.ranOn, calendar: .builtIn()), CivilDate(year: 2025, month: 10, day: 10))
        XCTAssertEqual(p.correction.end(from: ReportFixtures.ranOn, calendar: .builtIn()), CivilDate(year: 2025, month: 10, day: 16))
    }

    /// Art. 30 counts from receipt, and nobody knows when a department receives the bulletin:
    /// the periods, not dates counted from the bulletin's own date.
    func testThePeriodsRunFromReceipt() throws {
        let text = MarkdownWriter.write(try bulletin())
        XCTAssertTrue(text.contains("请自收到本通报之日起10个工作日内自行纠正违法或者不当的行政执法行为"), text)
        XCTAssertTrue(text.contains("可以自收到本通报之日起5个工作日内向克拉玛依市司法局书面提出复查申请"), text)
        XCTAssertFalse(text.contains("（即"), text)
        XCTAssertTrue(text.contains("依照《克拉玛依市行政执法监督办法》第三十一条"), text)
    }

    func testTheSettingsDateIsTheDocumentsDate() throws {
        let text = MarkdownWriter.write(try bulletin { $0.date = CivilDate(year: 2025, month: 12, day: 1) })
        XCTAssertTrue(text.contains("特此通报。\n\n克拉玛依市司法局\n\n2025年12月1日\n"), text)
    }

    func testPublishedBulletinMasksNamesAndIdentifiers() throws {
        let text = MarkdownWriter.write(try bulletin())
        XCTAssertFalse(text.contains("张三"))
        XCTAssertFalse(text.contains("欧阳娜娜"))
        XCTAssertTrue(text.contains("| 交通运输局 | 交罚<br>〔2025〕7号 | 张某 |"), text)
        XCTAssertTrue(text.contains("| 欧阳某 |"), text)
        XCTAssertFalse(PersonalDataMask.containsIdentifiers(text))
        // Without surname masking the party's name stays, identifiers still go.
        let full = MarkdownWriter.write(try bulletin { $0.nameMasking = .none })
        XCTAssertTrue(full.contains("| 张三 |"))
        XCTAssertFalse(PersonalDataMask.containsIdentifiers(full))
    }
}
