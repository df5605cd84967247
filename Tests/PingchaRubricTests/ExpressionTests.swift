import XCTest
@testable import PingchaRubric
import PingchaModel
import PingchaCatalogue

/// The rule language: Kleene logic, exact decimals, functions, and type errors at their
/// exact offsets.
final class ExpressionTests: XCTestCase {
    let catalogue = FieldCatalogue.builtIn()
    lazy var compiler = ExpressionCompiler(catalogue: catalogue, calendar: .builtIn())

    func record(_ values: [String: FieldValue]) -> CaseRecord {
        var r = CaseRecord(values: [FieldValue?](repeating: nil, count: catalogue.count), fileIndex: 0, line: 2)
        for (k, v) in values { r[catalogue.index(of: k)!] = v }
        return r
    }

    func truth(_ source: String, _ values: [String: FieldValue] = [:]) throws -> Truth {
        try compiler.predicate(source).evaluate(record(values))
    }

    func number(_ source: String, _ values: [String: FieldValue] = [:]) throws -> ExactNumber? {
        try compiler.number(source).evaluate(record(values))
    }

    func date(_ y: Int, _ m: Int, _ d: Int) -> FieldValue { .date(CivilDate(year: y, month: m, day: d)!) }

    func testKleeneTruthTables() throws {
        // publicized: true / false / missing stand for T / F / U.
        let values: [Truth: [String: FieldValue]] = [.yes: ["publicized": .bool(true)], .no: ["publicized": .bool(false)], .unknown: [:]]
        let others: [Truth: [String: FieldValue]] = [.yes: ["av_recorded": .bool(true)], .no: ["av_recorded": .bool(false)], .unknown: [:]]
        let and: [Truth: [Truth: Truth]] = [
            .yes: [.yes: .yes, .no: .no, .unknown: .unknown],
            .no: [.yes: .no, .no: .no, .unknown: .no],
            .unknown: [.yes: .unknown, .no: .no, .unknown: .unknown],
        ]
        let or: [Truth: [Truth: Truth]] = [
            .yes: [.yes: .yes, .no: .yes, .unknown: .yes],
            .no: [.yes: .yes, .no: .no, .unknown: .unknown],
            .unknown: [.yes: .yes, .no: .unknown, .unknown: .unknown],
        ]
        for a in [Truth.yes, .no, .unknown] {
            for b in [Truth.yes, .no, .unknown] {
                let v = values[a]!.merging(others[b]!) { $1 }
                XCTAssertEqual(try truth("publicized and av_recorded", v), and[a]![b]!, "\(a) and \(b)")
                XCTAssertEqual(try truth("publicized or av_recorded", v), or[a]![b]!, "\(a) or \(b)")
            }
            XCTAssertEqual(try truth("not publicized", values[a]!), !a)
        }
        XCTAssertEqual(try truth("present(publicized)"), .no)
        XCTAssertEqual(try truth("missing(publicized)"), .yes)
        XCTAssertEqual(try truth("fine_amount > 100"), .unknown)
    }

    func testExactDecimals() throws {
        XCTAssertEqual(try number("0.1 + 0.2"), ExactNumber(literal: "0.3"))
        XCTAssertEqual(try number("1 / 3"), ExactNumber(literal: "0.3333333333"))
        XCTAssertEqual(try number("2 / 3"), ExactNumber(literal: "0.6666666667"))
        // Half-even at the eleventh place: 0.00000000005 rounds to 0.0000000000, 0.00000000015 to 0.0000000002.
        XCTAssertEqual(try number("1 / 20000000000"), ExactNumber(literal: "0"))
        XCTAssertEqual(try number("3 / 20000000000"), ExactNumber(literal: "0.0000000002"))
        XCTAssertNil(try number("1 / 0"), "division by zero is unknown")
        XCTAssertEqual(try number("fine_amount * 2 - 0.5", ["fine_amount": .number(DecimalNumber("1234.25")!)]), ExactNumber(literal: "2468"))
        XCTAssertEqual(try number("-(3 - len(evidence_types))", ["evidence_types": .list(["书证", "物证"])]), ExactNumber(-1))
        XCTAssertNil(try number("3 - len(evidence_types)"))
        XCTAssertEqual(try number("min(2, 3) + max(2, 3) + abs(-4)"), ExactNumber(9))
    }

