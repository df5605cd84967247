import Foundation
import PingchaModel
@testable import PingchaRun
import XCTest

/// The folder reports are staged in, and what a user reads when writing them fails.
final class OutputFolderTests: XCTestCase {
    func testAFailedWriteNamesTheDestinationAndLeavesTheOldReports() throws {
        let parent = NSTemporaryDirectory() + "pingcha-out-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let destination = parent + "/reports"
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: destination + "/old.txt", contents: Data("old".utf8))

        let out = try OutputFolder(destination: destination)
        try out.write("notices/a.md", "new")
        let error = out.discard(after: .unwritable(out.path("notices/a.docx"), detail: "写入中断（磁盘已满？），文件不完整"))
        XCTAssertEqual(error.message, destination + "/notices/a.docx: 无法写入：写入中断（磁盘已满？），文件不完整；本次输出已全部撤销，原有文件未改动")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.staging))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent), ["reports"])
        XCTAssertEqual(try String(contentsOfFile: destination + "/old.txt", encoding: .utf8), "old")

        // Other errors, and files outside the staged folder, are passed on as they are.
        let again = try OutputFolder(destination: destination)
        let unreadable = PingchaError.unreadable("/data/cases.csv", detail: "没有权限")
        XCTAssertEqual(again.discard(after: unreadable).message, unreadable.message)
        let elsewhere = PingchaError.unwritable("/tmp/x", detail: "磁盘空间不足")
        XCTAssertEqual(again.discard(after: elsewhere).message, "/tmp/x: 无法写入：磁盘空间不足；本次输出已全部撤销，原有文件未改动")
    }
}
