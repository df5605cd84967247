import Foundation
import XCTest
@testable import PingchaRun
import PingchaGenerate
import PingchaModel
import PingchaPublish
import PingchaReports
import PingchaRubric
import PingchaStore
import PingchaTestSupport

/// `followup issue`: which departments get a 通知书, 意见书 or 决定书 on a day, the numbers
/// and dates recorded in the register (and found again when the service is recorded by number),
/// the periods and their last days in the text, a department never given the same kind twice.
final class FollowupIssueTests: XCTestCase {
    var dir = ""
    var items: [FollowupRegister.Item] = []
    var departments: [String] = []

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pingcha-issue-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/rubrics", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        try SyntheticExport(options: GeneratorOptions(cases: 80, years: [2024], seed: 7)).writeFile(atPath: dir + "/in/export.csv")
        let r = try CommandRunner.run(["run", "--quiet", "--db", "store.sqlite", "--input", "in", "--batch", "B", "--year", "2024"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        items = try Store(path: dir + "/store.sqlite").read { try StoredBatch.named("B", in: $0).rectificationItems($0) }
        for i in items where departments.last != i.department { departments.append(i.department) }
        XCTAssertGreaterThan(departments.count, 2)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func issue(_ kind: FollowupDocumentKind, _ date: String, number: String? = nil, into folder: String? = nil) throws -> FollowupIssueJob.Outcome {
        var job = FollowupIssueJob(databasePath: dir + "/store.sqlite", batchName: "B", kind: kind,
                                   request: ReportRequest(templates: CommandRunner.packageRoot + "/reports/templates", documentNumber: number,
                                                          date: CivilDate(iso: date)),
                                   outputDirectory: dir + "/" + (folder ?? kind.rawValue + "-" + date))
        job.periodsPath = CommandRunner.packageRoot + "/" + FollowupPeriods.defaultPath
        job.now = { "2026-12-03T16:00:00Z" }
        return try job.run()
    }

    func record(_ name: String, _ lines: [String]) throws {
        let path = dir + "/" + name
        try (["执法主体,案件编号,细则,事项,文书,日期,文号,备注"] + lines).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var job = FollowupRecordJob(databasePath: dir + "/store.sqlite", batchName: "B", file: path)
        job.periodsPath = CommandRunner.packageRoot + "/" + FollowupPeriods.defaultPath
        _ = try job.run()
    }

    func text(_ o: FollowupIssueJob.Outcome, _ department: String) throws -> String {
        try String(contentsOfFile: o.outputDirectory + "/" + department + ".md", encoding: .utf8)
    }

    /// A notice whose period runs into a year the calendar does not cover (2027's holidays are
    /// not loaded; 元旦 would be counted as a working day) is not issued: nothing is written
    /// and nothing recorded, and the message says how to go on.
    func testNoDocumentStatesADeadlineTheCalendarCannotCount() throws {
        XCTAssertThrowsError(try issue(.notice, "2026-12-22")) { error in
            let message = (error as? PingchaError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("《行政执法监督通知书》的期限要数到 2027 年的工作日，日历只覆盖 2020–2026 年"), message)
            XCTAssertTrue(message.contains("文书没有制发。请用 --calendar 指定载有 2027 年放假安排的日历后重新制发"), message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/notice-2026-12-22"))
        let documents = try Store(path: dir + "/store.sqlite").read { try FollowupRegister(batch: "B").documents($0) }
        XCTAssertEqual(documents.count, 0)
        // Within the calendar the same notice is issued.
        XCTAssertEqual(try issue(.notice, "2026-12-01").documents.count, departments.count)
    }

    /// Documents go into a folder beside what it holds: the notices issued there before (the
    /// opinion run deleted them), a status written there. A document of the same name is not
    /// written over: nothing is issued, nothing recorded.
    func testAFolderThatHoldsFilesKeepsThem() throws {
        let folder = dir + "/文书"
        try FileManager.default.createDirectory(atPath: folder + "/status", withIntermediateDirectories: true)
        try "跟踪".write(toFile: folder + "/status/followup.html", atomically: true, encoding: .utf8)
        let notices = try issue(.notice, "2024-09-27", into: "文书")
        XCTAssertEqual(notices.documents.count, departments.count)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/status/followup.html"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/" + departments[0] + ".docx"))
        // The opinions would carry the same names: refused whole, the notices untouched.
        try record("served.csv", departments.map { "\($0),,,送达,通知书,2024-09-27,," })
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + departments[0] + ".md"))
        XCTAssertThrowsError(try issue(.opinion, "2024-10-17", into: "文书")) { error in
            let message = (error as? PingchaError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("文件夹中已有同名文件，不覆盖已有的文书、抽样记录和评查表；本次输出已全部撤销，原有文件未改动"), message)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + departments[0] + ".md")), before)
        let documents = try Store(path: dir + "/store.sqlite").read { try FollowupRegister(batch: "B").documents($0) }
        XCTAssertEqual(documents.filter { $0.kind == .opinion }.count, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".partial-") }, [])
    }

    func testTheCycleOfDocuments() throws {
        // Notices to every department, numbered from 5 in department order.
        let notices = try issue(.notice, "2024-09-27", number: "5")
        XCTAssertEqual(notices.documents.map(\.department), departments)
        XCTAssertEqual(notices.documents.map(\.number), departments.indices.map { "克司监通〔2024〕\($0 + 5)号" })
        XCTAssertEqual(notices.items, items.count)
        XCTAssertTrue(FileManager.default.fileExists(atPath: notices.outputDirectory + "/" + departments[0] + ".docx"))
        let first = try text(notices, departments[0])
        XCTAssertTrue(first.contains("克司监通〔2024〕5号"), first)
        XCTAssertTrue(first.contains("请你单位自收到本通知书之日起10个工作日内"), first)
        // Its list names the rules not met (the column promised problems it did not give).
        XCTAssertTrue(first.contains("| 案号 | 不符合的评查细则 | 处理意见 |"), first)
        // The last day is stated for service on the day of the document, never as if counted from it.
        XCTAssertTrue(first.contains("（本通知书于落款当日送达的，至2024年10月16日届满；送达在后的，自收到之日起相应顺延）"), first)
        XCTAssertEqual(try issue(.notice, "2024-09-30").documents, [], "nobody gets a second notice")

        // Served by number (the 文书 column left empty); department 0 answers it is not corrected,
        // department 1 lets the period pass, department 2 reports it corrected.
        try record("r1.csv", departments.indices.map { "\(departments[$0]),,,送达,,2024-09-27,克司监通〔2024〕\($0 + 5)号," }
                   + ["\(departments[0]),,,未整改,,2024-10-10,,正在组织整改", "\(departments[2]),,,已整改,,2024-10-15,,"])
        let register = FollowupRegister(batch: "B")
        let events = try Store(path: dir + "/store.sqlite").read { try register.events($0) }
        XCTAssertEqual(Set(events.filter { $0.event == .served }.map { $0.document }), [.notice])

        // 17 October: opinions to department 0 (not corrected) and the ones overdue, not to 2.
        let opinions = try issue(.opinion, "2024-10-17")
        XCTAssertEqual(opinions.documents.map(\.department), departments.enumerated().filter { $0.offset != 2 }.map(\.element))
        XCTAssertEqual(opinions.documents[0].number, "克司监意〔2024〕\u{3000}\u{3000}号")
        let opinion = try text(opinions, departments[0])
        // The date is the service of the notice (the register's), said as such.
        XCTAssertTrue(opinion.contains("于2024年9月27日向你单位送达《行政执法监督通知书》"), opinion)
        // 10 working days from 17 Oct end on 31 Oct; 5 on 24 Oct.
        XCTAssertTrue(opinion.contains("自收到本意见书之日起10个工作日内"), opinion)
        XCTAssertTrue(opinion.contains("至2024年10月31日届满"), opinion)
        XCTAssertTrue(opinion.contains("5个工作日内（于落款当日送达的，至2024年10月24日）"), opinion)

        // Nothing is due for a decision until an opinion was served and its period passed.
        XCTAssertEqual(try issue(.decision, "2024-10-18").documents, [])
        try record("r2.csv", ["\(departments[1]),,,送达,意见书,2024-10-18,,"])
        // 10 working days from 18 Oct end on 1 Nov: on 4 Nov department 1 is overdue.
        let decisions = try issue(.decision, "2024-11-04")
        XCTAssertEqual(decisions.documents.map(\.department), [departments[1]])
        let decision = try text(decisions, departments[1])
        XCTAssertTrue(decision.contains("自收到本决定书之日起30日内"), decision)
        // 责令限期改正 with its period, not 限期 without one.
        XCTAssertFalse(decision.contains("责令你单位限期改正"), decision)
        XCTAssertTrue(decision.contains("项问题，责令你单位自收到本决定书之日起30日内改正。"), decision)
        // 30 days from 4 Nov: 4 Dec, a Wednesday.
        XCTAssertTrue(decision.contains("至2024年12月4日届满"), decision)

        let audit = try Store(path: dir + "/store.sqlite").read { try register.audit($0) }
        XCTAssertEqual(audit.map(\.action), ["open", "issue", "record", "issue", "record", "issue"])
        XCTAssertEqual(audit[1].detail, "制发《行政执法监督通知书》\(departments.count)份（\(departments.joined(separator: "、"))），涉及\(items.count)个问题，成文日期 2024-09-27，写入 \(notices.outputDirectory)")
        let documents = try Store(path: dir + "/store.sqlite").read { try register.documents($0) }
        XCTAssertEqual(documents.filter { $0.kind == .notice }.count, departments.count)
        XCTAssertEqual(documents.filter { $0.kind == .opinion }.count, departments.count - 1)
        XCTAssertEqual(documents.filter { $0.kind == .decision }.map(\.department), [departments[1]])
    }
}
