import Foundation
import PingchaGenerate
import PingchaTestSupport
import XCTest

/// `followup --periods FILE`: a bureau whose notices give 3 working days to answer, not 10,
/// sees its items turn 黄 and 红 by that file. A notice served Friday 27 September 2024: 3
/// working days end on 8 October (29 September, a Sunday worked, 30 September, then 8 October
/// after the National Day holiday); 10 working days end on 16 October.
final class FollowupPeriodsOptionTests: XCTestCase {
    var folder: TemporaryFolder!

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.file("rubrics"), withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        try FileManager.default.createDirectory(atPath: folder.file("in"), withIntermediateDirectories: true)
        _ = try SyntheticExport(options: GeneratorOptions(cases: 60, years: [2024], seed: 5, departments: ["交通运输局", "水利局"]))
            .writeFile(atPath: folder.file("in/export.csv"))
        XCTAssertEqual(try run(["run", "--quiet", "--db", "s.sqlite", "--input", "in", "--batch", "B", "--year", "2024"]).status, 0)
        try "执法主体,案件编号,细则,事项,文书,日期,文号,备注\n交通运输局,,,送达,通知书,2024-09-27,克司监通〔2024〕3号,\n"
            .write(toFile: folder.file("r.csv"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(["followup", "record", "--db", "s.sqlite", "--batch", "B", "--file", "r.csv"]).status, 0)
        let standard = try String(contentsOfFile: CommandRunner.packageRoot + "/rubrics/followup/periods.yaml", encoding: .utf8)
        let short = standard.replacingOccurrences(of: "  notice_answer:\n    title: 答复《行政执法监督通知书》\n    length: 10",
                                                  with: "  notice_answer:\n    title: 答复《行政执法监督通知书》\n    length: 3")
        XCTAssertNotEqual(short, standard)
        try short.write(toFile: folder.file("short.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDown() { folder.remove() }

    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try CommandRunner.run(args, in: folder.path)
    }

    /// The 交通运输局 line: items, 期限进行中, 黄, 红.
    func transport(_ asOf: String, _ extra: [String] = []) throws -> String {
        let r = try run(["followup", "status", "--db", "s.sqlite", "--batch", "B", "--as-of", asOf, "--out", "st-" + asOf] + extra)
        XCTAssertEqual(r.status, 0, r.stderr)
        let line = try XCTUnwrap(r.stdout.split(separator: "\n").first { $0.hasPrefix("交通运输局\t") }, r.stdout)
        return line.split(separator: "\t").dropFirst(2).prefix(4).joined(separator: " ")
    }

    func testThePeriodsFileSetsTheDueDays() throws {
        let items = try transport("2024-10-08").split(separator: " ")[0]
        XCTAssertEqual(try transport("2024-10-08"), "\(items) \(items) 0 0", "10 working days: running, not yet yellow")
        XCTAssertEqual(try transport("2024-10-08", ["--periods", "short.yaml"]), "\(items) \(items) \(items) 0", "3 working days: the last day, yellow")
        XCTAssertEqual(try transport("2024-10-09", ["--periods", "short.yaml"]), "\(items) \(items) 0 \(items)", "the day after: red")
    }
}