    func testDatesAndCalendarFunctions() throws {
        let v: [String: FieldValue] = ["filed_date": date(2024, 2, 8), "decision_date": date(2024, 2, 19)]
        XCTAssertEqual(try number("days(filed_date, decision_date)", v), ExactNumber(11))
        // 02-09 Fri working, 02-10..17 Spring Festival, 02-18 Sun adjusted working day, 02-19 Mon.
        XCTAssertEqual(try number("workdays(filed_date, decision_date)", v), ExactNumber(3))
        XCTAssertEqual(try truth("decision_date == add_workdays(filed_date, 3)", v), .yes)
        XCTAssertEqual(try truth("add_days(filed_date, 3) == date(\"2024-02-18\")", v), .yes, "02-11 is a rest day: rolls to the working Sunday 02-18")
        XCTAssertEqual(try number("year(decision_date) * 100 + month(decision_date)", v), ExactNumber(202402))
        XCTAssertEqual(try truth("decision_date > filed_date and filed_date < date(\"2024-03-01\")", v), .yes)
    }

    func testTextListsEnumsAndPatterns() throws {
        let v: [String: FieldValue] = ["penalty_kinds": .list(["罚款", "没收违法所得"]), "procedure": .text("普通程序"),
                                       "penalty_basis": .text("《中华人民共和国食品安全法》第一百二十四条第一款")]
        XCTAssertEqual(try truth("\"罚款\" in penalty_kinds", v), .yes)
        XCTAssertEqual(try truth("\"警告\" not in penalty_kinds", v), .yes)
        XCTAssertEqual(try truth("contains(penalty_kinds, \"罚款\") and contains(penalty_basis, \"第一百二十四条\")", v), .yes)
        XCTAssertEqual(try truth("any_of(penalty_kinds, [\"吊销许可证件\", \"没收违法所得\"])", v), .yes)
        XCTAssertEqual(try truth("procedure == \"一般程序\"", v), .yes, "a synonym compares as its canonical value")
        XCTAssertEqual(try truth("procedure in [\"简易程序\", \"快速办理\"]", v), .no)
        XCTAssertEqual(try truth("matches(penalty_basis, \"第[一二三四五六七八九十百]+条\")", v), .yes)
        XCTAssertEqual(try truth("matches(penalty_basis, \"^第\")", v), .no)
        XCTAssertEqual(try number("len(penalty_basis)", v), ExactNumber(24))
        XCTAssertEqual(try truth("coalesce(publicized, true)"), .yes)
        XCTAssertEqual(try truth("\"罚款\" in [cause, \"警告\"]"), .unknown, "no match and an unknown element")
    }

    func testTypeErrorsCarryTheirOffsets() {
        func error(_ source: String) -> ExpressionError? {
            do { _ = try compiler.predicate(source); return nil } catch { return error }
        }
        XCTAssertEqual(error("decison_date <= date(\"2024-01-01\")"), ExpressionError(offset: 0, message: "未知字段 decison_date，是否为 decision_date？"))
        XCTAssertEqual(error("decision_date > 5"), ExpressionError(offset: 14, message: "“>”只能比较两个数字或两个日期，这里是日期和数字"))
        XCTAssertEqual(error("add_day(filed_date, 3) > filed_date"), ExpressionError(offset: 0, message: "未知函数 add_day，是否为 add_days？"))
        XCTAssertEqual(error("present(filed_date, decision_date)"), ExpressionError(offset: 0, message: "函数 present 需要1个参数，这里有2个"))
        XCTAssertEqual(error("enforcement_type == \"行政处法\""), ExpressionError(offset: 20, message: "字段 enforcement_type 没有取值“行政处法”，是否为“行政处罚”？"))
        XCTAssertEqual(error("matches(cause, \"[\")")?.offset, 15)
        XCTAssertEqual(error("publicized and fine_amount")?.message, "“and”需要布尔值，这里是数字")
        XCTAssertEqual(error("publicized and fine_amount")?.offset, 15)
        XCTAssertEqual(error("decision_date = filed_date"), ExpressionError(offset: 14, message: "“=”不是运算符，比较相等请用“==”"))
        XCTAssertEqual(error("(publicized"), ExpressionError(offset: 11, message: "此处应为“)”（与前面的“(”配对），却是“表达式结尾”"))
        XCTAssertEqual(error("filed_date + 3 > decision_date"), ExpressionError(offset: 11, message: "日期不能直接加减，请用 add_days、add_workdays、days 或 workdays"))
        XCTAssertEqual(error("fine_amount"), ExpressionError(offset: 0, message: "这里需要布尔值（条件），表达式却是数字"))
        XCTAssertEqual(error("date(\"2024-02-30\") > filed_date"), ExpressionError(offset: 5, message: "“2024-02-30”不是有效日期（应为 YYYY-MM-DD）"))
    }

    func testFieldsReadAreRecorded() throws {
        let p = try compiler.predicate("decision_date <= add_days(filed_date, 90) or extension_approved")
        XCTAssertEqual(p.fields.map { catalogue[$0].id }, ["decision_date", "filed_date", "extension_approved"])
    }
}
