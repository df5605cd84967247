import Foundation
import GRDB
import XCTest
import PingchaTestSupport

/// `pingcha stats` reads the rules' outcomes (`measures:`), so that editing a rubric moves
/// the statistics: a small rubric of our own (not the default rubrics), hand-made cases, and
/// every count worked out by hand.
final class StatsMeasuresTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pingcha-stats-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/rules", withIntermediateDirectories: true)
        try Self.cases.write(toFile: dir + "/cases.csv", atomically: true, encoding: .utf8)
        try writeRubric(days: 90)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// Penalties only: a decision within `days` of 立案 (or with an approved extension), fed
    /// to `decision_on_time` the way penalty-general's PRO-05 is; and publication, fed to
    /// `publicity`. No rule feeds the other measures.
    func writeRubric(days: Int) throws {
        let text = """
            id: deadline
            version: "\(days)"
            title: 期限与公示
            applies_when: enforcement_type == "行政处罚"
            total: 10
            grades:
              - { name: 合格, min: 60 }
              - { name: 不合格, min: 0 }
            categories:
              - id: procedure
                title: 程序
                points: 5
                rules:
                  - id: PRO-05
                    title: \(days)日内作出决定
                    when: present(filed_date)
                    check: decision_date <= add_days(filed_date, \(days)) or extension_approved
                    deduct: 5
                    disposition: correct
                    measures: [decision_on_time]
              - id: publicity
                title: 公示
                points: 5
                rules:
                  - id: TSY-01
                    title: 决定公示
                    check: publicized
                    deduct: 5
                    disposition: improve
                    measures: [publicity]
            """
        try text.write(toFile: dir + "/rules/deadline.yaml", atomically: true, encoding: .utf8)
    }

    /// All filed on 2025-01-02 (a Thursday). 90 days end on 2025-04-02 (a Wednesday); 30
    /// days on Saturday 2025-02-01, inside the Spring Festival (01-28..02-04 off), so the
    /// period runs to the next working day, 2025-02-05.
    ///
    ///  case  decided     days  延期批准  under 90      under 30      公示
    ///  P1    2025-01-20   18   —        pass          pass          是 → met
    ///  P2    2025-02-20   49   否       pass          fail          否 → not met
    ///  P3    2025-03-15   72   —        pass          unknown       — → unknown
    ///  P4    2025-05-10  128   否       fail          fail          — → unknown
    ///  P5    2025-05-10  128   —        unknown       unknown       — → unknown
    ///  P6    2025-03-01    no 立案日期: not applicable                — → unknown
    ///  P7    2024-12-20   decided in 2024: not in 2025's figures
    ///  L1    2025-03-01   a licence: the rubric does not cover it, no measure at all
    ///
    /// 2025 under 90 days: on time 3, late 1, undetermined 1 → 3/4 = 75.0%.
    /// 2025 under 30 days: on time 1, late 2, undetermined 2 → 1/3 = 33.3%.
    /// 公示 either way: met 1, not met 1, unknown 4 → 1/2 = 50.0%.
    static let cases = """
        案件编号,执法主体,执法类别,立案日期,决定日期,延期批准,是否公示
        P1,市场监督管理局,行政处罚,2025-01-02,2025-01-20,,是
        P2,市场监督管理局,行政处罚,2025-01-02,2025-02-20,否,否
        P3,市场监督管理局,行政处罚,2025-01-02,2025-03-15,,
        P4,生态环境局,行政处罚,2025-01-02,2025-05-10,否,
        P5,生态环境局,行政处罚,2025-01-02,2025-05-10,,
        P6,生态环境局,行政处罚,,2025-03-01,,
        P7,生态环境局,行政处罚,2024-11-01,2024-12-20,,是
        L1,市场监督管理局,行政许可,,2025-03-01,,是

        """

    func pingcha(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try CommandRunner.run(args, in: dir)
    }

    /// The 合计 table of a stats.md.
    func totalTable(_ folder: String) throws -> [String] {
        let text = try String(contentsOfFile: dir + "/" + folder + "/stats.md", encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("## ") && $0.hasSuffix("、合计") }, text)
        return Array(lines[start...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") })
    }

    func assertRows(_ table: [String], _ rows: [String], file: StaticString = #filePath, line: UInt = #line) {
        for row in rows { XCTAssertTrue(table.contains(row), "missing: \(row)\n" + table.joined(separator: "\n"), file: file, line: line) }
    }

    static let under90 = ["| 按期作出决定率 | 3/4 = 75.0% |", "| 按期作出决定：无法判断（件） | 1 |"]
    static let under30 = ["| 按期作出决定率 | 1/3 = 33.3% |", "| 按期作出决定：无法判断（件） | 2 |"]
    static let unchanged = [
        "| 决定案件数（件） | 7 |",
        "| 按期送达率 | 0/0 = — |",  // no rule measures it
        "| 按期公示率 | 0/0 = — |",
        "| 公示率 | 1/2 = 50.0% |",
        "| 公示率：无法判断（件） | 4 |",
        "| 全过程记录率 | 0/0 = — |",
        "| 全过程记录率：无法判断（件） | 0 |",
    ]

    /// The issue's test: from exports, edit the rule (90 → 30 days) and the counts move.
    func testStatsFollowAnEditedRule() throws {
        let first = try pingcha(["stats", "--year", "2025", "--input", "cases.csv", "--rubrics", "rules", "--out", "s90"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stderr, "")
        let t90 = try totalTable("s90")
        assertRows(t90, Self.under90 + Self.unchanged)

        try writeRubric(days: 30)
        let second = try pingcha(["stats", "--year", "2025", "--input", "cases.csv", "--rubrics", "rules", "--out", "s30"])
        XCTAssertEqual(second.status, 0, second.stderr)
        let t30 = try totalTable("s30")
        assertRows(t30, Self.under30 + Self.unchanged)
        // Only the decision rows moved.
        XCTAssertEqual(Set(t90).subtracting(t30), Set(Self.under90))
        XCTAssertEqual(Set(t30).subtracting(t90), Set(Self.under30))
    }

    /// A stored batch's figures are the measures stored with it: editing the rubric later
    /// does not change them (the review said what it said), rescoring under it does.
    func testStatsFromTheStoreReadTheStoredMeasures() throws {
        let run = try pingcha(["run", "--quiet", "--input", "cases.csv", "--rubrics", "rules", "--db", "store.sqlite",
                               "--batch", "B", "--year", "2025"])
        XCTAssertEqual(run.status, 0, run.stderr)
        // One letter per measure: publicity, recording, legal_review, decision, service, publication.
        let codes = try DatabaseQueue(path: dir + "/store.sqlite").read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.case_id, r.measures FROM "case" c JOIN result r USING (batch_id, case_no) ORDER BY c.case_no
                """).map { "\($0["case_id"] as String)=\(($0["measures"] as String?) ?? "NULL")" }
        }
        XCTAssertEqual(codes, ["P1=m--m--", "P2=n--m--", "P3=u--m--", "P4=u--n--", "P5=u--u--", "P6=u-----",
                               "P7=m--m--", "L1=NULL"])

        try writeRubric(days: 30)
        let stats = try pingcha(["stats", "--year", "2025", "--db", "store.sqlite", "--rubrics", "rules", "--out", "stored"])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertEqual(stats.stderr, "", "stored measures are read, nothing is scored again")
        assertRows(try totalTable("stored"), Self.under90 + Self.unchanged)

        let rescore = try pingcha(["rescore", "--db", "store.sqlite", "--batch", "B", "--as", "B30", "--rubrics", "rules",
                                   "--out", "reports/B30"])
        XCTAssertEqual(rescore.status, 0, rescore.stderr)
        let again = try pingcha(["stats", "--year", "2025", "--db", "store.sqlite", "--batch", "B30", "--out", "rescored"])
        XCTAssertEqual(again.status, 0, again.stderr)
        assertRows(try totalTable("rescored"), Self.under30 + Self.unchanged)
    }

    /// A batch stored before schema 4 keeps no measures: its cases are scored again with
    /// `--rubrics`, and stderr says so once.
    func testABatchWithoutMeasuresIsScoredAgain() throws {
        let run = try pingcha(["run", "--quiet", "--input", "cases.csv", "--rubrics", "rules", "--db", "store.sqlite",
                               "--batch", "Old", "--year", "2025"])
        XCTAssertEqual(run.status, 0, run.stderr)
        try DatabaseQueue(path: dir + "/store.sqlite").write { db in try db.execute(sql: "UPDATE result SET measures = NULL") }
        try writeRubric(days: 30)
        let stats = try pingcha(["stats", "--year", "2025", "--db", "store.sqlite", "--rubrics", "rules", "--out", "old"])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        let notes = stats.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }
        XCTAssertEqual(notes.count, 1, stats.stderr)
        XCTAssertTrue(notes[0].contains("批次“Old”保存于数据库结构版本 4 之前"), stats.stderr)
        XCTAssertTrue(notes[0].contains("已按评查标准 rules 重新评查"), stats.stderr)
        assertRows(try totalTable("old"), Self.under30 + Self.unchanged)
    }

    /// The bulletin's three-systems rates read the stored letters; a scored case without them
    /// (stored before schema 2) is counted as unknown, never judged again from its values.
    func testReportWithoutThreeSystemsLettersCountsThemUnknown() throws {
        let run = try pingcha(["run", "--quiet", "--input", "cases.csv", "--rubrics", "rules", "--db", "store.sqlite",
                               "--batch", "B", "--year", "2025"])
        XCTAssertEqual(run.status, 0, run.stderr)
        func publicityLine() throws -> String? {
            let text = try String(contentsOfFile: dir + "/reports/B/analysis.md", encoding: .utf8)
            return text.components(separatedBy: "\n").first { $0.hasPrefix("| 公示率 |") }
        }
        // Stored letters: P1, P7 met, P2 not met, P3–P6 unknown; L1 uncovered, no rule applies.
        XCTAssertEqual(try publicityLine(), "| 公示率 | 7 | 2 | 1 | 4 | 66.7% |")
        try DatabaseQueue(path: dir + "/store.sqlite").write { db in try db.execute(sql: "UPDATE result SET three_systems = NULL") }
        let report = try pingcha(["report", "--db", "store.sqlite", "--batch", "B"])
        XCTAssertEqual(report.status, 0, report.stderr)
        // The 7 scored cases unknown (P1, P2, P7 are no longer judged), L1 still outside.
        XCTAssertEqual(try publicityLine(), "| 公示率 | 7 | 0 | 0 | 7 | — |")
    }
}
