import Foundation
import XCTest
@testable import PingchaScoring
import PingchaRubric
import PingchaModel
import PingchaCatalogue

/// The values a finding shows are those its rule read for the case, in the rule's order: a
/// condition stops where it is settled; a count rule's expression is read whole.
final class FindingFieldsTests: XCTestCase {
    static let rubricText = """
        id: shown
        version: "1"
        title: 显示字段
        total: 100
        grades:
          - { name: 合格, min: 60 }
          - { name: 不合格, min: 0 }
        categories:
          - id: procedure
            title: 程序
            points: 100
            rules:
              - id: PUB
                title: 公示
                when: enforcement_type != "行政处罚" or any_of(penalty_kinds, ["罚款"])
                check: publicized or present(publicized_date)
                deduct: 3
              - id: LATE
                title: 送达（每逾期一个工作日扣0.5分）
                when: service_method != "邮寄送达" or missing(decision_date)
                count: workdays(add_workdays(decision_date, 7), served_date)
                deduct: 0.5
                max: 2
        """

    let catalogue = FieldCatalogue.builtIn()
    var scorer: Scorer!

    override func setUpWithError() throws {
        let dir = NSTemporaryDirectory() + "pingcha-shown-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        FileManager.default.createFile(atPath: dir + "/shown.yaml", contents: Data(Self.rubricText.utf8))
        let loader = RubricLoader(catalogue: catalogue, calendar: .builtIn())
        scorer = Scorer(rubrics: try loader.load(paths: [dir]))
        XCTAssertEqual(loader.errors, [])
    }

    /// Of the fields the last ``shown(_:)`` call gave, those only each rule's condition read.
    var conditions: [String: [String]] = [:]

    func shown(_ values: [String: FieldValue]) -> [String: [String]] {
        var r = CaseRecord(values: [FieldValue?](repeating: nil, count: catalogue.count), fileIndex: 0, line: 2)
        for (k, v) in values { r[catalogue.index(of: k)!] = v }
        let result = scorer.score(r, rubric: 0)
        var out: [String: [String]] = [:]
        conditions = [:]
        for f in result.findings {
            let id = scorer.rubrics[0].rules[f.rule].id
            let (shown, only) = scorer.fieldsShownAndConditions(f, of: result, for: r)
            out[id] = shown.map { catalogue[$0].id }
            conditions[id] = only.map { catalogue[$0].id }
            XCTAssertEqual(shown, scorer.fieldsShown(f, of: result, for: r))
        }
        return out
    }

    func testALicensingCaseShowsNoPenaltyKindsAndACountRuleShowsWhatItCounts() {
        let d = { (s: String) in FieldValue.date(CivilDate(iso: s)!) }
        let licensing = shown(["enforcement_type": .text("行政许可"), "publicized": .bool(false), "service_method": .text("直接送达"),
                               "decision_date": d("2024-03-01"), "served_date": d("2024-03-20")])
        XCTAssertEqual(licensing["PUB"], ["enforcement_type", "publicized", "publicized_date"])
        XCTAssertEqual(conditions["PUB"], ["enforcement_type"])      // why it applies, not what it found
        XCTAssertEqual(conditions["LATE"], ["service_method"])
        XCTAssertEqual(licensing["LATE"], ["service_method", "decision_date", "served_date"])
        let penalty = shown(["enforcement_type": .text("行政处罚"), "penalty_kinds": .list(["罚款"]), "publicized": .bool(true),
                             "service_method": .text("直接送达"), "decision_date": d("2024-03-01"), "served_date": d("2024-03-20")])
        XCTAssertEqual(penalty["PUB"], nil)   // passed: no finding
        XCTAssertEqual(penalty["LATE"], ["service_method", "decision_date", "served_date"])
    }
}
