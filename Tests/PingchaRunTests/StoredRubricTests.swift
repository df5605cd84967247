import Foundation
import PingchaModel
import PingchaRubric
import PingchaStore
import PingchaTestSupport
import XCTest
import PingchaCatalogue

/// The rubric stored with a batch reads back exactly: every rule of the bundled standards,
/// decimals without a binary detour, and a damaged definition refused, never defaulted.
final class StoredRubricTests: XCTestCase {
    func testEveryBundledStandardRoundTripsExactly() throws {
        let set = try RubricLoader(catalogue: .builtIn(), calendar: .builtIn()).loadChecked(paths: [CommandRunner.packageRoot + "/rubrics"])
        XCTAssertEqual(set.rubrics.count, 5)
        for rubric in set.rubrics {
            let stored = StoredRubric(rubric)
            let read = try StoredRubric(json: stored.json)
            XCTAssertEqual(read.json, stored.json, rubric.id)
            XCTAssertEqual(read.rules.count, rubric.rules.count, rubric.id)
            XCTAssertEqual(read.rules.map(\.deduct), rubric.rules.map(\.deduct), rubric.id)
            XCTAssertEqual(read.categories.map(\.points), rubric.categories.map(\.points), rubric.id)
            XCTAssertEqual(read.rules.map(\.disposition), rubric.rules.map(\.disposition), rubric.id)
        }
        // PRO-10 deducts 0.5 a working day: 0.5 exactly, not 0.49999….
        let general = try StoredRubric(json: StoredRubric(try XCTUnwrap(set.rubrics.first { $0.id == "penalty-general" })).json)
        XCTAssertEqual(general.rule("PRO-10")?.deduct, DecimalNumber("0.5"))
        XCTAssertEqual(general.rule("PRO-10")?.max, DecimalNumber(2))
        XCTAssertNil(general.rule("NO-SUCH"))
    }

    func testDecimalsReadFromTheirText() throws {
        let json = #"""
            {"id":"r","version":"1","title":"t","total":100,"grades":[{"name":"合格","min":60.25}],"veto_grade":"合格",
             "categories":[{"id":"c","title":"类","points":33.3333}],
             "rules":[{"id":"A","title":"a","category":"c","problem":"p","deduct":0.1,"veto":false,"manual":true,"disposition":"improve"}]}
            """#
        let r = try StoredRubric(json: json)
        XCTAssertEqual(r.grades[0].min.units, 602_500)
        XCTAssertEqual(r.categories[0].points.units, 333_333)
        XCTAssertEqual(r.rules[0].deduct.units, 1_000)
        XCTAssertEqual(r.rules[0].disposition, .improve)
        XCTAssertTrue(r.rules[0].manual)
        XCTAssertNil(r.rules[0].basis)
    }

    func testADamagedDefinitionIsRefusedNotDefaulted() {
        let withoutTotal = #"{"id":"r","version":"1","title":"t","grades":[],"veto_grade":"x","categories":[],"rules":[]}"#
        XCTAssertThrowsError(try StoredRubric(json: withoutTotal)) { error in
            XCTAssertTrue("\(error)".hasPrefix("数据库中保存的评查标准定义已损坏，无法读取："), "\(error)")
            XCTAssertTrue("\(error)".contains("total"), "\(error)")
        }
        let unknownDisposition = #"{"id":"r","version":"1","title":"t","total":100,"grades":[],"veto_grade":"x","categories":[],"rules":[{"id":"A","title":"a","category":"c","problem":"p","deduct":1,"veto":false,"manual":false,"disposition":"later"}]}"#
        XCTAssertThrowsError(try StoredRubric(json: unknownDisposition))
    }
}
