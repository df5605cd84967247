import Foundation
import PingchaGenerate
import PingchaTestSupport
import XCTest

/// Each flag run with the command it belongs to (`scripts/flag-audit.py`, run by `make test`,
/// lists any flag of any command no test runs that way). Where a flag has a visible effect the
/// test asserts it; a path flag at least shows that the command reads the path it is given.
final class FlagsOfEveryCommandTests: XCTestCase {
    /// `e.csv` (60 cases of 2025), batch A stored in `d`, a workbook `c.xlsx` with sheets 2024年
    /// (3 cases) and 2023年 (1), the default standards under `rubrics`.
    static let root: String = {
        let root = NSTemporaryDirectory() + "pingcha-flags-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try! FileManager.default.createSymbolicLink(atPath: root + "/rubrics", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        _ = try! SyntheticExport(options: GeneratorOptions(cases: 60, years: [2025], seed: 5)).writeFile(atPath: root + "/e.csv")
        try! FileManager.default.copyItem(atPath: CommandRunner.packageRoot + "/Tests/PingchaIngestTests/Fixtures/cases-openpyxl.xlsx",
                                          toPath: root + "/c.xlsx")
        let r = try! CommandRunner.run(["run", "--quiet", "--input", "e.csv", "--date", "2025-12-01", "--db", "d", "--batch", "A", "--out", "oa"], in: root)
        precondition(r.status == 0, r.stderr)
        return root
    }()

    override class func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    typealias Result = (status: Int32, stdout: String, stderr: String)

