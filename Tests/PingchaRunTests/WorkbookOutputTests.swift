import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PingchaGenerate
import PingchaTestSupport
import XCTest

private extension XMLNode {
    /// Descendant elements named `name` (qualified), in document order.
    func elements(_ name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        func walk(_ n: XMLNode) {
            for child in n.children ?? [] {
                guard let e = child as? XMLElement else { continue }
                if e.name == name { found.append(e) }
                walk(e)
            }
        }
        walk(self)
        return found
    }

    func attr(_ name: String) -> String? { (self as? XMLElement)?.attributes?.first { $0.name == name }?.stringValue }
}

/// The workbooks and the bulletin's charts as `run`, `compare` and `stats` write them: Chinese
/// names instead of ids, rule ids qualified by their standard, native charts with the figures
/// of their sheets, personal data in 退回记录 only as the masking setting allows.
final class WorkbookOutputTests: XCTestCase {
    var dir = ""

    /// Two rows of a hand-made export; the second has no case number and is rejected with
    /// its party's name, ID number and phone.
    static let handMade = """
        案件编号,执法主体,执法类别,程序类型,当事人类型,当事人,证件号码,联系电话,案由,执法人员人数,听取陈述申辩
        交罚〔2025〕7号,交通运输局,行政处罚,普通程序,法人,克拉玛依市顺达运输有限公司,91650200MA7X12345K,0990-6231234,超限运输,2,是
        ,交通运输局,行政处罚,普通程序,自然人,李建国,650203198001011234,13712345678,无证经营道路运输,1,否

        """

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pingcha-workbooks-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/rubrics", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        try Self.handMade.write(toFile: dir + "/in/hand.csv", atomically: true, encoding: .utf8)
        _ = try SyntheticExport(options: GeneratorOptions(cases: 300, years: [2025], seed: 31)).writeFile(atPath: dir + "/in/export.csv")
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func run(_ args: [String], batch: String = "B", input: String = "in", year: String = "2025") throws {
        let r = try CommandRunner.run(["run", "--quiet", "--db", "store.sqlite", "--input", input, "--batch", batch, "--year", year,
                                       "--date", "2025-12-01"] + args, in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func book(_ path: String) throws -> ZipParts { try ZipParts(path: dir + "/" + path) }

    func testScoresWorkbookNamesStandardsCategoriesAndRulesInChinese() throws {
        try run([])
        let book = try book("reports/B/scores.xlsx")
        let every = try Self.allText(book)
        // No rubric or category id where a name belongs; rule ids only qualified.
        for id in ["penalty-general", "penalty-summary", "licensing", "inspection", "coercive", "tsy_publicity", "tsy_recording"] {
            XCTAssertFalse(every.contains { $0 == id || $0.hasPrefix(id + "/") }, id)
        }
        let cases = try Self.column(book, sheet: 1, title: "评查标准")
        XCTAssertTrue(cases.contains("处罚（普通）"), "\(Set(cases))")
        let rules = try Self.column(book, sheet: 2, title: "细则")
        XCTAssertFalse(rules.isEmpty)
        for rule in rules {
            XCTAssertNotNil(rule.firstMatch(of: /^(处罚（普通）|处罚（简易）|许可|强制|检查)[A-Z]+-\d+$/), rule)
        }
        let categories = try Self.column(book, sheet: 2, title: "类别")
        XCTAssertTrue(categories.allSatisfy { $0.unicodeScalars.contains { $0.value >= 0x4E00 } }, "\(Set(categories))")
        // 问题统计 lists each group's rules qualified and titled, one a line.
        let problemRules = try Self.column(book, sheet: 5, title: "细则")
        XCTAssertFalse(problemRules.isEmpty)
        for line in problemRules.flatMap({ $0.split(separator: "\n") }) {
            XCTAssertNotNil(line.firstMatch(of: /^\S+[A-Z]+-\d+ \S/), String(line))
        }
        XCTAssertEqual(try Self.column(book, sheet: 6, title: "类型", headerRow: 2), ["缺少必填字段"])
        // A case no standard covers was not reviewed (it said 无需处理); a finding still to be
        // checked has no disposition (845 such rows of the sample said 确认无效).
        let dispositions = Array(zip(cases, try Self.column(book, sheet: 1, title: "处理方式")))
        XCTAssertGreaterThan(dispositions.filter { $0.0.isEmpty }.count, 0)
        for (standard, disposition) in dispositions {
            XCTAssertEqual(standard.isEmpty, disposition == "未评查（无适用的评查标准）", "\(standard) \(disposition)")
        }
        let outcomes = Array(zip(try Self.column(book, sheet: 2, title: "结果"), try Self.column(book, sheet: 2, title: "处理方式")))
        // An open item says why it is open; only a failure has a disposition.
        let open = ["疑似，待人工判定", "评查人员意见不一致", "待评查人员判定", "无法判断，待核实"]
        XCTAssertGreaterThan(outcomes.filter { $0.0 == "待评查人员判定" }.count, 0)
        XCTAssertGreaterThan(outcomes.filter { $0.0 == "无法判断，待核实" }.count, 0)
        for (outcome, disposition) in outcomes {
            XCTAssertTrue(outcome == "不符合" || open.contains(outcome), outcome)
            XCTAssertEqual(open.contains(outcome), disposition.isEmpty, "\(outcome) \(disposition)")
        }
    }

    func testScoresWorkbookChartsTheDepartmentsAndTheProblemGroups() throws {
        try run([])
        let book = try book("reports/B/scores.xlsx")
        for part in ["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml", "xl/drawings/drawing1.xml", "xl/drawings/drawing2.xml"] {
            XCTAssertNoThrow(try book.xml(part), part)
        }
        XCTAssertTrue(book.text("xl/worksheets/sheet4.xml").contains(#"<drawing r:id="rId1"/>"#))
        XCTAssertTrue(book.text("xl/worksheets/_rels/sheet4.xml.rels").contains("../drawings/drawing1.xml"))
        XCTAssertTrue(book.text("xl/worksheets/_rels/sheet5.xml.rels").contains("../drawings/drawing2.xml"))
        let titles = try (1...3).map { try Self.texts(book.xml("xl/charts/chart\($0).xml"), "a:t").joined() }
        XCTAssertEqual(titles, ["图1 各行政执法主体平均分", "图2 各行政执法主体合格率", "图3 主要问题分布（不符合细则的次数）"])
        // The charts cache what the sheets hold: departments in 部门汇总's order, problem groups in 问题统计's.
        let departments = try Self.column(book, sheet: 4, title: "行政执法主体")
        XCTAssertEqual(try Self.texts(book.xml("xl/charts/chart2.xml").elements("c:cat").first!, "c:v"), departments)
        XCTAssertTrue(try Self.texts(book.xml("xl/charts/chart2.xml"), "c:f").contains("'部门汇总'!$G$2:$G$\(departments.count + 1)"))
        let problems = try Self.column(book, sheet: 5, title: "问题")
        XCTAssertEqual(try Self.texts(book.xml("xl/charts/chart3.xml").elements("c:cat").first!, "c:v"), problems)
        XCTAssertEqual(Set(problems).count, problems.count, "no label twice")
        // Each group's examples are decided cases, in turns over the departments, as the bulletin
        // picks them (they were the batch's first cases: pending ones, one department's).
        let caseIds = try Self.column(book, sheet: 1, title: "案号"), reviews = try Self.column(book, sheet: 1, title: "需人工评查")
        let pending = Set(zip(caseIds, reviews).filter { $0.1 == "是" }.map(\.0))
        XCTAssertGreaterThan(pending.count, 0)
        let examples = try Self.column(book, sheet: 5, title: "例").map { $0.split(separator: "\n").map { $0.split(separator: " ") } }
        for line in examples.joined() { XCTAssertFalse(pending.contains(String(line.last ?? "")), "\(line)") }
        XCTAssertTrue(examples.contains { Set($0.map { String($0.first ?? "") }).count > 1 }, "examples spread over departments: \(examples)")
    }

    func testRejectedRowsKeepPersonalDataOnlyWithoutMaskAllAndSaySo() throws {
        try run([])
        var sheet = try book("reports/B/scores.xlsx")
        var note = try Self.cell(sheet, sheet: 6, "A1")
        XCTAssertTrue(note.contains("个人信息") && note.contains("--mask-all"), note)
        var raw = try Self.column(sheet, sheet: 6, title: "原始内容", headerRow: 2).joined()
        for secret in ["李建国", "650203198001011234", "13712345678"] { XCTAssertTrue(raw.contains(secret), secret) }

        try run(["--mask-all"])
        sheet = try book("reports/B/scores.xlsx")
        note = try Self.cell(sheet, sheet: 6, "A1")
        XCTAssertTrue(note.contains("已隐去"), note)
        raw = try Self.column(sheet, sheet: 6, title: "原始内容", headerRow: 2).joined()
        for secret in ["李建国", "650203198001011234", "13712345678"] { XCTAssertFalse(raw.contains(secret), secret) }
        XCTAssertTrue(raw.contains("李某"), raw)
        XCTAssertTrue(raw.contains("交通运输局"), "what is not personal stays readable")
        // No sheet of the masked workbook carries the identifiers.
        for text in try Self.allText(sheet) { XCTAssertFalse(text.contains("13712345678") || text.contains("650203198001011234"), text) }
    }

    func testTheBulletinDocxDrawsItsChartsAndTheProblemChartFollowsTheText() throws {
        try run([])
        let docx = try book("reports/B/bulletin.docx")
        let charts = docx.order.filter { $0.hasPrefix("word/charts/chart") }
        XCTAssertEqual(charts.count, 4)
        // Each with the workbook of its figures.
        XCTAssertEqual(docx.order.filter { $0.hasPrefix("word/embeddings/") }.count, 4)
        for part in charts { XCTAssertNoThrow(try docx.xml(part), part) }
        XCTAssertEqual(docx.text("word/document.xml").components(separatedBy: "<w:drawing>").count - 1, 4)
        XCTAssertEqual(docx.text("[Content_Types].xml").components(separatedBy: "drawingml.chart+xml").count - 1, 4)
        // Captions numbered like tables, the same in HTML.
        let html = try String(contentsOfFile: dir + "/reports/B/bulletin.html", encoding: .utf8)
        for n in 1...4 {
            XCTAssertTrue(docx.text("word/document.xml").contains("图\(n) "), "图\(n)")
            XCTAssertTrue(html.contains("图\(n) "), "图\(n)")
        }
        // The last chart's bars are the problem groups the text's headings name, in order.
        let md = try String(contentsOfFile: dir + "/reports/B/bulletin.md", encoding: .utf8)
        let headings = md.split(separator: "\n").compactMap { line -> String? in
            guard let m = line.firstMatch(of: /^### （[一二三四五六七八九十]+）(.+)方面$/) else { return nil }
            return String(m.1)
        }
        XCTAssertFalse(headings.isEmpty)
        let chart = try docx.xml("word/charts/chart4.xml")
        XCTAssertEqual(Self.texts(chart.elements("c:cat").first!, "c:v"), headings)
    }

    func testCompareWorkbookHasTwoLevelHeadersAndTracksProblemsInWords() throws {
        try run([], batch: "早")
        _ = try SyntheticExport(options: GeneratorOptions(cases: 300, years: [2025], seed: 32)).writeFile(atPath: dir + "/in/export.csv")
        try run([], batch: "晚")
        let c = try CommandRunner.run(["compare", "--db", "store.sqlite", "--batch", "早", "--batch", "晚", "--out", "cmp"], in: dir)
        XCTAssertEqual(c.status, 0, c.stderr)
        let same = try CommandRunner.run(["compare", "--db", "store.sqlite", "--batch", "晚", "--batch", "晚", "--out", "cmp2"], in: dir)
        XCTAssertEqual(same.status, 1)
        XCTAssertTrue(same.stderr.contains("批次“晚”指定了两次；compare 比较的是不同的批次"), same.stderr)
        let book = try book("cmp/compare.xlsx")
        let sheet = try book.xml("xl/worksheets/sheet1.xml")
        XCTAssertEqual(try Self.cell(book, sheet: 1, "A1"), "行政执法主体")
        XCTAssertEqual(try Self.cell(book, sheet: 1, "B1"), "早")
        XCTAssertEqual(try Self.cell(book, sheet: 1, "H1"), "晚")
        XCTAssertEqual(try Self.cell(book, sheet: 1, "C2"), "平均分")
        let merges = sheet.elements("mergeCell").compactMap { $0.attr("ref") }
        XCTAssertTrue(merges.contains("A1:A2") && merges.contains("B1:G1") && merges.contains("H1:M1"), "\(merges)")
        XCTAssertEqual(sheet.elements("pane").first?.attr("ySplit"), "2")
        // The chart's series are the batches.
        let series = try book.xml("xl/charts/chart1.xml").elements("c:ser")
        XCTAssertEqual(series.map { Self.texts($0.elements("c:tx").first!, "c:v") }, [["早"], ["晚"]])

        let tracked = try Self.column(book, sheet: 2, title: "细则")
        XCTAssertFalse(tracked.isEmpty)
        for rule in tracked { XCTAssertFalse(rule.contains("/"), rule) }
        XCTAssertTrue(try Self.column(book, sheet: 2, title: "细则名称").allSatisfy { !$0.isEmpty })
        let md = try String(contentsOfFile: dir + "/cmp/compare.md", encoding: .utf8)
        XCTAssertFalse(md.contains("penalty-general/"), md)
        // A department with cases no standard covers says how many its mean and rate are of.
        XCTAssertNotNil(md.firstMatch(of: /\d+件（评分\d+件），[\d.]+分/), md)
        // Both batches still have cases waiting for a reviewer (no scoresheet was merged): the
        // comparison says its figures are a first assessment.
        XCTAssertTrue(md.contains("**注意：**批次“早”尚有"), md)
        XCTAssertTrue(md.contains("**注意：**批次“晚”尚有"), md)
        XCTAssertTrue(md.contains("件案卷待核实，其评查结果为初评，核实后可能改变。"), md)
    }

    func testStatsWorkbookComparesTheDepartmentsInCharts() throws {
        try run([], batch: "Y2025")
        let r = try CommandRunner.run(["stats", "--db", "store.sqlite", "--year", "2025", "--out", "stats"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let book = try book("stats/stats.xlsx")
        XCTAssertTrue(book.text("xl/workbook.xml").contains(#"name="各部门对比""#))
        XCTAssertEqual(try Self.cell(book, sheet: 2, "E1"), "三项制度执行率")
        let titles = try (1...2).map { try Self.texts(book.xml("xl/charts/chart\($0).xml"), "a:t").joined() }
        XCTAssertEqual(titles, ["图1 2025年各部门决定案件数", "图2 2025年各部门三项制度执行率"])
        let series = try book.xml("xl/charts/chart2.xml").elements("c:ser")
        XCTAssertEqual(series.map { Self.texts($0.elements("c:tx").first!, "c:v").joined() }, ["公示率", "全过程记录率", "法制审核率"])
        // Issue 16: every body's tables in one sheet to filter (表, 执法主体, 项目, 数值 …), and
        // the 复议纠错率 and 诉讼败诉率 as a native chart.
        XCTAssertEqual(try (1...4).map { try Self.cell(book, sheet: 3, "\(["A", "B", "C", "D"][$0 - 1])2") }, ["表", "执法主体", "项目", "数值"])
        let tables = try Self.column(book, sheet: 3, title: "表", headerRow: 2)
        XCTAssertEqual(Set(tables).count, 8)
        XCTAssertTrue(try Self.column(book, sheet: 3, title: "执法主体", headerRow: 2).contains("合计"))
        XCTAssertEqual(try Self.texts(book.xml("xl/charts/chart3.xml"), "a:t").joined(), "图3 2025年各部门复议纠错率和诉讼败诉率")
    }

    // MARK: Reading cells back

    static func texts(_ node: XMLNode, _ name: String) -> [String] {
        var found: [String] = []
        func walk(_ n: XMLNode) {
            for child in n.children ?? [] {
                guard let e = child as? XMLElement else { continue }
                if e.name == name { found.append(e.stringValue ?? "") }
                walk(e)
            }
        }
        walk(node)
        return found
    }

    static func shared(_ book: ZipParts) throws -> [String] {
        guard book.parts["xl/sharedStrings.xml"] != nil else { return [] }
        return try book.xml("xl/sharedStrings.xml").rootElement()?.elements(forName: "si").map { texts($0, "t").joined() } ?? []
    }

    /// Every cell's text of sheet `n`, by reference.
    static func cells(_ book: ZipParts, sheet n: Int) throws -> [String: String] {
        let strings = try shared(book)
        var out: [String: String] = [:]
        func walk(_ node: XMLNode) {
            for child in node.children ?? [] {
                guard let e = child as? XMLElement else { continue }
                if e.name == "c", let ref = e.attributes?.first(where: { $0.name == "r" })?.stringValue {
                    let type = e.attributes?.first { $0.name == "t" }?.stringValue
                    if type == "inlineStr" { out[ref] = texts(e, "t").joined() }
                    else if type == "s", let i = Int(texts(e, "v").first ?? "") { out[ref] = strings[i] }
                    else if let v = texts(e, "v").first { out[ref] = v }
                } else {
                    walk(e)
                }
            }
        }
        walk(try book.xml("xl/worksheets/sheet\(n).xml"))
        return out
    }

    static func cell(_ book: ZipParts, sheet n: Int, _ reference: String) throws -> String {
        try cells(book, sheet: n)[reference] ?? ""
    }

    /// The data cells of the column titled `title` in row `headerRow`.
    static func column(_ book: ZipParts, sheet n: Int, title: String, headerRow: Int = 1) throws -> [String] {
        let all = try cells(book, sheet: n)
        guard let header = all.first(where: { $0.value == title && $0.key.drop { $0.isLetter } == String(headerRow) }) else {
            throw NSError(domain: "no column \(title)", code: 1)
        }
        let letters = String(header.key.prefix { $0.isLetter })
        var values: [String] = []
        var row = headerRow + 1
        while let value = all[letters + String(row)] ?? (all.keys.contains { $0.drop { $0.isLetter } == String(row) } ? "" : nil) {
            values.append(value)
            row += 1
        }
        return values
    }

    static func allText(_ book: ZipParts) throws -> [String] {
        var out = try shared(book)
        for part in book.order where part.hasPrefix("xl/worksheets/sheet") {
            out += texts(try book.xml(part), "t")
        }
        return out
    }
}
