import XCTest
@testable import PingchaRubric
import PingchaModel
import PingchaCatalogue

/// Every message of the rule language — lexer, parser, types, functions, operators — with the
/// exact offset it points at (the rubric loader turns it into the YAML file's line and column).
final class ExpressionMessageTests: XCTestCase {
    /// (expression, offset, message).
    static let table: [(String, Int, String)] = [
        // Lexer.
        ("decision_date = filed_date", 14, "“=”不是运算符，比较相等请用“==”"),
        ("fine_amount > 5 ; 1", 16, "不认识的字符“;”"),
        ("fine_amount # 2", 12, "不认识的字符“#”"),
        ("cause == \"abc", 9, "字符串缺少结尾的引号"),
        ("$", 0, "“$”后应为参数名（如 $large_fine_person）"),
        ("fine_amount > 1.12345678901", 14, "数字“1.12345678901”无效（最多十位小数）"),
        // Parser.
        ("", 0, "表达式是空的"),
        ("publicized publicized", 11, "多余的“publicized”（是否缺少 and / or 或运算符？）"),
        ("(publicized", 11, "此处应为“)”（与前面的“(”配对），却是“表达式结尾”"),
        ("publicized and", 14, "表达式不完整"),
        ("publicized or", 13, "表达式不完整"),
        ("publicized and )", 15, "此处不能出现“)”"),
        // Names.
        ("nosuch_field", 0, "未知字段 nosuch_field"),
        ("decison_date <= date(\"2024-01-01\")", 0, "未知字段 decison_date，是否为 decision_date？"),
        ("$nope > 1", 0, "未知参数 $nope（本标准没有声明 params）"),
        ("nofn(1)", 0, "未知函数 nofn"),
        ("present(nosuch_fn(1))", 8, "未知函数 nosuch_fn"),
        ("add_day(filed_date, 3) > filed_date", 0, "未知函数 add_day，是否为 add_days？"),
        ("enforcement_type == \"行政处法\"", 20, "字段 enforcement_type 没有取值“行政处法”，是否为“行政处罚”？"),
        // Types and operators.
        ("fine_amount", 0, "这里需要布尔值（条件），表达式却是数字"),
        ("decision_date + 1 > filed_date", 14, "日期不能直接加减，请用 add_days、add_workdays、days 或 workdays"),
        ("decision_date > 5", 14, "“>”只能比较两个数字或两个日期，这里是日期和数字"),
        ("cause < \"a\"", 6, "“<”只能比较两个数字或两个日期，这里是文本和文本"),
        ("fine_amount == \"a\"", 12, "“==”两边的类型不同：数字和文本"),
        ("publicized == decision_date", 11, "“==”两边的类型不同：布尔值和日期"),
        ("\"a\" in [\"a\", 1]", 13, "列表的元素类型不一致：文本和数字"),
        ("[[\"a\"]] == [\"a\"]", 1, "列表里不能再放列表"),
        ("fine_amount in evidence_types", 0, "“in”左边应为文本（列表字段的元素），这里是数字"),
        ("\"a\" in cause", 7, "“in”右边应为列表，这里是文本"),
        ("not fine_amount", 4, "“not”需要布尔值，这里是数字"),
        ("publicized and fine_amount", 15, "“and”需要布尔值，这里是数字"),
        // Functions.
        ("present(cause, cause)", 0, "函数 present 需要1个参数，这里有2个"),
        ("date(cause) > filed_date", 5, "date 的参数应为“YYYY-MM-DD”形式的字符串"),
        ("date(\"2024-13-01\") > filed_date", 5, "“2024-13-01”不是有效日期（应为 YYYY-MM-DD）"),
        ("matches(cause, cause)", 15, "matches 的第二个参数应为写在引号里的正则表达式"),
        ("matches(cause, \"[\")", 15, "正则表达式“[”无效：写法有误（如方括号、圆括号不成对）"),
        ("add_days(cause, 1) > filed_date", 9, "函数 add_days 的第1个参数应为日期，这里是文本"),
        ("coalesce(fine_amount, \"x\") > 1", 22, "coalesce 的参数类型应相同：数字和文本"),
        ("coalesce([\"a\"], evidence_types) == evidence_types", 9, "coalesce 的参数不能是列表字面量"),
        ("any_of(evidence_types, [\"书证\", 2])", 30, "列表的元素类型不一致：文本和数字"),
    ]

    func testEveryMessageWithItsOffset() {
        let compiler = ExpressionCompiler(catalogue: .builtIn(), calendar: .builtIn())
        for (source, offset, message) in Self.table {
            do {
                _ = try compiler.predicate(source)
                XCTFail("accepted: \(source)")
            } catch {
                XCTAssertEqual(error, ExpressionError(offset: offset, message: message), source)
            }
        }
    }

    /// A mangled field name of a million characters: refused at once (no suggestion, none
    /// being within a third of its length), the message quoting its start and its length.
    func testHugeUnknownFieldIsRefusedQuickly() {
        let compiler = ExpressionCompiler(catalogue: .builtIn(), calendar: .builtIn())
        let name = "fine_amount" + String(repeating: "x_y", count: 333_330)
        XCTAssertEqual(name.count, 1_000_001)
        XCTAssertThrowsError(try compiler.predicate("publicized and \(name) > 1")) { error in
            XCTAssertEqual(error as? ExpressionError,
                           ExpressionError(offset: 15, message: "未知字段 fine_amountx_yx_yx_yx_yx_yx_yx_yx_yx_yx_…（共 1000001 个字符）"))
        }
        // A near miss still gets its suggestion.
        XCTAssertThrowsError(try compiler.predicate("fine_amout > 1")) { error in
            XCTAssertEqual(error as? ExpressionError, ExpressionError(offset: 0, message: "未知字段 fine_amout，是否为 fine_amount？"))
        }
    }

    /// A number expression (`count:`) that is no number.
    func testACountMustBeANumber() {
        let compiler = ExpressionCompiler(catalogue: .builtIn(), calendar: .builtIn())
        XCTAssertThrowsError(try compiler.number("publicized")) { error in
            XCTAssertEqual(error as? ExpressionError, ExpressionError(offset: 0, message: "这里需要数字（缺陷个数），表达式却是布尔值"))
        }
    }
}
