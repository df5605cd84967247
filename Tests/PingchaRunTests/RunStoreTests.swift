import Foundation
import GRDB
import XCTest
@testable import PingchaRun
import PingchaGenerate
import PingchaModel
import PingchaStore
import PingchaTestSupport
import PingchaCatalogue

/// `pingcha run` and its store: the round trip, atomic replacement, crashes, concurrency.
final class RunStoreTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pingcha-run-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/rubrics", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// Writes a generated export; its summary says exactly how many bad rows it holds.
    @discardableResult
    func generate(_ cases: Int, seed: UInt64, messy: Bool = false, into name: String = "in/export.csv") throws -> GenerationSummary {
        try SyntheticExport(options: GeneratorOptions(cases: cases, years: [2025], seed: seed, messy: messy))
            .writeFile(atPath: dir + "/" + name)
    }

    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try CommandRunner.run(["run", "--quiet", "--db", "store.sqlite"] + args, in: dir)
    }

    func store() throws -> DatabaseQueue { try DatabaseQueue(path: dir + "/store.sqlite") }

    func summary(_ batch: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/reports/" + batch + "/summary.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    func testRoundTripEverySummaryFigureComesFromTheStore() throws {
        let generated = try generate(400, seed: 3, messy: true)
        let r = try run(["--input", "in", "--batch", "B", "--year", "2025"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let s = try summary("B")
        try store().read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA user_version"), 6)
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            let batchId = try Int64.fetchOne(db, sql: "SELECT id FROM batch WHERE name = 'B'")!
            let cases = s["cases"] as! [String: Int]
            XCTAssertEqual(cases["total"], try Int.fetchOne(db, sql: #"SELECT count(*) FROM "case" WHERE batch_id = ?"#, arguments: [batchId]))
            XCTAssertEqual(cases["scored"], try Int.fetchOne(db, sql: "SELECT count(*) FROM result WHERE batch_id = ? AND rubric_id IS NOT NULL", arguments: [batchId]))
            XCTAssertEqual(cases["uncovered"], try Int.fetchOne(db, sql: "SELECT count(*) FROM result WHERE batch_id = ? AND rubric_id IS NULL", arguments: [batchId]))
            XCTAssertEqual(cases["needs_review"], try Int.fetchOne(db, sql: "SELECT count(*) FROM result WHERE batch_id = ? AND needs_review", arguments: [batchId]))
            // Accounting per input: rows = accepted + rejected, and rejects are all stored.
            let inputs = s["inputs"] as! [[String: Any]]
            XCTAssertEqual(inputs.count, 1)
            XCTAssertEqual(inputs[0]["rows"] as! Int, (inputs[0]["accepted"] as! Int) + (inputs[0]["rejected"] as! Int))
            XCTAssertEqual(inputs[0]["rejected"] as? Int, try Int.fetchOne(db, sql: "SELECT count(*) FROM reject WHERE batch_id = ?", arguments: [batchId]))
            // Exactly the bad rows the generator wrote: each one rejected, no good one.
            XCTAssertGreaterThan(generated.totalBadRows, 0)
            XCTAssertEqual(inputs[0]["rejected"] as? Int, generated.totalBadRows)
            XCTAssertEqual(inputs[0]["accepted"] as? Int, generated.cases)
            XCTAssertEqual(inputs[0]["sha256"] as? String, try String.fetchOne(db, sql: "SELECT sha256 FROM input WHERE batch_id = ?", arguments: [batchId]))
            // Grades, mean score, dispositions and per-department figures, recomputed with SQL.
            let grades = s["grades"] as! [String: Int]
            for (grade, count) in grades {
                XCTAssertEqual(count, try Int.fetchOne(db, sql: "SELECT count(*) FROM result WHERE batch_id = ? AND grade = ?", arguments: [batchId, grade]), grade)
            }
            let mean = try Double.fetchOne(db, sql: "SELECT avg(score_value) FROM result WHERE batch_id = ? AND score IS NOT NULL", arguments: [batchId])!
            XCTAssertEqual((s["score"] as! [String: Any])["mean"] as! Double, (mean * 10).rounded() / 10, accuracy: 1e-9)
            let dispositions = s["dispositions"] as! [String: Int]
            for (d, count) in dispositions {
                XCTAssertEqual(count, try Int.fetchOne(db, sql: "SELECT count(*) FROM result WHERE batch_id = ? AND disposition = ?", arguments: [batchId, d]), d)
            }
            for d in s["departments"] as! [[String: Any]] {
                let name = d["name"] as! String
                let row = try Row.fetchOne(db, sql: """
                    SELECT count(*) AS n, sum(r.pass) AS passed, count(r.score) AS scored FROM "case" c JOIN result r USING (batch_id, case_no)
                    WHERE c.batch_id = ? AND c.department = ?
                    """, arguments: [batchId, name])!
                XCTAssertEqual(d["cases"] as? Int, row["n"], name)
                let scored: Int = row["scored"], passed: Int = row["passed"] ?? 0
                XCTAssertEqual(d["pass_rate"] as! Double, (Double(passed) / Double(scored) * 10000).rounded() / 10000, accuracy: 1e-9, name)
            }
            for rule in s["rules"] as! [[String: Any]] {
                let failed = try Int.fetchOne(db, sql: "SELECT count(*) FROM finding WHERE batch_id = ? AND rubric_id = ? AND rule_id = ? AND outcome = 'fail'",
                                              arguments: [batchId, rule["rubric"] as! String, rule["id"] as! String])
                XCTAssertEqual(rule["failed"] as? Int, failed)
            }
        }
        // `report` regenerates the same summary from the store.
        let before = try String(contentsOfFile: dir + "/reports/B/summary.json", encoding: .utf8)
        let again = try CommandRunner.run(["report", "--db", "store.sqlite", "--batch", "B"], in: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try String(contentsOfFile: dir + "/reports/B/summary.json", encoding: .utf8), before)
    }

    func testRerunReplacesTheBatchAndAFailedRunLeavesItIntact() throws {
        try generate(120, seed: 5)
        XCTAssertEqual(try run(["--input", "in", "--batch", "B"]).status, 0)
        try generate(80, seed: 6)
        XCTAssertEqual(try run(["--input", "in", "--batch", "B"]).status, 0)
        XCTAssertEqual(try store().read { try Int.fetchOne($0, sql: #"SELECT count(*) FROM "case""#) }, 80)
        XCTAssertEqual(try store().read { try Int.fetchOne($0, sql: "SELECT count(*) FROM batch") }, 1)
        // A scoresheet naming a case the batch does not have: exit 1, the stored batch and its reports stay.
        FileManager.default.createFile(atPath: dir + "/sheet.csv", contents: Data("case_id,rule,outcome\nNO-SUCH,PRO-01,pass\n".utf8))
        try generate(50, seed: 7)
        let bad = try run(["--input", "in", "--batch", "B", "--scoresheet", "sheet.csv"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("sheet.csv:2:1: 批次中没有案件 NO-SUCH"), bad.stderr)
        XCTAssertEqual(try store().read { try Int.fetchOne($0, sql: #"SELECT count(*) FROM "case""#) }, 80)
        XCTAssertEqual((try summary("B")["cases"] as! [String: Int])["total"], 80)
    }

    func testStrictRefusesAnyRejectAndStoresNothing() throws {
        let generated = try generate(300, seed: 8, messy: true)
        let r = try run(["--input", "in", "--batch", "S", "--strict"])
        XCTAssertEqual(r.status, 1)
        XCTAssertGreaterThan(generated.totalBadRows, 0)
        XCTAssertTrue(r.stderr.contains("--strict：有 \(generated.totalBadRows) 行被退回，本次运行不保存任何结果：\n  "), r.stderr)
        // The first refused rows are named with their reasons, the rest counted.
        let named = r.stderr.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains("export.csv 第") }
        XCTAssertEqual(named.count, min(generated.totalBadRows, 5), r.stderr)
        if generated.totalBadRows > 5 { XCTAssertTrue(r.stderr.contains("……另有 \(generated.totalBadRows - 5) 行（全部退回原因见 pingcha inspect）"), r.stderr) }
        // The store was new: no file is left behind.
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/store.sqlite"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/reports/S"))
    }

    /// A run killed at several moments leaves the file consistent and the previous batch as it was.
    /// Killed while its transaction is open (the run says when: a test hook pauses it after
    /// 500 of 2,000 cases are stored, uncommitted): the previous batch is there, whole.
    func testARunKilledInsideItsTransactionStoresNothing() throws {
        try generate(100, seed: 9)
        XCTAssertEqual(try run(["--input", "in", "--batch", "K"]).status, 0)
        try generate(2000, seed: 10)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        p.arguments = ["run", "--quiet", "--db", "store.sqlite", "--input", "in", "--batch", "K"]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.environment = ProcessInfo.processInfo.environment.merging(["PINGCHA_TEST_PAUSE_AFTER_CASES": "500"]) { _, new in new }
        let stderr = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = stderr
        try p.run()
        var said = Data()
        let deadline = Date().addingTimeInterval(60)
        while !String(decoding: said, as: UTF8.self).contains("PINGCHA_PAUSED"), Date() < deadline {
            let chunk = stderr.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said.append(chunk)
        }
        XCTAssertTrue(String(decoding: said, as: UTF8.self).contains("PINGCHA_PAUSED"), String(decoding: said, as: UTF8.self))
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .uncaughtSignal)
        try store().read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok")
            XCTAssertEqual(try Int.fetchOne(db, sql: #"SELECT count(*) FROM "case" c JOIN batch b ON b.id = c.batch_id WHERE b.name = 'K'"#), 100)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT cases_total FROM batch WHERE name = 'K'"), 100)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM batch"), 1)
        }
        // The next run takes the lock and the file as if nothing had happened.
        XCTAssertEqual(try run(["--input", "in", "--batch", "K"]).status, 0)
        XCTAssertEqual(try store().read { try Int.fetchOne($0, sql: "SELECT cases_total FROM batch WHERE name = 'K'") }, 2000)
    }

    func testKilledRunLeavesThePreviousBatchIntact() throws {
        try generate(100, seed: 9)
        XCTAssertEqual(try run(["--input", "in", "--batch", "K"]).status, 0)
        try generate(6000, seed: 10)
        for delay in [0.05, 0.2, 0.5, 0.9] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CommandRunner.binary)
            p.arguments = ["run", "--quiet", "--db", "store.sqlite", "--input", "in", "--batch", "K"]
            p.currentDirectoryURL = URL(fileURLWithPath: dir)
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            try store().read { db in
                XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok")
                let n = try Int.fetchOne(db, sql: #"SELECT count(*) FROM "case" c JOIN batch b ON b.id = c.batch_id WHERE b.name = 'K'"#)
                // Either the old batch (killed before commit) or, if the run finished in time, the new one — never a mix.
                XCTAssertTrue(n == 100 || n == 6000, "delay \(delay): \(n ?? -1) cases")
                let total = try Int.fetchOne(db, sql: "SELECT cases_total FROM batch WHERE name = 'K'")
                XCTAssertEqual(total, n)
            }
        }
    }

    func testTwoRunsAtOnceOnOneFile() throws {
        try generate(3000, seed: 11)
        let runs = (0..<2).map { i -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CommandRunner.binary)
            p.arguments = ["run", "--quiet", "--db", "store.sqlite", "--input", "in", "--batch", "C\(i)", "--out", "reports/C\(i)"]
            p.currentDirectoryURL = URL(fileURLWithPath: dir)
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            return p
        }
        for p in runs { try p.run() }
        for p in runs { p.waitUntilExit() }
        // The second waits for the first (busy timeout), then both batches are stored.
        XCTAssertEqual(runs.map(\.terminationStatus), [0, 0])
        try store().read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok")
            XCTAssertEqual(try Int.fetchAll(db, sql: "SELECT cases_total FROM batch ORDER BY name"), [3000, 3000])
        }
    }
}

extension RunStoreTests {
    /// Re-scoring a stored batch under the same rubrics reproduces every result exactly,
    /// from the stored cases alone (the export is deleted first).
    func testRescoreFromTheStoreAloneReproducesTheResults() throws {
        let generated = try generate(300, seed: 12, messy: true)
        XCTAssertEqual(try run(["--input", "in", "--batch", "A"]).status, 0)
        try FileManager.default.removeItem(atPath: dir + "/in/export.csv")
        let r = try CommandRunner.run(["rescore", "--db", "store.sqlite", "--batch", "A", "--as", "A2"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        try store().read { db in
            // Case by case: every result and every finding of A again in A2.
            func results(_ batch: String) throws -> [[String?]] {
                try Row.fetchAll(db, sql: """
                    SELECT r.case_no, r.rubric_id, r.score, r.grade, r.veto, r.disposition, r.needs_review, r.category_scores, r.measures
                    FROM result r JOIN batch b ON b.id = r.batch_id WHERE b.name = ? ORDER BY r.case_no
                    """, arguments: [batch]).map { row in (0..<row.count).map { row[$0] as DatabaseValue }.map { $0.isNull ? nil : "\($0)" } }
            }
            func findings(_ batch: String) throws -> [[String?]] {
                try Row.fetchAll(db, sql: """
                    SELECT f.case_no, f.rubric_id, f.rule_id, f.outcome, f.deduct, f.fields_read, f.suspect
                    FROM finding f JOIN batch b ON b.id = f.batch_id WHERE b.name = ? ORDER BY f.case_no, f.seq
                    """, arguments: [batch]).map { row in (0..<row.count).map { row[$0] as DatabaseValue }.map { $0.isNull ? nil : "\($0)" } }
            }
            let (ra, ra2) = (try results("A"), try results("A2"))
            XCTAssertEqual(ra.count, try Int.fetchOne(db, sql: "SELECT cases_total FROM batch WHERE name = 'A'"))
            XCTAssertGreaterThan(ra.count, 250)
            XCTAssertEqual(ra, ra2)
            let (fa, fa2) = (try findings("A"), try findings("A2"))
            XCTAssertGreaterThan(fa.count, ra.count)
            XCTAssertEqual(fa, fa2)
            // The ingestion record is copied, not re-counted.
            let rejected = try Int.fetchAll(db, sql: "SELECT rows_rejected FROM batch WHERE name IN ('A', 'A2') ORDER BY name")
            XCTAssertEqual(rejected, [generated.totalBadRows, generated.totalBadRows])
        }
        let a = try summary("A"), a2 = try summary("A2")
        XCTAssertEqual(a["grades"] as! [String: Int], a2["grades"] as! [String: Int])
        XCTAssertEqual((a["departments"] as! [[String: Any]]).map { $0["mean_score"] as! Double },
                       (a2["departments"] as! [[String: Any]]).map { $0["mean_score"] as! Double })
    }
}

extension RunStoreTests {
    /// sample → assign → a reviewer fills in the scoresheet → run merges it back.
    func testSampleAssignAndScoresheetRoundTrip() throws {
        try generate(400, seed: 13)
        XCTAssertEqual(try run(["--input", "in", "--batch", "S"]).status, 0)
        let sample = ["sample", "--db", "store.sqlite", "--batch", "S", "--must", "veto", "--per-department", "2", "--seed", "5"]
        XCTAssertEqual(try CommandRunner.run(sample, in: dir).status, 0)
        let first = try String(contentsOfFile: dir + "/reports/S/sample/sample.csv", encoding: .utf8)
        XCTAssertEqual(try CommandRunner.run(sample, in: dir).status, 0)
        XCTAssertEqual(try String(contentsOfFile: dir + "/reports/S/sample/sample.csv", encoding: .utf8), first, "same seed, same draw")
        // The record names its batch and the cases that could not be drawn.
        let record = try String(contentsOfFile: dir + "/reports/S/sample/draw-record.md", encoding: .utf8)
        try store().read { db in
            let (total, uncovered) = (try Int.fetchOne(db, sql: "SELECT cases_total FROM batch WHERE name = 'S'")!,
                                      try Int.fetchOne(db, sql: "SELECT cases_uncovered FROM batch WHERE name = 'S'")!)
            XCTAssertGreaterThan(uncovered, 0)
            XCTAssertTrue(record.contains("批次：S。该批次共有案卷\(total)件，其中\(uncovered)件没有适用的评查标准、未评分，不参加抽取；本记录中的案卷总数为其余\(total - uncovered)件。"), record)
        }
        FileManager.default.createFile(atPath: dir + "/reviewers.csv",
                                       contents: Data("姓名,单位\n甲,市场监督管理局\n乙,公安局\n丙,司法局\n".utf8))
        let a = try CommandRunner.run(["assign", "--db", "store.sqlite", "--batch", "S", "--reviewers", "reviewers.csv", "--per-case", "2"], in: dir)
        XCTAssertEqual(a.status, 0, a.stderr)
        // Recusal: 甲 never has a 市场监督管理局 case, 乙 never a 公安局 one.
        for (name, own) in [("甲", "市场监督管理局"), ("乙", "公安局")] {
            let sheet = try String(contentsOfFile: dir + "/reports/S/assignment/评查表_\(name).csv", encoding: .utf8)
            XCTAssertFalse(sheet.split(separator: "\r\n").dropFirst().contains { $0.split(separator: ",")[1] == own[...] }, name)
        }
        // Every row of every sheet asks about a rule still open for its case or failed by it:
        // a manual rule whose condition does not hold for the case is no question.
        try store().read { db in
            let open = Set(try String.fetchAll(db, sql: """
                SELECT c.case_id || '|' || f.rule_id FROM finding f JOIN "case" c USING (batch_id, case_no)
                JOIN batch b ON b.id = f.batch_id WHERE b.name = 'S'
                """))
            var asked = 0
            for name in ["甲", "乙", "丙"] {
                let sheet = try String(contentsOfFile: dir + "/reports/S/assignment/评查表_\(name).csv", encoding: .utf8)
                for row in sheet.split(separator: "\r\n").dropFirst() {
                    let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    XCTAssertTrue(open.contains(cells[0] + "|" + cells[2]), "\(name): \(row)")
                    asked += 1
                }
            }
            XCTAssertGreaterThan(asked, 0)
        }
        // 丙 fills in the first row of the sheet as `fail`; the run merges it.
        let path = dir + "/reports/S/assignment/评查表_丙.csv"
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n")
        var cells = lines[1].components(separatedBy: ",")
        cells[3] = "不符合"
        lines[1] = cells.joined(separator: ",")
        try lines.joined(separator: "\r\n").write(toFile: dir + "/filled.csv", atomically: true, encoding: .utf8)
        // The reviewer saves the filled sheet where it was; the office keeps a file of its own there.
        try lines.joined(separator: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: dir + "/reports/S/回收登记.txt", contents: Data("丙 已交回".utf8))
        let merged = try run(["--input", "in", "--batch", "S", "--scoresheet", "filled.csv"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        // The run's reports replace its own files only: the draw, the sheets and the office's file stay.
        XCTAssertEqual(try String(contentsOfFile: dir + "/reports/S/sample/sample.csv", encoding: .utf8), first)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/reports/S/sample/draw-record.md"))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), lines.joined(separator: "\r\n"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/reports/S/回收登记.txt"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/reports/S/bulletin.md"))
        // Assigning again would write a blank sheet over the filled one: refused, nothing changed.
        let again = try CommandRunner.run(["assign", "--db", "store.sqlite", "--batch", "S", "--reviewers", "reviewers.csv", "--per-case", "2"], in: dir)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("文件夹中已有同名文件，不覆盖已有的文书、抽样记录和评查表"), again.stderr)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), lines.joined(separator: "\r\n"))
        try store().read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM decision"), 1)
            let outcome = try String.fetchOne(db, sql: """
                SELECT f.outcome FROM finding f JOIN "case" c USING (batch_id, case_no) WHERE c.case_id = ? AND f.rule_id = ?
                """, arguments: [cells[0].replacingOccurrences(of: "\u{FEFF}", with: ""), cells[2]])
            XCTAssertEqual(outcome, "fail")
            // One rule of the case decided, its others still open: the bulletin does not call the
            // case verified item by item (it did, for any case a sheet named).
            let open = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM finding f JOIN "case" c USING (batch_id, case_no) WHERE c.case_id = ? AND f.outcome = 'unknown'
                """, arguments: [cells[0].replacingOccurrences(of: "\u{FEFF}", with: "")])
            XCTAssertGreaterThan(open ?? 0, 0)
        }
        let bulletin = try String(contentsOfFile: dir + "/reports/S/bulletin.md", encoding: .utf8)
        XCTAssertFalse(bulletin.contains("由评查人员逐项核实"), bulletin)
        // Scored again under the rubrics, the reviewer's decision applies again (it was copied
        // into the new batch and not applied: the finding went back to the automated outcome).
        let re = try CommandRunner.run(["rescore", "--db", "store.sqlite", "--batch", "S", "--as", "S2"], in: dir)
        XCTAssertEqual(re.status, 0, re.stderr)
        XCTAssertTrue(re.stdout.contains("原批次评查人员的判定 1 条已按新标准重新采用"), re.stdout)
        try store().read { db in
            let sql = """
                SELECT f.outcome || '/' || IFNULL(f.automated, '-') FROM finding f JOIN "case" c USING (batch_id, case_no)
                JOIN batch b ON b.id = f.batch_id WHERE b.name = ? AND c.case_id = ? AND f.rule_id = ?
                """
            let id = cells[0].replacingOccurrences(of: "\u{FEFF}", with: "")
            let before = try String.fetchOne(db, sql: sql, arguments: ["S", id, cells[2]])
            XCTAssertEqual(try String.fetchOne(db, sql: sql, arguments: ["S2", id, cells[2]]), before)
            XCTAssertEqual(before?.hasPrefix("fail/"), true)
        }
    }
}

extension RunStoreTests {
    /// `stats` for a stored year, with the year before beside each figure.
    func testStatsWithTheYearBefore() throws {
        _ = try SyntheticExport(options: GeneratorOptions(cases: 60, years: [2024], seed: 21)).writeFile(atPath: dir + "/in/2024.csv")
        XCTAssertEqual(try run(["--input", "in/2024.csv", "--batch", "Y2024", "--year", "2024"]).status, 0)
        _ = try SyntheticExport(options: GeneratorOptions(cases: 80, years: [2025], seed: 22)).writeFile(atPath: dir + "/in/2025.csv")
        XCTAssertEqual(try run(["--input", "in/2025.csv", "--batch", "Y2025", "--year", "2025"]).status, 0)
        let r = try CommandRunner.run(["stats", "--db", "store.sqlite", "--year", "2025"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try String(contentsOfFile: dir + "/reports/stats-2025/stats.md", encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# 2025年度行政执法统计"), text)
        // The compared year names its column.
        XCTAssertTrue(text.contains("| 项目 | 2025年 | 2024年 |"), text)
        XCTAssertTrue(text.contains("| 决定案件数（件） | 80 | 60 |"), text)
        // Issue 16: the period and cut-off (both batches ran today, after their years) and the
        // 情况说明 with both years' values.
        XCTAssertTrue(text.contains("统计期间：2025年1月1日至2025年12月31日；数据截止日期2025年12月31日（批次“Y2025”导入数据之日为"), text)
        XCTAssertTrue(text.contains("与2024年相比：作出行政执法决定80件，2024年60件，增加20件（增长33.3%）"), text)
        // The same figures as numbers in stats.xlsx (合计 first), and an HTML page.
        let book = try ZipParts(path: dir + "/reports/stats-2025/stats.xlsx")
        let sheet = book.text("xl/worksheets/sheet1.xml")
        XCTAssertTrue(sheet.contains(#"<c r="B3"><v>80</v></c>"#), sheet)
        XCTAssertTrue(sheet.contains(#"<c r="D3"><v>60</v></c>"#), sheet)
        XCTAssertTrue(book.text("xl/workbook.xml").contains(#"name="合计""#))
        XCTAssertTrue(try String(contentsOfFile: dir + "/reports/stats-2025/stats.html", encoding: .utf8).contains("<h1"))
        // A second batch of 2025: which one the year is made of is the user's to say (one of them
        // was taken silently, the other's cases left out of the year).
        XCTAssertEqual(try run(["--input", "in/2024.csv", "--batch", "Y2025b", "--year", "2025"]).status, 0)
        let two = try CommandRunner.run(["stats", "--db", "store.sqlite", "--year", "2025", "--out", "s2"], in: dir)
        XCTAssertEqual(two.status, 1)
        XCTAssertTrue(two.stderr.contains("数据库中有 2 个 2025 年的批次：“Y2025b”、“Y2025”；年度统计只统计一个批次，请用 --batch 指定"), two.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/s2"))
        XCTAssertEqual(try CommandRunner.run(["stats", "--db", "store.sqlite", "--year", "2025", "--batch", "Y2025", "--out", "s2"], in: dir).status, 0)
        // A year no batch holds says so (it said there was no batch named 2023年度).
        let noYear = try CommandRunner.run(["stats", "--db", "store.sqlite", "--year", "2023", "--out", "s3"], in: dir)
        XCTAssertEqual(noYear.status, 1)
        XCTAssertTrue(noYear.stderr.contains("数据库中没有 2023 年的批次（已有：“Y2025b”（2025年）、“Y2025”（2025年）、“Y2024”（2024年））"), noYear.stderr)
        XCTAssertTrue(noYear.stderr.contains("；请用 --batch 指定批次，或用 --input 直接统计导出文件"), noYear.stderr)
        // A year the batch has no decision in is refused, not reported as a year of nothing.
        let none = try CommandRunner.run(["stats", "--db", "store.sqlite", "--year", "2023", "--batch", "Y2025", "--out", "s3"], in: dir)
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains("批次“Y2025”中没有决定日期在 2023 年的案件（80 件案件的决定日期都不在该年或未填写）；请检查 --year 和 --batch"), none.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/s3"))
    }
}

extension RunStoreTests {
    /// A file written by schema version 1 is moved forward on open; one from a newer tool is refused.
    func testMigrationsMoveOldFilesForwardAndRefuseNewerOnes() throws {
        let path = dir + "/old.sqlite"
        let v1 = try DatabaseQueue(path: path)
        try v1.write { db in
            try db.execute(sql: PingchaStore.StoreSchemaForTests.version1)
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        _ = try Store(path: path)
        let upgraded = try DatabaseQueue(path: path)
        try upgraded.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA user_version"), 6)
            XCTAssertTrue(try db.columns(in: "result").contains { $0.name == "three_systems" })
        }
        try upgraded.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        XCTAssertThrowsError(try Store(path: path)) { error in
            XCTAssertEqual("\(error)", "数据库由更新版本的 pingcha 创建（结构版本 99，本程序支持到 6），请升级 pingcha")
        }
    }
}

extension RunStoreTests {
    /// A run that stores nothing leaves no database where there was none (a refused export left
    /// an empty one at `--db`), and an existing store as it was.
    func testARefusedRunLeavesNoNewStore() throws {
        try "执法主体,立案日期\n市场监督管理局,2024-03-05\n".write(toFile: dir + "/in/export.csv", atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["run", "--quiet", "--db", "new.sqlite", "--input", "in", "--year", "2025"], in: dir)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("缺少必需的列"), r.stderr)
        // (The writers' lock file may stay: another run could be waiting on it.)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("new.sqlite") && $0 != "new.sqlite.lock" }
        XCTAssertEqual(left, [])
        // An existing store keeps its file and its batches.
        try FileManager.default.createDirectory(atPath: dir + "/ok", withIntermediateDirectories: true)
        try generate(30, seed: 4, into: "ok/export.csv")
        XCTAssertEqual(try CommandRunner.run(["run", "--quiet", "--db", "new.sqlite", "--input", "ok", "--batch", "A", "--year", "2025"], in: dir).status, 0)
        XCTAssertEqual(try CommandRunner.run(["run", "--quiet", "--db", "new.sqlite", "--input", "in", "--batch", "B", "--year", "2025"], in: dir).status, 1)
        XCTAssertEqual(try DatabaseQueue(path: dir + "/new.sqlite").read { try String.fetchAll($0, sql: "SELECT name FROM batch") }, ["A"])
    }

    /// Compare reads every change from the earlier review year to the later, whichever batch
    /// was run first and whatever order they are named in.
    func testCompareGoesFromTheEarlierReviewYear() throws {
        for year in [2025, 2023] {
            try FileManager.default.createDirectory(atPath: dir + "/in\(year)", withIntermediateDirectories: true)
            try SyntheticExport(options: GeneratorOptions(cases: 150, years: [year], seed: UInt64(year)))
                .writeFile(atPath: dir + "/in\(year)/export.csv")
            let r = try run(["--input", "in\(year)", "--batch", "评查\(year)", "--year", "\(year)"])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        for (out, named) in [("all", [String]()), ("named", ["--batch", "评查2025", "--batch", "评查2023"])] {
            let c = try CommandRunner.run(["compare", "--db", "store.sqlite", "--out", out] + named, in: dir)
            XCTAssertEqual(c.status, 0, c.stderr)
            let text = try String(contentsOfFile: dir + "/" + out + "/compare.md", encoding: .utf8)
            XCTAssertTrue(text.contains("# 行政执法案卷评查结果比较：评查2023 → 评查2025\n"), text)
        }
    }

    /// Batches scored under different rubric versions: compare says so and shows category shares.
    func testCompareAcrossRubricVersions() throws {
        try generate(300, seed: 14)
        XCTAssertEqual(try run(["--input", "in", "--batch", "Old"]).status, 0)
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/rubrics2/common", withIntermediateDirectories: true)
        var oldVersion = ""
        for name in try fm.contentsOfDirectory(atPath: dir + "/rubrics/") where name.hasSuffix(".yaml") {
            var text = try String(contentsOfFile: dir + "/rubrics/" + name, encoding: .utf8)
            if name == "penalty-general.yaml" {
                oldVersion = try XCTUnwrap(text.firstMatch(of: /\nversion: "([^"]+)"/)).1.description
                text = text.replacingOccurrences(of: "version: \"\(oldVersion)\"", with: "version: \"2099.1\"")
            }
            try text.write(toFile: dir + "/rubrics2/" + name, atomically: true, encoding: .utf8)
        }
        try fm.copyItem(atPath: dir + "/rubrics/common/three-systems.yaml", toPath: dir + "/rubrics2/common/three-systems.yaml")
        let r = try CommandRunner.run(["rescore", "--db", "store.sqlite", "--batch", "Old", "--as", "New", "--rubrics", "rubrics2"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let c = try CommandRunner.run(["compare", "--db", "store.sqlite", "--batch", "Old", "--batch", "New", "--out", "cmp"], in: dir)
        XCTAssertEqual(c.status, 0, c.stderr)
        let text = try String(contentsOfFile: dir + "/cmp/compare.md", encoding: .utf8)
        XCTAssertTrue(text.contains("**注意：各批次使用的评查标准版本不同。**"), text)
        // The standard by its title, no longer its id.
        XCTAssertTrue(text.contains("\n行政处罚案卷评查标准（普通程序）：\(oldVersion) → 2099.1\n"), text)
        XCTAssertTrue(text.contains("## 二、各类别失分占比"), text)
        XCTAssertTrue(text.contains("pingcha rescore"), text)
        let html = try String(contentsOfFile: dir + "/cmp/compare.html", encoding: .utf8)
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 1)
        let book = try ZipParts(path: dir + "/cmp/compare.xlsx")
        XCTAssertTrue(book.text("xl/workbook.xml").contains(#"name="各部门比较""#))
        XCTAssertTrue(book.text("xl/workbook.xml").contains(#"name="类别失分占比""#))
    }
}

extension RunStoreTests {
    /// A batch stored before schema 3 keeps each case's values as a JSON object (and no
    /// field list): it still re-scores to the same results, and its reports read the same.
    func testBatchesWithJSONValuesFromBeforeSchema3StillReadAndRescore() throws {
        try generate(300, seed: 15, messy: true)
        XCTAssertEqual(try run(["--input", "in", "--batch", "J"]).status, 0)
        let before = try String(contentsOfFile: dir + "/reports/J/analysis.md", encoding: .utf8)
        var json: [(Int, String)] = []
        let batch = try Store(path: dir + "/store.sqlite").read { db in
            let batch = try StoredBatch.named("J", in: db)
            try batch.forEachCase(db) { c in json.append((c.caseNo, c.fields)) }
            return batch
        }
        XCTAssertTrue(json[0].1.hasPrefix("{\"case_id\":"), json[0].1)
        let queue = try DatabaseQueue(path: dir + "/store.sqlite")
        try queue.write { db in
            for (caseNo, text) in json {
                try db.execute(sql: #"UPDATE "case" SET fields = ? WHERE batch_id = ? AND case_no = ?"#, arguments: [text, batch.id, caseNo])
            }
            try db.execute(sql: "UPDATE batch SET fields = NULL WHERE id = ?", arguments: [batch.id])
        }
        try queue.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: #"SELECT DISTINCT typeof(fields) FROM "case""#), "text")
        }
        let report = try CommandRunner.run(["report", "--db", "store.sqlite", "--batch", "J"], in: dir)
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertEqual(try String(contentsOfFile: dir + "/reports/J/analysis.md", encoding: .utf8), before)
        let r = try CommandRunner.run(["rescore", "--db", "store.sqlite", "--batch", "J", "--as", "J2"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        try store().read { db in
            let diff = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM result a JOIN batch ba ON ba.id = a.batch_id AND ba.name = 'J'
                JOIN result b ON b.case_no = a.case_no JOIN batch bb ON bb.id = b.batch_id AND bb.name = 'J2'
                WHERE a.score IS NOT b.score OR a.grade IS NOT b.grade OR a.disposition != b.disposition
                   OR a.category_scores IS NOT b.category_scores OR a.three_systems IS NOT b.three_systems
                """)
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.case_no, a.score, b.score, a.grade, b.grade, a.disposition, b.disposition, a.three_systems, b.three_systems, a.category_scores, b.category_scores FROM result a JOIN batch ba ON ba.id = a.batch_id AND ba.name = 'J'
                JOIN result b ON b.case_no = a.case_no JOIN batch bb ON bb.id = b.batch_id AND bb.name = 'J2'
                WHERE a.score IS NOT b.score OR a.grade IS NOT b.grade OR a.disposition != b.disposition
                   OR a.category_scores IS NOT b.category_scores OR a.three_systems IS NOT b.three_systems
                """)
            XCTAssertEqual(diff, 0, rows.description)
            XCTAssertEqual(try Int.fetchOne(db, sql: #"SELECT count(*) FROM "case" c JOIN batch b ON b.id = c.batch_id WHERE b.name = 'J2' AND typeof(c.fields) = 'blob'"#),
                           try Int.fetchOne(db, sql: "SELECT cases_total FROM batch WHERE name = 'J'"))
        }
    }
}

extension RunStoreTests {
    /// A version 1 file with a stored batch is moved to version 3 with its rows, in place: the
    /// cases keep their JSON values (still read), findings keep their order, reports can be
    /// written, and a new batch can be stored beside the old one.
    func testMigrationKeepsTheRowsOfAnOldFile() throws {
        let path = dir + "/old.sqlite"
        let v1 = try DatabaseQueue(path: path)
        try v1.write { db in
            try db.execute(sql: PingchaStore.StoreSchemaForTests.version1)
            try db.execute(sql: "PRAGMA user_version = 1")
            try db.execute(sql: """
                INSERT INTO batch (id, name, year, ran_at, tool_version, calendar_version, catalogue_sha256, cases_total, cases_scored)
                VALUES (1, 'Old', 2024, '2025-01-01T00:00:00Z', '0.0.9', '2024.1', 'x', 2, 1);
                INSERT INTO rubric VALUES (1, 0, 'r', '1', 'R', 'x', '[]', '{"id":"r","version":"1","title":"R","total":100,"grades":[{"name":"合格","min":60},{"name":"不合格","min":0}],"veto_grade":"不合格","categories":[{"id":"c","title":"C","points":100}],"rules":[{"id":"A","title":"a","category":"c","problem":"p","deduct":4,"veto":false,"manual":false,"disposition":"improve"},{"id":"B","title":"b","category":"c","problem":"q","deduct":6,"veto":false,"manual":false,"disposition":"improve"}]}');
                INSERT INTO "case" VALUES (1, 1, 0, 2, 'X-1', '司法局', NULL, '行政处罚', '2024-03-01',
                    '{"case_id":"X-1","department":"司法局","enforcement_type":"行政处罚","decision_date":"2024-03-01","fine_amount":1200.5,"evidence_types":["书证","物证"],"av_required":true}');
                INSERT INTO "case" VALUES (1, 2, 0, 3, 'X-2', '司法局', NULL, '行政检查', NULL, '{"case_id":"X-2","department":"司法局","enforcement_type":"行政检查"}');
                INSERT INTO result VALUES (1, 1, 'r', '90', 90.0, '合格', 0, 1, 1, 0, 'improve', 0, '{"c":90}');
                INSERT INTO result VALUES (1, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 'none', 0, NULL);
                INSERT INTO finding VALUES (1, 1, 'r', 'B', 'c', 'q', 'fail', '6', 6.0, '{}', NULL, NULL, 0);
                INSERT INTO finding VALUES (1, 1, 'r', 'A', 'c', 'p', 'fail', '4', 4.0, '{"av_required":true}', NULL, NULL, 0);
                """)
        }
        let store = try Store(path: path)
        XCTAssertEqual(try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }, 6)
        try store.read { db in
            let batch = try StoredBatch.named("Old", in: db)
            XCTAssertNil(batch.fieldIds)
            let catalogue = FieldCatalogue.builtIn()
            let layout = batch.valueLayout(catalogue)
            var values: [[FieldValue?]] = []
            try batch.forEachCase(db) { values.append($0.values(layout)) }
            XCTAssertEqual(values.count, 2)
            XCTAssertEqual(values[0][catalogue.index(of: "fine_amount")!], .number(DecimalNumber("1200.5")!))
            XCTAssertEqual(values[0][catalogue.index(of: "evidence_types")!], .list(["书证", "物证"]))
            XCTAssertEqual(values[0][catalogue.index(of: "decision_date")!], .date(CivilDate(iso: "2024-03-01")!))
            XCTAssertEqual(values[1][catalogue.index(of: "case_id")!], .text("X-2"))
            var rules: [String] = []
            try batch.forEachFinding(db) { rules.append($0.ruleId) }
            XCTAssertEqual(rules, ["B", "A"], "findings keep their stored order")
        }
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            // Moved forward in place: the rows were not copied into new tables.
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM finding WHERE seq = rowid"), 2)
            XCTAssertNotNil(try String.fetchOne(db, sql: "SELECT name FROM sqlite_master WHERE name = 'finding_case'"))
        }
        try ReportWriter(databasePath: path, batchName: "Old", outputDirectory: dir + "/old-reports").write()
        let cases = try String(contentsOfFile: dir + "/old-reports/cases.csv", encoding: .utf8)
        XCTAssertTrue(cases.contains("1,X-1,司法局,,行政处罚,2024-03-01,r,90,合格,是,否,improve,否,,2"), cases)
        let findings = try String(contentsOfFile: dir + "/old-reports/findings.csv", encoding: .utf8)
        // The values the rule read, in words (a stored `{"av_required":true}`).
        XCTAssertTrue(findings.contains("1,X-1,司法局,r,A,a,c,p,fail,4,应当音像记录：是,,improve,"), findings)
        try generate(50, seed: 16)
        let r = try CommandRunner.run(["run", "--quiet", "--db", "old.sqlite", "--input", "in", "--batch", "New"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        try queue.read { db in
            XCTAssertEqual(try Int.fetchAll(db, sql: "SELECT cases_total FROM batch ORDER BY id"), [2, 50])
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok")
        }
    }

    /// The binary values round-trip every kind of value exactly.
    func testStoredValuesRoundTrip() {
        let catalogue = FieldCatalogue.builtIn()
        var values = [FieldValue?](repeating: nil, count: catalogue.count)
        values[catalogue.index(of: "case_id")!] = .text("克市监罚〔2025〕1号 \"x\"\n")
        values[catalogue.index(of: "fine_amount")!] = .number(DecimalNumber("-1234567.0125")!)
        values[catalogue.index(of: "av_required")!] = .bool(false)
        values[catalogue.index(of: "av_recorded")!] = .bool(true)
        values[catalogue.index(of: "decision_date")!] = .date(CivilDate(iso: "1969-12-31")!)
        values[catalogue.index(of: "evidence_types")!] = .list(["书证", "", "视听资料"])
        let stored = StoredValues.encode(values)
        let layout = StoredValues.Layout(fieldIds: catalogue.fields.map(\.id), catalogue: catalogue)
        XCTAssertEqual(stored.withUnsafeBufferPointer { StoredValues.decode($0, layout: layout) }, values)
        // A reader whose catalogue lists the fields in another order still finds them by id.
        let reversed = FieldCatalogue(fields: catalogue.fields.reversed())
        let other = StoredValues.Layout(fieldIds: catalogue.fields.map(\.id), catalogue: reversed)
        XCTAssertEqual(stored.withUnsafeBufferPointer { StoredValues.decode($0, layout: other) }, values.reversed())
    }
}
