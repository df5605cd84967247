import Foundation
import XCTest
@testable import PingchaRubric
import PingchaModel
import PingchaCalendar
import PingchaCatalogue

/// The rectification cycle's periods (`rubrics/followup/periods.yaml`): what the file says,
/// every end date worked by hand on the built-in calendar (National Day 2024, Spring Festival
/// 2025, 30 days rolling over a holiday, a re-examination suspending the opinion), the warning
/// levels at their edges, and each mistake in the file with its exact position.
final class FollowupPeriodsTests: XCTestCase {
    let cal = WorkingDayCalendar.builtIn()
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    func periods() throws -> FollowupPeriods {
        try FollowupPeriods.load(path: Self.root + "/" + FollowupPeriods.defaultPath)
    }

    func d(_ s: String) -> CivilDate {
        let p = s.split(separator: "-").map { Int($0)! }
        return CivilDate(year: p[0], month: p[1], day: p[2])!
    }

    func testTheRepositoryFileStatesTheArticles() throws {
        let p = try periods()
        XCTAssertEqual(p.id, "followup")
        XCTAssertEqual(p[.noticeAnswer].wording, "10个工作日")
        XCTAssertEqual(p[.opinionCorrect].wording, "10个工作日")
        XCTAssertEqual(p[.reexamApply].wording, "5个工作日")
        XCTAssertEqual(p[.reexamDecide].wording, "10个工作日")
        XCTAssertEqual(p[.decisionReport].wording, "30日")
        XCTAssertEqual(p.warnWithin.length, 3)
        XCTAssertEqual(p.warnWithin.unit, .workingDays)
        XCTAssertTrue(p[.opinionCorrect].basis.hasPrefix("《克拉玛依市行政执法监督办法》第三十条第一款"))
        XCTAssertTrue(p[.decisionReport].basis.contains("第三十一条第三款"))
        XCTAssertTrue(p.source.hasPrefix("# 整改跟踪的期限"), p.source)
    }

    /// Served Friday 27 September 2024: 29 Sep (a Sunday worked) and 30 Sep count, 1–7 October
    /// do not, 12 October (a Saturday worked) does: the 10th working day is Wednesday 16 October.
    func testOpinionAcrossNationalDay2024() throws {
        let p = try periods()
        XCTAssertEqual(p[.opinionCorrect].end(from: d("2024-09-27"), calendar: cal), d("2024-10-16"))
        XCTAssertEqual(p[.reexamApply].end(from: d("2024-09-27"), calendar: cal), d("2024-10-10"))
    }

    /// Served Friday 24 January 2025: 26 Jan (Sunday worked), 27 Jan, then nothing until
    /// 5 February; 8 February is a Saturday worked: the 10th working day is Thursday 13 February.
    func testOpinionAcrossSpringFestival2025() throws {
        let p = try periods()
        XCTAssertEqual(p[.noticeAnswer].end(from: d("2025-01-24"), calendar: cal), d("2025-02-13"))
        XCTAssertEqual(p[.reexamApply].end(from: d("2025-01-24"), calendar: cal), d("2025-02-07"))
    }

    /// 30 calendar days, the last day rolled forward past rest days only.
    func testDecisionReportThirtyDaysRollOver() throws {
        let p = try periods()
        let report = p[.decisionReport]
        XCTAssertEqual(report.end(from: d("2024-03-04"), calendar: cal), d("2024-04-03"))  // a Wednesday: stays
        XCTAssertEqual(report.end(from: d("2024-03-05"), calendar: cal), d("2024-04-07"))  // 清明 4–6 Apr; Sunday 7 Apr is worked
        XCTAssertEqual(report.end(from: d("2024-08-02"), calendar: cal), d("2024-09-02"))  // Sunday 1 Sep → Monday
        XCTAssertEqual(report.end(from: d("2024-09-01"), calendar: cal), d("2024-10-08"))  // 1 Oct → after National Day
    }

