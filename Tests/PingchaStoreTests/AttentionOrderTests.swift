import Foundation
import GRDB
import PingchaModel
import PingchaScoring
@testable import PingchaStore
import PingchaTestSupport
import XCTest

/// The order scores.xlsx's detail sheets take when they cannot hold every row: vetoed, then
/// unqualified, then needing review, then the lowest scores, cases no standard scored last —
/// read as case numbers once, then each case and its findings by primary key.
final class AttentionOrderTests: XCTestCase {
    var folder: TemporaryFolder!

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    /// Six cases: (case no, veto, pass, needs review, score; nil: not scored) and their findings.
    static let results: [(Int, Bool, Bool?, Bool, Double?)] = [
        (1, false, true, false, 95),   // qualified, nothing to review
        (2, false, false, false, 55),  // unqualified
        (3, true, false, false, 70),   // vetoed
        (4, false, true, true, 80),    // needs review
        (5, false, nil, false, nil),   // no standard
        (6, false, true, false, 62),   // qualified, lower than case 1
    ]
    static let findings: [Int: [String]] = [2: ["PRO-01", "PRO-02"], 3: ["LEG-01", "PRO-05", "DOC-01"], 4: ["TSY-01"], 6: ["EVI-02"]]
    /// Findings that are undecided rather than failed: (case, rule, conflict, suspect).
    static let undecided: [(Int, String, Bool, Bool)] = [(1, "PRO-01", false, true), (4, "PRO-01", true, false), (4, "LAW-01", false, false),
                                                         (6, "LAW-01", false, false)]

    func makeStore() throws -> String {
        let path = folder.file("s.sqlite")
        let queue = try StoreConnection.open(path: path, creating: true)
        let catalogue = TestCatalogues.everyType
        try queue.write { db in
            let header = BatchHeader(name: "B", year: 2025, ranAt: "2025-01-01T00:00:00Z", toolVersion: "test",
                                     calendarVersion: "c", catalogueSHA256: "x")
            let writer = try BatchWriter(StoreSession(db: db), header: header, scorer: Scorer(rubrics: []), catalogue: catalogue)
            for (no, _, _, _, _) in Self.results {
                let values: [FieldValue?] = [.text("X-\(no)"), .text(no <= 3 ? "司法局" : "市场监督管理局"), nil, .text("行政处罚"), nil, nil, nil, nil, nil]
                try writer.addCase(CaseRecord(values: values, fileIndex: 0, line: no + 1), caseNo: no, result: .uncovered)
            }
            try writer.finish(inputs: [], cases: Self.results.count, scored: 5, uncovered: 1, needsReview: 1)
            for (no, veto, pass, review, score) in Self.results {
                try db.execute(sql: """
                    UPDATE result SET veto = ?, pass = ?, needs_review = ?, score_value = ?, score = ?, rubric_id = ?
                    WHERE case_no = ?
                    """, arguments: [veto, pass, review, score, score.map { String(Int($0)) }, score == nil ? nil : "r", no])
                for (seq, rule) in (Self.findings[no] ?? []).enumerated() {
                    try db.execute(sql: """
                        INSERT INTO finding (batch_id, case_no, seq, rubric_id, rule_id, category_id, problem, outcome, deduct,
                                             deduct_value, fields_read)
                        VALUES ((SELECT id FROM batch), ?, ?, 'r', ?, 'c', 'p', 'fail', '5', 5, '{}')
                        """, arguments: [no, seq, rule])
                }
                for (seq, (_, rule, conflict, suspect)) in Self.undecided.enumerated() where Self.undecided[seq].0 == no {
                    try db.execute(sql: """
                        INSERT INTO finding (batch_id, case_no, seq, rubric_id, rule_id, category_id, problem, outcome, deduct,
                                             deduct_value, fields_read, conflict, suspect)
                        VALUES ((SELECT id FROM batch), ?, ?, 'r', ?, 'c', 'p', 'unknown', '0', 0, '{}', ?, ?)
                        """, arguments: [no, 10 + seq, rule, conflict, suspect])
                }
            }
        }
        return path
    }

