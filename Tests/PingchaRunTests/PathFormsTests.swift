import Foundation
import XCTest
import PingchaGenerate
import PingchaTestSupport

/// Every command that takes a path, with the forms users type (issue 15): one character, a
/// trailing slash, Chinese names with spaces, `./` and `../`, absolute paths, missing parent
/// folders, a file where a folder is expected and the reverse. No command may end by a signal
/// (`--out o` once died with SIGILL inside Foundation); each refusal is exit 1 with its
/// message, the path in it, and nothing left behind.
final class PathFormsTests: XCTestCase {
    /// A folder shared by the tests: `in/2025/export.csv` (40 cases), `store.sqlite` holding
    /// batches A and B of it, a file `文件.txt` and an empty folder `空`. Each test works in a
    /// folder of its own made by ``workspace(_:)``.
    static let root: String = {
        let root = NSTemporaryDirectory() + "pingcha-paths-" + UUID().uuidString
        let fm = FileManager.default
        try! fm.createDirectory(atPath: root + "/in/2025", withIntermediateDirectories: true)
        try! fm.createDirectory(atPath: root + "/空", withIntermediateDirectories: true)
        try! fm.createSymbolicLink(atPath: root + "/rubrics", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        _ = try! SyntheticExport(options: GeneratorOptions(cases: 40, years: [2025], seed: 15)).writeFile(atPath: root + "/in/2025/export.csv")
        for batch in ["A", "B"] {
            let r = try! CommandRunner.run(["run", "--quiet", "--input", "in/2025", "--date", "2025-12-01", "--db", "store.sqlite",
                                            "--batch", batch, "--out", "out-" + batch], in: root)
            precondition(r.status == 0, r.stderr)
        }
        return root
    }()

    override class func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    /// A fresh folder `root/<name>` with `rubrics` (the default standards, in `sub/` too), `in` (the
    /// export), a copy of the store as `d` (a one-character name), `文件.txt` and `空/`.
    func workspace(_ name: String) throws -> String {
        let w = Self.root + "/" + name
        let fm = FileManager.default
        try? fm.removeItem(atPath: w)
        try fm.createDirectory(atPath: w + "/sub", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: w + "/空", withIntermediateDirectories: true)
        for folder in [w, w + "/sub"] {
            try fm.createSymbolicLink(atPath: folder + "/rubrics", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        }
        try fm.createSymbolicLink(atPath: w + "/in", withDestinationPath: Self.root + "/in")
        try fm.copyItem(atPath: Self.root + "/store.sqlite", toPath: w + "/d")
        try Data("不是文件夹\n".utf8).write(to: URL(fileURLWithPath: w + "/文件.txt"))
        return w
    }

    typealias Result = (status: Int32, stdout: String, stderr: String)

    /// Runs `args` in `dir` and expects success (exit 0, no error line).
    @discardableResult
    func ok(_ args: [String], in dir: String, file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        let r = try CommandRunner.run(args, in: dir)
        XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)", file: file, line: line)
        XCTAssertFalse(r.stderr.contains("错误"), "\(args): \(r.stderr)", file: file, line: line)
        return r
    }

    /// Runs `args` in `dir` and expects exit 1 with exactly `错误：<message>` on stderr (not a
    /// signal, not a backtrace).
    func fails(_ args: [String], in dir: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try CommandRunner.run(args, in: dir)
        XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)", file: file, line: line)
        XCTAssertEqual(r.stderr, "错误：" + message + "\n", "\(args)", file: file, line: line)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    func text(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    static let replaced = "输出文件夹会被整个替换，不能是当前文件夹、上级文件夹或根文件夹；请写一个新的子文件夹，如 reports/输出"
    static let fileNotFolder = "这是一个文件，这里需要的是文件夹；请换一个名称，或先移走这个文件"
    static let folderNotFile = "这是一个文件夹，这里需要的是文件；请在后面写上文件名"
    static let trailingSlash = "这里需要的是文件，末尾的 / 表示文件夹；请去掉末尾的 /"
    static let noStore = "无法读取：数据库文件不存在；请先用 pingcha run 导入案件，或用 --db 指定已有的数据库"

    // MARK: - run

    func testRunTakesEveryFormOfInputStoreAndOutput() throws {
        let w = try workspace("run")
        let run = ["run", "--quiet", "--date", "2025-12-01", "--year", "2025"]
        // One character each (the SIGILL of issue 15).
        try ok(run + ["--input", "in", "--db", "s", "--out", "o"], in: w)
        XCTAssertTrue(exists(w + "/s"))
        XCTAssertTrue(exists(w + "/o/bulletin.docx"))
        // A trailing slash, twice: the second run replaces the folder (it once moved it into itself).
        for _ in 0..<2 { try ok(run + ["--input", "in/2025/", "--db", "s", "--out", "o2/"], in: w) }
        XCTAssertTrue(exists(w + "/o2/summary.json"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: w).filter { $0.hasPrefix(".") }, [])
        // Chinese names with spaces; parents that do not exist yet are created.
        try ok(run + ["--input", "in/2025/export.csv", "--db", "评查 数据/2025 年/库 文件.sqlite", "--out", "通报 输出/2025 年度"], in: w)
        XCTAssertTrue(exists(w + "/评查 数据/2025 年/库 文件.sqlite"))
        XCTAssertTrue(exists(w + "/通报 输出/2025 年度/bulletin.md"))
        // ./ and ../
        try ok(run + ["--input", "./in/2025", "--db", "./s3", "--out", "./o3"], in: w)
        XCTAssertTrue(exists(w + "/o3/bulletin.html"))
        try ok(run + ["--input", "../in", "--db", "../s4", "--out", "../o4", "--rubrics", "../rubrics"], in: w + "/sub")
        XCTAssertTrue(exists(w + "/s4"))
        XCTAssertTrue(exists(w + "/o4/scores.xlsx"))
        // Absolute paths.
        try ok(run + ["--input", w + "/in/2025", "--db", w + "/s5.sqlite", "--out", w + "/o5"], in: w + "/sub")
        XCTAssertTrue(exists(w + "/o5/summary.json"))
    }

    func testRunRefusesWrongKindsBeforeStoringAnything() throws {
        let w = try workspace("run-refused")
        let run = ["run", "--quiet", "--date", "2025-12-01", "--year", "2025", "--input", "in"]
        // A file where the reports' folder should be: refused, the file kept, nothing stored.
        try fails(run + ["--db", "s", "--out", "文件.txt"], in: w, "文件.txt: " + Self.fileNotFolder)
        XCTAssertEqual(text(w + "/文件.txt"), "不是文件夹\n")
        XCTAssertFalse(exists(w + "/s"))
        try fails(run + ["--db", "s", "--out", "文件.txt/通报"], in: w, "文件.txt/通报: 文件.txt 是文件，不是文件夹")
        for here in [".", "./", ".."] {
            try fails(run + ["--db", "s", "--out", here], in: w, here + ": " + Self.replaced)
        }
        XCTAssertFalse(exists(w + "/s"))
        // A folder, or a name ending in /, where the store's file should be.
        try fails(run + ["--db", "空", "--out", "o"], in: w, "空: " + Self.folderNotFile)
        try fails(run + ["--db", "s/", "--out", "o"], in: w, "s/: " + Self.trailingSlash)
        try fails(run + ["--db", "d/", "--out", "o"], in: w, "d/: " + Self.trailingSlash)
        try fails(run + ["--db", "文件.txt/库.sqlite", "--out", "o"], in: w, "文件.txt/库.sqlite: 文件.txt 是文件，不是文件夹")
        XCTAssertFalse(exists(w + "/o"))
        XCTAssertFalse(exists(w + "/s"))
        // Inputs that are not there.
        try fails(["run", "--quiet", "--input", "缺少/导出 文件.csv", "--db", "s"], in: w, "缺少/导出 文件.csv: 找不到文件或文件夹")
        try fails(["run", "--quiet", "--input", "in", "--db", "s", "--templates", "文件.txt"], in: w,
                  "文件.txt: 无法读取：这是一个文件，--templates 需要的是模板文件夹")
        try fails(["run", "--quiet", "--input", "in", "--db", "s", "--scoresheet", "空"], in: w, "空: 无法读取：这是一个文件夹，这里需要的是文件")
        XCTAssertFalse(exists(w + "/s"))
    }

    // MARK: - report, batches, compare, sample, assign

    func testReportTakesEveryForm() throws {
        let w = try workspace("report")
        let report = ["report", "--batch", "A", "--date", "2025-12-01"]
        try ok(report + ["--db", "d", "--out", "r"], in: w)
        XCTAssertTrue(exists(w + "/r/bulletin.docx"))
        for _ in 0..<2 { try ok(report + ["--db", "./d", "--out", "r2/"], in: w) }
        XCTAssertTrue(exists(w + "/r2/bulletin.md"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: w).filter { $0.hasPrefix(".") }, [])
        try FileManager.default.createDirectory(atPath: w + "/评查 数据", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: w + "/d", toPath: w + "/评查 数据/库 文件.sqlite")
        try ok(report + ["--db", "评查 数据/库 文件.sqlite", "--out", "新 文件夹/第 1 次/通报"], in: w)
        XCTAssertTrue(exists(w + "/新 文件夹/第 1 次/通报/bulletin.html"))
        try ok(report + ["--db", "../d", "--out", "../r3"], in: w + "/sub")
        XCTAssertTrue(exists(w + "/r3/scores.xlsx"))
        try ok(report + ["--db", w + "/d", "--out", w + "/r4"], in: w + "/sub")
        XCTAssertTrue(exists(w + "/r4/summary.json"))

        try fails(report + ["--db", "d", "--out", "文件.txt"], in: w, "文件.txt: " + Self.fileNotFolder)
        XCTAssertEqual(text(w + "/文件.txt"), "不是文件夹\n")
        try fails(report + ["--db", "d", "--out", "文件.txt/r"], in: w, "文件.txt/r: 文件.txt 是文件，不是文件夹")
        try fails(report + ["--db", "d", "--out", "."], in: w, ".: " + Self.replaced)
        try fails(report + ["--db", "空", "--out", "r5"], in: w, "空: " + Self.folderNotFile)
        try fails(report + ["--db", "d/", "--out", "r5"], in: w, "d/: " + Self.trailingSlash)
        try fails(report + ["--db", "缺少/库.sqlite", "--out", "r5"], in: w, "缺少/库.sqlite: " + Self.noStore)
        try fails(report + ["--db", "d", "--out", "r5", "--templates", "缺少的模板/"], in: w, "缺少的模板/: 找不到文件或文件夹")
        XCTAssertFalse(exists(w + "/缺少"))
        XCTAssertFalse(exists(w + "/r5"))
    }

    func testBatchesReadsEveryFormAndCreatesNothing() throws {
        let w = try workspace("batches")
        for db in ["d", "./d", w + "/d"] {
            XCTAssertTrue(try ok(["batches", "--db", db], in: w).stdout.contains("A\t年度 2025\t案件 40\t"), db)
        }
        XCTAssertTrue(try ok(["batches", "--db", "../d"], in: w + "/sub").stdout.contains("B\t年度 2025\t案件 40\t"))
        try FileManager.default.copyItem(atPath: w + "/d", toPath: w + "/库 文件.sqlite")
        try ok(["batches", "--db", "库 文件.sqlite"], in: w)

        try fails(["batches", "--db", "缺少.sqlite"], in: w, "缺少.sqlite: " + Self.noStore)
        try fails(["batches", "--db", "缺少/库.sqlite"], in: w, "缺少/库.sqlite: " + Self.noStore)
        XCTAssertFalse(exists(w + "/缺少.sqlite"))
        XCTAssertFalse(exists(w + "/缺少"))
        try fails(["batches", "--db", "空"], in: w, "空: " + Self.folderNotFile)
        try fails(["batches", "--db", "d/"], in: w, "d/: " + Self.trailingSlash)
        try fails(["batches", "--db", "文件.txt/库.sqlite"], in: w, "文件.txt/库.sqlite: 文件.txt 是文件，不是文件夹")
        // rescore writes into an existing store only: a missing one leaves no folder and no lock file.
        try fails(["rescore", "--db", "缺少/库.sqlite", "--batch", "A", "--as", "A2"], in: w, "缺少/库.sqlite: " + Self.noStore)
        XCTAssertFalse(exists(w + "/缺少"))
    }

    func testCompareTakesEveryForm() throws {
        let w = try workspace("compare")
        try ok(["compare", "--db", "d", "--out", "c"], in: w)
        XCTAssertTrue(exists(w + "/c/compare.xlsx"))
        for _ in 0..<2 { try ok(["compare", "--db", "d", "--out", "c2/"], in: w) }
        XCTAssertTrue(exists(w + "/c2/compare.md"))
        try ok(["compare", "--db", "../d", "--out", "../比较 结果/两 批"], in: w + "/sub")
        XCTAssertTrue(exists(w + "/比较 结果/两 批/compare.html"))
        try ok(["compare", "--db", w + "/d", "--out", w + "/c3"], in: w)

        try fails(["compare", "--db", "d", "--out", "文件.txt"], in: w, "文件.txt: " + Self.fileNotFolder)
        try fails(["compare", "--db", "d", "--out", "./"], in: w, "./: " + Self.replaced)
        try fails(["compare", "--db", "缺少.sqlite", "--out", "c4"], in: w, "缺少.sqlite: " + Self.noStore)
        try fails(["compare", "--db", "空/", "--out", "c4"], in: w, "空/: " + Self.trailingSlash)
        XCTAssertFalse(exists(w + "/c4"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: w).filter { $0.hasPrefix(".") }, [])
    }

    func testSampleAndAssignTakeEveryForm() throws {
        let w = try workspace("sample")
        let sample = ["sample", "--batch", "A", "--per-department", "1"]
        try ok(sample + ["--db", "d", "--out", "s"], in: w)
        XCTAssertTrue(isFolder(w + "/s"))
        for _ in 0..<2 { try ok(sample + ["--db", "d", "--out", "样本 文件夹/"], in: w) }
        try ok(sample + ["--db", "../d", "--out", "../s2"], in: w + "/sub")
        XCTAssertTrue(isFolder(w + "/s2"))

        try fails(sample + ["--db", "d", "--out", "文件.txt"], in: w, "文件.txt: " + Self.fileNotFolder)
        try fails(sample + ["--db", "缺少.sqlite", "--out", "s3"], in: w, "缺少.sqlite: " + Self.noStore)
        try fails(["assign", "--db", "d", "--batch", "A", "--reviewers", "空", "--out", "a"], in: w, "空: 无法读取：这是一个文件夹，这里需要的是文件")
        try fails(["assign", "--db", "d", "--batch", "A", "--reviewers", "文件.txt/", "--out", "a"], in: w,
                  "文件.txt/: 无法读取：这是文件，不是文件夹；请去掉末尾的 /")
    }

    // MARK: - stats, inspect, score

    func testStatsTakesEveryForm() throws {
        let w = try workspace("stats")
        let stats = ["stats", "--year", "2025", "--date", "2025-12-01"]
        try ok(stats + ["--db", "d", "--batch", "A", "--out", "s"], in: w)
        XCTAssertTrue(exists(w + "/s/stats.xlsx"))
        for _ in 0..<2 { try ok(stats + ["--db", "d", "--batch", "B", "--out", "年度 统计/"], in: w) }
        XCTAssertTrue(exists(w + "/年度 统计/stats.md"))
        try ok(stats + ["--input", "../in/2025/", "--out", "../s2", "--rubrics", "../rubrics"], in: w + "/sub")
        XCTAssertTrue(exists(w + "/s2/stats.html"))
        try ok(stats + ["--input", w + "/in/2025/export.csv", "--out", w + "/s3"], in: w)

        try fails(stats + ["--db", "d", "--batch", "A", "--out", "文件.txt"], in: w, "文件.txt: " + Self.fileNotFolder)
        try fails(stats + ["--db", "d", "--batch", "A", "--out", ".."], in: w, "..: " + Self.replaced)
        try fails(stats + ["--db", "缺少/库.sqlite", "--out", "s4"], in: w, "缺少/库.sqlite: " + Self.noStore)
        try fails(stats + ["--input", "in/2025/缺少.csv", "--out", "s4"], in: w, "in/2025/缺少.csv: 找不到文件或文件夹")
        XCTAssertFalse(exists(w + "/s4"))
    }

    func testInspectAndScoreReadEveryForm() throws {
        let w = try workspace("inspect")
        let fm = FileManager.default
        try fm.createDirectory(atPath: w + "/导出 数据", withIntermediateDirectories: true)
        try fm.copyItem(atPath: Self.root + "/in/2025/export.csv", toPath: w + "/导出 数据/执法 案件.csv")
        try fm.createDirectory(atPath: w + "/i", withIntermediateDirectories: true)
        try fm.copyItem(atPath: Self.root + "/in/2025/export.csv", toPath: w + "/i/e.csv")
        for (input, dir) in [("i", w), ("i/", w), ("./i/e.csv", w), ("导出 数据/执法 案件.csv", w), ("导出 数据/", w),
                             ("../in", w + "/sub"), (w + "/in/2025/export.csv", w + "/sub")] {
            let inspect = try ok(["inspect", "--input", input], in: dir)
            XCTAssertTrue(inspect.stdout.contains("= 接受 40 + 退回 0"), input)
            let score = try ok(["score", "--quiet", "--input", input], in: dir)
            XCTAssertEqual(score.stdout.split(separator: "\n").count, 40, input)
        }

        try fails(["inspect", "--input", "缺少/导出.csv"], in: w, "缺少/导出.csv: 找不到文件或文件夹")
        try fails(["inspect", "--input", "文件.txt/"], in: w, "文件.txt/: 无法读取：这是文件，不是文件夹；请去掉末尾的 /")
        try fails(["inspect", "--input", "i/e.csv", "--mapping", "空"], in: w, "空: 无法读取：这是一个文件夹，这里需要的是文件")
        try fails(["inspect", "--input", "i/e.csv", "--mapping", "文件.txt/"], in: w, "文件.txt/: 无法读取：这是文件，不是文件夹；请去掉末尾的 /")
        try fails(["score", "--quiet", "--input", "缺少.csv"], in: w, "缺少.csv: 找不到文件或文件夹")
        try fails(["score", "--quiet", "--input", "i", "--scoresheet", "空/"], in: w, "空/: 无法读取：这是一个文件夹，这里需要的是文件")
        try fails(["score", "--quiet", "--input", "i", "--calendar", "空"], in: w, "空: 无法读取：这是一个文件夹，这里需要的是文件")
        try fails(["score", "--quiet", "--input", "i", "--rubrics", "文件.txt/"], in: w, "文件.txt/: 无法读取：这是文件，不是文件夹；请去掉末尾的 /")
    }

    // MARK: - followup

    func testFollowupTakesEveryForm() throws {
        let w = try workspace("followup")
        let status = ["followup", "status", "--as-of", "2025-12-20"]
        try ok(status + ["--db", "d", "--out", "o"], in: w)
        XCTAssertTrue(exists(w + "/o/followup.xlsx"))
        for _ in 0..<2 { try ok(status + ["--db", "d", "--batch", "A", "--out", "跟踪 状态/"], in: w) }
        XCTAssertTrue(exists(w + "/跟踪 状态/followup.html"))
        try ok(status + ["--db", "../d", "--out", "../o2"], in: w + "/sub")
        try ok(status + ["--db", w + "/d", "--out", w + "/o3"], in: w + "/sub")
        try ok(["followup", "issue", "--stage", "notice", "--date", "2025-12-20", "--db", "./d", "--out", "n"], in: w)
        XCTAssertFalse(try fm().contentsOfDirectory(atPath: w + "/n").isEmpty)

        try fails(status + ["--db", "d", "--out", "文件.txt"], in: w, "文件.txt: " + Self.fileNotFolder)
        try fails(status + ["--db", "d", "--out", "./"], in: w, "./: " + Self.replaced)
        try fails(status + ["--db", "缺少.sqlite", "--out", "o4"], in: w, "缺少.sqlite: " + Self.noStore)
        try fails(status + ["--db", "d", "--periods", "空", "--out", "o4"], in: w, "空: 无法读取：这是一个文件夹，这里需要的是文件")
        try fails(status + ["--db", "d", "--calendar", "文件.txt/", "--out", "o4"], in: w, "文件.txt/: 无法读取：这是文件，不是文件夹；请去掉末尾的 /")
        try fails(["followup", "issue", "--stage", "notice", "--db", "d", "--out", "文件.txt/n"], in: w, "文件.txt/n: 文件.txt 是文件，不是文件夹")
        try fails(["followup", "record", "--db", "d", "--file", "空"], in: w, "空: 无法读取：这是一个文件夹，这里需要的是文件")
        try fails(["followup", "record", "--db", "d", "--file", "文件.txt/"], in: w, "文件.txt/: 无法读取：这是文件，不是文件夹；请去掉末尾的 /")
        try fails(["followup", "record", "--db", "d", "--file", "缺少.csv"], in: w, "缺少.csv: 找不到文件或文件夹")
        XCTAssertFalse(exists(w + "/o4"))
        XCTAssertEqual(text(w + "/文件.txt"), "不是文件夹\n")
    }

    // MARK: - rubric, generate

    func testRubricCheckAndTestTakeEveryForm() throws {
        let w = try workspace("rubric")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: w + "/r", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        try fm.createSymbolicLink(atPath: w + "/评查 标准", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        for (path, dir) in [("r", w), ("rubrics/", w), ("./rubrics", w), ("评查 标准/", w), ("../rubrics", w + "/sub"),
                            (CommandRunner.packageRoot + "/rubrics", w + "/sub")] {
            try ok(["rubric", "check", path], in: dir)
        }
        for (path, dir) in [("r/", w), ("../评查 标准", w + "/sub")] {
            XCTAssertTrue(try ok(["rubric", "test", path], in: dir).stdout.contains("个案例通过"), path)
        }
        try ok(["rubric", "check", "rubrics/penalty-general.yaml"], in: w)

        for command in ["check", "test"] {
            try fails(["rubric", command, "缺少/标准.yaml"], in: w, "缺少/标准.yaml: 找不到文件或文件夹")
            try fails(["rubric", command, "rubrics/penalty-general.yaml/"], in: w,
                      "rubrics/penalty-general.yaml/: 无法读取：这是文件，不是文件夹；请去掉末尾的 /")
            try fails(["rubric", command, "空/"], in: w, "文件夹 空/ 中没有评查标准文件（*.yaml）")
        }
    }

    func testGenerateWritesEveryFormAndNamesWhatIsWrong() throws {
        let w = try workspace("generate")
        let generate = ["generate", "--cases", "5", "--years", "2025", "--quiet"]
        for (out, dir) in [("o", w), ("导出 数据.csv", w), ("./g.csv", w), ("../g2.csv", w + "/sub"), (w + "/g3.csv", w + "/sub")] {
            try ok(generate + ["--out", out], in: dir)
        }
        for name in ["o", "导出 数据.csv", "g.csv", "g2.csv", "g3.csv"] { XCTAssertTrue(exists(w + "/" + name), name) }
        try ok(generate + ["--split-dir", "p"], in: w)
        try ok(generate + ["--split-dir", "按 部门/2025/"], in: w)
        XCTAssertFalse(try fm().contentsOfDirectory(atPath: w + "/按 部门/2025").isEmpty)

        try fails(generate + ["--out", "空"], in: w, "空: 无法写入：" + Self.folderNotFile)
        try fails(generate + ["--out", "新.csv/"], in: w, "新.csv/: 无法写入：" + Self.trailingSlash)
        try fails(generate + ["--out", "缺少/导出.csv"], in: w, "缺少/导出.csv: 无法写入：文件夹 缺少 不存在")
        try fails(generate + ["--out", "文件.txt/导出.csv"], in: w, "文件.txt/导出.csv: 无法写入：文件.txt 是文件，不是文件夹")
        try fails(generate + ["--split-dir", "文件.txt"], in: w, "文件.txt: 无法写入：" + Self.fileNotFolder)
        try fails(generate + ["--split-dir", "文件.txt/2025"], in: w, "文件.txt/2025: 无法写入：文件.txt 是文件，不是文件夹")
        XCTAssertEqual(text(w + "/文件.txt"), "不是文件夹\n")
        XCTAssertFalse(exists(w + "/缺少"))
    }

    func fm() -> FileManager { FileManager.default }
}
