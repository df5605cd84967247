import Foundation
import XCTest
import PingchaTestSupport

/// `pingcha score` and `pingcha rubric …` from the command line.
final class ScoreCommandTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pingcha-score-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/rubrics", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/rubrics/hand.yaml", contents: Data(ScorerTests.rubricText.utf8))
        let export = """
            案件编号,执法主体,执法类别,主体适格,执法人员人数,证据种类,立案日期,决定日期,送达日期,是否公示,延期批准
            H-1,测试局,行政处罚,是,2,书证、物证、现场笔录、当事人陈述,2024-01-02,2024-03-01,2024-03-05,是,否
            H-2,测试局,行政处罚,是,2,书证,2024-01-02,2024-04-02,2024-04-12,是,否
            H-3,测试局,行政许可,是,2,书证,2024-01-02,2024-04-02,2024-04-12,是,否

            """
        FileManager.default.createFile(atPath: dir + "/cases.csv", contents: Data(export.utf8))
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func write(_ name: String, _ text: String) {
        FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(text.utf8))
    }

    func testScoreJSONLines() throws {
        let r = try CommandRunner.run(["score", "--rubrics", "rubrics", "--input", "cases.csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0], #"{"case_id":"H-1","department":"测试局","rubric":"hand","score":100,"grade":"优秀","veto":false,"disposition":"none","category_scores":{"legality":20,"evidence":10,"procedure":70},"needs_review":["EVD-02"],"findings":[{"rule":"EVD-02","category":"evidence","outcome":"unknown","deduct":0,"values":{}}]}"#)
        // H-2: evidence −4 (3 kinds missing × 1.5 capped at 4), decision late −3: 93.
        XCTAssertEqual(lines[1], #"{"case_id":"H-2","department":"测试局","rubric":"hand","score":93,"grade":"优秀","veto":false,"disposition":"correct","category_scores":{"legality":20,"evidence":6,"procedure":67},"needs_review":["EVD-02"],"findings":[{"rule":"EVD-01","category":"evidence","outcome":"fail","deduct":4,"values":{"evidence_types":["书证"]}},{"rule":"EVD-02","category":"evidence","outcome":"unknown","deduct":0,"values":{}},{"rule":"PRO-01","category":"procedure","outcome":"fail","deduct":3,"values":{"filed_date":"2024-01-02","decision_date":"2024-04-02","extension_approved":false}}]}"#)
        XCTAssertTrue(lines[2].hasPrefix(#"{"case_id":"H-3","department":"测试局","rubric":null,"score":null"#))
        XCTAssertTrue(r.stderr.contains("已评分：案件 3 件（打分 2，无适用标准 1），退回 0 行"), r.stderr)
    }

    /// Results that could not all be written (a full disk) fail the command with a message,
    /// instead of a run that reports its cases as if they had been written.
    func testResultsThatCannotBeWrittenAreAnError() throws {
        write("sheet.csv", "案件编号,细则,结论,扣分,评查人员\nH-2,PRO-01,符合,,张三\n")
        for extra in [[], ["--scoresheet", "sheet.csv"], ["--format", "csv"]] {
            let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
            let r = try CommandRunner.run(["score", "--rubrics", "rubrics", "--input", "cases.csv"] + extra, in: dir, standardOutput: full)
            XCTAssertEqual(r.status, 1, "\(extra) \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("错误：标准输出: 无法写入：磁盘空间不足，输出的结果不完整；请处理后重新运行"), "\(extra) \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("已评分"), r.stderr)
        }
        let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        let inspect = try CommandRunner.run(["inspect", "--input", "cases.csv", "--cases", "jsonl"], in: dir, standardOutput: full)
        XCTAssertNotEqual(inspect.status, 0, inspect.stderr)
        XCTAssertTrue(inspect.stderr.contains("标准输出: 无法写入：磁盘空间不足"), inspect.stderr)
        // Text the other commands print (a report, a check) is held by C's standard output
        // until the end: its failure is found there, and the command fails.
        for args in [["inspect", "--input", "cases.csv"], ["rubric", "check", "rubrics"]] {
            let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
            let r = try CommandRunner.run(args, in: dir, standardOutput: full)
            XCTAssertEqual(r.status, 1, "\(args) \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("错误：标准输出: 无法写入："), "\(args) \(r.stderr)")
        }
    }

    /// Standard output closed by the caller (`>&-`, as a scheduled job may run it): what is
    /// printed goes nowhere, not into the next file opened (the store, a report), and the run
    /// succeeds.
    func testAClosedStandardOutputIsNotAFileOfTheRun() throws {
        let command = "'\(CommandRunner.binary)' run --rubrics rubrics --input cases.csv --db store.sqlite --out out --year 2024 >&-"
        let r = try CommandRunner.run(["-c", command], in: dir, executable: "/bin/sh")
        XCTAssertEqual(r.status, 0, r.stderr)
        let cases = try String(contentsOfFile: dir + "/out/cases.csv", encoding: .utf8).replacingOccurrences(of: "\u{FEFF}", with: "")
        XCTAssertTrue(cases.hasPrefix("case_no,case_id,department"), cases)
        XCTAssertFalse(cases.contains("报告已生成"), cases)
        XCTAssertEqual(cases.split(separator: "\r\n").count, 4)
    }

    func testScoresheetMergesAndCSVOutput() throws {
        write("sheet.csv", "案件编号,细则,结论,扣分,评查人员\nH-1,EVD-02,不符合,1.5,张三\nH-2,PRO-01,符合,,张三\n")
        let r = try CommandRunner.run(["score", "--rubrics", "rubrics", "--input", "cases.csv", "--scoresheet", "sheet.csv",
                                       "--format", "csv", "--quiet"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\r\n").map(String.init)
        XCTAssertEqual(rows[0], "case_id,department,rubric,score,grade,veto,disposition,failed_rules,needs_review,line,file")
        XCTAssertEqual(rows[1], "H-1,测试局,hand,98.5,优秀,否,none,EVD-02,,2,cases.csv")      // 100 − 1.5
        XCTAssertEqual(rows[2], "H-2,测试局,hand,96,优秀,否,none,EVD-01,EVD-02,3,cases.csv")   // 100 − 4; PRO-01 overridden
    }

    /// A reviewed finding keeps its automated outcome and every decision with its source; two
    /// reviewers who disagree leave it unknown and say so (a note with quotes is escaped).
    func testScoresheetDecisionsInTheJSONLines() throws {
        write("sheet.csv", "案件编号,细则,结论,扣分,评查人员,备注\nH-1,EVD-02,不符合,1.5,张三,\"笔录缺\"\"签名\"\"\"\nH-1,EVD-02,符合,,李四,\nH-2,PRO-01,符合,,张三,\n")
        let r = try CommandRunner.run(["score", "--rubrics", "rubrics", "--input", "cases.csv", "--scoresheet", "sheet.csv", "--quiet"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0], #"{"case_id":"H-1","department":"测试局","rubric":"hand","score":100,"grade":"优秀","veto":false,"disposition":"none","category_scores":{"legality":20,"evidence":10,"procedure":70},"needs_review":["EVD-02"],"findings":[{"rule":"EVD-02","category":"evidence","outcome":"unknown","deduct":0,"values":{},"automated":"unknown","review":[{"outcome":"fail","deduct":1.5,"reviewer":"张三","note":"笔录缺\"签名\"","source":"sheet.csv:2"},{"outcome":"pass","reviewer":"李四","source":"sheet.csv:3"}],"conflict":true}]}"#)
        XCTAssertEqual(lines[1], #"{"case_id":"H-2","department":"测试局","rubric":"hand","score":96,"grade":"优秀","veto":false,"disposition":"none","category_scores":{"legality":20,"evidence":6,"procedure":70},"needs_review":["EVD-02"],"findings":[{"rule":"EVD-01","category":"evidence","outcome":"fail","deduct":4,"values":{"evidence_types":["书证"]}},{"rule":"EVD-02","category":"evidence","outcome":"unknown","deduct":0,"values":{}},{"rule":"PRO-01","category":"procedure","outcome":"pass","deduct":0,"values":{"filed_date":"2024-01-02","decision_date":"2024-04-02","extension_approved":false},"automated":"fail","review":[{"outcome":"pass","reviewer":"张三","source":"sheet.csv:4"}]}]}"#)
    }

    func testABadScoresheetWritesNothingAndFails() throws {
        write("sheet.csv", "case_id,rule,outcome\nH-1,EVD-02,fail\nH-9,EVD-02,pass\nH-1,PRO-99,maybe\n")
        let r = try CommandRunner.run(["score", "--rubrics", "rubrics", "--input", "cases.csv", "--scoresheet", "sheet.csv"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("sheet.csv:4:3: 结论“maybe”无效，应为 pass/fail/na 或 符合/不符合/不适用"), r.stderr)
        XCTAssertTrue(r.stderr.contains("sheet.csv:3:1: 批次中没有案件 H-9"), r.stderr)
    }

    func testRubricCheckReportsEveryErrorAndExits1() throws {
        write("rubrics/bad.yaml", ScorerTests.rubricText.replacingOccurrences(of: "id: hand", with: "id: bad")
            .replacingOccurrences(of: "check: subject_qualified", with: "check: subject_qualifed")
            .replacingOccurrences(of: "total: 100", with: "total: 90"))
        let r = try CommandRunner.run(["rubric", "check", "rubrics"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("rubrics/bad.yaml:19:16: 未知字段 subject_qualifed，是否为 subject_qualified？"), r.stderr)
        XCTAssertTrue(r.stderr.contains("rubrics/bad.yaml:5:8: total 为 90，但各类别分值之和为 100"), r.stderr)
    }

    func testRubricTestReportsMismatches() throws {
        try FileManager.default.createDirectory(atPath: dir + "/rubrics/tests", withIntermediateDirectories: true)
        write("rubrics/tests/hand.yaml", """
            rubric: hand
            base: { case_id: T-1, department: 测试局, enforcement_type: 行政处罚, subject_qualified: true, officers_count: 2,
                    evidence_types: [书证, 物证, 现场笔录, 当事人陈述], filed_date: 2024-01-02, decision_date: 2024-03-01,
                    served_date: 2024-03-05, publicized: true }
            cases:
              - name: 合规
                expect: { score: 100, grade: 优秀, needs_review: [EVD-02] }
              - name: 写错的期望
                set: { subject_qualified: false }
                expect: { score: 90, grade: 良好, rules: { LEG-01: fail } }
            """)
        let r = try CommandRunner.run(["rubric", "test", "rubrics"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("rubrics/tests/hand.yaml: hand 1/2 个案例通过"), r.stdout)
        XCTAssertTrue(r.stdout.contains("rubrics/tests/hand.yaml:10:13: 案例“写错的期望”：得分应为 90，实际为 80"), r.stdout)
        XCTAssertTrue(r.stdout.contains("案例“写错的期望”：等次应为 良好，实际为 合格"), r.stdout)
        XCTAssertTrue(r.stdout.contains("1 passed, 1 failed"), r.stdout)
    }
}
