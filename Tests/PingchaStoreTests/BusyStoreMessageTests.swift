import Foundation
import GRDB
import PingchaModel
import PingchaTestSupport
@testable import PingchaStore

import XCTest

/// What a supervisor reads when the store is busy or not there, exactly as the commands render
/// it (``Store/userError(_:path:)``): another run holding the writer lock, a file SQLite finds
/// locked, a store that does not exist, a batch it does not hold.
final class BusyStoreMessageTests: XCTestCase {
    var folder: TemporaryFolder!

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    func message(_ error: Error, _ path: String) -> String {
        Store.userError(error, path: path).message.replacingOccurrences(of: folder.path, with: "D")
    }

    /// A second writer waits, says so once, and gives up after its timeout with this message.
    func testAnotherRunHoldsTheWriterLock() throws {
        let path = folder.file("store.sqlite")
        do {
            let first = try WriterLock(databasePath: path, timeout: 0) {}
            var told = 0
            let start = Date()
            XCTAssertThrowsError(try WriterLock(databasePath: path, timeout: 1) { told += 1 }) { error in
                XCTAssertEqual(message(error, path), "D/store.sqlite: 另一个 pingcha 正在写入这个数据库，等了 1 秒仍未结束；请在它结束后再运行，或用 --db 指定另一个文件")
            }
            XCTAssertEqual(told, 1)
            XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 1)
            withExtendedLifetime(first) {}
        }
        // Once the first is done, the lock is free at once.
        _ = try WriterLock(databasePath: path, timeout: 0) { XCTFail("waited for a free lock") }
    }

    /// A full disk, a read-only file, a file that is no database: the cause in words, and for a
    /// write that stopped, that it was undone (its transaction rolled back).
    func testAFailingFileOrDiskIsNamedInWords() throws {
        XCTAssertEqual(message(DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full"), "s.sqlite"),
                       "s.sqlite: 磁盘空间不足，数据库无法写入；这次运行写入数据库的内容已全部撤销，数据库保持运行之前的状态")
        XCTAssertEqual(message(DatabaseError(resultCode: .SQLITE_IOERR_WRITE), "s.sqlite"),
                       "s.sqlite: 读写磁盘出错；这次运行写入数据库的内容已全部撤销，数据库保持运行之前的状态")
        let notADatabase = folder.file("cases.sqlite")
        FileManager.default.createFile(atPath: notADatabase, contents: Data(String(repeating: "案件编号,执法主体\n", count: 400).utf8))
        XCTAssertThrowsError(try Store(path: notADatabase)) { error in
            XCTAssertEqual(message(error, notADatabase), "D/cases.sqlite: 数据库文件已损坏，或不是 pingcha 的数据库")
        }
    }

    func testHowLongItWaitedReadsAsAPersonSaysIt() {
        XCTAssertEqual(StoreError.duration(600), "10 分钟")
        XCTAssertEqual(StoreError.duration(90), "90 秒")
        XCTAssertEqual(StoreError.duration(0.2), "1 秒")
    }

    /// SQLite's own lock: another connection in a write transaction while this one must write
    /// (here: bring an old file up to date). `report` and `run` show this.
    func testTheFileIsLockedBySQLite() throws {
        let old = folder.file("old.sqlite")
        try OldFile.create(at: old, version: 1, wal: true)
        let holder = try DatabaseQueue(path: old)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            XCTAssertThrowsError(try Store(path: old, busyTimeout: 0.05)) { error in
                XCTAssertEqual(message(error, old), "D/old.sqlite: 数据库正被占用（另一个 pingcha 正在写入，或有数据库工具打开着它），等待后仍未释放；请在它结束或关闭后再运行")
            }
            try db.execute(sql: "ROLLBACK")
        }
    }

    func testAStoreThatIsNotThereAndABatchItDoesNotHold() throws {
        let missing = folder.file("none.sqlite")
        XCTAssertThrowsError(try WriterLock(databasePath: missing, timeout: 0, creating: false) {}) { error in
            XCTAssertEqual(message(error, missing), "D/none.sqlite: 无法读取：数据库文件不存在；请先用 pingcha run 导入案件，或用 --db 指定已有的数据库")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing + ".lock"))
        XCTAssertThrowsError(try Store(path: missing)) { error in
            XCTAssertEqual(message(error, missing), "D/none.sqlite: 无法读取：数据库文件不存在；请先用 pingcha run 导入案件，或用 --db 指定已有的数据库")
        }
        let path = folder.file("store.sqlite")
        let store = try Store(path: path, creating: true)
        try DatabaseQueue(path: path).write { db in
            for name in ["B2024", "B2025"] {
                try db.execute(sql: "INSERT INTO batch (name, ran_at, tool_version, calendar_version, catalogue_sha256) VALUES (?, 't', '0', 'c', 'x')", arguments: [name])
            }
        }
        XCTAssertThrowsError(try store.read { try StoredBatch.named("B2026", in: $0) }) { error in
            XCTAssertEqual(message(error, path), "数据库中没有名为“B2026”的批次（已有：B2024、B2025）")
        }
    }
}
