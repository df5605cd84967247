import Foundation
import XCTest
import PingchaTestSupport

/// The bundled sample's rectification cycle, command by command as `make demo` runs it: the
/// 2023 review's notices, the two reply files of data/sample/followup/, status on two days,
/// opinions and decisions to the departments the replies leave at those stages.
final class FollowupSampleTests: XCTestCase {
    var dir = ""
    let batch = "2023年度行政执法案卷评查"
    let replies = CommandRunner.packageRoot + "/data/sample/followup/"

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pingcha-sample-followup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/rubrics", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func pingcha(_ args: [String]) throws -> (stdout: String, stderr: String) {
        let r = try CommandRunner.run(args + ["--db", "store.sqlite"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        return (r.stdout, r.stderr)
    }

    func followup(_ args: [String]) throws -> (stdout: String, stderr: String) {
        try pingcha(["followup"] + args + ["--batch", batch])
    }

    /// Per department: 事项, 期限进行中, 黄, 红, 第三十八条第（八）项, from the status table.
    func table(_ stdout: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in stdout.split(separator: "\n").dropFirst(2) {
            let cells = line.split(separator: "\t").map(String.init)
            guard cells.count == 7, Int(cells[1]) != nil else { break }
            out[cells[0]] = cells[2...].joined(separator: " ")
        }
        return out
    }

    func testTheWholeCycleOnTheSample() throws {
        _ = try pingcha(["run", "--quiet", "--input", CommandRunner.packageRoot + "/data/sample/2023", "--year", "2023"])
        let notices = try followup(["issue", "--stage", "notice", "--date", "2024-09-27", "--doc-number", "21"])
        XCTAssertTrue(notices.stdout.hasPrefix("已制发《行政执法监督通知书》12 份"), notices.stdout)
        XCTAssertTrue(notices.stdout.contains("自然资源和规划局\t克司监通〔2024〕32号\t2024-09-27\n"), notices.stdout)

        let first = try followup(["record", "--file", replies + "2023年度-1-通知书送达与答复.csv"])
        XCTAssertEqual(first.stderr, "提示：\(replies)2023年度-1-通知书送达与答复.csv:22:6: 答复逾期：期限 2024-10-16 届满（2024-10-21 登记）\n")
        var status = table(try followup(["status", "--as-of", "2024-10-18"]).stdout)
        XCTAssertEqual(status.count, 12)
        XCTAssertEqual(status["交通运输局"], "44 0 0 0 0")
        XCTAssertEqual(status["公安局"], "96 96 0 96 0", "its answer is dated 21 October: not known on the 18th")
        for d in ["城市管理综合行政执法局", "应急管理局", "文化体育广电和旅游局", "自然资源和规划局"] {
            let items = status[d]!.split(separator: " ")[0]
            XCTAssertEqual(status[d], "\(items) \(items) 0 \(items) 0", d)
        }

        let opinions = try followup(["issue", "--stage", "opinion", "--date", "2024-10-18", "--doc-number", "5"])
        XCTAssertTrue(opinions.stdout.hasPrefix("已制发《行政执法监督意见书》9 份"), opinions.stdout)
        XCTAssertFalse(opinions.stdout.contains("交通运输局"))
        let second = try followup(["record", "--file", replies + "2023年度-2-意见书送达与复查.csv"])
        XCTAssertEqual(second.stderr, """
            提示：\(replies)2023年度-2-意见书送达与复查.csv:12:6: 申请复查超过5个工作日的期限：意见书 2024-10-21 送达，2024-10-28 届满，2024-10-30 申请
            提示：\(replies)2023年度-2-意见书送达与复查.csv:17:6: 整改报告逾期：期限 2024-11-04 届满（2024-11-06 登记）

            """)
        status = table(try followup(["status", "--as-of", "2024-11-06"]).stdout)
        // 农业农村局: the re-examined case's two items run to 13 November (4 working days used
        // before the application, 6 after the decision of 5 November); the rest are overdue.
        XCTAssertEqual(status["农业农村局"], "71 71 0 69 69")
        XCTAssertEqual(status["应急管理局"], "57 57 0 0 0", "under re-examination on 6 November")
        XCTAssertEqual(status["生态环境局"], "18 0 0 0 0")

        let decisions = try followup(["issue", "--stage", "decision", "--date", "2024-11-06", "--doc-number", "2"])
        XCTAssertEqual(decisions.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) },
                       ["农业农村局", "城市管理综合行政执法局", "文化体育广电和旅游局", "水利局", "自然资源和规划局"])

