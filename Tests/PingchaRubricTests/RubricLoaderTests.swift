import Foundation
import XCTest
@testable import PingchaRubric
import PingchaModel
import PingchaCatalogue

/// Every way a rubric can be wrong, each with its exact `file:line:col: message`.
final class RubricLoaderTests: XCTestCase {
    var dir = ""

    override func setUp() {
        dir = NSTemporaryDirectory() + "pingcha-rubric-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir + "/common", withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    static let good = """
        id: demo
        version: "1"
        title: 示例
        total: 10
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
        """

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let path = dir + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// The messages of loading one rubric file, with the temporary folder shortened to `D`.
    func errors(_ text: String, name: String = "r.yaml") throws -> [String] {
        write(name, text)
        let loader = RubricLoader(catalogue: .builtIn(), calendar: .builtIn())
        _ = try loader.load(paths: [dir + "/" + name])
        return loader.errors.map { $0.message.replacingOccurrences(of: dir, with: "D") }
    }

    func replacing(_ old: String, _ new: String) -> String {
        precondition(Self.good.contains(old))
        return Self.good.replacingOccurrences(of: old, with: new)
    }

    func testAGoodRubricLoads() throws {
        write("r.yaml", Self.good)
        let loader = RubricLoader(catalogue: .builtIn(), calendar: .builtIn())
        let rubrics = try loader.load(paths: [dir])
        XCTAssertEqual(loader.errors, [])
        XCTAssertEqual(rubrics.map(\.id), ["demo"])
        XCTAssertEqual(rubrics[0].rules.map(\.id), ["PRO-01"])
        XCTAssertEqual(rubrics[0].vetoGrade, 1)
        XCTAssertEqual(rubrics[0].priority, 100)
    }

    func testUnknownKeysWithSuggestions() throws {
        XCTAssertEqual(try errors(replacing("    deduct: 3", "    deduct: 3\n        veot: true")),
                       ["D/r.yaml:17:9: 未知的键 veot，是否为 veto？"])
        XCTAssertEqual(try errors(replacing("total: 10", "totl: 10")),
                       ["D/r.yaml:4:1: 未知的键 totl，是否为 total？", "D/r.yaml:1:1: 评查标准缺少必填的键 total"])
    }

    func testRepeatedIds() throws {
        let twice = Self.good + """

                  - id: PRO-01
                    title: 重复
                    check: publicized
                    deduct: 1
            """
        XCTAssertEqual(try errors(twice), ["D/r.yaml:17:13: 细则 id PRO-01 重复"])
        XCTAssertEqual(try errors(Self.good.replacingOccurrences(of: "points: 10", with: "points: 5") + """

              - id: procedure
                title: 又一个
                points: 5
                rules: []
            """), ["D/r.yaml:17:9: 类别 id procedure 重复"])
    }

    func testPointsMustAddUpToTotal() throws {
        XCTAssertEqual(try errors(replacing("total: 10", "total: 12")), ["D/r.yaml:4:8: total 为 12，但各类别分值之和为 10"])
    }

    func testGradeBandsOutOfOrderAndUnknownVetoGrade() throws {
        XCTAssertEqual(try errors(replacing("{ name: 不合格, min: 0 }", "{ name: 不合格, min: 6 }")),
                       ["D/r.yaml:7:23: 等次应从高到低排列：“不合格”的 min 6 不低于上一等次“合格”的 6"])
        XCTAssertEqual(try errors(replacing("total: 10", "total: 10\nveto_grade: 不合格格")),
                       ["D/r.yaml:5:13: veto_grade“不合格格”不是已定义的等次，是否为“不合格”？"])
    }

    func testIncludesMissingOrTwice() throws {
        write("common/ts.yaml", "categories:\n  - id: three_systems\n    title: 三项制度\n    points: 5\n    rules: []\n")
        XCTAssertEqual(try errors(replacing("total: 10", "total: 15\ninclude: [common/none.yaml]")),
                       ["D/r.yaml:5:11: 找不到包含的片段文件 D/common/none.yaml", "D/r.yaml:4:8: total 为 15，但各类别分值之和为 10"])
        XCTAssertEqual(try errors(replacing("total: 10", "total: 15\ninclude: [common/ts.yaml, ./common/ts.yaml]")),
                       ["D/r.yaml:5:27: 片段 ./common/ts.yaml 被重复包含"])
        XCTAssertEqual(try errors(replacing("total: 10", "total: 15\ninclude: [common/ts.yaml]")), [])
    }

    func testRuleShapeErrors() throws {
        XCTAssertEqual(try errors(replacing("    check: decision_date <= add_days(filed_date, 90)", "    manual: true\n        check: publicized")),
                       ["D/r.yaml:16:9: 细则 PRO-01 只能有 check、count、manual 之一，这里同时有 check、manual"])
        XCTAssertEqual(try errors(replacing("deduct: 3", "deduct: 0")), ["D/r.yaml:16:17: deduct 应大于 0"])
        XCTAssertEqual(try errors(replacing("deduct: 3", "deduct: 3\n        missing: never")),
                       ["D/r.yaml:17:18: missing 不能是“never”（可用：review、fail、pass、skip）"])
        XCTAssertEqual(try errors(replacing("deduct: 3", "deduct: 3\n        disposition: corect")),
                       ["D/r.yaml:17:22: disposition 不能是“corect”，是否为 correct？"])
        XCTAssertEqual(try errors(replacing("deduct: 3", "deduct: 3\n        max: 5")), ["D/r.yaml:17:9: max 只用于 count 细则"])
    }

    func testExpressionErrorsPointInsideTheExpression() throws {
        XCTAssertEqual(try errors(replacing("decision_date <= add_days(filed_date, 90)", "decision_date <= add_days(filed_dte, 90)")),
                       ["D/r.yaml:15:42: 未知字段 filed_dte，是否为 filed_date？"])
        XCTAssertEqual(try errors(replacing("check: decision_date <= add_days(filed_date, 90)", "check: \"procedure == '普通'\"")),
                       ["D/r.yaml:15:30: 不认识的字符“'”"])
        XCTAssertEqual(try errors(replacing("total: 10", "total: 10\napplies_when: enforcement_type == \"行政处法\"")),
                       ["D/r.yaml:5:35: 字段 enforcement_type 没有取值“行政处法”，是否为“行政处罚”？"])
        XCTAssertEqual(try errors(replacing("check: decision_date <= add_days(filed_date, 90)", "check: |\n          publicized and\n          cause > 3")),
                       ["D/r.yaml:17:17: “>”只能比较两个数字或两个日期，这里是文本和数字"])
    }

    func testDuplicateRubricIdsAcrossFiles() throws {
        write("a.yaml", Self.good)
        write("b.yaml", Self.good)
        let loader = RubricLoader(catalogue: .builtIn(), calendar: .builtIn())
        let rubrics = try loader.load(paths: [dir])
        XCTAssertEqual(rubrics.count, 1)
        XCTAssertEqual(loader.errors.map { $0.message.replacingOccurrences(of: dir, with: "D") }, ["D/b.yaml:1:5: 评查标准 id demo 与 D/a.yaml 重复"])
    }

    func testYAMLSyntaxError() throws {
        XCTAssertEqual(try errors("id: demo\n  title: x\n"), ["D/r.yaml:2:8: YAML 语法错误：此处不能出现“键: 值”（常见原因：冒号后缺少空格或缩进错误）"])
    }
}
