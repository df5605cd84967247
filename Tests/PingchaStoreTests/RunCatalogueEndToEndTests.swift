import Foundation
import GRDB
import PingchaTestSupport
import XCTest

/// `pingcha run --fields FILE` with a catalogue lacking a field the store keeps in a column:
/// without `district` the run stores its cases (district NULL) and writes its reports; without
/// `department` it ends with status 1 and a message naming the file and the field, and stores
/// nothing. Both once trapped on a force-unwrapped index in BatchWriter.
final class RunCatalogueEndToEndTests: XCTestCase {
    var folder: TemporaryFolder!

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.file("rubrics"), withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        let g = try CommandRunner.run(["generate", "--cases", "40", "--seed", "12", "--quiet", "--out", "in.csv"], in: folder.path)
        XCTAssertEqual(g.status, 0, g.stderr)
    }

    override func tearDown() { folder.remove() }

    /// The built-in catalogue with the definition of `id` left out.
    func catalogue(without id: String, as name: String) throws {
        let text = try String(contentsOfFile: CommandRunner.packageRoot + "/rubrics/fields.yaml", encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "\n  - id: \(id)\n"))
        let next = try XCTUnwrap(text.range(of: "\n  - id: ", range: start.upperBound..<text.endIndex))
        try (String(text[..<start.lowerBound]) + String(text[next.lowerBound...])).write(toFile: folder.file(name), atomically: true, encoding: .utf8)
    }

    func testWithoutDistrictTheRunStoresItsCases() throws {
        try catalogue(without: "district", as: "no-district.yaml")
        let r = try CommandRunner.run(["run", "--quiet", "--db", "s.sqlite", "--input", "in.csv", "--fields", "no-district.yaml",
                                       "--batch", "B", "--out", "out"], in: folder.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        try DatabaseQueue(path: folder.file("s.sqlite")).read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: #"SELECT count(*) FROM "case""#), 40)
            XCTAssertEqual(try Int.fetchOne(db, sql: #"SELECT count(*) FROM "case" WHERE district IS NOT NULL"#), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT cases_total FROM batch WHERE name = 'B'"), 40)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT instr(fields, '\"district\"') FROM batch"), 0)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.file("out/summary.json")))
    }

    func testWithoutDepartmentTheRunIsRefusedAndStoresNothing() throws {
        try catalogue(without: "department", as: "no-department.yaml")
        let r = try CommandRunner.run(["run", "--quiet", "--db", "s.sqlite", "--input", "in.csv", "--fields", "no-department.yaml",
                                       "--batch", "B", "--out", "out"], in: folder.path)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "错误：no-department.yaml: 字段目录缺少保存案件必需的字段 department（执法主体）："
                       + "数据库按案件编号、执法主体和执法类别保存每个案件，请在字段目录中加入（定义可从 rubrics/fields.yaml 复制）；本次运行未保存任何结果\n")
        // Refused when the catalogue is read: not even the store file is made.
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("s.sqlite")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out")))
        // `score` reads the same catalogue and stops the same way (it once trapped too).
        let score = try CommandRunner.run(["score", "--input", "in.csv", "--fields", "no-department.yaml"], in: folder.path)
        XCTAssertEqual(score.status, 1)
        XCTAssertTrue(score.stderr.hasPrefix("错误：no-department.yaml: 字段目录缺少保存案件必需的字段 department（执法主体）"), score.stderr)
    }
}
