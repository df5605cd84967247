import Foundation
import XCTest
@testable import PingchaRun
import PingchaGenerate
import PingchaModel
import PingchaPublish
import PingchaRubric
import PingchaStore
import PingchaTestSupport

/// `followup status` on a generated batch with a notice to one department and an opinion to
/// another, one of whose cases applied for re-examination: stages, last days and levels on
/// chosen days (worked by hand in FollowupPeriodsTests), the art. 38(八) list, `--as-of`
/// giving the same answer before and after later events are recorded, and followup.xlsx.
final class FollowupStatusTests: XCTestCase {
    var dir = ""
    var items: [FollowupRegister.Item] = []
    var a = "", b = "", bCase = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pingcha-status-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/rubrics", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        try SyntheticExport(options: GeneratorOptions(cases: 120, years: [2024], seed: 5)).writeFile(atPath: dir + "/in/export.csv")
        let r = try CommandRunner.run(["run", "--quiet", "--db", "store.sqlite", "--input", "in", "--batch", "B", "--year", "2024"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        items = try Store(path: dir + "/store.sqlite").read { try StoredBatch.named("B", in: $0).rectificationItems($0) }
        a = items[0].department
        // b: a department with more than one case, so that some of its items are not re-examined.
        b = try XCTUnwrap(items.first { i in i.department != a && Set(items.filter { $0.department == i.department }.map(\.caseId)).count > 1 }?.department)
        bCase = items.first { $0.department == b }!.caseId
        try record("r1.csv", [
            "\(a),,,送达,通知书,2024-09-27,克司监通〔2024〕3号,",
            "\(b),,,送达,意见书,2024-09-27,克司监意〔2024〕1号,",
            "\(b),\(bCase),,申请复查,,2024-09-30,,认定事实有误",
            "\(b),\(bCase),,复查决定（维持）,,2024-10-10,,",
        ])
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    @discardableResult
    func record(_ name: String, _ lines: [String], today: String = "2026-12-03") throws -> FollowupRecordJob.Outcome {
        let path = dir + "/" + name
        try (["执法主体,案件编号,细则,事项,文书,日期,文号,备注"] + lines).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var job = FollowupRecordJob(databasePath: dir + "/store.sqlite", batchName: "B", file: path)
        job.periodsPath = CommandRunner.packageRoot + "/" + FollowupPeriods.defaultPath
        job.today = CivilDate(iso: today)!
        return try job.run()
    }

    func status(_ day: String) throws -> FollowupStatusJob.Result {
        var job = FollowupStatusJob(databasePath: dir + "/store.sqlite", batchName: "B", asOf: CivilDate(iso: day)!, outputDirectory: dir + "/out-" + day)
        job.periodsPath = CommandRunner.packageRoot + "/" + FollowupPeriods.defaultPath
        return try job.run()
    }

    /// Per item: stage, last day, level, art. 38(八).
    func lines(_ s: FollowupStatus) -> [String] {
        s.rows.map { "\($0.item.itemNo) \($0.state.stage.rawValue) \($0.state.due?.description ?? "-") \($0.level.rawValue) \($0.article38)" }
    }

    func expected(_ notice: (String, Bool), _ opinion: (String, Bool), _ reexam: (String, Bool)) -> [String] {
        items.map { i in
            if i.department == a { return "\(i.itemNo) notice 2024-10-16 \(notice.0) false" }
            if i.department == b && i.caseId == bCase { return "\(i.itemNo) opinion 2024-10-21 \(reexam.0) \(reexam.1)" }
            if i.department == b { return "\(i.itemNo) opinion 2024-10-16 \(opinion.0) \(opinion.1)" }
            return "\(i.itemNo) registered - \("") false"
        }
    }

    func testLevelsOnChosenDays() throws {
        // 11 Oct: four working days left to 16 Oct (12 Oct is a Saturday worked); seven to 21 Oct.
        XCTAssertEqual(lines(try status("2024-10-11").status), expected(("", false), ("", false), ("", false)))
        XCTAssertEqual(lines(try status("2024-10-12").status), expected(("黄", false), ("黄", false), ("", false)))
        // 17 Oct: the notice and the opinion are overdue; the opinion (no reason recorded) is on
        // the art. 38(八) list, the notice is not; the re-examined case has two days left.
        let late = try status("2024-10-17")
        XCTAssertEqual(lines(late.status), expected(("红", false), ("红", true), ("黄", false)))
        let lineA = late.status.departments.first { $0.department == a }!
        let nA = items.filter { $0.department == a }.count, nB = items.filter { $0.department == b }.count
        let nBCase = items.filter { $0.department == b && $0.caseId == bCase }.count
        XCTAssertEqual([lineA.items, lineA.open, lineA.yellow, lineA.red, lineA.article38], [nA, nA, 0, nA, 0])
        let lineB = late.status.departments.first { $0.department == b }!
        XCTAssertEqual([lineB.items, lineB.open, lineB.yellow, lineB.red, lineB.article38], [nB, nB, nBCase, nB - nBCase, nB - nBCase])
        // Before anything was served: every item registered, nothing running.
        XCTAssertEqual(Set(try status("2024-09-26").status.rows.map { "\($0.state.stage.rawValue) \($0.level.rawValue)" }), ["registered "])
    }

    /// A period that runs into a year the calendar does not cover is counted Monday to Friday,
    /// and the command says so (2027's holidays are not loaded: 元旦 counts as a working day).
    func testDueDatesPastTheCalendarAreSaid() throws {
        XCTAssertNil(try status("2024-10-17").calendarNotice)
        let c = try XCTUnwrap(items.first { $0.department != a && $0.department != b }?.department)
        let notice = "注意：日历只覆盖 2020–2026 年，2027 年的日期按周一至周五为工作日计算（可用 --calendar 指定日历）"
        XCTAssertEqual(try record("r2.csv", ["\(c),,,送达,通知书,2026-12-22,克司监通〔2026〕1号,"], today: "2026-12-23").calendarNotice, notice)
        XCTAssertEqual(try status("2026-12-23").calendarNotice, notice)
    }

    func testAPastDayGivesTheSameAnswerAfterLaterEventsAreRecorded() throws {
        let before = lines(try status("2024-10-15").status)
        try record("r2.csv", ["\(a),,,答复,,2024-10-16,,", "\(b),,,已整改,,2024-10-21,,"])
        XCTAssertEqual(lines(try status("2024-10-15").status), before)
        let after = try status("2024-10-22").status
        XCTAssertEqual(Set(after.rows.filter { $0.item.department == a }.map(\.state.stage)), [.answered])
        XCTAssertEqual(Set(after.rows.filter { $0.item.department == b }.map(\.state.stage)), [.corrected])
        XCTAssertEqual(after.rows.filter { $0.level != .none }.count, 0)
    }

    /// followup.html: the summary sentence, the art. 38(八) list naming department b, and a
    /// timeline per department with its steps in date order.
    func testThePage() throws {
        let r = try status("2024-10-17")
        let html = try String(contentsOfFile: r.outputDirectory + "/followup.html", encoding: .utf8)
        let n = items.count, nB = items.filter { $0.department == b }.count, nBCase = items.filter { $0.department == b && $0.caseId == bCase }.count
        let red = r.status.rows.filter { $0.level == .red }.count
        XCTAssertTrue(html.contains("B整改跟踪情况"), html)
        XCTAssertTrue(html.contains("的\(n)个整改事项"), html)
        XCTAssertTrue(html.contains("已逾期（红）\(red)项"), html)
        let list = html.components(separatedBy: "下列行政执法主体").dropFirst().first?.prefix(80) ?? ""
        XCTAssertTrue(list.hasPrefix("无正当理由逾期不履行《行政执法监督意见书》《行政执法监督决定书》：\(b)（\(nB - nBCase)项）。"), String(list))
        XCTAssertTrue(html.contains("2024年9月27日：送达监督意见书，\(nB)项"), html)
        XCTAssertTrue(html.contains("2024年9月30日：申请复查，\(nBCase)项"), html)
        XCTAssertTrue(html.contains("2024年10月21日：按《行政执法监督意见书》自行纠正并书面报告期限届满（黄），\(nBCase)项"), html)
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 2, "a timeline for each department with events")
        XCTAssertFalse(html.contains("<script"))
    }

    func testTheWorkbookHasItsThreeSheets() throws {
        let r = try status("2024-10-17")
        let zip = try ZipParts(path: r.outputDirectory + "/followup.xlsx")
        let workbook = zip.text("xl/workbook.xml")
        for name in ["整改台账", "逾期清单", "部门汇总"] { XCTAssertTrue(workbook.contains("name=\"\(name)\""), workbook) }
        let red = r.status.rows.filter { $0.level == .red }.count
        // The overdue list: the note line, the header, one row per red item.
        XCTAssertEqual(zip.text("xl/worksheets/sheet2.xml").components(separatedBy: "<row ").count - 1, red + 2)
    }
}
