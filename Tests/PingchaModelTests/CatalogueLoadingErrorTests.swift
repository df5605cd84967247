import PingchaModel
import XCTest
import PingchaCatalogue

/// A field catalogue (`--fields FILE`) that does not load says where and why, `file:line:col`
/// first; the positions below are counted by hand in each text (lines and columns from 1).
final class CatalogueLoadingErrorTests: XCTestCase {
    func message(_ yaml: String) -> String {
        do {
            let c = try FieldCatalogueLoader.load(yaml: yaml, path: "cat.yaml")
            return "loaded \(c.count) fields"
        } catch {
            return error.message
        }
    }

    static let head = "version: 1\nfields:\n  - id: case_id\n    type: text\n    name: 案件编号\n"

    func testAValidCatalogueLoadsInOrderWithItsLines() throws {
        let c = try FieldCatalogueLoader.load(yaml: Self.head + """
              - id: procedure
                type: enum
                name: 程序类型
                required: 是
                values:
                  普通程序: [一般程序]
                  简易程序: ~
            """, path: "cat.yaml")
        XCTAssertEqual(c.fields.map(\.id), ["case_id", "procedure"])
        XCTAssertEqual(c.fields.map(\.line), [3, 6])
        XCTAssertEqual(c["procedure"]?.values, [AllowedValue(value: "普通程序", synonyms: ["一般程序"]), AllowedValue(value: "简易程序")])
        XCTAssertEqual(c.requiredIndices, [1])
        XCTAssertEqual(c.source, "cat.yaml")
    }

    /// `implied_by`: headers that give every row the field's value when it has no column; the
    /// value must be one of an enum's canonical values.
    func testImpliedBy() throws {
        let body = """
              - id: enforcement_type
                type: enum
                name: 执法类别
                values: { 行政处罚: [处罚], 行政许可: [] }

            """
        let c = try FieldCatalogueLoader.load(yaml: Self.head + body + "    implied_by: { 行政处罚决定书文号: 行政处罚, 行政许可决定文书号: 行政许可 }\n", path: "cat.yaml")
        XCTAssertEqual(c["enforcement_type"]?.impliedBy.map(\.header), ["行政处罚决定书文号", "行政许可决定文书号"])
        XCTAssertEqual(c["enforcement_type"]?.impliedBy.map(\.value), ["行政处罚", "行政许可"])
        // Line 10 is the implied_by line; the value 处罚 (a synonym, not a value) starts in column 30.
        XCTAssertEqual(message(Self.head + body + "    implied_by: { 行政处罚决定书文号: 处罚 }\n"),
                       "cat.yaml:10:30: 字段 enforcement_type 没有取值“处罚”（可用取值：行政处罚、行政许可）")
    }

    func testUnknownKeyWithAndWithoutASuggestion() {
        // Line 6 is `    aliase: [编号]`; the key starts in column 5.
        XCTAssertEqual(message(Self.head + "    aliase: [编号]\n"), "cat.yaml:6:5: 未知的键 aliase，是否为 aliases？")
        XCTAssertEqual(message(Self.head + "    alias: [编号]\n"),
                       "cat.yaml:6:5: 未知的键 alias（可用的键：id、type、name、aliases、required、values、personal、note、unit、implied_by）")
        XCTAssertEqual(message("version: 1\nfield: []\n"), "cat.yaml:2:1: 未知的键 field，是否为 fields？")
    }

    func testUnknownTypeAtItsValue() {
        // `    type: txt`: the value starts in column 11.
        XCTAssertEqual(message("fields:\n  - id: a\n    type: txt\n    name: 甲\n"),
                       "cat.yaml:3:11: 未知的字段类型 txt，是否为 text？（可用类型：text、number、bool、date、enum、list）")
    }

    func testDuplicateIdNamesTheFirstLine() {
        // The second definition's mapping starts after `  - `, line 6 column 5.
        XCTAssertEqual(message(Self.head + "  - id: case_id\n    type: text\n    name: 编号\n"),
                       "cat.yaml:6:5: 字段 case_id 重复定义（第一次定义在第3行）")
    }

    func testAHeaderSpellingClaimedByTwoFields() {
        XCTAssertEqual(message(Self.head + "  - id: doc_no\n    type: text\n    name: 文号\n    aliases: [案件 编号]\n"),
                       "cat.yaml:6:5: 表头别名“案件 编号”同时属于字段 doc_no 和字段 case_id（第3行），一个表头只能对应一个字段")
    }

    func testBadIdMissingKeyAndEnumWithoutValues() {
        XCTAssertEqual(message("fields:\n  - id: Case-ID\n    type: text\n    name: 甲\n"),
                       "cat.yaml:2:9: 字段标识 Case-ID 不合规：只能使用小写字母、数字和下划线，并以字母开头")
        XCTAssertEqual(message("fields:\n  - id: a\n    type: text\n"), "cat.yaml:2:5: 字段定义缺少必填的键 name")
        XCTAssertEqual(message("fields:\n  - id: a\n    type: enum\n    name: 甲\n"), "cat.yaml:2:5: 枚举字段 a 没有列出取值（values）")
        XCTAssertEqual(message("fields:\n  - id: a\n    type: text\n    name: 甲\n    required: 也许\n"),
                       "cat.yaml:5:15: required 应为 true 或 false")
    }

    func testTheDocumentItself() {
        XCTAssertEqual(message(""), "cat.yaml:1:1: 字段目录缺少必填的键 fields")
        XCTAssertEqual(message("version: 1\n"), "cat.yaml:1:1: 字段目录缺少必填的键 fields")
        XCTAssertEqual(message("fields: 全部\n"), "cat.yaml:1:9: fields 应为字段列表")
        XCTAssertEqual(message("- a\n- b\n"), "cat.yaml:1:1: 字段目录 应为键值映射")
    }

    func testYAMLSyntaxErrorsAreTranslated() {
        XCTAssertEqual(message("fields:\n  - id: a\n\ttype: text\n"),
                       "cat.yaml:3:1: YAML 语法错误：缩进中有制表符（Tab），请改用空格")
        XCTAssertEqual(message("fields:\n  - id: \"a\n"), "cat.yaml:3:1: YAML 语法错误：文件意外结束（常见原因：引号未闭合）")
    }

    func testAFileThatIsNotThere() {
        XCTAssertThrowsError(try FieldCatalogueLoader.load(path: "/nonexistent/fields.yaml")) { error in
            XCTAssertEqual((error as? PingchaError)?.message, "/nonexistent/fields.yaml: 找不到文件或文件夹")
        }
    }
}
