import XCTest
import PingchaAnalytics
import PingchaModel
import PingchaReports
@testable import PingchaPublish

/// stats.md beside the compared year: a body that year has no case of shows — there, not 0.
final class StatsDocumentsTests: XCTestCase {
    func stats(_ year: Int, _ departments: [String]) -> AnnualStatistics {
        let cases = departments.map { d in
            StatsCase(values: ["department": .text(d), "enforcement_type": .text("行政检查"),
                               "decision_date": .date(CivilDate(year: year, month: 5, day: 6)!)], measures: [:])
        }
        return AnnualStatistics.compute(cases: cases, year: year, calendarVersion: "t")
    }

    func testABodyNewThisYearHasNoFiguresInTheComparedYear() throws {
        let documents = StatsDocuments(stats: stats(2025, ["水利局", "新设局"]), previous: stats(2024, ["水利局"]),
                                       templates: try ReportTemplates.load(directory: nil))
        let lines = try XCTUnwrap(documents.facts.departments.first { $0.0 == "新设局" }?.1)
        let figure = lines.compactMap { line -> (String?, String?)? in
            if case .figure(let name, let current, let previous) = line, name == "决定案件数（件）" { return (current, previous) }
            return nil
        }.first
        XCTAssertEqual(figure?.0, "1")
        XCTAssertNil(figure?.1 ?? nil)   // printed as —
        let water = try XCTUnwrap(documents.facts.departments.first { $0.0 == "水利局" }?.1)
        XCTAssertTrue(water.contains { if case .figure("决定案件数（件）", "1", "1") = $0 { return true } else { return false } })
    }
}
