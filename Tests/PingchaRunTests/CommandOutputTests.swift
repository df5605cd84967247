import Foundation
import PingchaGenerate
import PingchaTestSupport
import XCTest

/// What `run` and `score` print when nothing is wrong: the summary lines a user reads after a
/// run, and the warning when working days were counted in a year the calendar does not cover.
final class CommandOutputTests: XCTestCase {
    var folder: TemporaryFolder!

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.file("rubrics"), withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        try FileManager.default.createDirectory(atPath: folder.file("in"), withIntermediateDirectories: true)
    }

    override func tearDown() { folder.remove() }

    func testRunWithoutQuietSaysWhatItStoredAndWhere() throws {
        let summary = try SyntheticExport(options: GeneratorOptions(cases: 60, years: [2025], seed: 21, messy: true))
            .writeFile(atPath: folder.file("in/export.csv"))
        let r = try CommandRunner.run(["run", "--db", "s.sqlite", "--input", "in", "--batch", "B", "--year", "2025",
                                       "--date", "2025-12-01", "--out", "out//"], in: folder.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, r.stdout)
        XCTAssertTrue(lines[0].hasPrefix("批次“B”：1 个文件，记录 \(summary.rows) 行 = 接受 \(summary.cases) + 退回 \(summary.totalBadRows)；打分 "), lines[0])
        XCTAssertEqual(lines[1], "已保存到 s.sqlite，报告在 out/")
        // Not a terminal: no progress line in the captured output.
        XCTAssertFalse(r.stderr.contains("\r"), r.stderr)
    }

    /// The built-in calendar cut down to 2025 alone.
    func calendar2025() throws -> String {
        let text = try String(contentsOfFile: CommandRunner.packageRoot + "/data/calendar/calendar.yaml", encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "\n  2025:\n"))
        let end = text.range(of: "\n  2026:\n", range: start.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
        let head = try XCTUnwrap(text.range(of: "\nyears:\n"))
        let path = folder.file("cal2025.yaml")
        try (String(text[..<head.upperBound]) + String(text[text.index(after: start.lowerBound)..<end]) + "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A penalty decided in 2026 is served late by a count of 2026's working days: the calendar
    /// given covers 2025 only, so the count falls back to Monday–Friday and both commands say so
    /// once, at the end.
    func testAYearOutsideTheCalendarIsNamed() throws {
        let calendar = try calendar2025()
        try """
            案件编号,执法主体,执法类别,程序类型,当事人类型,当事人,执法人员人数,立案日期,处罚决定日期,送达日期
            交罚〔2026〕1号,交通运输局,行政处罚,普通程序,法人,甲公司,2,2025-12-01,2026-03-02,2026-03-20

            """.write(toFile: folder.file("in/late.csv"), atomically: true, encoding: .utf8)
        let score = try CommandRunner.run(["score", "--input", "in/late.csv", "--calendar", calendar, "--format", "csv"], in: folder.path)
        XCTAssertEqual(score.status, 0, score.stderr)
        XCTAssertTrue(score.stderr.contains("注意：日历只覆盖 2025–2025 年，"), score.stderr)
        XCTAssertTrue(score.stderr.contains("2026"), score.stderr)
        XCTAssertTrue(score.stderr.contains("年的日期按周一至周五为工作日计算（可用 --calendar 指定日历）"), score.stderr)
        let run = try CommandRunner.run(["run", "--quiet", "--db", "s.sqlite", "--input", "in/late.csv", "--calendar", calendar,
                                         "--batch", "L", "--date", "2026-12-01", "--out", "out"], in: folder.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr.components(separatedBy: "注意：日历只覆盖 2025–2025 年，").count, 2, run.stderr)
        // With the built-in calendar (2020–2026) nothing is said about 2026.
        let builtIn = try CommandRunner.run(["score", "--input", "in/late.csv", "--format", "csv"], in: folder.path)
        XCTAssertEqual(builtIn.status, 0, builtIn.stderr)
        XCTAssertFalse(builtIn.stderr.contains("2026 年"), builtIn.stderr)
    }
}

extension CommandOutputTests {
    /// A workbook with a title row, a totals row and a 制表人 line (written by openpyxl,
    /// Tests/PingchaIngestTests/Fixtures/titled.xlsx): the rows add up, with the skipped ones
    /// counted in the store and summary.json, and warnings.csv names the sheet.
    func testAWorkbooksSkippedRowsAndSheetAreKept() throws {
        try FileManager.default.copyItem(atPath: CommandRunner.packageRoot + "/Tests/PingchaIngestTests/Fixtures/titled.xlsx",
                                         toPath: folder.file("in/titled.xlsx"))
        let r = try CommandRunner.run(["run", "--db", "s.sqlite", "--input", "in", "--batch", "W", "--date", "2026-12-01", "--out", "out"],
                                      in: folder.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("批次“W”：1 个文件，记录 5 行 = 接受 3 + 退回 0 + 跳过 2（合计、说明等非案件行）；"), r.stdout)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.file("out/summary.json")))) as! [String: Any]
        let input = (summary["inputs"] as! [[String: Any]])[0]
        XCTAssertEqual([input["rows"], input["accepted"], input["rejected"], input["skipped"]].map { $0 as? Int }, [5, 3, 0, 2])
        XCTAssertEqual(input["encoding"] as? String, "xlsx")
        let warnings = try String(contentsOfFile: folder.file("out/warnings.csv"), encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        XCTAssertEqual(Array(warnings.dropFirst()), ["in/titled.xlsx,8,,skipped_row,,,合计,,台账", "in/titled.xlsx,10,,skipped_row,,,制表人：张三,,台账"])
    }
}
