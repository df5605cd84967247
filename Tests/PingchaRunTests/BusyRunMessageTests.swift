import Foundation
import XCTest
import PingchaModel
import PingchaStore
import PingchaRun
import PingchaTestSupport

/// A second `pingcha run` while another holds the store: it says once that it waits, and when
/// the wait runs out it stops with the exact message, having written nothing.
final class BusyRunMessageTests: XCTestCase {
    func testASecondRunWaitsThenStops() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try "case_id,department,enforcement_type\n".write(toFile: folder.file("in.csv"), atomically: true, encoding: .utf8)
        let db = folder.file("store.sqlite")
        var options = RunOptions(inputs: [folder.file("in.csv")])
        options.rubrics = [CommandRunner.packageRoot + "/rubrics"]
        options.database = db
        options.waitForOtherRun = 1
        var told: [String] = []
        do {
            let other = try WriterLock(databasePath: db, timeout: 0) {}
            XCTAssertThrowsError(try BatchRun(options: options).execute(waiting: { told.append($0) })) { error in
                XCTAssertEqual((error as? PingchaError)?.message.replacingOccurrences(of: folder.path, with: "D"),
                               "D/store.sqlite: 另一个 pingcha 正在写入这个数据库，等了 1 秒仍未结束；请在它结束后再运行，或用 --db 指定另一个文件")
            }
            withExtendedLifetime(other) {}
        }
        XCTAssertEqual(told.map { $0.replacingOccurrences(of: folder.path, with: "D") }, ["另一个 pingcha 正在写入 D/store.sqlite，等待它结束……"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: db))
    }
}
