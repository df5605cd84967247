import Foundation
import PingchaModel
import XCTest

/// A system error in the words a supervisor reads, whether it comes from a C call or from
/// Foundation (which wraps the `errno` in a `CocoaError`).
final class SystemErrorTextTests: XCTestCase {
    func testCommonCausesByName() {
        XCTAssertEqual(SystemErrorText.text(ENOSPC), "磁盘空间不足")
        XCTAssertEqual(SystemErrorText.text(EACCES), "没有权限")
        XCTAssertEqual(SystemErrorText.text(EPIPE), "接收输出的程序已经退出")
        XCTAssertTrue(SystemErrorText.text(EXDEV).hasPrefix("系统错误（"))
    }

    func testFoundationErrorsGiveTheErrnoTheyCarry() throws {
        // What `Data.write(to:)` throws on a full disk (seen on a full tmpfs).
        let full = CocoaError(.fileWriteOutOfSpace, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])
        XCTAssertEqual(SystemErrorText.text(of: full), "磁盘空间不足")
        XCTAssertEqual(SystemErrorText.text(of: POSIXError(.EACCES)), "没有权限")
        XCTAssertEqual(SystemErrorText.text(of: CocoaError(.fileWriteVolumeReadOnly)), "所在的磁盘只能读取，不能写入")
        XCTAssertEqual(SystemErrorText.text(of: NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS))), "所在的磁盘只能读取，不能写入")
        // A real one: a folder under a file (Foundation on Linux gives no errno for it).
        let file = NSTemporaryDirectory() + "pingcha-errno-" + UUID().uuidString
        FileManager.default.createFile(atPath: file, contents: Data())
        defer { try? FileManager.default.removeItem(atPath: file) }
        XCTAssertThrowsError(try Data("x".utf8).write(to: URL(fileURLWithPath: file + "/a.txt"))) { error in
            XCTAssertEqual(SystemErrorText.text(of: error), "系统未给出原因（请检查路径中的文件夹是否存在、是否有写入权限、磁盘是否已满）")
        }
        struct Other: LocalizedError { var errorDescription: String? { "别的错误" } }
        XCTAssertEqual(SystemErrorText.text(of: Other()), "别的错误")
    }
}