    /// Applied on the 2nd working day (30 Sep), decided 10 Oct: 8 working days remain after it
    /// (11, 12 (Saturday worked), 14, 15, 16, 17, 18, 21 October).
    func testReexaminationSuspendsTheOpinion() throws {
        let p = try periods()
        XCTAssertEqual(p[.reexamDecide].end(from: d("2024-09-30"), calendar: cal), d("2024-10-18"))
        XCTAssertEqual(p.opinionEnd(served: d("2024-09-27"), reexamApplied: d("2024-09-30"), decided: d("2024-10-10"), calendar: cal),
                       d("2024-10-21"))
        // Applied on the day of service: nothing used, the whole 10 days run from the decision (30 Sep).
        XCTAssertEqual(p.opinionEnd(served: d("2024-09-27"), reexamApplied: d("2024-09-27"), decided: d("2024-09-30"), calendar: cal),
                       d("2024-10-18"))
    }

    /// Due Wednesday 16 October 2024: 黄 from three working days before (Saturday 12 October,
    /// worked, and the Sunday after it, which leaves the same three), 红 from the day after.
    func testWarningLevelsAtTheirEdges() throws {
        let p = try periods()
        let due = d("2024-10-16")
        XCTAssertEqual(p.level(due: due, asOf: d("2024-10-11"), calendar: cal), .none)
        XCTAssertEqual(p.level(due: due, asOf: d("2024-10-12"), calendar: cal), .yellow)
        XCTAssertEqual(p.level(due: due, asOf: d("2024-10-13"), calendar: cal), .yellow)
        XCTAssertEqual(p.level(due: due, asOf: due, calendar: cal), .yellow)
        XCTAssertEqual(p.level(due: due, asOf: d("2024-10-17"), calendar: cal), .red)
    }

    // MARK: - Mistakes in the file

    func file(replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOfFile: Self.root + "/" + FollowupPeriods.defaultPath, encoding: .utf8)
        XCTAssertTrue(text.contains(old), old)
        return text.replacingOccurrences(of: old, with: new)
    }

    func message(_ yaml: String) -> String {
        do {
            _ = try FollowupPeriods.parse(yaml: yaml, path: "f.yaml")
            return "loaded"
        } catch { return error.message }
    }

    func line(of needle: String, in text: String) -> Int {
        text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }! + 1
    }

    func testABadUnitAndLengthAreBothReportedWithPositions() throws {
        var yaml = try file(replacing: "    length: 30\n    unit: 日", with: "    length: 三十\n    unit: 天")
        yaml = yaml.replacingOccurrences(of: "warn_within:\n  length: 3", with: "warn_within:\n  length: 0")
        let (l1, l2, l3) = (line(of: "length: 三十", in: yaml), line(of: "unit: 天", in: yaml), line(of: "  length: 0", in: yaml))
        XCTAssertEqual(message(yaml), """
            f.yaml:\(l1):13: 期限 decision_report 的 length 应为正整数（天数），不是“三十”
            f.yaml:\(l2):11: 期限 decision_report 的 unit 应为“工作日”或“日”，不是“天”
            f.yaml:\(l3):11: warn_within 的 length 应为正整数（天数），不是“0”
            整改期限文件有 3 处错误
            """)
    }

    func testAMissingPeriodAMissingBasisAndAnUnknownKey() throws {
        let noDecide = try file(replacing: "  reexam_decide:\n    title: 作出复查决定", with: "  reexam_decided:\n    title: 作出复查决定")
        XCTAssertEqual(message(noDecide), "f.yaml:\(line(of: "reexam_decided:", in: noDecide)):3: 未知的键 reexam_decided，是否为 reexam_decide？")
        let noBasis = try file(replacing: "  basis: 网上预警", with: "  note: 网上预警")
        XCTAssertEqual(message(noBasis), "f.yaml:\(line(of: "  note: 网上预警", in: noBasis)):3: 未知的键 note（可用的键：length、unit、basis）")
        let lacks = try file(replacing: "    from: 收到复查申请之日\n", with: "")
        XCTAssertEqual(message(lacks), "f.yaml:\(line(of: "    title: 作出复查决定", in: lacks)):5: 期限 reexam_decide 缺少必填的键 from")
        XCTAssertEqual(message(""), "f.yaml: 整改期限文件是空的")
    }
}
