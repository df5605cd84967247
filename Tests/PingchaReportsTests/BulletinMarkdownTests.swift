import PingchaDocuments
import PingchaRubric
import XCTest
@testable import PingchaReports

final class BulletinMarkdownTests: XCTestCase {
    func testPrint() throws {
        let templates = try ReportTemplates.load(directory: nil)
        let doc = try BulletinDocument.make(ReportFixtures.bulletin, templates: templates, calendar: .builtIn())
        try MarkdownWriter.write(doc).write(toFile: "/tmp/bulletin-test.md", atomically: true, encoding: .utf8)
    }
}
