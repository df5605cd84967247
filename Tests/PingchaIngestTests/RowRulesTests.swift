import XCTest
@testable import PingchaIngest
import PingchaModel

/// Which rows are accepted, rejected or warned about, and the accounting per file.
final class RowRulesTests: XCTestCase {
    func testRequiredFieldsMissingOrInvalidRejectTheRow() {
        let f = IngestFixture()
        f.write("r.csv", "case_id,department,enforcement_type,decision_date\n"
            + ",卫生健康委员会,行政处罚,2024-03-05\n"
            + "W2,卫生健康委员会,行政处分,2024-03-05\n"
            + "W3,,,2024-03-05\n"
            + "W4,卫生健康委员会,处罚,2024-13-01\n")
        let r = f.ingest(["r.csv"])[0]
        XCTAssertEqual(r.rows, 4)
        XCTAssertEqual(r.accepted, 1)
        XCTAssertEqual(r.rejected, 3)
        XCTAssertEqual(f.rejects.map(\.line), [2, 3, 4])
        XCTAssertEqual(f.rejects[0].reasons, [.missingRequired(field: "case_id", name: "案件编号")])
        XCTAssertEqual(f.rejects[2].reasons, [.missingRequired(field: "department", name: "执法主体"),
                                              .missingRequired(field: "enforcement_type", name: "执法类别")])
        guard case .invalidRequired(let field, _, let raw, _) = f.rejects[1].reasons[0] else { return XCTFail() }
        XCTAssertEqual(field, "enforcement_type")
        XCTAssertEqual(raw, "行政处分")
        // The accepted row: synonym 处罚 → 行政处罚; the bad optional date is missing plus a warning.
        XCTAssertEqual(f.text(f.cases[0], "enforcement_type"), "行政处罚")
        XCTAssertNil(f.value(f.cases[0], "decision_date"))
        XCTAssertEqual(f.warnings.count, 1)
        XCTAssertEqual(f.warnings[0].line, 5)
        XCTAssertEqual(f.warnings[0].column, 4)
        XCTAssertEqual(f.warnings[0].field, "decision_date")
        XCTAssertEqual(f.warnings[0].raw, "2024-13-01")
        XCTAssertEqual(r.warningsByField, ["decision_date": 1])
    }

    /// "无" or "（空）" in a case number or a body's name says nothing was recorded: the row is
    /// refused saying so, as an empty cell is (it was a case numbered "无"), each on its own
    /// line rather than as the duplicate of the first; a number that merely contains 无 is kept.
    func testWordsForNothingAreNoCaseNumberOrBody() {
        let f = IngestFixture()
        f.write("n.csv", "case_id,department,enforcement_type\n"
            + "无,水利局,行政检查\n无,水利局,行政检查\n（空）,水利局,行政检查\n 不详 ,水利局,行政检查\nW5,暂无,行政检查\n"
            + "克水无〔2025〕1号,水利局,行政检查\n")
        let r = f.ingest(["n.csv"])[0]
        XCTAssertEqual(r.accepted, 1)
        XCTAssertEqual(r.rejected, 5)
        XCTAssertEqual(f.rejects.map(\.line), [2, 3, 4, 5, 6])
        XCTAssertEqual(f.rejects.map { $0.reasons.map(\.kind) }, Array(repeating: ["invalid_required"], count: 5))
        XCTAssertEqual(f.rejects[0].message, "必填字段 case_id（案件编号）的值“无”无效，应为实际的案件编号（“无”“不详”“暂无”之类的字样表示没有填写）")
        XCTAssertEqual(f.rejects[4].message, "必填字段 department（执法主体）的值“暂无”无效，应为实际的执法主体（“无”“不详”“暂无”之类的字样表示没有填写）")
        XCTAssertEqual(f.text(f.cases[0], "case_id"), "克水无〔2025〕1号")
    }

    func testRepeatedCaseInADepartmentRejectsTheLaterOneAcrossFiles() {
        let f = IngestFixture()
        f.write("1.csv", "case_id,department,enforcement_type\nK1,交通运输局,行政处罚\nK2,交通运输局,行政处罚\n")
        f.write("2.csv", "case_id,department,enforcement_type\nK1,公安局,行政处罚\nK2,交通运输局,行政许可\nK2,交通运输局,行政许可\n")
        let r = f.ingest(["1.csv", "2.csv"])
        XCTAssertEqual(r.map(\.accepted), [2, 1])
        XCTAssertEqual(r.map(\.rejected), [0, 2])
        XCTAssertEqual(f.rejects.map(\.line), [3, 4])
        XCTAssertEqual(f.rejects[0].reasons, [.duplicate(department: "交通运输局", caseId: "K2", firstFile: f.dir + "/1.csv", firstLine: 3)])
        XCTAssertTrue(r.allSatisfy(\.isBalanced))
    }

    func testHeaderUnitScalesBareAmounts() {
        let f = IngestFixture()
        f.write("u.csv", "案号,执法主体,执法类别,罚款金额（万元）\nA1,生态环境局,行政处罚,1.5\nA2,生态环境局,行政处罚,3000元\n")
        f.ingest(["u.csv"])
        XCTAssertEqual(f.value(f.cases[0], "fine_amount"), .number(DecimalNumber("15000")!))
        XCTAssertEqual(f.value(f.cases[1], "fine_amount"), .number(DecimalNumber("3000")!))
    }
}