    @discardableResult
    func ok(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        let r = try CommandRunner.run(args, in: Self.root)
        XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)", file: file, line: line)
        return r
    }

    func fails(_ args: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try CommandRunner.run(args, in: Self.root)
        XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)", file: file, line: line)
        XCTAssertEqual(r.stderr.split(separator: "\n").last.map(String.init), "错误：" + message, "\(args)", file: file, line: line)
    }

    func text(_ path: String) throws -> String { try String(contentsOfFile: Self.root + "/" + path, encoding: .utf8) }

    func write(_ text: String, _ path: String) throws {
        let url = URL(fileURLWithPath: Self.root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    // MARK: - run and score: reading

    /// The same 60 cases as UTF-16 without a BOM under a title and a blank line, the case number
    /// under a header nobody knows: `--encoding`, `--header-row` and `--mapping` together read
    /// every case, and each one left out makes the file unreadable.
    func testRunAndScoreReadWhatTheFlagsDescribe() throws {
        let csv = try text("e.csv").replacingOccurrences(of: "\u{FEFF}", with: "")
        let header = csv.prefix { $0 != "\n" && $0 != "\r" }
        XCTAssertTrue(header.hasPrefix("case_id,"), String(header.prefix(40)))
        let body = csv.drop { $0 != "\n" && $0 != "\r" }
        var data = Data()
        for unit in ("克拉玛依市2025年度执法案件台账\n\n卷宗内部编码" + header.dropFirst("case_id".count) + body).utf16 {
            withUnsafeBytes(of: unit.littleEndian) { data.append(contentsOf: $0) }
        }
        try data.write(to: URL(fileURLWithPath: Self.root + "/u16.txt"))
        try write("aliases:\n  case_id: [卷宗内部编码]\n", "m.yaml")

        let run = try ok(["run", "--input", "u16.txt", "--encoding", "utf16", "--header-row", "3", "--mapping", "m.yaml", "--db", "d-read",
                          "--batch", "U", "--date", "2025-12-01", "--out", "ou", "--timings", "--min-cases", "100"])
        XCTAssertTrue(run.stdout.contains("批次“U”：1 个文件，记录 60 行 = 接受 60 + 退回 0；"), run.stdout)
        XCTAssertTrue(run.stderr.contains("用时：导入、评分并保存 ") && run.stderr.contains(" 秒；生成报告 ") && run.stderr.contains(" 秒；合计 "), run.stderr)
        // --min-cases 100: with 60 cases nobody is ranked (the default 10 ranks some).
        let summary = try JSONSerialization.jsonObject(with: Data(text("ou/summary.json").utf8)) as! [String: Any]
        let departments = summary["departments"] as! [[String: Any]]
        XCTAssertFalse(departments.isEmpty)
        XCTAssertTrue(departments.allSatisfy { $0["rank"] == nil || $0["rank"] is NSNull }, "\(departments)")
        let ranked = try JSONSerialization.jsonObject(with: Data(text("oa/summary.json").utf8)) as! [String: Any]
        XCTAssertTrue((ranked["departments"] as! [[String: Any]]).contains { $0["rank"] is Int })

        let score = try ok(["score", "--quiet", "--input", "u16.txt", "--encoding", "utf16", "--header-row", "3", "--mapping", "m.yaml"])
        XCTAssertEqual(score.stdout.split(separator: "\n").count, 60)
        let missing = "错误：u16.txt: 缺少必需的列：case_id（案件编号）"
        // Without --encoding the bytes are not taken for UTF-16 (no BOM): the header is garbage.
        let undecoded = try CommandRunner.run(["score", "--quiet", "--input", "u16.txt", "--header-row", "3", "--mapping", "m.yaml"], in: Self.root)
        XCTAssertTrue(undecoded.status == 1 && undecoded.stderr.hasPrefix(missing) && !undecoded.stderr.contains("卷宗内部编码"), undecoded.stderr)
        let title = "（最接近的表头：“克拉玛依市2025年度执法案件台账”）"
        try fails(["score", "--quiet", "--input", "u16.txt", "--encoding", "utf16", "--header-row", "1", "--mapping", "m.yaml"],
                  "u16.txt: 缺少必需的列：case_id（案件编号）\(title)；department（执法主体）\(title)；enforcement_type（执法类别）\(title)。本文件未导入；可用 --mapping 指定表头对应关系")
        let unmapped = try CommandRunner.run(["score", "--quiet", "--input", "u16.txt", "--encoding", "utf16", "--header-row", "3"], in: Self.root)
        XCTAssertTrue(unmapped.status == 1 && unmapped.stderr.hasPrefix(missing + "（最接近的表头：“卷宗内部编码”）。"), unmapped.stderr)
    }

    /// `--sheet` reads one worksheet of a workbook, in run and score as in inspect.
    func testRunAndScoreReadTheSheetNamed() throws {
        let run = try ok(["run", "--input", "c.xlsx", "--sheet", "2023年", "--db", "d-sheet", "--batch", "S", "--date", "2025-12-01", "--out", "os"])
        XCTAssertTrue(run.stdout.contains("批次“S”：1 个文件，记录 1 行 = 接受 1 + 退回 0；"), run.stdout)
        let score = try ok(["score", "--quiet", "--input", "c.xlsx", "--sheet", "2024年"])
        XCTAssertEqual(score.stdout.split(separator: "\n").count, 3)
        try fails(["score", "--quiet", "--input", "c.xlsx", "--sheet", "2022年"], "c.xlsx: 工作簿中没有名为“2022年”的工作表（现有：“填表说明”、“2024年”、“2023年”）；请检查 --sheet")
    }

    // MARK: - the catalogue and the calendar

    func testEveryCommandReadsTheCatalogueAndCalendarItIsGiven() throws {
        for command in [["inspect", "--input", "e.csv"], ["rubric", "check", "rubrics"], ["rubric", "show", "rubrics/inspection.yaml"],
                        ["rubric", "test", "rubrics"]] {
            try fails(command + ["--fields", "缺少.yaml"], "缺少.yaml: 找不到文件或文件夹")
        }
        for command in [["rubric", "check", "rubrics"], ["rubric", "show", "rubrics/inspection.yaml"], ["rubric", "test", "rubrics"],
                        ["report", "--db", "d", "--batch", "A", "--out", "x"], ["rescore", "--db", "d", "--batch", "A", "--as", "X", "--out", "x"],
                        ["stats", "--db", "d", "--batch", "A", "--year", "2025", "--out", "x"]] {
            try fails(command + ["--calendar", "缺少.yaml"], "缺少.yaml: 找不到文件或文件夹")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: Self.root + "/x"))
        // A catalogue of its own: the copy is read (a field renamed there is shown by rubric show).
        let fields = try String(contentsOfFile: CommandRunner.packageRoot + "/rubrics/fields.yaml", encoding: .utf8)
        try write(fields, "f/fields.yaml")
        let inspect = try ok(["inspect", "--input", "e.csv", "--fields", "f/fields.yaml"])
        XCTAssertTrue(inspect.stdout.contains("= 接受 60 + 退回 0"), inspect.stdout)
        // A calendar of its own: the same calendar copied gives the same reference.
        try FileManager.default.copyItem(atPath: CommandRunner.packageRoot + "/data/calendar/calendar.yaml", toPath: Self.root + "/cal.yaml")
        let own = try ok(["rubric", "show", "rubrics/inspection.yaml", "--calendar", "cal.yaml", "--fields", "f/fields.yaml"])
        XCTAssertEqual(own.stdout, try ok(["rubric", "show", "rubrics/inspection.yaml"]).stdout)
        XCTAssertTrue(try ok(["rubric", "test", "rubrics", "--calendar", "cal.yaml", "--fields", "f/fields.yaml"]).stdout.contains("个案例通过"))
        XCTAssertTrue(try ok(["rubric", "check", "rubrics", "--calendar", "cal.yaml", "--fields", "f/fields.yaml"]).status == 0)
    }

    func testRubricShowWritesMarkdownWhenAsked() throws {
        let md = try ok(["rubric", "show", "rubrics/inspection.yaml", "--format", "md"]).stdout
        XCTAssertTrue(md.hasPrefix("# 评查标准参考\n"), String(md.prefix(80)))
        XCTAssertTrue(md.contains("行政检查案卷评查标准") && md.contains("LEG-01"), md)
        XCTAssertNotEqual(md, try ok(["rubric", "show", "rubrics/inspection.yaml"]).stdout)
    }

    // MARK: - documents: templates, organisation, date, number, masking

    /// report and rescore: the bulletin carries --org, --doc-number and --date, a template of
    /// --templates replaces the built-in one, --mask-all masks the notices' parties.
    func testReportAndRescoreTakeTheIssuingDetails() throws {
        try write("---\nissuer: {{organisation}}\n---\n# 自定义通报 {{organisation}}\n\n正文。\n", "T/bulletin.md.mustache")
        for command in [["report", "--db", "d", "--batch", "A"], ["rescore", "--db", "d", "--batch", "A", "--as", "R"]] {
            let out = "o-" + command[0]
            try ok(command + ["--out", out, "--org", "某某市司法局", "--doc-number", "7", "--date", "2025-12-20"])
            let bulletin = try text(out + "/bulletin.md")
            XCTAssertTrue(bulletin.hasPrefix("**某某市司法局**\n\n克司通〔2025〕7号\n\n"), String(bulletin.prefix(80)))
            XCTAssertTrue(bulletin.contains("某某市司法局\n\n2025年12月20日\n"), command[0])
            let unmasked = try text(out + "/notices/公安局.md")
            try ok(command.map { $0 == "R" ? "R2" : $0 } + ["--out", out + "-m", "--mask-all", "--templates", "T"])
            XCTAssertEqual(try text(out + "-m/bulletin.md"), "**克拉玛依市司法局**\n\n# 自定义通报 克拉玛依市司法局\n\n正文。\n")
            let masked = try text(out + "-m/notices/公安局.md")
            XCTAssertNotEqual(masked, unmasked, command[0])
        }
        // report --min-cases 100: with 60 cases nobody is ranked.
        try ok(["report", "--db", "d", "--batch", "A", "--out", "o-min", "--min-cases", "100"])
        let summary = try JSONSerialization.jsonObject(with: Data(text("o-min/summary.json").utf8)) as! [String: Any]
        XCTAssertTrue((summary["departments"] as! [[String: Any]]).allSatisfy { $0["rank"] == nil || $0["rank"] is NSNull })
    }

    /// The working documents take --templates, --org and --date, and refuse --doc-number and
    /// --mask-all (they carry no number and hold no personal data).
    func testWorkingDocumentsTakeTemplatesOrganisationAndDate() throws {
        try write("---\nsignature: {{organisation}}\ndate: {{dateText}}\n---\n# 自定义 {{organisation}}\n\n正文。\n", "W/stats.md.mustache")
        try write("---\nsignature: {{organisation}}\ndate: {{dateText}}\n---\n# 自定义 {{organisation}}\n\n正文。\n", "W/compare.md.mustache")
        try write("---\nsignature: {{organisation}}\ndate: {{dateText}}\n---\n# 自定义 {{organisation}}\n\n正文。\n", "W/followup-status.md.mustache")
        let expected = "# 自定义 某某市司法局\n\n正文。\n\n某某市司法局\n\n2025年12月20日\n"
        let details = ["--templates", "W", "--org", "某某市司法局", "--date", "2025-12-20"]
        try ok(["stats", "--db", "d", "--batch", "A", "--year", "2025", "--out", "w-stats"] + details)
        XCTAssertEqual(try text("w-stats/stats.md"), expected)
        try ok(["compare", "--db", "d", "--out", "w-compare"] + details)
        XCTAssertEqual(try text("w-compare/compare.md"), expected)
        try ok(["followup", "status", "--db", "d", "--as-of", "2025-12-20", "--out", "w-status"] + details)
        XCTAssertTrue(try text("w-status/followup.html").contains("自定义 某某市司法局"))
        for command in [["stats", "--year", "2025"], ["compare"], ["followup", "status"]] {
            for flag in [["--doc-number", "7"], ["--mask-all"]] {
                let r = try CommandRunner.run(command + ["--db", "d"] + flag, in: Self.root)
                XCTAssertEqual(r.status, 2, "\(command) \(flag): \(r.stderr)")
                XCTAssertTrue(r.stderr.hasPrefix("错误：没有选项 \(flag[0])"), r.stderr)
            }
        }
    }

    /// followup issue numbers its documents from --doc-number, signs with --org, takes its
    /// wording from --templates, and masks nothing it does not hold (case numbers only).
    func testFollowupIssueTakesTheIssuingDetails() throws {
        try write("---\nissuer: {{organisation}}\ndocument-number: {{documentNumber}}\n---\n# {{title}}\n\n致{{department}}。\n", "F/followup.md.mustache")
        // Each issue records its notices in the register: two copies of the store, one per run.
        for copy in ["d-f1", "d-f2"] {
            try? FileManager.default.removeItem(atPath: Self.root + "/" + copy)
            try FileManager.default.copyItem(atPath: Self.root + "/d", toPath: Self.root + "/" + copy)
        }
        try ok(["followup", "issue", "--db", "d-f1", "--stage", "notice", "--out", "fi", "--org", "某某市司法局", "--doc-number", "7", "--date", "2025-12-20"])
        let notices = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/fi").filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertFalse(notices.isEmpty)
        // Numbered in turn from 7, one number per department.
        let numbers = try notices.map { name -> Int in
            let t = try text("fi/" + name)
            let found = try XCTUnwrap(t.range(of: #"克司监通〔2025〕\d+号"#, options: .regularExpression), name)
            return try XCTUnwrap(Int(t[found].dropFirst("克司监通〔2025〕".count).dropLast()))
        }
        XCTAssertEqual(numbers.sorted(), Array(7..<(7 + notices.count)))
        XCTAssertTrue(try text("fi/" + notices[0]).contains("某某市司法局"))
        try ok(["followup", "issue", "--db", "d-f2", "--stage", "notice", "--out", "fi-t", "--templates", "F", "--mask-all", "--date", "2025-12-20"])
        let own = try text("fi-t/" + notices[0])
        XCTAssertTrue(own.hasSuffix("# 行政执法监督通知书\n\n致\(notices[0].dropLast(3))。\n"), own)
    }
}
