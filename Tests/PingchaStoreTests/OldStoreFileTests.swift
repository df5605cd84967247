import Foundation
import GRDB
@testable import PingchaStore
import PingchaTestSupport
import XCTest

/// Store files written by the pingcha of schema versions 1 and 2 themselves (Fixtures/README.md
/// says how each was made): today's pingcha opens them, moves them to the current version in
/// place, lists their batch and writes its reports with the figures the old program wrote.
final class OldStoreFileTests: XCTestCase {
    var folder: TemporaryFolder!

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// A copy of the fixture (opening a file migrates it).
    func copy(_ name: String) throws -> String {
        let path = folder.file(name)
        try FileManager.default.copyItem(atPath: Self.fixtures + "/" + name, toPath: path)
        return path
    }

    func summary(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    struct Expected {
        var file: String
        var version: Int
        var batch: String
        var listing: String
        var cases: Int
        var findings: Int
        var warnings: Int
        var rejects: Int
        var summary: String
    }

    func check(_ e: Expected) throws {
        let path = try copy(e.file)
        XCTAssertEqual(try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }, e.version, "the fixture as made")

        let queue = try StoreConnection.open(path: path, creating: true)
        try queue.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA user_version"), 6)
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"), ["v1", "v2", "v3", "v4", "v5", "v6"])
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok")
            // Moved in place (it holds cases): values stay JSON text, findings take their rowid as `seq`.
            XCTAssertNil(try String.fetchOne(db, sql: "SELECT fields FROM batch"))
            XCTAssertEqual(try String.fetchAll(db, sql: #"SELECT DISTINCT typeof(fields) FROM "case""#), ["text"])
            XCTAssertEqual(try Int.fetchOne(db, sql: #"SELECT count(*) FROM "case""#), e.cases)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM finding WHERE seq = rowid"), e.findings)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM warning"), e.warnings)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM reject"), e.rejects)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM result WHERE measures IS NULL AND profile IS NULL"), e.cases)
        }

        let list = try CommandRunner.run(["batches", "--db", path], in: folder.path)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.stdout, e.listing)

        let report = try CommandRunner.run(["report", "--db", path, "--batch", e.batch, "--out", "out"], in: folder.path)
        XCTAssertEqual(report.status, 0, report.stderr)
        // Every figure the old pingcha wrote in its summary.json comes out the same today.
        let old = try summary(Self.fixtures + "/" + e.summary), now = try summary(folder.file("out/summary.json"))
        // (Schema 5 adds `skipped` to each input: 0 for a file read before workbooks were.)
        var nowInputs = now["inputs"] as! [[String: Any]]
        for i in nowInputs.indices { XCTAssertEqual(nowInputs[i].removeValue(forKey: "skipped") as? Int, 0) }
        var current = now
        current["inputs"] = nowInputs
        for key in old.keys.sorted() {
            XCTAssertEqual(try JSONSerialization.data(withJSONObject: old[key]!, options: [.sortedKeys, .fragmentsAllowed]),
                           try JSONSerialization.data(withJSONObject: current[key] ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed]), key)
        }
        // A header line and a line per case, per finding (CRLF line ends).
        func lines(_ name: String) throws -> Int { try Data(contentsOf: URL(fileURLWithPath: folder.file(name))).filter { $0 == 10 }.count }
        XCTAssertEqual(try lines("out/cases.csv"), e.cases + 1)
        XCTAssertEqual(try lines("out/findings.csv"), e.findings + 1)

        // The moved file takes a new batch beside the old one, in the binary form.
        let g = try CommandRunner.run(["generate", "--cases", "5", "--seed", "3", "--quiet", "--out", "new.csv"], in: folder.path)
        XCTAssertEqual(g.status, 0, g.stderr)
        try FileManager.default.createSymbolicLink(atPath: folder.file("rubrics"), withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        let run = try CommandRunner.run(["run", "--quiet", "--db", path, "--input", "new.csv", "--batch", "新批次", "--out", "new"], in: folder.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        try queue.read { db in
            XCTAssertEqual(try Int.fetchAll(db, sql: "SELECT cases_total FROM batch ORDER BY id"), [e.cases, 5])
            XCTAssertEqual(try String.fetchAll(db, sql: #"SELECT DISTINCT typeof(c.fields) FROM "case" c JOIN batch b ON b.id = c.batch_id WHERE b.name = '新批次'"#), ["blob"])
        }
    }

    func testAVersion1FileWrittenByThePingchaOfVersion1() throws {
        try check(Expected(file: "store-v1.sqlite", version: 1, batch: "第一版",
                           listing: "第一版\t年度 2025\t案件 12\t打分 12\t退回 0\t初评（待核实 8）\t运行于 2026-12-03T12:05:36Z\n",
                           cases: 12, findings: 47, warnings: 2, rejects: 0, summary: "summary-v1.json"))
    }

    /// Version 2 also kept each result's three-systems letters; this batch has a rejected row
    /// and two cases no rubric covers.
    func testAVersion2FileWrittenByThePingchaOfVersion2() throws {
        try check(Expected(file: "store-v2.sqlite", version: 2, batch: "第二版",
                           listing: "第二版\t年度 2024\t案件 12\t打分 10\t退回 1\t初评（待核实 10）\t运行于 2026-12-03T12:19:36Z\n",
                           cases: 12, findings: 36, warnings: 1, rejects: 1, summary: "summary-v2.json"))
        let path = folder.file("store-v2.sqlite")
        try DatabaseQueue(path: path).read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM result WHERE batch_id = 1 AND three_systems IS NOT NULL"), 12)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM result WHERE batch_id = 1 AND rubric_id IS NULL"), 2)
        }
    }
}
