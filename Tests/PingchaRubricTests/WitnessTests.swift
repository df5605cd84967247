import XCTest
@testable import PingchaRubric
import PingchaModel
import PingchaCatalogue

/// The fields a finding shows: those its expressions read for the case, evaluated left to
/// right and stopping where the result is settled, not every field a branch could read.
final class WitnessTests: XCTestCase {
    let catalogue = FieldCatalogue.builtIn()
    lazy var compiler = ExpressionCompiler(catalogue: catalogue, calendar: .builtIn())

    func record(_ values: [String: FieldValue]) -> CaseRecord {
        var r = CaseRecord(values: [FieldValue?](repeating: nil, count: catalogue.count), fileIndex: 0, line: 2)
        for (k, v) in values { r[catalogue.index(of: k)!] = v }
        return r
    }

    /// The truth (which must equal the plain evaluation's) and the ids of the fields read.
    func witness(_ source: String, _ values: [String: FieldValue]) throws -> (Truth, [String]) {
        let p = try compiler.predicate(source)
        var fields: [Int] = []
        let truth = p.witness.evaluate(record(values), fields: &fields)
        XCTAssertEqual(truth, p.evaluate(record(values)), source)
        return (truth, fields.map { catalogue[$0].id })
    }

    func testEachConnectiveReadsItsRightOperandOnlyWhenTheLeftDoesNotSettleIt() throws {
        let a = "publicized", b = "av_recorded"
        func values(_ x: Bool?, _ y: Bool?) -> [String: FieldValue] {
            var v: [String: FieldValue] = [:]
            if let x { v[a] = .bool(x) }
            if let y { v[b] = .bool(y) }
            return v
        }
        // or: a true left operand settles it; otherwise (false or unknown) the right is read too.
        XCTAssertEqual(try witness("publicized or av_recorded", values(true, false)).1, [a])
        XCTAssertEqual(try witness("publicized or av_recorded", values(false, true)).1, [a, b])
        XCTAssertEqual(try witness("publicized or av_recorded", values(nil, true)).1, [a, b])
        XCTAssertEqual(try witness("publicized or av_recorded", values(false, false)).1, [a, b])
        // and: a false left operand settles it.
        XCTAssertEqual(try witness("publicized and av_recorded", values(false, true)).1, [a])
        XCTAssertEqual(try witness("publicized and av_recorded", values(true, false)).1, [a, b])
        XCTAssertEqual(try witness("publicized and av_recorded", values(nil, false)).1, [a, b])
        // not: its operand's fields; a plain expression: every field it reads, once each.
        XCTAssertEqual(try witness("not (publicized or av_recorded)", values(true, nil)).0, .no)
        XCTAssertEqual(try witness("not (publicized or av_recorded)", values(true, nil)).1, [a])
        XCTAssertEqual(try witness("publicized_date <= add_workdays(decision_date, 7) or publicized_date == decision_date", [:]).1,
                       ["publicized_date", "decision_date"])
    }

    /// TSY-01's condition for a licensing decision: the enforcement type settles it, so the
    /// penalty kinds it names for penalty cases are not shown as "未载明".
    func testTheConditionOfALicensingCaseLeavesOutThePenaltyKinds() throws {
        compiler.params = ["publicity_penalty_kinds": .list(["罚款"])]
        let when = "enforcement_type != \"行政处罚\" or missing(penalty_kinds) or any_of(penalty_kinds, $publicity_penalty_kinds)"
        XCTAssertEqual(try witness(when, ["enforcement_type": .text("行政许可")]).1, ["enforcement_type"])
        let penalty = try witness(when, ["enforcement_type": .text("行政处罚"), "penalty_kinds": .list(["警告"])])
        XCTAssertEqual(penalty.0, .no)
        XCTAssertEqual(penalty.1, ["enforcement_type", "penalty_kinds"])
    }
}
