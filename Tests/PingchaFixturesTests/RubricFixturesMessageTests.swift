import Foundation
import XCTest
import PingchaModel
import PingchaRubric
import PingchaScoring
import PingchaFixtures
import PingchaTestSupport
import PingchaCatalogue

/// Every message of a rubric's fixture file (`rubrics/tests/<id>.yaml`, run by `pingcha rubric
/// test`): the mistakes that stop the file and the mismatches it lists, each with its exact
/// `file:line:col`. Each row changes one thing in ``good``.
final class RubricFixturesMessageTests: XCTestCase {
    static let rubric = """
        id: demo
        version: "1"
        title: 示例
        total: 10
        applies_when: enforcement_type == "行政处罚"
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
                check: decision_date <= add_days(filed_date, 90)
                deduct: 3
              - id: EVD-02
                title: 证据充分
                manual: true
                deduct: 5
        """

    static let good = """
        rubric: demo
        base: { enforcement_type: 行政处罚, filed_date: 2024-01-02, decision_date: 2024-03-01 }
        cases:
          - name: 按期
            scoresheet: [{ rule: EVD-02, outcome: pass }]
            expect: { score: 10, grade: 合格, veto: false, disposition: none, rules: { PRO-01: pass, EVD-02: pass }, needs_review: [], suspect: [] }
        """

    static func good(_ old: String, _ new: String) -> String {
        precondition(good.contains(old), old)
        return good.replacingOccurrences(of: old, with: new)
    }

    /// (what is wrong, the fixture file, the exact messages: the error that stops the file, or
    /// the mismatches it lists). `D` is the folder.
    static let table: [(String, String, [String])] = [
        // The file.
        ("empty", "# 还没有案例\n", ["D/t.yaml:1:1: 文件是空的"]),
        ("YAML syntax", "rubric: demo\n  cases: []\n", ["D/t.yaml:2:8: YAML 语法错误：此处不能出现“键: 值”（常见原因：冒号后缺少空格或缩进错误）"]),
        ("not a mapping", "- demo\n", ["D/t.yaml:1:1: 评查标准测试文件 应为键值映射"]),
        ("unknown key", good("cases:", "case:"), ["D/t.yaml:3:1: 未知的键 case，是否为 base？"]),
        ("missing rubric", good("rubric: demo\n", ""), ["D/t.yaml:1:1: 评查标准测试文件缺少必填的键 rubric"]),
        ("unknown rubric", good("rubric: demo", "rubric: dmeo"), ["D/t.yaml:1:9: 没有 id 为 dmeo 的评查标准"]),
        ("cases not a list", "rubric: demo\ncases: { name: 按期 }\n", ["D/t.yaml:2:8: cases 应为测试案例列表"]),
        // Fields.
        ("base not a mapping", good("base: {", "base: [").replacingOccurrences(of: "03-01 }", with: "03-01 ]"),
         ["D/t.yaml:2:7: 字段 应为“字段: 值”映射"]),
        ("unknown field", good("filed_date: 2024", "filed_dat: 2024"), ["D/t.yaml:2:33: 未知字段 filed_dat，是否为 filed_date？"]),
        ("bad value", good("decision_date: 2024-03-01", "decision_date: 2024-02-30"),
         ["D/t.yaml:2:72: 字段 decision_date 的值“2024-02-30”无效，应为日期（如 2024-03-05、2024/3/5、2024年3月5日）"]),
        ("value a mapping", good("decision_date: 2024-03-01", "decision_date: { y: 2024 }"), ["D/t.yaml:2:72: decision_date 应为值或列表"]),
        ("unset unknown field", good("    scoresheet:", "    unset: [decison_date]\n    scoresheet:"),
         ["D/t.yaml:5:13: 未知字段 decison_date，是否为 decision_date？"]),
        ("unset not a list", good("    scoresheet:", "    unset: { decision_date: 1 }\n    scoresheet:"), ["D/t.yaml:5:12: unset 应为列表"]),
        // Cases.
        ("case unknown key", good("    scoresheet:", "    sets: {}\n    scoresheet:"), ["D/t.yaml:5:5: 未知的键 sets，是否为 set？"]),
        ("case without expect", "rubric: demo\ncases:\n  - name: 按期\n", ["D/t.yaml:3:5: 测试案例缺少必填的键 expect"]),
        ("name not text", good("name: 按期", "name: [按期]"), ["D/t.yaml:4:11: name 应为文本"]),
        // Scoresheet rows.
        ("scoresheet not a list", good("[{ rule: EVD-02, outcome: pass }]", "{ rule: EVD-02, outcome: pass }"), ["D/t.yaml:5:17: scoresheet 应为评查表行的列表"]),
        ("scoresheet unknown rule", good("rule: EVD-02", "rule: EVD-20"), ["D/t.yaml:5:26: 评查标准 demo 没有细则 EVD-20"]),
        ("scoresheet outcome", good("outcome: pass }", "outcome: 通过 }"), ["D/t.yaml:5:43: 结论应为 pass、fail 或 na"]),
        ("scoresheet deduct", good("outcome: pass }", "outcome: fail, deduct: 两分 }"), ["D/t.yaml:5:57: 扣分应为数字"]),
        ("scoresheet without outcome", good("{ rule: EVD-02, outcome: pass }", "{ rule: EVD-02 }"), ["D/t.yaml:5:18: 评查表行缺少必填的键 outcome"]),
        // Expectations that are themselves wrong.
        ("expect unknown key", good("suspect: [] }", "suspects: [] }"), ["D/t.yaml:6:126: 未知的键 suspects，是否为 suspect？"]),
        ("score not a number", good("score: 10,", "score: 十,"), ["D/t.yaml:6:22: score 应为数字"]),
        ("veto not true/false", good("veto: false", "veto: 也许"), ["D/t.yaml:6:43: veto 应为 true 或 false"]),
        ("rules not a mapping", good("rules: { PRO-01: pass, EVD-02: pass }", "rules: [PRO-01]"), ["D/t.yaml:6:76: rules 应为“细则: 结果”映射"]),
        ("rules unknown rule", good("PRO-01: pass", "PRO-10: pass"), ["D/t.yaml:6:78: 评查标准 demo 没有细则 PRO-10"]),
        ("rules bad outcome", good("PRO-01: pass", "PRO-01: ok"), ["D/t.yaml:6:86: 结果应为 pass、fail、unknown 或 not_applicable"]),
        ("needs_review not a list", good("needs_review: []", "needs_review: { EVD-02: 1 }"), ["D/t.yaml:6:122: needs_review 应为列表"]),
        // Mismatches: listed, the file goes on; each at the case's `expect`.
        ("score and grade", good("score: 10, grade: 合格", "score: 9, grade: 不合格"),
         ["D/t.yaml:6:13: 案例“按期”：得分应为 9，实际为 10", "D/t.yaml:6:13: 案例“按期”：等次应为 不合格，实际为 合格"]),
        ("veto and disposition", good("veto: false, disposition: none", "veto: true, disposition: correct"),
         ["D/t.yaml:6:13: 案例“按期”：一票否决应为 true，实际为 false", "D/t.yaml:6:13: 案例“按期”：处理方式应为 correct，实际为 none"]),
        ("a rule's outcome", good("decision_date: 2024-03-01", "decision_date: 2024-06-01"),
         ["D/t.yaml:6:13: 案例“按期”：得分应为 10，实际为 7", "D/t.yaml:6:13: 案例“按期”：细则 PRO-01 应为 pass，实际为 fail"]),
        ("needs review", good("scoresheet: [{ rule: EVD-02, outcome: pass }]", "scoresheet: []"),
         ["D/t.yaml:6:13: 案例“按期”：细则 EVD-02 应为 pass，实际为 unknown", "D/t.yaml:6:13: 案例“按期”：待人工评查的细则应为 []，实际为 [EVD-02]"]),
        ("suspect", good("suspect: []", "suspect: [PRO-01]"), ["D/t.yaml:6:13: 案例“按期”：疑似问题（筛查未通过）的细则应为 [PRO-01]，实际为 []"]),
        ("applies_when", good("enforcement_type: 行政处罚", "enforcement_type: 行政许可"),
         ["D/t.yaml:6:13: 案例“按期”：评查标准 demo 的 applies_when 对此案例不成立（结果：否）"]),
    ]

