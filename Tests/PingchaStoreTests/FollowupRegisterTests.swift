import Foundation
import GRDB
import PingchaModel
import PingchaRubric
@testable import PingchaStore
import PingchaTestSupport
import XCTest

/// The rectification register (schema 6): a version-5 file with a batch moves forward and
/// takes a register; opening is audited and happens once; the register outlives a re-run
/// of its batch (which deletes and re-inserts the batch row).
final class FollowupRegisterTests: XCTestCase {
    var folder: TemporaryFolder!

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    let items: [FollowupRegister.Item] = [
        .init(itemNo: 1, department: "交通运输局", caseId: "交罚〔2024〕7号", rubricId: "penalty-general", ruleId: "PRO-10",
              disposition: .improve, stage: .registered),
        .init(itemNo: 2, department: "交通运输局", caseId: "交罚〔2024〕7号", rubricId: "penalty-general", ruleId: "LAW-03",
              disposition: .correct, stage: .registered),
        .init(itemNo: 3, department: "公安局", caseId: "公罚〔2024〕1号", rubricId: "penalty-general", ruleId: "PRO-05",
              disposition: .illegal, stage: .registered),
    ]

    func audit(_ detail: String) -> FollowupRegister.AuditEntry {
        .init(action: "open", at: "2026-12-03T14:00:00Z", source: nil, sha256: nil, periodsSHA256: String(repeating: "a", count: 64), detail: detail)
    }

    func testAVersion5FileTakesARegisterOnceAndKeepsItThroughARerun() throws {
        let path = folder.file("v5.sqlite")
        try OldFile.create(at: path, version: 5, then: """
            INSERT INTO batch (id, name, ran_at, tool_version, calendar_version, catalogue_sha256) VALUES (1, '2024年度', 't', '0', 'c', 'x');
            """)
        let store = try Store(path: path)
        let register = FollowupRegister(batch: "2024年度")
        var first: Int64?, second: Int64? = -1
        try store.write { s in
            XCTAssertFalse(try register.isOpen(s))
            first = try register.open(s, items: items, audit: audit("建立整改台账：2个执法主体、2件案卷、3个问题"))
            return .commit
        }
        try store.write { s in
            second = try register.open(s, items: Array(items.prefix(1)), audit: audit("again"))
            return .commit
        }
        XCTAssertEqual(first, 1)
        XCTAssertNil(second, "a register opens once")
        // A re-run replaces the batch row; the register is named by the batch's name and stays.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DELETE FROM batch WHERE name = '2024年度'")
            try db.execute(sql: "INSERT INTO batch (id, name, ran_at, tool_version, calendar_version, catalogue_sha256) VALUES (2, '2024年度', 't2', '0', 'c', 'x')")
        }
        try store.read { s in
            XCTAssertEqual(try register.items(s), items)
            XCTAssertEqual(try register.audit(s), [
                .init(id: 1, action: "open", at: "2026-12-03T14:00:00Z", source: nil, sha256: nil,
                      periodsSHA256: String(repeating: "a", count: 64), detail: "建立整改台账：2个执法主体、2件案卷、3个问题"),
            ])
            XCTAssertEqual(try FollowupRegister(batch: "other").items(s), [])
        }
        XCTAssertEqual(try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") },
                       ["v1", "v2", "v3", "v4", "v5", "v6"])
    }

    /// A failure inside the transaction leaves nothing behind: no items, no audit row.
    func testAnOpeningThatFailsLeavesNothing() throws {
        let store = try Store(path: folder.file("new.sqlite"), creating: true)
        let register = FollowupRegister(batch: "B")
        struct Stop: Error {}
        XCTAssertThrowsError(try store.write { s in
            _ = try register.open(s, items: items, audit: audit("x"))
            throw Stop()
        })
        try store.read { s in
            XCTAssertFalse(try register.isOpen(s))
            XCTAssertEqual(try register.items(s), [])
            XCTAssertEqual(try register.audit(s), [])
        }
    }

    func testTheSameFileIsFoundByItsHash() throws {
        let store = try Store(path: folder.file("new.sqlite"), creating: true)
        let register = FollowupRegister(batch: "B")
        let entry = FollowupRegister.AuditEntry(action: "record", at: "2026-12-03T15:00:00Z", source: "回复.csv", sha256: "ab12",
                                               periodsSHA256: nil, detail: "登记 3 条")
        try store.write { s in try register.append(s, audit: entry); return .commit }
        try store.read { s in
            XCTAssertEqual(try register.earlier(s, action: "record", sha256: "ab12")?.source, "回复.csv")
            XCTAssertNil(try register.earlier(s, action: "record", sha256: "cd34"))
            XCTAssertNil(try register.earlier(s, action: "issue", sha256: "ab12"))
        }
    }
}
