import Foundation
import GRDB
import PingchaGenerate
import PingchaReports
import PingchaRun
import PingchaTestSupport
import XCTest

/// The documents `pingcha run` writes: every file of product.md, personal data masked in what
/// is published, notices per department, a failed report leaving the previous set alone.
final class ReportOutputTests: XCTestCase {
    var dir = ""

    static let handMade = """
        案件编号,执法主体,执法类别,程序类型,当事人类型,当事人,证件号码,联系电话,案由,执法人员人数,听取陈述申辩
        交罚〔2025〕7号,交通运输局,行政处罚,普通程序,自然人,张三,650203199001011234,13912345678,张三（电话13912345678）无证经营道路运输,1,否
        交罚〔2025〕8号,交通运输局,行政处罚,普通程序,法人,克拉玛依市顺达运输有限公司,91650200MA7X12345K,0990-6231234,超限运输,2,是
        市监罚〔2025〕1号,市场监督管理局,行政处罚,普通程序,自然人,欧阳娜娜,650203199202021234,13800001111,销售过期食品（身份证650203199202021234）,1,是

        """

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pingcha-reports-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/rubrics", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        try Self.handMade.write(toFile: dir + "/in/hand.csv", atomically: true, encoding: .utf8)
        _ = try SyntheticExport(options: GeneratorOptions(cases: 300, years: [2025], seed: 11)).writeFile(atPath: dir + "/in/export.csv")
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try CommandRunner.run(["run", "--quiet", "--db", "store.sqlite", "--input", "in", "--batch", "B", "--year", "2025",
                               "--date", "2025-12-01"] + args, in: dir)
    }

    var out: String { dir + "/reports/B" }

    func text(_ file: String) throws -> String { try String(contentsOfFile: out + "/" + file, encoding: .utf8) }

    /// The text of a DOCX or XLSX part.
    func part(_ file: String, _ name: String) throws -> String {
        let zip = try ZipParts(path: out + "/" + file)
        XCTAssertNotNil(zip.parts[name], "\(file) has no \(name)")
        return zip.text(name)
    }

    /// The rows of a CSV file this tool wrote (quoted cells may hold commas, quotes and line breaks).
    func csvRows(_ file: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var chars = Array(try text(file).drop { $0 == "\u{FEFF}" })
        chars.append("\n")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" && i + 1 < chars.count && chars[i + 1] == "\"" { cell.append("\""); i += 1 }
                else if c == "\"" { quoted = false } else { cell.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(cell); cell = "" }
            else if c == "\n" || c == "\r\n" { row.append(cell); cell = ""; if row != [""] { rows.append(row) }; row = [] }
            else { cell.append(c) }
            i += 1
        }
        return rows
    }

    /// The bulletin's 基本情况 states the review's time and team only when settings.yaml gives
    /// them; the run says which it left out.
    func testARunSaysWhatTheBulletinCouldNotState() throws {
        let r = try CommandRunner.run(["run", "--db", "store.sqlite", "--input", "in", "--batch", "B", "--year", "2025", "--date", "2025-12-01"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("提示：通报的“基本情况”没有写评查时间（review_period）和评查组的组成（review_team）：请在 settings.yaml 中填写"), r.stderr)
        var settings = ReportSettings()
        settings.content.period = "2025年11月3日至11月28日"
        XCTAssertEqual(ReportWriter.hints(settings), ["通报的“基本情况”没有写评查组的组成（review_team）：请在 settings.yaml 中填写（用 --templates 指定含 settings.yaml 的文件夹）"])
        settings.content.team = "由市司法局牵头组成评查组"
        XCTAssertEqual(ReportWriter.hints(settings), [])
    }

    /// A disposition is what a verdict leads to: findings.csv gives one to every failed finding
    /// and none to a finding still to be checked (845 such rows said 确认无效).
    func testOnlyDecidedFailuresCarryADisposition() throws {
        let r = try run([])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try csvRows("findings.csv")
        let header = try XCTUnwrap(rows.first)
        let outcome = try XCTUnwrap(header.firstIndex(of: "outcome")), disposition = try XCTUnwrap(header.firstIndex(of: "disposition"))
        let findings = rows.dropFirst()
        XCTAssertTrue(findings.allSatisfy { $0.count == header.count })
        XCTAssertGreaterThan(findings.filter { $0[outcome] == "unknown" }.count, 0)
        XCTAssertGreaterThan(findings.filter { $0[outcome] == "fail" }.count, 0)
        XCTAssertEqual(findings.filter { $0[outcome] == "unknown" && !$0[disposition].isEmpty }.count, 0)
        XCTAssertEqual(findings.filter { $0[outcome] == "fail" && $0[disposition].isEmpty }.count, 0)
    }

    func testEveryOutputOfProductMDIsWritten() throws {
        let r = try run([])
        XCTAssertEqual(r.status, 0, r.stderr)
        for file in ["bulletin.md", "bulletin.html", "bulletin.docx", "scores.xlsx", "cases.csv", "findings.csv", "rejects.csv",
                     "warnings.csv", "summary.json", "analysis.md"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + file), file)
        }
        // One notice per department with a failed finding, as Markdown and DOCX.
        let departments = try DatabaseQueue(path: dir + "/store.sqlite").read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT c.department FROM finding f JOIN "case" c ON c.batch_id = f.batch_id AND c.case_no = f.case_no
                WHERE f.outcome = 'fail' ORDER BY c.department
                """)
        }
        // Every other notice asks a department with only items to check for the material.
        let notices = try FileManager.default.contentsOfDirectory(atPath: out + "/notices").sorted()
        let noticed = Set(notices.map { $0.components(separatedBy: ".").dropLast().joined(separator: ".") })
        XCTAssertEqual(notices, noticed.flatMap { [$0 + ".docx", $0 + ".md"] }.sorted())
        XCTAssertTrue(noticed.isSuperset(of: departments), "\(noticed) \(departments)")
        for department in noticed {
            let notice = try text("notices/\(department).md")
            if departments.contains(department) {
                XCTAssertTrue(notice.contains("# 行政执法案卷评查整改通知书"), department)
            } else {
                XCTAssertTrue(notice.contains("# 行政执法案卷评查核实通知书") && notice.contains("**表1 待核实事项**"), department)
            }
        }
        XCTAssertTrue(departments.contains("交通运输局"))

        // scores.xlsx: the sheets of product.md; every case a row.
        let workbook = try part("scores.xlsx", "xl/workbook.xml")
        for sheet in ["案卷得分", "不符合及待核实项", "需人工评查", "部门汇总", "问题统计", "退回记录"] {
            XCTAssertTrue(workbook.contains("name=\"\(sheet)\""), sheet)
        }
        let cases = try part("scores.xlsx", "xl/worksheets/sheet1.xml")
        let total = try DatabaseQueue(path: dir + "/store.sqlite").read { try Int.fetchOne($0, sql: #"SELECT count(*) FROM "case""#)! }
        XCTAssertEqual(cases.components(separatedBy: "<row ").count - 1, total + 1)
        let (findings, review) = try DatabaseQueue(path: dir + "/store.sqlite").read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM finding")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM result WHERE needs_review")!)
        }
        XCTAssertEqual(try part("scores.xlsx", "xl/worksheets/sheet2.xml").components(separatedBy: "<row ").count - 1, findings + 1)
        XCTAssertEqual(try part("scores.xlsx", "xl/worksheets/sheet3.xml").components(separatedBy: "<row ").count - 1, review + 1)

        // The bulletin carries its sections, the deadline from --date, and the charts in HTML.
        let md = try text("bulletin.md")
        for heading in ["## 一、基本情况", "## 二、评查结果", "## 三、优秀案卷", "## 四、不合格案卷", "## 五、存在的主要问题", "## 六、整改要求"] {
            XCTAssertTrue(md.contains(heading), heading)
        }
        XCTAssertTrue(md.contains("自收到本通报之日起10个工作日内"))
        let html = try text("bulletin.html")
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 4)
        // bulletin.md shows the same four drawings, written beside it, each under its caption.
        let images = md.split(separator: "\n").filter { $0.hasPrefix("![") }
        XCTAssertEqual(images.count, 4)
        for n in 1...4 {
            let file = "charts/bulletin-图\(n).svg"
            let svg = try text(file)
            XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""), file)
            let title = try XCTUnwrap(svg.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first)
            XCTAssertTrue(title.hasPrefix("图\(n) "), title)
            XCTAssertTrue(md.contains("![\(title)](\(file))\n\n\(title)\n"), file)
            XCTAssertTrue(html.contains("<title>\(title)</title>"), title)
        }
        // The synthetic batch has cases waiting for a reviewer: a first-round bulletin.
        XCTAssertTrue(try part("bulletin.docx", "word/document.xml").contains("关于B初评情况的通报"))
    }

    func testPublishedFilesCarryNoPersonalIdentifiersButNoticesDo() throws {
        XCTAssertEqual(try run([]).status, 0)
        let published = [try text("bulletin.md"), try text("bulletin.html"), try part("bulletin.docx", "word/document.xml")]
        for body in published {
            XCTAssertFalse(PersonalDataMask.containsIdentifiers(body))
            for secret in ["张三", "欧阳娜娜", "13912345678", "650203199001011234", "650203199202021234"] {
                XCTAssertFalse(body.contains(secret), secret)
            }
        }
        // 交罚〔2025〕7号 lacks most fields: pending, so the bulletin does not name it.
        XCTAssertFalse(try text("bulletin.md").contains("交罚〔2025〕7号"))
        // The notice goes to the department itself: its list names the case as exported (on two
        // lines, broken before the year, where the longer line is shorter).
        XCTAssertTrue(try text("notices/交通运输局.md").contains("| 交罚<br>〔2025〕7号 |"))

        XCTAssertEqual(try run(["--mask-all"]).status, 0)
        let masked = try text("notices/交通运输局.md")
        XCTAssertFalse(masked.contains("张三"))
        XCTAssertFalse(PersonalDataMask.containsIdentifiers(masked.replacingOccurrences(of: "\\*", with: "*")))
        XCTAssertFalse(try part("scores.xlsx", "xl/worksheets/sheet2.xml").contains("13912345678"))
    }

    func testABrokenTemplateStopsTheRunAndLeavesThePreviousReportsAndBatch() throws {
        XCTAssertEqual(try run([]).status, 0)
        let before = try text("bulletin.md")
        let ranAt = try DatabaseQueue(path: dir + "/store.sqlite").read { try String.fetchOne($0, sql: "SELECT ran_at FROM batch")! }
        try FileManager.default.createDirectory(atPath: dir + "/mine", withIntermediateDirectories: true)
        try "# 通报\n\n{{#grades}}{{grade}}\n{{/grade}}\n".write(toFile: dir + "/mine/bulletin.md.mustache", atomically: true, encoding: .utf8)
        let r = try run(["--templates", "mine"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("mine/bulletin.md.mustache:4:"), r.stderr)
        XCTAssertEqual(try text("bulletin.md"), before)
        XCTAssertEqual(try DatabaseQueue(path: dir + "/store.sqlite").read { try String.fetchOne($0, sql: "SELECT ran_at FROM batch")! }, ranAt)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: dir + "/reports").contains { $0.hasPrefix(".") })
    }

    func testANoticeListsAtMostTheConfiguredNumberOfCases() throws {
        try FileManager.default.createDirectory(atPath: dir + "/mine", withIntermediateDirectories: true)
        try "notice_case_limit: 2\n".write(toFile: dir + "/mine/settings.yaml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(["--templates", "mine"]).status, 0)
        let (total, lowest) = try DatabaseQueue(path: dir + "/store.sqlite").read { db in
            (try Int.fetchOne(db, sql: """
                SELECT COUNT(DISTINCT f.case_no) FROM finding f JOIN "case" c ON c.batch_id = f.batch_id AND c.case_no = f.case_no
                WHERE f.outcome = 'fail' AND c.department = '交通运输局'
                """)!,
             try String.fetchOne(db, sql: """
                SELECT c.case_id FROM result r JOIN "case" c ON c.batch_id = r.batch_id AND c.case_no = r.case_no
                WHERE c.department = '交通运输局' AND r.case_no IN (SELECT case_no FROM finding WHERE outcome = 'fail')
                ORDER BY r.score_value, r.case_no LIMIT 1
                """)!)
        }
        XCTAssertGreaterThan(total, 2)
        let notice = try text("notices/交通运输局.md")
        XCTAssertTrue(notice.contains("你单位有\(total)件案卷存在不符合评查标准的问题"), notice)
        XCTAssertTrue(notice.contains("表中列出你单位得分最低的2件案卷的不符合项"), notice)
        // The list's rows: the failures of two cases, the lowest-scored first.
        let failures = notice.components(separatedBy: "**表1 不符合项**").last?.components(separatedBy: "### （二）").first ?? ""
        let rows = failures.components(separatedBy: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| 案号") }
        // (The case number may break after its year: `<br>` in the cell.)
        XCTAssertTrue(rows.first?.replacingOccurrences(of: "<br>", with: "").hasPrefix("| \(lowest) |") ?? false, failures)
        XCTAssertEqual(Set(rows.map { $0.components(separatedBy: " | ")[0] }).count, 2, failures)
    }

    func testReportRegeneratesTheSameDocumentsAndTakesTheIssuingDetails() throws {
        XCTAssertEqual(try run([]).status, 0)
        let first = try text("bulletin.md")
        let r = try CommandRunner.run(["report", "--db", "store.sqlite", "--batch", "B", "--date", "2025-12-01"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try text("bulletin.md"), first)
        let o = try CommandRunner.run(["report", "--db", "store.sqlite", "--batch", "B", "--org", "独山子区司法局",
                                       "--doc-number", "独司通〔2025〕2号", "--date", "2026-01-05"], in: dir)
        XCTAssertEqual(o.status, 0, o.stderr)
        let md = try text("bulletin.md")
        XCTAssertTrue(md.hasPrefix("**独山子区司法局**\n\n独司通〔2025〕2号\n\n# 关于B初评情况的通报"), md)
        XCTAssertTrue(md.contains("独山子区司法局\n\n2026年1月5日\n"))
        let badDate = try CommandRunner.run(["report", "--db", "store.sqlite", "--batch", "B", "--date", "2026-13-01"], in: dir)
        XCTAssertEqual(badDate.status, 2)
        XCTAssertTrue(badDate.stderr.contains("--date 应为 YYYY-MM-DD 格式的日期，而不是“2026-13-01”"), badDate.stderr)
    }
}

extension ReportOutputTests {
    /// Two `report` processes on the same stored batch write the same bytes, file by file —
    /// scores.xlsx included, whose shared strings once came out in a different order every
    /// time (two threads numbered them). Two processes, so that hash seeds differ too.
    func testTwoReportProcessesWriteTheSameBytes() throws {
        XCTAssertEqual(try run([]).status, 0)
        var outputs: [[String: Data]] = []
        for folder in ["r1", "r2"] {
            let r = try CommandRunner.run(["report", "--db", "store.sqlite", "--batch", "B", "--date", "2025-12-01", "--out", folder], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            var files: [String: Data] = [:]
            let root = dir + "/" + folder
            for case let file as String in FileManager.default.enumerator(atPath: root)! where !file.hasSuffix("/") {
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: root + "/" + file, isDirectory: &isDirectory)
                if !isDirectory.boolValue { files[file] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + file)) }
            }
            outputs.append(files)
        }
        XCTAssertEqual(outputs[0].keys.sorted(), outputs[1].keys.sorted())
        XCTAssertTrue(outputs[0].keys.contains("scores.xlsx") && outputs[0].keys.contains("notices/交通运输局.docx"), "\(outputs[0].keys.sorted())")
        for (file, bytes) in outputs[0] { XCTAssertEqual(bytes, outputs[1][file], file) }
    }
}

extension ReportOutputTests {
    /// Above `xlsx_detail_limit` the detail sheets hold the rows that matter first and say how
    /// many there are in all; the CSV files keep every one.
    func testDetailSheetsAboveTheLimitListWhatMattersFirst() throws {
        try FileManager.default.createDirectory(atPath: dir + "/mine", withIntermediateDirectories: true)
        try "xlsx_detail_limit: 40\n".write(toFile: dir + "/mine/settings.yaml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(["--templates", "mine"]).status, 0)
        let (vetoed, unqualified, total, findings) = try DatabaseQueue(path: dir + "/store.sqlite").read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM result WHERE veto")!, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM result WHERE pass = 0")!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM result")!, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM finding")!)
        }
        XCTAssertEqual(total, 303)
        XCTAssertGreaterThan(vetoed, 0)
        let workbook = try ZipParts(path: out + "/scores.xlsx")
        let strings = workbook.text("xl/sharedStrings.xml") + workbook.text("xl/worksheets/sheet1.xml") + workbook.text("xl/worksheets/sheet2.xml")
        XCTAssertTrue(strings.contains("本批次共303件案卷，超过本表的40行：本表先列否决、不合格和需人工评查的案卷，再按得分从低到高列出前40件。"), strings)
        XCTAssertTrue(strings.contains("本批次共\(findings)条评查结果（不符合和无法判断），超过本表的40行"))
        // Note, header and 40 rows on each detail sheet; every case still in cases.csv.
        for sheet in ["sheet1", "sheet2"] {
            XCTAssertEqual(workbook.text("xl/worksheets/\(sheet).xml").components(separatedBy: "<row ").count - 1, 42, sheet)
        }
        XCTAssertEqual(try text("cases.csv").split(whereSeparator: \.isNewline).count, 304)
        // The rows in attention order: the case numbers (column A) of the sheet are the vetoed
        // cases first, then the unqualified ones, as the store orders them.
        let sheet = workbook.text("xl/worksheets/sheet1.xml")
        let listed = try NSRegularExpression(pattern: #"<c r="A\d+"[^>]*><v>(\d+)</v>"#).matches(in: sheet, range: NSRange(sheet.startIndex..., in: sheet))
            .map { Int(sheet[Range($0.range(at: 1), in: sheet)!])! }
        XCTAssertEqual(listed.count, 40)
        let expected = try DatabaseQueue(path: dir + "/store.sqlite").read { db in
            try Int.fetchAll(db, sql: """
                SELECT case_no FROM result ORDER BY veto DESC, (pass = 0) DESC, needs_review DESC, score_value IS NULL, score_value, case_no LIMIT 40
                """)
        }
        XCTAssertEqual(listed, expected)
        let veto = try DatabaseQueue(path: dir + "/store.sqlite").read { db in try Set(Int.fetchAll(db, sql: "SELECT case_no FROM result WHERE veto")) }
        XCTAssertTrue(listed.prefix(min(vetoed, 40)).allSatisfy(veto.contains))
        XCTAssertLessThanOrEqual(vetoed, unqualified)
    }
}

extension ReportOutputTests {
    /// rejects.csv, warnings.csv and analysis.md say what they should: a BOM for Excel, the
    /// rejected row with its line and reason, the unreadable value with its line, column and
    /// header, and a cell that would start a formula neutralised with a leading '.
    func testRejectsWarningsAndAnalysisHoldWhatTheySay() throws {
        let export = """
            案件编号,执法主体,执法类别,程序类型,当事人类型,当事人,案由,执法人员人数,处罚决定日期
            交罚〔2025〕21号,交通运输局,行政处罚,普通程序,法人,甲公司,超限运输,2,2025-03-01
            =1+1,,行政处罚,普通程序,法人,乙公司,超限运输,2,2025-03-02
            交罚〔2025〕23号,交通运输局,行政处罚,普通程序,法人,丙公司,超限运输,2,=2025-13-45

            """
        try FileManager.default.removeItem(atPath: dir + "/in")
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try export.write(toFile: dir + "/in/交通.csv", atomically: true, encoding: .utf8)
        let r = try run([])
        XCTAssertEqual(r.status, 0, r.stderr)
        let bom = Data([0xEF, 0xBB, 0xBF])
        for file in ["rejects.csv", "warnings.csv", "cases.csv", "findings.csv"] {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/" + file)).prefix(3), bom, file)
        }
        let rejects = try text("rejects.csv").split(whereSeparator: \.isNewline).map(String.init)
        XCTAssertEqual(rejects.count, 2, "\(rejects)")
        XCTAssertTrue(rejects[1].hasPrefix("in/交通.csv,3,3,missing_required,"), rejects[1])
        XCTAssertTrue(rejects[1].contains("执法主体"), rejects[1])
        // The raw row starts with =: neutralised with a leading ' (Excel shows it as text).
        XCTAssertEqual(rejects[1], "in/交通.csv,3,3,missing_required,缺少必填字段 department（执法主体）,\"'=1+1,,行政处罚,普通程序,法人,乙公司,超限运输,2,2025-03-02\",")
        let warnings = try text("warnings.csv")
        XCTAssertTrue(warnings.contains("in/交通.csv,4,9,"), warnings)
        XCTAssertTrue(warnings.contains("处罚决定日期,decision_date,'=2025-13-45,"), warnings)
        XCTAssertTrue(warnings.hasPrefix("file,line,column,kind,header,field,raw,detail,sheet\r\n"), warnings)
        XCTAssertTrue(try text("rejects.csv").hasPrefix("file,line,end_line,kinds,reason,raw,sheet\r\n"))
        // No cell of any CSV starts a formula.
        for file in ["rejects.csv", "warnings.csv", "cases.csv", "findings.csv"] {
            for cell in try text(file).split(whereSeparator: { $0 == "," || $0.isNewline }) {
                XCTAssertFalse(cell.hasPrefix("=") || cell.hasPrefix("\"="), "\(file): \(cell)")
            }
        }
        let analysis = try text("analysis.md")
        XCTAssertTrue(analysis.hasPrefix("# B：统计分析\n"), analysis)
        XCTAssertTrue(analysis.contains("| 交通运输局 |"), analysis)
    }
}