    func testEveryFixtureMessageWithItsPosition() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.rubric.write(toFile: folder.file("demo.yaml"), atomically: true, encoding: .utf8)
        let catalogue = FieldCatalogue.builtIn()
        let set = try RubricLoader(catalogue: catalogue, calendar: .builtIn()).loadChecked(paths: [folder.file("demo.yaml")])
        let fixtures = RubricFixtures(scorer: Scorer(set), catalogue: catalogue)

        try Self.good.write(toFile: folder.file("t.yaml"), atomically: true, encoding: .utf8)
        let report = try fixtures.run(path: folder.file("t.yaml"))
        XCTAssertEqual([report.cases, report.passed], [1, 1])
        XCTAssertEqual(report.mismatches, [])

        for (what, text, expected) in Self.table {
            try text.write(toFile: folder.file("t.yaml"), atomically: true, encoding: .utf8)
            var got: [String]
            do {
                got = try fixtures.run(path: folder.file("t.yaml")).mismatches
            } catch {
                got = [error.message]
            }
            XCTAssertEqual(got.map { $0.replacingOccurrences(of: folder.path, with: "D") }, expected, what)
        }
    }

    /// `pingcha rubric test DIR` end to end: a rubric without its fixture file, a fixture with a
    /// mismatch, the count line, exit status 1.
    func testTheCommandListsEveryMismatch() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("tests"), withIntermediateDirectories: true)
        try Self.rubric.write(toFile: folder.file("demo.yaml"), atomically: true, encoding: .utf8)
        try Self.rubric.replacingOccurrences(of: "id: demo", with: "id: other").write(toFile: folder.file("other.yaml"), atomically: true, encoding: .utf8)
        try Self.good("score: 10,", "score: 9,").write(toFile: folder.file("tests/demo.yaml"), atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["rubric", "test", folder.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout.replacingOccurrences(of: folder.path, with: "D"), """
            D/tests/demo.yaml: demo 0/1 个案例通过
              D/tests/demo.yaml:6:13: 案例“按期”：得分应为 9，实际为 10
            0 passed, 1 failed

            """)
        XCTAssertEqual(r.stderr.replacingOccurrences(of: folder.path, with: "D"), "D/other.yaml: 评查标准 other 没有测试案例文件 D/tests/other.yaml\n")
    }
}