        // The next review: its bulletin and compare show how the 2023 items ended.
        _ = try pingcha(["run", "--quiet", "--input", CommandRunner.packageRoot + "/data/sample/2025", "--year", "2025"])
        let bulletin = try String(contentsOfFile: dir + "/reports/2025年度行政执法案卷评查/bulletin.md", encoding: .utf8)
        let part = bulletin.components(separatedBy: "上次评查问题整改情况").dropFirst().first?.components(separatedBy: "## 三、").first ?? ""
        XCTAssertTrue(part.contains("2023年度行政执法案卷评查后，克拉玛依市司法局依照《克拉玛依市行政执法监督办法》第二十九条至第三十一条跟踪了各单位的整改。"), bulletin)
        XCTAssertTrue(part.contains("交通运输局：整改事项44项，已整改44项。"), part)
        XCTAssertTrue(part.contains("应急管理局：整改事项57项，经复查撤销57项。"), part)
        XCTAssertTrue(part.contains("农业农村局：整改事项71项，仍在办理71项。"), part)
        XCTAssertTrue(part.contains("水利局：整改事项35项，部分整改35项。"), part)
        _ = try pingcha(["compare", "--batch", batch, "--batch", "2025年度行政执法案卷评查", "--out", "compare"])
        let compare = try String(contentsOfFile: dir + "/compare/compare.md", encoding: .utf8)
        let section = compare.components(separatedBy: "、上次评查问题整改情况").dropFirst().first ?? ""
        XCTAssertTrue(section.contains("2023年度行政执法案卷评查后，各行政执法主体对整改台账所列问题的办理结果如下"), compare)
        func row(_ department: String) -> [String] {
            let line = section.split(separator: "\n").first { $0.hasPrefix("| \(department) |") } ?? ""
            return line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        // 交通运输局 corrected all 44; 住房和城乡建设局 in part after the notice, all after the opinion;
        // 水利局 in part; 应急管理局 revoked; 农业农村局 still open (2 re-examined and upheld).
        XCTAssertEqual(Array(row("交通运输局").prefix(8)), ["交通运输局", "44", "44", "0", "0", "0", "0", "0"])
        XCTAssertEqual(Array(row("住房和城乡建设局").prefix(8)), ["住房和城乡建设局", "51", "51", "0", "0", "0", "0", "0"])
        XCTAssertEqual(Array(row("水利局").prefix(8)), ["水利局", "35", "0", "35", "0", "0", "0", "0"])
        XCTAssertEqual(Array(row("应急管理局").prefix(8)), ["应急管理局", "57", "0", "0", "0", "0", "57", "0"])
        XCTAssertEqual(Array(row("农业农村局").prefix(8)), ["农业农村局", "71", "0", "0", "0", "0", "0", "71"])
        XCTAssertEqual(row("公安局").count, 11)
        // The bulletin says the same of the same rules as compare (new, fixed, persisting).
        for department in ["交通运输局", "水利局", "农业农村局"] {
            let t = row(department)
            XCTAssertTrue(part.contains("与本次评查按评查细则比较：未再出现\(t[9])条，持续存在\(t[10])条，新出现\(t[8])条。"), "\(department) \(t)\n\(part)")
        }

        // Everything again, as a second `make demo` does: nothing changes.
        XCTAssertTrue(try followup(["record", "--file", replies + "2023年度-1-通知书送达与答复.csv"]).stdout.contains("本次未重复登记"))
        XCTAssertEqual(try followup(["issue", "--stage", "decision", "--date", "2024-11-06", "--doc-number", "2"]).stdout,
                       "没有事项到了制发《行政执法监督决定书》的阶段，未制发任何文书\n")
    }
}