    func testCasesComeVetoedUnqualifiedToReviewThenByScore() throws {
        let store = try Store(path: try makeStore())
        try store.read { db in
            let batch = try StoredBatch.named("B", in: db)
            let order = try batch.caseNumbersByAttention(db)
            XCTAssertEqual(order, [3, 2, 4, 6, 1, 5])
            var seen: [(Int, String)] = []
            var lines: [StoredBatch.CaseLine] = []
            try batch.forEachCaseLine(db, numbered: order.prefix(4)) { lines.append($0) }
            XCTAssertEqual(lines.map(\.caseNo), [3, 2, 4, 6])
            XCTAssertEqual(lines.map(\.caseId), ["X-3", "X-2", "X-4", "X-6"])
            XCTAssertEqual(lines.map(\.department), ["司法局", "司法局", "市场监督管理局", "市场监督管理局"])
            XCTAssertEqual(lines.map(\.veto), [true, false, false, false])
            XCTAssertEqual(lines.map(\.pass), [false, false, true, true])
            XCTAssertEqual(lines.map(\.needsReview), [false, false, true, false])
            XCTAssertEqual(lines.map(\.score), ["70", "55", "80", "62"])
            // The same lines in case order, every case (the unlimited sheet); case 5 not scored.
            var all: [StoredBatch.CaseLine] = []
            try batch.forEachCaseLine(db) { all.append($0) }
            XCTAssertEqual(all.map(\.caseNo), [1, 2, 3, 4, 5, 6])
            XCTAssertNil(all[4].pass)
            XCTAssertNil(all[4].score)
            XCTAssertEqual(all.map(\.line), [2, 3, 4, 5, 6, 7])
        }
    }

    /// Findings follow their cases' order, in rule order within a case, and stop at the limit
    /// in the middle of a case.
    func testFindingsFollowTheCasesAndStopAtTheLimit() throws {
        let store = try Store(path: try makeStore())
        try store.read { db in
            let batch = try StoredBatch.named("B", in: db)
            let order = try batch.caseNumbersByAttention(db)
            var rules: [String] = []
            try batch.forEachFindingOfCase(db, numbered: order, limit: 4) {
                XCTAssertEqual($0.caseId, "X-\($0.finding.caseNo)")
                rules.append("\($0.finding.caseNo):\($0.finding.ruleId)")
            }
            XCTAssertEqual(rules, ["3:LEG-01", "3:PRO-05", "3:DOC-01", "2:PRO-01"])
            rules = []
            try batch.forEachFindingOfCase(db, numbered: order, limit: 100) { rules.append("\($0.finding.caseNo):\($0.finding.ruleId)") }
            XCTAssertEqual(rules, ["3:LEG-01", "3:PRO-05", "3:DOC-01", "2:PRO-01", "2:PRO-02", "4:TSY-01", "4:PRO-01", "4:LAW-01",
                                   "6:EVI-02", "6:LAW-01", "1:PRO-01"])
        }
    }

    /// The decided test of a pass that has each case's result and findings in hand agrees with
    /// the SQL one, case by case: case 1 waits on a suspicion, case 4 needs review, and a
    /// suspicion already decided as a failure (case 2) keeps nothing pending.
    func testDecidedReadFromTheRowsAgreesWithTheSQL() throws {
        let path = try makeStore()
        try StoreConnection.open(path: path, creating: false).write { db in
            try db.execute(sql: "UPDATE finding SET suspect = 1 WHERE case_no = 2 AND seq = 0")
        }
        typealias R = StoredBatch.ResultColumn
        typealias F = StoredBatch.FindingColumn
        try Store(path: path).read { db in
            let batch = try StoredBatch.named("B", in: db)
            let pendingBySQL = Set(try batch.pendingCases(db).map(\.caseNo))
            XCTAssertEqual(pendingBySQL, [1, 4])
            var pendingByRows: Set<Int> = []
            let results = try batch.resultRows(db), findings = try batch.findingRows(db)
            var haveFinding = try findings.next()
            while try results.next() {
                let caseNo = results.int(R.caseNo)
                var open = false
                while haveFinding && findings.int(F.caseNo) == caseNo {
                    if StoredBatch.isOpenSuspicion(outcome: findings.bytes(F.outcome), suspect: findings.int(F.suspect) != 0) { open = true }
                    haveFinding = try findings.next()
                }
                if !StoredBatch.isDecided(needsReview: results.int(R.needsReview) != 0, hasOpenSuspicion: open) { pendingByRows.insert(caseNo) }
            }
            XCTAssertEqual(pendingByRows, pendingBySQL)
        }
    }
}
