import Foundation
import PingchaTestSupport
import XCTest

/// `generate` and `inspect` as a user runs them: what they write, what they say, and every
/// option check of `generate` with its exact message and exit code 2 (a usage error).
final class GenerateInspectCommandTests: XCTestCase {
    var folder: TemporaryFolder!

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try CommandRunner.run(args, in: folder.path)
    }

    func testGenerateWritesTheCasesAndSaysSo() throws {
        let r = try run(["generate", "--cases", "5", "--seed", "3", "--years", "2024", "--out", "g.csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.file("g.csv")))
        XCTAssertEqual(r.stderr, "已生成 5 件案件，写入 1 个文件，共 \(bytes.count) 字节。\n")
        let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
        XCTAssertEqual(lines.count, 6, "a header and five cases")
        XCTAssertTrue(lines[0].hasPrefix("case_id,department,district,"), String(lines[0]))
        // Without --out the cases go to standard output, byte for byte the same.
        let again = try run(["generate", "--cases", "5", "--seed", "3", "--years", "2024", "--quiet"])
        XCTAssertEqual(again.stderr, "")
        XCTAssertEqual(Data(again.stdout.utf8), bytes)
    }

    func testGenerateSplitsByDepartment() throws {
        let r = try run(["generate", "--cases", "40", "--seed", "8", "--years", "2025", "--departments", "水利局,公安局",
                         "--split-dir", "分", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.file("分")).sorted()
        XCTAssertEqual(files.count, 2, "\(files)")
        var rows = 0
        for f in files {
            let text = try String(contentsOfFile: folder.file("分/\(f)"), encoding: .utf8)
            rows += text.split(whereSeparator: \.isNewline).count - 1
        }
        XCTAssertEqual(rows, 40)
    }

    func testGenerateRefusesImpossibleOptions() throws {
        let refusals: [([String], String)] = [
            (["--cases=-1"], "--cases 不能为负数：-1"),
            (["--years", "2024-2023"], "--years 的区间“2024-2023”无效：起始年份应不大于结束年份"),
            (["--years", "二〇二四"], "--years 的值“二〇二四”不是年份（例：2025、2023,2025、2023-2025）"),
            (["--years", "1800"], "--years 的年份 1800 超出范围（1990–2100）"),
            (["--out", "a.csv", "--split-dir", "d"], "--out 和 --split-dir 只能选一个：前者写一个文件，后者按部门写多个文件"),
            (["--encoding", "gb18030", "--bom"], "--bom 只适用于 utf8 编码，GB18030 文件不写 BOM"),
        ]
        for (args, message) in refusals {
            let r = try run(["generate", "--cases", "5"] + args)
            XCTAssertEqual(r.status, 2, "\(args)")
            XCTAssertEqual(r.stderr.split(separator: "\n").first.map(String.init), "错误：\(message)", "\(args)")
            XCTAssertEqual(r.stdout, "", "\(args): nothing generated")
        }
        let unknown = try run(["generate", "--cases", "5", "--departments", "不存在局"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.hasPrefix("错误：未知的部门“不存在局”。可用的部门：市场监督管理局、"), unknown.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("a.csv")))
        // The parser's own usage errors read in Chinese too, with the usage line and exit code 2.
        let parser: [([String], String)] = [
            (["--cases", "abc"], "错误：“abc”不是 --cases <N> 可用的取值"),
            (["--cases"], "错误：选项 --cases <N> 缺少取值"),
            (["--casez", "5"], "错误：没有选项 --casez，是否为 --cases？"),
            (["5"], "错误：多余的参数“5”"),
        ]
        for (args, first) in parser {
            let r = try run(["generate"] + args)
            XCTAssertEqual(r.status, 2, "\(args)")
            XCTAssertEqual(r.stderr.split(separator: "\n").first.map(String.init), first, "\(args)")
            XCTAssertTrue(r.stderr.contains("用法：pingcha generate"), r.stderr)
            XCTAssertFalse(r.stderr.contains("Error:") || r.stderr.contains("Usage:"), r.stderr)
        }
    }

    static let export = """
        案件编号,执法主体,执法类别
        1,交通运输局,行政处罚
        2,交通运输局,执法监督
        3,交通运输局,x
        4,,行政处罚
        5,交通运输局,行政检查

        """

    /// `--limit` bounds the rejected rows listed per file and says how many it left out.
    func testInspectListsRejectsUpToTheLimit() throws {
        try Self.export.write(toFile: folder.file("l.csv"), atomically: true, encoding: .utf8)
        let r = try run(["inspect", "--input", "l.csv", "--limit", "2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
            文件：l.csv
              编码：utf8
              表头映射（3 列）：
                第1列“案件编号”→case_id；第2列“执法主体”→department；第3列“执法类别”→enforcement_type
              记录：5 行 = 接受 2 + 退回 3
              退回的行：
                第3行：必填字段 enforcement_type（执法类别）的值“执法监督”无效，应为以下之一：行政许可、行政处罚、行政强制、行政检查、行政征收、行政确认、行政征用、行政给付、行政裁决、行政奖励、其他
                第4行：必填字段 enforcement_type（执法类别）的值“x”无效，应为以下之一：行政许可、行政处罚、行政强制、行政检查、行政征收、行政确认、行政征用、行政给付、行政裁决、行政奖励、其他
                ……另有 1 行未列出（--limit 可列出更多；pingcha run 把每一行写入 rejects.csv）

            合计：1 个文件；记录 5 行 = 接受 2 + 退回 3；警告 0 条

            """)
        let all = try run(["inspect", "--input", "l.csv", "--limit", "5"])
        XCTAssertTrue(all.stdout.contains("    第5行：缺少必填字段 department（执法主体）\n"), all.stdout)
        XCTAssertFalse(all.stdout.contains("另有"), all.stdout)
    }

    /// `--cases jsonl`: the accepted cases on standard output, the report on standard error.
    func testInspectCasesAsJSONLines() throws {
        try Self.export.write(toFile: folder.file("l.csv"), atomically: true, encoding: .utf8)
        let r = try run(["inspect", "--input", "l.csv", "--cases", "jsonl"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
            {"case_id":"1","department":"交通运输局","enforcement_type":"行政处罚"}
            {"case_id":"5","department":"交通运输局","enforcement_type":"行政检查"}

            """)
        XCTAssertTrue(r.stderr.hasPrefix("文件：l.csv\n"), r.stderr)
        XCTAssertTrue(r.stderr.hasSuffix("合计：1 个文件；记录 5 行 = 接受 2 + 退回 3；警告 0 条\n"), r.stderr)
    }

    /// Without `--input` inspect looks for the newest year folder of data/sample.
    func testInspectWithoutInputSaysWhereItLooked() throws {
        let r = try run(["inspect"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "错误：没有指定 --input，且在 data/sample 下找不到年度文件夹（如 data/sample/2025）\n")
    }

    /// `--messy`: the export carries bad rows and odd values, and the summary line counts them;
    /// `inspect` then rejects exactly those rows.
    func testGenerateMessyCountsItsBadRows() throws {
        let r = try run(["generate", "--cases", "1000", "--seed", "9", "--years", "2024", "--messy", "--out", "m.csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let size = try FileManager.default.attributesOfItem(atPath: folder.file("m.csv"))[.size] as! Int
        XCTAssertEqual(r.stderr, "已生成 1000 件案件，另有错误行 1 行（执法类别无效 1），无效可选值 2 个，写入 1 个文件，共 \(size) 字节。\n")
        let inspect = try run(["inspect", "--input", "m.csv"])
        XCTAssertTrue(inspect.stdout.contains("记录：1001 行 = 接受 1000 + 退回 1\n"), inspect.stdout)
    }

    /// `--sheet` reads the one worksheet named; `--header-row` takes the header where it is told.
    func testInspectASheetAndAHeaderRow() throws {
        try FileManager.default.copyItem(atPath: CommandRunner.packageRoot + "/Tests/PingchaIngestTests/Fixtures/cases-openpyxl.xlsx",
                                         toPath: folder.file("cases.xlsx"))
        let sheet = try run(["inspect", "--input", "cases.xlsx", "--sheet", "2023年"])
        XCTAssertEqual(sheet.status, 0, sheet.stderr)
        XCTAssertTrue(sheet.stdout.contains("  工作表“2023年”：表头在第1行；记录 1 行 = 接受 1 + 退回 0\n"), sheet.stdout)
        XCTAssertFalse(sheet.stdout.contains("2024年"), sheet.stdout)
        try "克拉玛依市2024年度台账\n案件编号,执法主体,执法类别,备注X\n1,水利局,行政处罚,a\n".write(toFile: folder.file("t.csv"), atomically: true, encoding: .utf8)
        let header = try run(["inspect", "--input", "t.csv", "--header-row", "2"])
        XCTAssertTrue(header.stdout.contains("  表头：第2行（前 1 行为标题，已跳过）\n  记录：1 行 = 接受 1 + 退回 0\n"), header.stdout)
    }

    /// `--suggest-mapping` writes a draft mapping file naming each unmapped column with its place.
    func testInspectSuggestsAMapping() throws {
        try "案件编号,执法主体,执法类别,备注X\n1,水利局,行政处罚,a\n".write(toFile: folder.file("t.csv"), atomically: true, encoding: .utf8)
        let r = try run(["inspect", "--input", "t.csv", "--suggest-mapping", "m.yaml"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "映射文件草稿已写入 m.yaml：请核对后用 --mapping m.yaml 重新运行\n")
        let draft = try String(contentsOfFile: folder.file("m.yaml"), encoding: .utf8)
        XCTAssertTrue(draft.hasPrefix("# 表头别名和取值同义词的映射文件，由 pingcha inspect --suggest-mapping 生成。\n"), draft)
        XCTAssertTrue(draft.contains("aliases:\n  # “备注X”（t.csv 第4列）\n"), draft)
        // The draft as written is a valid mapping file (every suggestion is a comment until chosen).
        let again = try run(["inspect", "--input", "t.csv", "--mapping", "m.yaml"])
        XCTAssertEqual(again.status, 0, again.stderr)
    }
}
