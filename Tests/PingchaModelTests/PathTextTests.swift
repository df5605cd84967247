import Foundation
import XCTest
import PingchaModel

/// Splitting the paths users type (`--out o` once trapped inside Foundation), and the checks
/// that say in Chinese what is wrong with one before a command reads or writes there.
final class PathTextTests: XCTestCase {
    func testParentAndName() {
        XCTAssertEqual(PathText.parent("o"), "")
        XCTAssertEqual(PathText.name("o"), "o")
        XCTAssertEqual(PathText.parent("reports/2024/"), "reports")
        XCTAssertEqual(PathText.name("reports/2024/"), "2024")
        XCTAssertEqual(PathText.parent("/x"), "/")
        XCTAssertEqual(PathText.name("/x"), "x")
        XCTAssertEqual(PathText.parent("a/b/c.sqlite"), "a/b")
        XCTAssertEqual(PathText.name("a/b/c.sqlite"), "c.sqlite")
        XCTAssertEqual(PathText.parent("/"), "/")
        XCTAssertEqual(PathText.parent("../o"), "..")
        XCTAssertEqual(PathText.name("./o//"), "o")
        XCTAssertEqual(PathText.parent("评查 数据/库 文件.sqlite"), "评查 数据")
        XCTAssertEqual(PathText.name("评查 数据/库 文件.sqlite"), "库 文件.sqlite")
    }

    func testJoinedPutsOneSlashBetween() {
        XCTAssertEqual(PathText.joined("", "bulletin"), "bulletin")
        XCTAssertEqual(PathText.joined("o", "bulletin"), "o/bulletin")
        XCTAssertEqual(PathText.joined("o/", "bulletin"), "o/bulletin")
        XCTAssertEqual(PathText.joined("/", "x"), "/x")
        XCTAssertEqual(PathText.joined("通报 输出", "整改 通知"), "通报 输出/整改 通知")
        XCTAssertEqual(PathText.trimmingTrailingSlashes("o//"), "o")
        XCTAssertEqual(PathText.trimmingTrailingSlashes("/"), "/")
    }

    func testChecksNameWhatIsInTheWay() throws {
        let dir = NSTemporaryDirectory() + "pingcha-pathtext-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/空", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/文件.txt"))
        let file = dir + "/文件.txt", folder = dir + "/空"

        XCTAssertNil(PathText.folderProblem(dir + "/新/深", replacing: true))
        XCTAssertNil(PathText.folderProblem(folder + "/", replacing: true))
        XCTAssertEqual(PathText.folderProblem(file, replacing: false), "这是一个文件，这里需要的是文件夹；请换一个名称，或先移走这个文件")
        XCTAssertEqual(PathText.folderProblem(file + "/a/b", replacing: false), "\(file) 是文件，不是文件夹")
        for here in [".", "./", "..", "a/..", "/"] {
            XCTAssertNotNil(PathText.folderProblem(here, replacing: true), here)
        }
        XCTAssertNil(PathText.folderProblem(".", replacing: false))

        XCTAssertNil(PathText.fileProblem(dir + "/新/库.sqlite", createsParents: true))
        XCTAssertEqual(PathText.fileProblem(dir + "/新/库.sqlite", createsParents: false), "文件夹 \(dir)/新 不存在")
        XCTAssertNil(PathText.fileProblem("o", createsParents: false))
        XCTAssertEqual(PathText.fileProblem(folder, createsParents: true), "这是一个文件夹，这里需要的是文件；请在后面写上文件名")
        XCTAssertEqual(PathText.fileProblem("d/", createsParents: true), "这里需要的是文件，末尾的 / 表示文件夹；请去掉末尾的 /")
        XCTAssertEqual(PathText.fileProblem(file + "/库.sqlite", createsParents: true), "\(file) 是文件，不是文件夹")

        XCTAssertEqual(PathText.notFound(dir + "/缺少.csv"), .fileNotFound(dir + "/缺少.csv"))
        XCTAssertEqual(PathText.notFound(file + "/").message, "\(file)/: 无法读取：这是文件，不是文件夹；请去掉末尾的 /")
        XCTAssertEqual(PathText.notFound(file + "/x.csv").message, "\(file)/x.csv: 无法读取：\(file) 是文件，不是文件夹")
        XCTAssertEqual(PathText.folderNotFile(folder).message, "\(folder): 无法读取：这是一个文件夹，这里需要的是文件")
        XCTAssertEqual(PathText.error("o", "x").message, "o: x")
    }
}
