import PingchaModel
import XCTest
import PingchaCatalogue

/// The field catalogue's messages that CatalogueLoadingErrorTests does not show, one row each,
/// with the exact `file:line:col`.
final class CatalogueMessageTests: XCTestCase {
    static let head = "fields:\n  - id: case_id\n    type: text\n    name: 案件编号\n"

    /// (what is wrong, the catalogue, the exact message).
    static let table: [(String, String, String)] = [
        ("a field that is no mapping", "fields:\n  - case_id\n", "cat.yaml:2:5: 字段定义 应为键值映射"),
        ("missing id", "fields:\n  - type: text\n    name: 甲\n", "cat.yaml:2:5: 字段定义缺少必填的键 id"),
        ("missing type", "fields:\n  - id: a\n    name: 甲\n", "cat.yaml:2:5: 字段定义缺少必填的键 type"),
        ("a key twice", "fields:\n  - id: a\n    type: text\n    name: 甲\n    name: 乙\n",
         "cat.yaml:4:5: YAML 语法错误：键 name 重复（同一层只能写一次，此处是第一次出现）"),
        ("name not text", head + "  - id: a\n    type: text\n    name: [甲]\n", "cat.yaml:7:11: name 应为文本"),
        ("personal not true/false", head + "  - id: a\n    type: text\n    name: 甲\n    personal: 部分\n", "cat.yaml:8:15: personal 应为 true 或 false"),
        ("aliases not a list", head + "  - id: a\n    type: text\n    name: 甲\n    aliases: { 甲: 1 }\n", "cat.yaml:8:14: aliases 应为列表"),
        ("an alias that is no text", head + "  - id: a\n    type: text\n    name: 甲\n    aliases: [[甲]]\n", "cat.yaml:8:15: aliases 应为文本列表"),
        ("values not text", head + "  - id: a\n    type: enum\n    name: 甲\n    values: [[是]]\n", "cat.yaml:8:14: values 应为文本列表"),
        ("synonyms not a list", head + "  - id: a\n    type: enum\n    name: 甲\n    values:\n      是: { 对: 1 }\n", "cat.yaml:9:10: values 应为列表"),
        ("an empty enum", head + "  - id: a\n    type: enum\n    name: 甲\n    values: []\n", "cat.yaml:5:5: 枚举字段 a 没有列出取值（values）"),
        ("id not text", "fields:\n  - id: [a]\n    type: text\n    name: 甲\n", "cat.yaml:2:9: id 应为文本"),
    ]

    func testEveryRemainingCatalogueMessageWithItsPosition() {
        for (what, yaml, expected) in Self.table {
            XCTAssertThrowsError(try FieldCatalogueLoader.load(yaml: yaml, path: "cat.yaml"), what) { error in
                XCTAssertEqual((error as? PingchaError)?.message, expected, what)
            }
        }
    }
}

/// YAML syntax errors, as every YAML file of pingcha (catalogue, rubrics, profiles, fixtures,
/// mapping, calendar, report settings) reports them: in Chinese, at the place the parser stopped.
final class YAMLSyntaxMessageTests: XCTestCase {
    static let table: [(String, String)] = [
        ("a: [1, 2\n", "y.yaml:2:1: YAML 语法错误：缺少“,”或“]”（常见原因：方括号未闭合）"),
        ("a: {b: 1\n", "y.yaml:2:1: YAML 语法错误：缺少“,”或“}”（常见原因：花括号未闭合）"),
        ("a: \"x\\q\"\n", "y.yaml:1:6: YAML 语法错误：双引号中有不认识的转义字符“\\”（反斜杠请写成“\\\\”，或改用单引号）"),
        ("a: \"x\" y\n", "y.yaml:1:8: YAML 语法错误：找不到预期的键（常见原因：缩进不一致）"),
        ("a: - b\n", "y.yaml:1:4: YAML 语法错误：此处不能出现列表项“-”（常见原因：缩进错误）"),
        ("a: [x, , y]\n", "y.yaml:1:8: YAML 语法错误：此处缺少内容（常见原因：多余的“-”“,”或缩进错误）"),
        ("a: 1\n b: 2\n", "y.yaml:2:3: YAML 语法错误：此处不能出现“键: 值”（常见原因：冒号后缺少空格或缩进错误）"),
        ("a:\n  - x\n  y: 1\n", "y.yaml:3:3: YAML 语法错误：缺少列表项的“-”（常见原因：缩进不一致）"),
        ("a: 'x\n", "y.yaml:2:1: YAML 语法错误：文件意外结束（常见原因：引号未闭合）"),
        ("a: 1\na: 2\n", "y.yaml:1:1: YAML 语法错误：键 a 重复（同一层只能写一次，此处是第一次出现）"),
        ("a:\n\t- x\n", "y.yaml:2:1: YAML 语法错误：出现了不能开始任何内容的字符（常见原因：使用了制表符缩进）"),
    ]

    func testEverySyntaxMessageInChinese() {
        for (yaml, expected) in Self.table {
            XCTAssertThrowsError(try YAMLReader(path: "y.yaml").parse(yaml), yaml) { error in
                XCTAssertEqual((error as? PingchaError)?.message, expected, yaml)
            }
        }
    }
}
