import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel

/// `inspect --suggest-mapping`: the draft names what does not map, loads as it is, and once
/// its guesses are kept maps the export.
final class MappingSuggestionTests: XCTestCase {
    func testSuggestedMappingNamesHeadersAndValuesAndLoads() throws {
        let f = IngestFixture()
        f.write("a.csv", """
            案件编号,执法主体,执法类别,程序类型,立案日期x,经办人备注
            1,交通运输局,行政处罚,一般程序案件,2024-03-05,无
            2,交通运输局,行政处罚,一般程序案件,2024-03-06,无

            """)
        var suggestion = MappingSuggestion(catalogue: f.catalogue)
        let ingester = Ingester(catalogue: f.catalogue)
        let reports = ingester.ingest(files: [f.dir + "/a.csv"], handlers: IngestHandlers(onWarning: { suggestion.add($0) }))
        for r in reports { suggestion.add(r) }
        let yaml = suggestion.yaml()
        XCTAssertTrue(yaml.contains("  filed_date: [\"立案日期x\"]    # 立案日期"), yaml)
        XCTAssertTrue(yaml.contains("# “一般程序案件”出现 2 次；可选值："), yaml)
        XCTAssertTrue(yaml.contains("“经办人备注”（\(f.dir)/a.csv 第6列）"), yaml)
        let mapping = try ExportMapping.parse(yaml: yaml, path: "m.yaml", catalogue: f.catalogue)
        XCTAssertEqual(mapping.aliases["filed_date"], ["立案日期x"])

        let again = IngestFixture()
        again.write("a.csv", try String(contentsOfFile: f.dir + "/a.csv", encoding: .utf8))
        again.ingest(["a.csv"], options: IngestOptions(mapping: mapping))
        XCTAssertEqual(again.cases.compactMap { again.value($0, "filed_date") }.count, 2)
    }

    /// A refused file's missing required fields are suggested from the headers closest to them.
    func testRefusedFileGetsAliasesForItsRequiredFields() throws {
        let f = IngestFixture()
        f.write("a.csv", "编号,执法主体,执法类别\n1,交通运输局,行政处罚\n")
        var suggestion = MappingSuggestion(catalogue: f.catalogue)
        for r in f.ingest(["a.csv"]) { suggestion.add(r) }
        let yaml = suggestion.yaml()
        XCTAssertTrue(yaml.contains("  case_id: [\"编号\"]"), yaml)
        let mapping = try ExportMapping.parse(yaml: yaml, path: "m.yaml", catalogue: f.catalogue)
        let again = IngestFixture()
        again.write("a.csv", "编号,执法主体,执法类别\n1,交通运输局,行政处罚\n")
        XCTAssertEqual(again.ingest(["a.csv"], options: IngestOptions(mapping: mapping))[0].accepted, 1)
    }
}
