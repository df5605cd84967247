import Foundation
import GRDB
import PingchaGenerate
import PingchaTestSupport
import XCTest

/// Commands and flags README names that no other test runs end to end: `rubric show`,
/// `sample --fraction --risk`, `assign --sample`, `compare` without `--batch` and with
/// `--min-cases`.
final class CommandCoverageTests: XCTestCase {
    var folder: TemporaryFolder!

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.file("rubrics"), withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        for (year, seed) in [(2024, UInt64(41)), (2025, 42)] {
            try FileManager.default.createDirectory(atPath: folder.file("in\(year)"), withIntermediateDirectories: true)
            _ = try SyntheticExport(options: GeneratorOptions(cases: 200, years: [year], seed: seed)).writeFile(atPath: folder.file("in\(year)/export.csv"))
            let r = try CommandRunner.run(["run", "--quiet", "--db", "s.sqlite", "--input", "in\(year)", "--batch", "B\(year)", "--year", "\(year)",
                                           "--date", "\(year)-12-01", "--out", "out\(year)"], in: folder.path)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
    }

    override func tearDown() { folder.remove() }

    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try CommandRunner.run(args, in: folder.path)
    }

    func testRubricShowPrintsTheStandardAsATable() throws {
        let r = try run(["rubric", "show", "rubrics/inspection.yaml"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("行政检查案卷评查标准（inspection，版本 "), lines[0])
        XCTAssertEqual(lines[1], "文件：rubrics/inspection.yaml、rubrics/common/three-systems.yaml")
        XCTAssertEqual(lines[2], "适用：enforcement_type == \"行政检查\"")
        XCTAssertEqual(lines[3], "满分 100；等次：优秀 ≥ 90，合格 ≥ 60，不合格 ≥ 0；一票否决时最高为“不合格”")
        XCTAssertTrue(r.stdout.contains("LEG-01"), r.stdout)
    }

    /// The same seed draws the same cases, wherever it runs; the summary line counts the rows
    /// of sample.csv; `assign` shares them so that nobody reviews their own department.
    func testSampleByFractionAndRiskThenAssign() throws {
        // The population is the scored cases (no standard covers the others).
        let scored = try DatabaseQueue(path: folder.file("s.sqlite")).read { db in
            try Int.fetchOne(db, sql: "SELECT cases_scored FROM batch WHERE name = 'B2025'")!
        }
        var samples: [String] = []
        for out in ["s1", "s2"] {
            let r = try run(["sample", "--db", "s.sqlite", "--batch", "B2025", "--fraction", "0.1", "--risk", "--seed", "3", "--out", out])
            XCTAssertEqual(r.status, 0, r.stderr)
            let csv = try String(contentsOfFile: folder.file(out + "/sample.csv"), encoding: .utf8)
            let drawn = csv.split(whereSeparator: \.isNewline).count - 1
            XCTAssertEqual(r.stdout, "抽取 \(drawn) 件（必查 0 件，随机抽取 \(drawn) 件，共 \(scored) 件中）；样本和抽取记录在 \(out)/\n")
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.file(out + "/draw-record.md")))
            samples.append(csv)
        }
        XCTAssertEqual(samples[0], samples[1])
        let other = try run(["sample", "--db", "s.sqlite", "--batch", "B2025", "--fraction", "0.1", "--risk", "--seed", "4", "--out", "s3"])
        XCTAssertEqual(other.status, 0, other.stderr)
        XCTAssertNotEqual(try String(contentsOfFile: folder.file("s3/sample.csv"), encoding: .utf8), samples[0])

        try "name,department\n甲,交通运输局\n乙,公安局\n丙,司法局\n".write(toFile: folder.file("reviewers.csv"), atomically: true, encoding: .utf8)
        let a = try run(["assign", "--db", "s.sqlite", "--batch", "B2025", "--sample", "s1/sample.csv", "--reviewers", "reviewers.csv", "--out", "a"])
        XCTAssertEqual(a.status, 0, a.stderr)
        let rows = try String(contentsOfFile: folder.file("a/assignment.csv"), encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        XCTAssertEqual(rows.count, samples[0].split(whereSeparator: \.isNewline).count - 1)
        for row in rows {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertNotEqual(cells[1], cells[3], "a reviewer of \(cells[1]) assigned a case of their own department: \(row)")
        }
        for reviewer in ["甲", "乙", "丙"] { XCTAssertTrue(FileManager.default.fileExists(atPath: folder.file("a/评查表_\(reviewer).csv")), reviewer) }
    }

    /// Without --batch, compare takes every stored batch in order; --min-cases decides who is
    /// ranked.
    func testCompareEveryBatchWithAMinimum() throws {
        let all = try run(["compare", "--db", "s.sqlite", "--out", "c1", "--date", "2025-12-20"])
        XCTAssertEqual(all.status, 0, all.stderr)
        let text = try String(contentsOfFile: folder.file("c1/compare.md"), encoding: .utf8)
        XCTAssertTrue(text.contains("B2024") && text.contains("B2025"), text)
        // Nobody has 1,000 cases: with that minimum no department is ranked.
        let high = try run(["compare", "--db", "s.sqlite", "--out", "c2", "--date", "2025-12-20", "--min-cases", "1000"])
        XCTAssertEqual(high.status, 0, high.stderr)
        let unranked = try String(contentsOfFile: folder.file("c2/compare.md"), encoding: .utf8)
        XCTAssertNotEqual(unranked, text)
        XCTAssertTrue(unranked.contains("不排名"), unranked)
    }

    /// A batch the store does not have: every command that takes --batch names the batches it
    /// has, stops with status 1 and writes nothing.
    func testAnUnknownBatchIsNamedWithTheKnownOnes() throws {
        let message = "错误：数据库中没有名为“B2026”的批次（已有：B2024、B2025）\n"
        for args in [["report", "--out", "r"], ["rescore", "--as", "Z", "--out", "r"], ["sample", "--out", "r"],
                     ["compare", "--batch", "B2025", "--out", "r"], ["stats", "--year", "2026", "--out", "r"]] {
            let r = try run(args + ["--db", "s.sqlite", "--batch", "B2026"])
            XCTAssertEqual(r.status, 1, "\(args)")
            XCTAssertEqual(r.stderr, message, "\(args)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("r")), "\(args)")
        }
    }
}
