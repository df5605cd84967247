import Foundation
import XCTest
@testable import PingchaRubric
import PingchaModel
import PingchaCatalogue

/// Every message of the rubric loader (rubric files, fragments, params and profiles), each with
/// its exact `file:line:col` as the supervisor sees it. One row per call site; the rows change
/// one thing in a good rubric (``good``), whose lines are numbered in the comment beside it.
final class RubricLoaderMessageTests: XCTestCase {
    var dir = ""

    override func setUp() {
        dir = NSTemporaryDirectory() + "pingcha-rubric-messages-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir + "/common", withIntermediateDirectories: true)
        try! FileManager.default.createDirectory(atPath: dir + "/profiles", withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    static let good = """
        id: demo
        version: "1"
        title: 示例
        total: 10
        params:
          days: { type: number, value: 90 }
        grades:
          - { name: 合格, min: 6 }
          - { name: 不合格, min: 0 }
        categories:
          - id: procedure
            title: 程序
            points: 10
            rules:
              - id: PRO-01
                title: 九十日内作出决定
                check: decision_date <= add_days(filed_date, $days)
                deduct: 3
        """
    // Lines: 1 id, 4 total, 5 params, 6 days, 7–9 grades, 10 categories, 11 category id,
    // 13 points, 14 rules, 15 rule id, 16 title, 17 check, 18 deduct.

    /// `good` with `old` replaced by `new` (which must occur).
    static func good(_ old: String, _ new: String) -> String {
        precondition(good.contains(old), old)
        return good.replacingOccurrences(of: old, with: new)
    }

    static let fragment = "categories:\n  - id: tsy\n    title: 公示\n    points: 5\n    rules: []\n"

    /// (what is wrong, files written into the folder, the exact messages with `D` for the folder).
    static let table: [(String, [String: String], [String])] = [
        // The document and its keys.
        ("empty file", ["r.yaml": "# 只有注释\n"], ["D/r.yaml:1:1: 文件是空的"]),
        ("not a mapping", ["r.yaml": "- id: demo\n"], ["D/r.yaml:1:1: 评查标准应为“键: 值”映射"]),
        ("unknown key, suggestion", ["r.yaml": good("total: 10", "total: 10\ntitel: x")], ["D/r.yaml:5:1: 未知的键 titel，是否为 title？"]),
        ("unknown key, no suggestion", ["r.yaml": good("total: 10", "total: 10\n作者: x")],
         ["D/r.yaml:5:1: 未知的键 作者（可用的键：id、version、title、priority、applies_when、total、grades、veto_grade、veto_score、params、categories、include、description）"]),
        ("key twice", ["r.yaml": good("title: 示例", "title: 示例\ntitle: 又一个")], ["D/r.yaml:3:1: YAML 语法错误：键 title 重复（同一层只能写一次，此处是第一次出现）"]),
        ("missing key", ["r.yaml": good("version: \"1\"\n", "")], ["D/r.yaml:1:1: 评查标准缺少必填的键 version"]),
        ("missing categories", ["r.yaml": "id: demo\nversion: 1\ntitle: x\ntotal: 1\ngrades: [{ name: 合格, min: 0 }]\n"],
         ["D/r.yaml:1:1: 评查标准缺少必填的键 categories"]),
        ("bad id", ["r.yaml": good("id: demo", "id: Demo_1")], ["D/r.yaml:1:5: 评查标准 id“Demo_1”只能使用小写字母、数字和“-”"]),
        ("priority not an integer", ["r.yaml": good("total: 10", "total: 10\npriority: 高")], ["D/r.yaml:5:11: priority 应为整数"]),
        ("a list where one value belongs", ["r.yaml": good("title: 示例", "title: [示例]")], ["D/r.yaml:3:8: title 应为单个值"]),
        ("total not a number", ["r.yaml": good("total: 10", "total: 十")], ["D/r.yaml:4:8: total 应为数字（最多四位小数），这里是“十”"]),
        ("total not positive", ["r.yaml": good("total: 10", "total: -1")], ["D/r.yaml:4:8: total 应大于 0"]),
        ("total is not the sum", ["r.yaml": good("total: 10", "total: 12")], ["D/r.yaml:4:8: total 为 12，但各类别分值之和为 10"]),
        ("veto_score", ["r.yaml": good("total: 10", "total: 10\nveto_score: zreo")], ["D/r.yaml:5:13: veto_score 不能是“zreo”，是否为 zero？"]),
        // Grades.
        ("grades not a list", ["r.yaml": good("grades:\n  - { name: 合格, min: 6 }\n  - { name: 不合格, min: 0 }", "grades: 合格")],
         ["D/r.yaml:7:9: grades 应为等次列表（从高到低，如 { name: 优秀, min: 90 }）"]),
        ("grade without min", ["r.yaml": good("{ name: 不合格, min: 0 }", "{ name: 不合格 }")], ["D/r.yaml:9:5: 等次需要 name 和 min"]),
        ("grade unknown key", ["r.yaml": good("{ name: 不合格, min: 0 }", "{ name: 不合格, min: 0, max: 5 }")],
         ["D/r.yaml:9:26: 未知的键 max（可用的键：name、min）"]),
        ("grade twice", ["r.yaml": good("{ name: 不合格, min: 0 }", "{ name: 合格, min: 0 }")], ["D/r.yaml:9:13: 等次“合格”重复"]),
        ("grades out of order", ["r.yaml": good("{ name: 不合格, min: 0 }", "{ name: 不合格, min: 60 }")],
         ["D/r.yaml:9:23: 等次应从高到低排列：“不合格”的 min 60 不低于上一等次“合格”的 6"]),
        ("veto_grade, suggestion", ["r.yaml": good("total: 10", "total: 10\nveto_grade: 不合")], ["D/r.yaml:5:13: veto_grade“不合”不是已定义的等次，是否为“不合格”？"]),
        ("veto_grade, no suggestion", ["r.yaml": good("total: 10", "total: 10\nveto_grade: 优秀良好")],
         ["D/r.yaml:5:13: veto_grade“优秀良好”不是已定义的等次（可用：合格、不合格）"]),
        // Params.
        ("params not a mapping", ["r.yaml": good("  days: { type: number, value: 90 }", "  - days")],
         ["D/r.yaml:6:3: params 应为“参数名: { type: …, value: … }”映射", "D/r.yaml:17:54: 未知参数 $days（本标准没有声明 params）"]),
        ("param name", ["r.yaml": good("  days: { type: number, value: 90 }", "  days: { type: number, value: 90 }\n  Days2: { type: number, value: 1 }")],
         ["D/r.yaml:7:3: 参数名“Days2”只能使用小写字母、数字和“_”，并以字母开头"]),
        ("param without value", ["r.yaml": good("{ type: number, value: 90 }", "{ type: number }")],
         ["D/r.yaml:6:9: 参数 days 需要 type 和 value", "D/r.yaml:17:54: 未知参数 $days（本标准没有声明 params）"]),
        ("param unknown key", ["r.yaml": good("{ type: number, value: 90 }", "{ type: number, value: 90, unit: 日 }")],
         ["D/r.yaml:6:36: 未知的键 unit（可用的键：type、value、title、basis）"]),
        ("param type", ["r.yaml": good("{ type: number, value: 90 }", "{ type: int, value: 90 }")],
         ["D/r.yaml:6:17: 参数类型不能是“int”（可用：bool、date、list、number、text）", "D/r.yaml:17:54: 未知参数 $days（本标准没有声明 params）"]),
        ("param list for a number", ["r.yaml": good("{ type: number, value: 90 }", "{ type: number, value: [90] }")],
         ["D/r.yaml:6:32: 参数 $days 的类型是数字，值不能是列表", "D/r.yaml:17:54: 未知参数 $days（本标准没有声明 params）"]),
        ("param bool value", ["r.yaml": good("{ type: number, value: 90 }", "{ type: bool, value: 是 }")],
         ["D/r.yaml:6:30: 参数 $days 的值“是”不是布尔值（应为布尔值 true 或 false）", "D/r.yaml:17:54: 未知参数 $days（本标准没有声明 params）"]),
        ("param unused", ["r.yaml": good("$days", "90")],
         ["D/r.yaml:6:3: 参数 $days 已声明，但没有任何表达式使用它（删去它，或在规则中以 $days 引用）"]),
        // Fragments.
        ("include twice", ["r.yaml": good("total: 10", "total: 15\ninclude: [common/f.yaml, common/../common/f.yaml]"), "common/f.yaml": fragment],
         ["D/r.yaml:5:26: 片段 common/../common/f.yaml 被重复包含"]),
        ("include missing", ["r.yaml": good("total: 10", "total: 10\ninclude: common/none.yaml")],
         ["D/r.yaml:5:10: 找不到包含的片段文件 D/common/none.yaml"]),
        ("include not a list", ["r.yaml": good("total: 10", "total: 10\ninclude: { f: common/f.yaml }")], ["D/r.yaml:5:10: include 应为列表"]),
        ("fragment without categories", ["r.yaml": good("total: 10", "total: 10\ninclude: [common/f.yaml]"), "common/f.yaml": "params: {}\n"],
         ["D/common/f.yaml:1:1: 片段文件只能包含 categories（和它的规则所用的 params）"]),
        ("fragment with rubric keys", ["r.yaml": good("total: 10", "total: 15\ninclude: [common/f.yaml]"), "common/f.yaml": "id: x\n" + fragment],
         ["D/common/f.yaml:1:1: 未知的键 id（可用的键：categories、params）"]),
        ("fragment not a mapping", ["r.yaml": good("total: 10", "total: 10\ninclude: [common/f.yaml]"), "common/f.yaml": "- tsy\n"],
         ["D/common/f.yaml:1:1: 片段应为“键: 值”映射"]),
        ("param declared twice with other values", ["r.yaml": good("total: 10", "total: 15\ninclude: [common/f.yaml]"),
                                                    "common/f.yaml": "params:\n  days: { type: number, value: 60 }\n" + fragment],
         ["D/common/f.yaml:2:3: 参数 $days 重复声明，与 D/r.yaml:7:3 的值不同（90 和 60）"]),
        // Categories.
        ("categories not a list", ["r.yaml": "id: demo\nversion: 1\ntitle: x\ntotal: 1\ngrades: [{ name: 合格, min: 0 }]\ncategories: 程序\n"],
         ["D/r.yaml:6:13: categories 应为类别列表", "D/r.yaml:4:8: total 为 1，但各类别分值之和为 0"]),
        ("category missing key", ["r.yaml": good("    title: 程序\n", "")], ["D/r.yaml:11:5: 类别缺少必填的键 title"]),
        ("category twice", ["r.yaml": good("total: 10", "total: 15") + "\n  - id: procedure\n    title: 又一个\n    points: 5\n    rules: []\n"],
         ["D/r.yaml:19:9: 类别 id procedure 重复"]),
        ("rules not a list", ["r.yaml": "id: demo\nversion: 1\ntitle: x\ntotal: 1\ngrades: [{ name: 合格, min: 0 }]\ncategories:\n  - { id: a, title: A, points: 1, rules: 无 }\n"],
         ["D/r.yaml:7:42: rules 应为细则列表"]),
        // Rules.
        ("rule not a mapping", ["r.yaml": good("      - id: PRO-01", "      - PRO-00\n      - id: PRO-01")], ["D/r.yaml:15:9: 细则应为“键: 值”映射"]),
        ("rule missing key", ["r.yaml": good("        title: 九十日内作出决定\n", "")], ["D/r.yaml:15:9: 细则缺少必填的键 title"]),
        ("rule twice", ["r.yaml": good + "\n      - id: PRO-01\n        title: 重复\n        manual: true\n        deduct: 1\n"],
         ["D/r.yaml:19:13: 细则 id PRO-01 重复"]),
        ("no kind", ["r.yaml": good("        check: decision_date <= add_days(filed_date, $days)\n", "")],
         ["D/r.yaml:15:9: 细则 PRO-01 需要 check、count、manual 三者之一"]),
        ("two kinds", ["r.yaml": good("        deduct: 3", "        deduct: 3\n        count: 1")],
         ["D/r.yaml:19:9: 细则 PRO-01 只能有 check、count、manual 之一，这里同时有 check、count"]),
        ("manual not true", ["r.yaml": good("        check: decision_date <= add_days(filed_date, $days)", "        manual: yes\n        when: $days > 0")],
         ["D/r.yaml:17:17: manual 只能写 true（不需要人工判定的细则请用 check 或 count）"]),
        ("max without count", ["r.yaml": good("deduct: 3", "deduct: 3\n        max: 6")], ["D/r.yaml:19:9: max 只用于 count 细则"]),
        ("veto", ["r.yaml": good("deduct: 3", "deduct: 3\n        veto: 是")], ["D/r.yaml:19:15: veto 只能是 true 或 false"]),
        ("missing policy", ["r.yaml": good("deduct: 3", "deduct: 3\n        missing: fial")], ["D/r.yaml:19:18: missing 不能是“fial”，是否为 fail？"]),
        ("invalid without veto", ["r.yaml": good("deduct: 3", "deduct: 3\n        disposition: invalid")],
         ["D/r.yaml:19:22: 细则 PRO-01 的 disposition 为 invalid（确认无效），必须同时是否决项（veto: true）：无效的执法行为不能让案卷合格"]),
        ("on_fail on a manual rule", ["r.yaml": good("        check: decision_date <= add_days(filed_date, $days)", "        manual: true\n        when: $days > 0\n        on_fail: review")],
         ["D/r.yaml:19:9: 细则 PRO-01 是人工判定（manual），没有自动检查，不能用 on_fail"]),
        ("unknown measure, suggestion", ["r.yaml": good("deduct: 3", "deduct: 3\n        measures: [legal_reveiw]")],
         ["D/r.yaml:19:20: 未知的统计项 legal_reveiw，是否为 legal_review？"]),
        ("measure twice", ["r.yaml": good("deduct: 3", "deduct: 3\n        measures: [legal_review, legal_review]")],
         ["D/r.yaml:19:34: 统计项 legal_review 重复"]),
        ("expression inside a rule", ["r.yaml": good("add_days(filed_date, $days)", "add_days(filed_dat, $days)")],
         ["D/r.yaml:17:42: 未知字段 filed_dat，是否为 filed_date？"]),
        ("expression not one value", ["r.yaml": good("check: decision_date <= add_days(filed_date, $days)", "check: [publicized]")],
         ["D/r.yaml:17:16: check 应为单个值"]),
        // Rubrics beside each other.
        ("same id in two files", ["a.yaml": good, "b.yaml": good], ["D/b.yaml:1:5: 评查标准 id demo 与 D/a.yaml 重复"]),
    ]

    func testEveryLoaderMessageWithItsPosition() throws {
        for (what, files, expected) in Self.table {
            let folder = dir + "/" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder + "/common", withIntermediateDirectories: true)
            for (name, text) in files { XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8))) }
            let loader = RubricLoader(catalogue: .builtIn(), calendar: .builtIn())
            let rubrics = try loader.load(paths: files.keys.filter { !$0.hasPrefix("common/") }.sorted().map { folder + "/" + $0 })
            XCTAssertEqual(loader.errors.map { $0.message.replacingOccurrences(of: folder, with: "D") }, expected, what)
            XCTAssertEqual(rubrics.count, what == "same id in two files" ? 1 : 0, what)
        }
    }

    /// Profiles (适用配置) beside a rubric folder: (what is wrong, `profiles/p.yaml`, the exact messages).
    static let profileTable: [(String, String, [String])] = [
        ("missing departments", "title: 公安\n", ["D/profiles/p.yaml:1:1: 适用配置缺少必填的键 departments"]),
        ("unknown key", "title: 公安\ndepartments: [公安局]\ndisabled: []\n", ["D/profiles/p.yaml:3:1: 未知的键 disabled，是否为 disable？"]),
        ("no department", "title: 公安\ndepartments: []\n", ["D/profiles/p.yaml:2:14: departments 至少要列出一个执法部门名称"]),
        ("blank department", "title: 公安\ndepartments: [\" \"]\n", ["D/profiles/p.yaml:2:15: 执法部门名称是空的"]),
        ("department twice", "title: 公安\ndepartments: [公安局, 公安 局]\n", ["D/profiles/p.yaml:2:20: 执法部门“公安 局”重复"]),
        ("param nobody declares", "title: 公安\ndepartments: [公安局]\nparams:\n  dayz: 60\n",
         ["D/profiles/p.yaml:4:3: 没有评查标准声明参数 $dayz，是否为 $days？"]),
        ("params not a mapping", "title: 公安\ndepartments: [公安局]\nparams: [days]\n", ["D/profiles/p.yaml:3:9: params 应为“参数名: 值”映射"]),
        ("param without value", "title: 公安\ndepartments: [公安局]\nparams:\n  days: { basis: 第一条 }\n",
         ["D/profiles/p.yaml:4:9: 参数 days 需要 value"]),
        ("param value", "title: 公安\ndepartments: [公安局]\nparams:\n  days: 六十\n",
         ["D/profiles/p.yaml:4:9: 参数 $days 的值“六十”不是数字（应为数字，如 2000）"]),
        ("disable without rule", "title: 公安\ndepartments: [公安局]\ndisable:\n  - { reason: 第一条 }\n",
         ["D/profiles/p.yaml:4:5: 停用的细则需要 rule（写成“评查标准/细则编号”，如 penalty-summary/LEG-02）"]),
        ("disable without reason", "title: 公安\ndepartments: [公安局]\ndisable:\n  - { rule: demo/PRO-01 }\n",
         ["D/profiles/p.yaml:4:5: 停用细则 demo/PRO-01 需要写明 reason（所依据的条文）"]),
        ("rule reference form", "title: 公安\ndepartments: [公安局]\ndisable:\n  - { rule: PRO-01, reason: 第一条 }\n",
         ["D/profiles/p.yaml:4:13: rule 应写成“评查标准/细则编号”，如 penalty-summary/LEG-02，这里是“PRO-01”"]),
        ("no such rubric", "title: 公安\ndepartments: [公安局]\ndisable:\n  - { rule: demo1/PRO-01, reason: 第一条 }\n",
         ["D/profiles/p.yaml:4:13: 没有 id 为 demo1 的评查标准，是否为 demo？"]),
        ("no such rule", "title: 公安\ndepartments: [公安局]\ndisable:\n  - { rule: demo/PRO-02, reason: 第一条 }\n",
         ["D/profiles/p.yaml:4:13: 评查标准 demo 没有细则 PRO-02，是否为 PRO-01？"]),
        ("disabled twice", "title: 公安\ndepartments: [公安局]\ndisable:\n  - { rule: demo/PRO-01, reason: 第一条 }\n  - { rule: demo/PRO-01, reason: 第二条 }\n",
         ["D/profiles/p.yaml:5:13: 细则 demo/PRO-01 重复停用"]),
        ("disable not a list", "title: 公安\ndepartments: [公安局]\ndisable: demo/PRO-01\n",
         ["D/profiles/p.yaml:3:10: disable 应为列表：- { rule: 评查标准/细则编号, reason: 依据 }"]),
    ]

    func testEveryProfileMessageWithItsPosition() throws {
        for (what, profile, expected) in Self.profileTable {
            let folder = dir + "/" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder + "/profiles", withIntermediateDirectories: true)
            XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/r.yaml", contents: Data(Self.good.utf8)))
            XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/profiles/p.yaml", contents: Data(profile.utf8)))
            let loader = RubricLoader(catalogue: .builtIn(), calendar: .builtIn())
            _ = try loader.load(paths: [folder])
            XCTAssertEqual(loader.errors.map { $0.message.replacingOccurrences(of: folder, with: "D") }, expected, what)
            XCTAssertEqual(loader.profiles.count, 0, what)
        }
    }

    /// A profile's value that the rubric's expressions refuse: the message says which profile.
    func testAProfileValueTheRubricRefusesNamesTheProfile() throws {
        let rubric = Self.good("  days: { type: number, value: 90 }", "  days: { type: number, value: 90 }\n  kinds: { type: list, value: [行政处罚] }")
            .replacingOccurrences(of: "        deduct: 3", with: "        deduct: 3\n        when: enforcement_type in $kinds")
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/r.yaml", contents: Data(rubric.utf8)))
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/profiles/p.yaml", contents: Data("title: 公安\ndepartments: [公安局]\nparams:\n  kinds: [行政处法]\n".utf8)))
        let loader = RubricLoader(catalogue: .builtIn(), calendar: .builtIn())
        _ = try loader.load(paths: [dir])
        XCTAssertEqual(loader.errors.map { $0.message.replacingOccurrences(of: dir, with: "D") }, [
            "D/r.yaml:20:35: 字段 enforcement_type 没有取值“行政处法”，是否为“行政处罚”？（按适用配置 p 的参数值：D/profiles/p.yaml）",
        ])
    }

    /// Files that are not rubrics at all, and profile mistakes that need more than one file.
    func testWhatIsNotARubricAndProfilesAcrossRubrics() throws {
        func errors(_ paths: [String]) -> [String] {
            let loader = RubricLoader(catalogue: .builtIn(), calendar: .builtIn())
            do { _ = try loader.load(paths: paths) } catch { return [error.message.replacingOccurrences(of: dir, with: "D")] }
            return loader.errors.map { $0.message.replacingOccurrences(of: dir, with: "D") }
        }
        // 示例 in GBK (Notepad's “ANSI”), on line 3 after `title: `.
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/gbk.yaml", contents: Data("id: demo\nversion: 1\ntitle: ".utf8) + Data([0xCA, 0xBE, 0xC0, 0xFD, 0x0A])))
        XCTAssertEqual(errors([dir + "/gbk.yaml"]), ["D/gbk.yaml:3: 文件不是 UTF-8 编码（可能是 GBK，如记事本另存为“ANSI”）；请另存为 UTF-8"])
        XCTAssertEqual(errors([dir + "/common"]), ["文件夹 D/common 中没有评查标准文件（*.yaml）"])
        XCTAssertEqual(errors([dir + "/none.yaml"]), ["D/none.yaml: 找不到文件或文件夹"])

        let folder = dir + "/two"
        try FileManager.default.createDirectory(atPath: folder + "/profiles", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/a.yaml", contents: Data(Self.good.utf8)))
        let b = Self.good("id: demo", "id: other").replacingOccurrences(of: "{ type: number, value: 90 }", with: "{ type: text, value: \"90\" }")
            .replacingOccurrences(of: "check: decision_date <= add_days(filed_date, $days)", with: "check: cause != $days")
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/b.yaml", contents: Data(b.utf8)))
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/profiles/p.yaml", contents: Data("title: 公安\ndepartments: [公安局]\nparams:\n  days: 60\n".utf8)))
        XCTAssertEqual(errors([folder]).map { $0.replacingOccurrences(of: "D/two", with: "T") }, ["T/profiles/p.yaml:4:3: 参数 $days 在 demo 中是数字，在 other 中是文本，无法统一覆盖"])
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/profiles/p.yaml", contents: Data("- 公安局\n".utf8)))
        XCTAssertEqual(errors([folder]).map { $0.replacingOccurrences(of: "D/two", with: "T") }, ["T/profiles/p.yaml:1:1: 适用配置应为“键: 值”映射"])
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/profiles/p.yaml", contents: Data("title: 公安\ndepartments: [公安局]\ndisable: [demo/PRO-01]\n".utf8)))
        XCTAssertEqual(errors([folder]).map { $0.replacingOccurrences(of: "D/two", with: "T") }, ["T/profiles/p.yaml:3:11: 停用的细则应为“键: 值”映射"])
    }

    func testTheGoodRubricLoads() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/r.yaml", contents: Data(Self.good.utf8)))
        let loader = RubricLoader(catalogue: .builtIn(), calendar: .builtIn())
        XCTAssertEqual(try loader.load(paths: [dir + "/r.yaml"]).map(\.id), ["demo"])
        XCTAssertEqual(loader.errors, [])
    }
}
