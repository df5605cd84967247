import Foundation
import GRDB
import XCTest
@testable import PingchaRun
import PingchaGenerate
import PingchaIngest
import PingchaModel
import PingchaRubric
import PingchaStore
import PingchaTestSupport

/// The register made from a stored batch: exactly the failed findings whose rule carries a
/// disposition, in the notices' order, checked against the store's rows and the stored
/// rubrics' JSON read here independently; made once, audited, and kept through a re-run.
final class FollowupRegisterBuilderTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pingcha-followup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/rubrics", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        try SyntheticExport(options: GeneratorOptions(cases: 150, years: [2024], seed: 11)).writeFile(atPath: dir + "/in/export.csv")
        let r = try CommandRunner.run(["run", "--quiet", "--db", "store.sqlite", "--input", "in", "--batch", "B", "--year", "2024"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func periods() throws -> FollowupPeriods {
        try FollowupPeriods.load(path: CommandRunner.packageRoot + "/" + FollowupPeriods.defaultPath)
    }

    /// (department, case, rubric, rule, disposition) of every failed finding with a
    /// disposition, in department, score, case and rule order, straight from the tables.
    func expected() throws -> [[String]] {
        try DatabaseQueue(path: dir + "/store.sqlite").read { db in
            var dispositions: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, definition FROM rubric") {
                let json = try JSONSerialization.jsonObject(with: Data((row["definition"] as String).utf8)) as! [String: Any]
                for rule in json["rules"] as! [[String: Any]] {
                    dispositions["\(row["id"] as String)/\(rule["id"] as! String)"] = rule["disposition"] as? String
                }
            }
            return try Row.fetchAll(db, sql: """
                SELECT c.department, c.case_id, f.rubric_id, f.rule_id FROM finding f
                JOIN "case" c ON c.batch_id = f.batch_id AND c.case_no = f.case_no
                JOIN result r ON r.batch_id = f.batch_id AND r.case_no = f.case_no
                WHERE f.outcome = 'fail' ORDER BY c.department, r.score_value, c.case_no, f.seq
                """).compactMap { row in
                let d = dispositions["\(row[2] as String)/\(row[3] as String)"] ?? "none"
                return d == "none" ? nil : [row[0], row[1], row[2], row[3], d]
            }
        }
    }

    func testTheRegisterHoldsEveryFailureWithADispositionOnce() throws {
        let expected = try expected()
        XCTAssertGreaterThan(expected.count, 20, "the generated batch has failures to follow up")
        XCTAssertGreaterThan(Set(expected.map { $0[0] }).count, 2)
        let store = try Store(path: dir + "/store.sqlite")
        let builder = FollowupRegisterBuilder(batchName: "B", periods: try periods())
        var opened: FollowupRegisterBuilder.Opened?
        try store.write { s in opened = try builder.open(s, at: "2026-12-03T15:00:00Z"); return .commit }
        let departments = Set(expected.map { $0[0] }).count, cases = Set(expected.map { $0[0] + "/" + $0[1] }).count
        XCTAssertEqual(opened, .init(items: expected.count, departments: departments, cases: cases, created: true))

        let register = FollowupRegister(batch: "B")
        let items = try store.read { try register.items($0) }
        XCTAssertEqual(items.map { [$0.department, $0.caseId, $0.rubricId, $0.ruleId, $0.disposition.rawValue] }, expected)
        XCTAssertEqual(items.map(\.itemNo), Array(1...expected.count))
        XCTAssertEqual(Set(items.map(\.stage)), [.registered])

        // Opening again changes nothing; a re-run of the batch keeps the register.
        try store.write { s in opened = try builder.open(s, at: "2026-12-03T16:00:00Z"); return .commit }
        XCTAssertEqual(opened?.created, false)
        XCTAssertEqual(opened?.items, expected.count)
        let r = try CommandRunner.run(["run", "--quiet", "--db", "store.sqlite", "--input", "in", "--batch", "B", "--year", "2024"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        try store.read { s in
            XCTAssertEqual(try register.items(s), items)
            let audit = try register.audit(s)
            XCTAssertEqual(audit.map(\.action), ["open"])
            XCTAssertEqual(audit[0].at, "2026-12-03T15:00:00Z")
            XCTAssertEqual(audit[0].periodsSHA256, SHA256Digest.hex(of: try periods().source))
            XCTAssertTrue(audit[0].detail.hasPrefix("建立整改台账：\(departments)个执法主体、\(cases)件案卷、\(expected.count)个问题（批次运行于 "),
                          audit[0].detail)
        }
    }
}
