import PingchaModel
import PingchaRubric
import XCTest

/// rubrics/statistics/training.yaml: the Art. 18 minimum and the 培训达标率 under which the
/// 情况说明 names a body, both read from the file, each mistake refused at its position.
final class TrainingRequirementTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    func testTheBundledFile() throws {
        let t = try TrainingRequirement.load(path: Self.root + "/" + TrainingRequirement.defaultPath)
        XCTAssertEqual(t.minimumHours, DecimalNumber(60))
        XCTAssertEqual(t.lowRatePercent, DecimalNumber(60))
        XCTAssertTrue(t.basis.hasPrefix("《克拉玛依市行政执法监督办法》第十八条"), t.basis)
    }

    /// Run from another folder with `--rubrics /path/rubrics`, the file beside those rubrics
    /// is read (the default path, relative to the working folder, was not found).
    func testTheFileBesideTheRubricsInUse() {
        XCTAssertEqual(TrainingRequirement.path(besideRubrics: ["/nowhere", Self.root + "/rubrics/"]),
                       Self.root + "/rubrics/statistics/training.yaml")
        XCTAssertEqual(TrainingRequirement.path(besideRubrics: [Self.root + "/rubrics/penalty-general.yaml"]), TrainingRequirement.defaultPath)
        XCTAssertEqual(TrainingRequirement.path(besideRubrics: []), TrainingRequirement.defaultPath)
    }

    func message(_ yaml: String) -> String {
        do {
            let t = try TrainingRequirement.parse(yaml: yaml, path: "t.yaml")
            return "loaded \(t.minimumHours) \(t.lowRatePercent)"
        } catch { return error.message }
    }

    func testTheThresholdIsAPercentageAboveZeroUpToAHundred() {
        func yaml(_ rate: String) -> String { "training:\n  minimum_hours: 60\n  low_rate_percent: \(rate)\n  basis: 第十八条\n" }
        XCTAssertEqual(message(yaml("62.5")), "loaded 60 62.5")
        XCTAssertEqual(message(yaml("100")), "loaded 60 100")
        XCTAssertEqual(message(yaml("0")), "t.yaml:3:21: low_rate_percent 应为大于 0、不大于 100 的百分数（如 60），不是“0”")
        XCTAssertEqual(message(yaml("120")), "t.yaml:3:21: low_rate_percent 应为大于 0、不大于 100 的百分数（如 60），不是“120”")
        XCTAssertEqual(message(yaml("60%")), "t.yaml:3:21: low_rate_percent 应为大于 0、不大于 100 的百分数（如 60），不是“60%”")
        XCTAssertEqual(message("training:\n  minimum_hours: 60\n  basis: 第十八条\n"), "t.yaml:2:3: training 部分缺少必填的键 low_rate_percent")
    }
}
