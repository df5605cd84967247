import Foundation
@testable import PingchaIngest
import PingchaModel

/// The workbook fixtures (Fixtures/, written by other programs: scripts/fixtures/make-workbooks.py)
/// and the one way tests compare what they read: every case as its JSON object, sorted.
extension IngestFixture {
    static let workbookFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// A fresh folder holding copies of the named fixtures (tests may add files beside them).
    static func copying(_ names: [String]) -> IngestFixture {
        let f = IngestFixture()
        for name in names {
            try! FileManager.default.copyItem(atPath: workbookFixtures + "/" + name, toPath: f.dir + "/" + name)
        }
        return f
    }

    /// The cases read, each as its JSON object, sorted.
    var caseLines: [String] {
        cases.map { JSONText.caseObject($0, catalogue: catalogue) }.sorted()
    }

    /// The cases of the CSV every workbook fixture is equivalent to.
    static func equivalentCSVCases() -> (fixture: IngestFixture, lines: [String]) {
        let f = copying(["cases-equivalent.csv"])
        f.ingest(["cases-equivalent.csv"])
        return (f, f.caseLines)
    }
}
