import Foundation
import GRDB
import XCTest
@testable import PingchaRun
import PingchaGenerate
import PingchaIngest
import PingchaModel
import PingchaPublish
import PingchaReports
import PingchaRubric
import PingchaStore
import PingchaTestSupport

/// `followup record` on a generated batch: lines applied to the items they name, stages and
/// audit, every refused line with its exact message and position and nothing written, the
/// same file twice, a line recorded before.
final class FollowupRecordJobTests: XCTestCase {
    var dir = ""
    var items: [FollowupRegister.Item] = []
    /// The first department's first two cases, and another department.
    var a = "", c1 = "", c2 = "", b = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pingcha-record-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/rubrics", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        try SyntheticExport(options: GeneratorOptions(cases: 120, years: [2024], seed: 5)).writeFile(atPath: dir + "/in/export.csv")
        let r = try CommandRunner.run(["run", "--quiet", "--db", "store.sqlite", "--input", "in", "--batch", "B", "--year", "2024"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let store = try Store(path: dir + "/store.sqlite")
        items = try store.read { try StoredBatch.named("B", in: $0).rectificationItems($0) }
        a = items[0].department
        let cases = items.filter { $0.department == a }.map(\.caseId)
        c1 = cases[0]
        c2 = try XCTUnwrap(cases.first { $0 != c1 })
        b = try XCTUnwrap(items.first { $0.department != a }?.department)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func job(_ name: String, _ lines: [String]) throws -> FollowupRecordJob {
        let path = dir + "/" + name
        try (["执法主体,案件编号,细则,事项,文书,日期,文号,备注"] + lines).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var job = FollowupRecordJob(databasePath: dir + "/store.sqlite", batchName: "B", file: path)
        job.periodsPath = CommandRunner.packageRoot + "/" + FollowupPeriods.defaultPath
        job.now = { "2026-12-03T15:00:00Z" }
        return job
    }

    func register() throws -> (items: [FollowupRegister.Item], events: [FollowupRegister.Event], audit: [FollowupRegister.AuditEntry]) {
        let r = FollowupRegister(batch: "B")
        return try Store(path: dir + "/store.sqlite").read { s in (try r.items(s), try r.events(s), try r.audit(s)) }
    }

    func message(_ body: () throws -> Void) -> String {
        do { try body(); return "done" } catch { return (error as? PingchaError)?.message ?? "\(error)" }
    }

    func testLinesApplyToTheirItemsWithStagesAndAudit() throws {
        let first = items.first { $0.department == a && $0.caseId == c1 }!
        let j = try job("r1.csv", ["\(a),,,送达,通知书,2024-09-27,克司监通〔2024〕3号,", "\(a),\(c1),,答复,,2024-10-17,,已逐项整改"])
        let o = try j.run()
        XCTAssertEqual(o.recorded, 2)
        XCTAssertEqual(o.items, items.filter { $0.department == a }.count)
        XCTAssertTrue(o.registerOpened)
        XCTAssertEqual(o.warnings, ["\(j.file):3:6: 答复逾期：期限 2024-10-16 届满（2024-10-17 登记）（\(first.caseId)）"])
        let r = try register()
        XCTAssertEqual(r.items.map(\.stage), items.map { $0.department != a ? .registered : ($0.caseId == c1 ? .answered : .notice) })
        XCTAssertEqual(r.events.map { [$0.seq.description, $0.event.rawValue, $0.document?.rawValue ?? "-", $0.date.description, $0.line.description] },
                       [["1", "送达", "notice", "2024-09-27", "2"], ["2", "答复", "-", "2024-10-17", "3"]])
        XCTAssertEqual(r.events[1].note, "已逐项整改")
        XCTAssertEqual(r.audit.map(\.action), ["open", "record"])
        let data = try Data(contentsOf: URL(fileURLWithPath: j.file))
        let digest = SHA256Digest()
        data.withUnsafeBytes { digest.update($0) }
        XCTAssertEqual(r.audit[1].sha256, digest.finish())
        XCTAssertEqual(r.audit[1].source, j.file)
        XCTAssertEqual(r.audit[1].detail, "登记整改回复：2行，涉及\(o.items)个问题；1处提示")
        XCTAssertEqual(r.events.map(\.auditId), [r.audit[1].id, r.audit[1].id])

        // The same file again: recognised, nothing changes.
        let again = try j.run()
        XCTAssertEqual(again.earlier?.id, r.audit[1].id)
        XCTAssertEqual(again.recorded, 0)
        XCTAssertEqual(try register().audit.count, 2)
        // Another file repeating a recorded line: that line is skipped, the new one recorded.
        let k = try job("r2.csv", ["\(a),,,送达,通知书,2024-09-27,克司监通〔2024〕3号,", "\(b),,,送达,通知书,2024-09-30,克司监通〔2024〕4号,"])
        let o2 = try k.run()
        XCTAssertEqual([o2.recorded, o2.duplicates], [1, 1])
        XCTAssertEqual(o2.warnings, ["\(k.file):2: 与已登记的事项相同，未重复登记"])
        XCTAssertEqual(try register().events.count, 3)
    }

    func testEveryRefusedLineWithItsPositionAndNothingWritten() throws {
        _ = try job("r1.csv", ["\(a),,,送达,通知书,2024-09-27,,"]).run()
        let before = try register()
        let rulesOfC1 = Set(items.filter { $0.department == a && $0.caseId == c1 }.map(\.ruleId)).sorted().joined(separator: "、")
        let j = try job("bad.csv", [
            "\(a)X,,,答复,,2024-10-08,,",
            "\(a),不存在的案号,,答复,,2024-10-08,,",
            "\(a),\(c1),XYZ-99,答复,,2024-10-08,,",
            "\(a),\(c1),,已收到,,2024-10-08,,",
            "\(a),\(c1),,答复,,2024-02-30,,",
            "\(a),\(c2),,答复,,2024-09-20,,",
            "\(a),\(c2),,申请复查,,2024-10-08,,",
            "\(b),,,送达,,2024-10-08,,",
        ])
        let nearest = Suggestion.nearest(to: a + "X", among: Array(Set(items.map(\.department)))).map { "，是否为“\($0)”？" } ?? ""
        XCTAssertEqual(message { _ = try j.run() }, [
            "\(j.file):5:4: 事项“已收到”无效，应为 \(FollowupEvent.spellings)",
            "\(j.file):6:6: 日期“2024-02-30”无效，应为如 2025-03-20 的日期",
            "\(j.file):2:1: 执法主体“\(a)X”在整改台账中没有待整改事项\(nearest)",
            "\(j.file):3:2: 案件“不存在的案号”不在\(a)的整改事项中",
            "\(j.file):4:3: 案件“\(c1)”没有细则 XYZ-99 的整改事项（该案的事项：\(rulesOfC1)）",
            "\(j.file):7:6: 答复日期 2024-09-20 早于《行政执法监督通知书》送达日期 2024-09-27（\(c2)）",
            "\(j.file):8:6: 尚未登记《行政执法监督意见书》的送达，不能登记申请复查（\(c2)）",
            "\(j.file):9:5: 送达须写明送达的文书（“文书”列：通知书、意见书 或 决定书），或填写已制发文书的文号",
            "整改回复登记表有 8 处错误，本次未登记任何内容",
        ].joined(separator: "\n"))
        let after = try register()
        XCTAssertEqual(after.items, before.items)
        XCTAssertEqual(after.events, before.events)
        XCTAssertEqual(after.audit, before.audit)
    }

    /// What cannot have happened is refused: a document served before it was issued (the
    /// register's date of the notice), an event dated after today. A document served again is
    /// kept, and said.
    func testImpossibleDatesAreRefusedAndAReServiceIsSaid() throws {
        var issue = FollowupIssueJob(databasePath: dir + "/store.sqlite", batchName: "B", kind: .notice,
                                     request: ReportRequest(templates: CommandRunner.packageRoot + "/reports/templates", documentNumber: "3",
                                                            date: CivilDate(iso: "2024-09-27")),
                                     outputDirectory: dir + "/notices")
        issue.periodsPath = CommandRunner.packageRoot + "/" + FollowupPeriods.defaultPath
        issue.now = { "2026-12-03T15:00:00Z" }
        _ = try issue.run()
        let before = try register()
        var j = try job("bad.csv", [
            "\(a),,,送达,通知书,2024-09-20,,",
            "\(b),,,送达,,2024-09-26,克司监通〔2024〕4号,",
            "\(b),,,送达,通知书,2026-12-04,,",
        ])
        j.today = CivilDate(iso: "2026-12-03")!
        XCTAssertEqual(message { _ = try j.run() }, [
            "\(j.file):2:6: 送达日期 2024-09-20 早于《行政执法监督通知书》的成文日期 2024-09-27，文书不能在制发之前送达",
            "\(j.file):3:6: 送达日期 2024-09-26 早于《行政执法监督通知书》的成文日期 2024-09-27，文书不能在制发之前送达",
            "\(j.file):4:6: 日期 2026-12-04 晚于今天（2026-12-03），尚未发生的事不能登记",
            "整改回复登记表有 3 处错误，本次未登记任何内容",
        ].joined(separator: "\n"))
        XCTAssertEqual(try register().events, before.events)

        let served = try job("served.csv", ["\(a),,,送达,通知书,2024-09-27,,"])
        _ = try served.run()
        let again = try job("again.csv", ["\(a),,,送达,通知书,2024-09-30,,"])
        XCTAssertEqual(try again.run().warnings, ["\(again.file):2:6: 《行政执法监督通知书》已登记于 2024-09-27 送达，本行再次送达，期限按在后的送达计算"])
    }

    func testTheCommandSaysWhatItDidAndRefusesWithExitCode1() throws {
        try "执法主体,事项,文书,日期\n\(a),送达,通知书,2024-09-27\n".write(toFile: dir + "/ok.csv", atomically: true, encoding: .utf8)
        var r = try CommandRunner.run(["followup", "record", "--db", "store.sqlite", "--batch", "B", "--file", "ok.csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "已建立批次“B”的整改台账\n已登记 1 行，涉及 \(items.filter { $0.department == a }.count) 个整改事项\n")
        r = try CommandRunner.run(["followup", "record", "--db", "store.sqlite", "--batch", "B", "--file", "ok.csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("ok.csv 已于 "), r.stdout)
        XCTAssertTrue(r.stdout.hasSuffix("登记过（文件内容相同，SHA-256 \(String(try register().audit[1].sha256!.prefix(12)))…），本次未重复登记\n"), r.stdout)
        try "执法主体,事项,日期\n\(a),答复,2024-09-20\n".write(toFile: dir + "/bad.csv", atomically: true, encoding: .utf8)
        r = try CommandRunner.run(["followup", "record", "--db", "store.sqlite", "--batch", "B", "--file", "bad.csv"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "错误：bad.csv:2:3: 答复日期 2024-09-20 早于《行政执法监督通知书》送达日期 2024-09-27\n整改回复登记表有 1 处错误，本次未登记任何内容\n")
    }
}
