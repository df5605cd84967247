import XCTest
import PingchaAnalytics
import PingchaModel

/// The 执法人员 and 检查台账 tables of `pingcha stats`, worked by hand.
final class StaffAndInspectionsTests: XCTestCase {
    let here = SourceLocation(file: "名册.csv")

    func member(_ body: String, _ name: String, _ number: String?, _ certified: Bool?, _ hours: String?) -> StaffMember {
        StaffMember(body: body, name: name, certificateNumber: number, certified: certified,
                    trainingHours: hours.flatMap { DecimalNumber($0) }, location: here)
    }

    /// 甲局: A (是, 60 — exactly the minimum), B (是, 59.5), C (否, blank), A again (same number).
    /// 乙局: D (no number, 是, 80) twice by name, E (持证 blank, 100).
    /// 持证率 甲 2/3, 乙 1/1, 合计 3/4; 培训达标率 甲 1/2, 乙 2/2, 合计 3/4.
    func testStaffFiguresCountEachOfficerOnceAndBlanksApart() {
        let roster = [
            member("甲局", "A", "001", true, "60"), member("甲局", "B", "002", true, "59.5"),
            member("甲局", "C", "003", false, nil), member("甲局", "A", "001", true, "60"),
            member("乙局", "D", nil, true, "80"), member("乙局", "D", nil, true, "80"), member("乙局", "E", nil, nil, "100"),
        ]
        let table = BodyTable.staff(roster, bodies: ["乙局", "丙局", "甲局"], minimumHours: DecimalNumber("60")!, basis: "第十八条")
        XCTAssertEqual(table.title, "执法人员")
        XCTAssertEqual(table.columns, ["人数", "持证", "未持证", "持证率", "培训达标", "培训不足", "未填学时", "达标率"])
        XCTAssertEqual(table.rows.map(\.body), ["乙局", "丙局", "甲局"], "every body of the report, in its order, 0 where none is listed")
        XCTAssertEqual(table.rows.map { $0.values.map(\.shortText) }, [
            ["2", "1", "0", "100.0%", "2", "0", "0", "100.0%"],
            ["0", "0", "0", "—", "0", "0", "0", "—"],
            ["3", "2", "1", "66.7%", "1", "1", "1", "50.0%"],
        ])
        XCTAssertEqual(table.total.values.map(\.text), ["5", "3", "1", "3/4 = 75.0%", "3", "1", "1", "3/4 = 75.0%"])
        XCTAssertEqual(table.definitions[1], "持证率 = 持证人数 ÷（持证人数 + 未持证人数）；名册未填写是否持证的不计入分母（共1人：乙局1人）。")
        XCTAssertTrue(table.definitions[0].hasSuffix("（重复列出 2 行，未重复计算）。"), table.definitions[0])
        XCTAssertEqual(table.definitions[2], "培训达标：年度培训学时不少于60学时；达标率 = 培训达标人数 ÷ 填写了培训学时的人数（未填学时的不计入分母）。依据：第十八条")
    }

    /// The 情况说明's low-training test, exact at the boundary: 3 of 5 is 60 %, not below 60;
    /// 5 of 8 is 62.5 %, not below 62.5; a body without hours filled in is not judged.
    func testTrainingRateBelowAPercentageIsExact() {
        func figures(trained: Int, under: Int, blank: Int = 0) -> StaffFigures {
            var f = StaffFigures()
            (f.trained, f.undertrained, f.trainingUnknown) = (trained, under, blank)
            return f
        }
        let sixty = DecimalNumber(60), odd = DecimalNumber("62.5")!
        XCTAssertFalse(figures(trained: 3, under: 2).trainingRate(below: sixty))
        XCTAssertTrue(figures(trained: 2, under: 3).trainingRate(below: sixty))
        XCTAssertTrue(figures(trained: 0, under: 1, blank: 4).trainingRate(below: sixty))
        XCTAssertFalse(figures(trained: 0, under: 0, blank: 4).trainingRate(below: sixty))
        XCTAssertFalse(figures(trained: 5, under: 3).trainingRate(below: odd))
        XCTAssertTrue(figures(trained: 4, under: 4).trainingRate(below: odd))
        XCTAssertTrue(figures(trained: 99, under: 1).trainingRate(below: DecimalNumber(100)))
        XCTAssertFalse(figures(trained: 100, under: 0).trainingRate(below: DecimalNumber(100)))
    }

    /// 甲局: 3-05 X twice (one inspection, one repeated line), 3-06 X (another day: another
    /// inspection), 4-01 Y without result and Z without date (incomplete), 2024-12-31 Z
    /// (outside). 乙局: 12-31 W, the period's last day. A body only the register names comes last.
    func testInspectionsCountOneObjectOneDayOnce() {
        func record(_ body: String, _ date: String?, _ object: String?, _ result: String?) -> InspectionRecord {
            InspectionRecord(body: body, date: date.flatMap { CivilDate(iso: $0) }, object: object, result: result, location: here)
        }
        let register = [
            record("甲局", "2025-03-05", "X", "合格"), record("甲局", "2025-03-05", "X", "责令整改"),
            record("甲局", "2025-03-06", "X", "合格"), record("甲局", "2025-04-01", "Y", nil),
            record("甲局", nil, "Z", "合格"), record("甲局", "2024-12-31", "Z", "合格"),
            record("乙局", "2025-12-31", "W", "合格"), record("丁局", "2025-07-01", "V", "合格"),
        ]
        let table = BodyTable.inspections(register, bodies: ["甲局", "乙局"], period: .year(2025))
        XCTAssertEqual(table.rows.map(\.body), ["甲局", "乙局", "丁局"])
        XCTAssertEqual(table.rows.map { $0.values.map(\.text) }, [["2", "1", "2", "1"], ["1", "0", "0", "0"], ["1", "0", "0", "0"]])
        XCTAssertEqual(table.total.values.map(\.text), ["4", "1", "2", "1"])
        XCTAssertTrue(table.definitions[0].contains("统计期间2025年1月1日至12月31日内"), table.definitions[0])
        // A report whose data stopped on 30 September counts nothing after it.
        let early = BodyTable.inspections(register, bodies: ["甲局", "乙局"],
                                          period: StatsPeriod(start: CivilDate(iso: "2025-01-01")!, cutoff: CivilDate(iso: "2025-09-30")!))
        XCTAssertEqual(early.total.values.map(\.text), ["3", "1", "2", "2"])
    }
}
