import Foundation
import GRDB
import XCTest
import PingchaTestSupport

/// The review stage end to end: a first-round bulletin names decided cases only and says how
/// many are pending; `--final` is refused while any case is pending, with nothing written;
/// notices keep decided failures and items to check apart. A small rubric of our own and
/// hand-made cases, every figure worked out by hand.
final class ReviewStageTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pingcha-stage-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/rules", withIntermediateDirectories: true)
        try Self.rubric.write(toFile: dir + "/rules/stage.yaml", atomically: true, encoding: .utf8)
        try Self.cases.write(toFile: dir + "/cases.csv", atomically: true, encoding: .utf8)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// Titles carry the notes scorers write ("（每项扣15分）", "（评查员判定）") that the documents
    /// must leave out. PRO-12 is manual: undecided everywhere, it makes no case pending.
    static let rubric = """
        id: stage
        version: "1"
        title: 行政处罚案卷评查标准（普通程序）
        applies_when: enforcement_type == "行政处罚"
        total: 100
        grades:
          - { name: 优秀, min: 90 }
          - { name: 合格, min: 60 }
          - { name: 不合格, min: 0 }
        categories:
          - id: legality
            title: 执法主体
            points: 30
            rules:
              - id: LEG-02
                title: 执法人员不少于两人
                check: officers_count >= 2
                deduct: 30
                veto: true
                disposition: correct
                problem: 主体
                basis: 《中华人民共和国行政处罚法》第四十二条
          - id: procedure
            title: 执法程序
            points: 40
            rules:
              - id: PRO-03
                title: 充分听取当事人陈述、申辩（每项扣15分）
                check: statement_heard
                deduct: 15
                disposition: correct
                problem: 程序
                basis: 《中华人民共和国行政处罚法》第四十五条
              - id: PRO-10
                title: 处罚决定书在七个工作日内送达（每逾期一日扣1分）
                check: served_date <= add_workdays(decision_date, 7)
                deduct: 5
                disposition: improve
                problem: 程序
              - id: PRO-12
                title: 处罚决定说理充分（评查员判定）
                manual: true
                deduct: 5
                disposition: improve
                problem: 程序
          - id: publicity
            title: 三项制度
            points: 30
            rules:
              - id: TSY-01
                title: 执法决定信息依法向社会公示
                check: publicized
                deduct: 10
                disposition: improve
                problem: 三项制度
                measures: [publicity]
        """

    ///  case   department   officers heard served      公示  score  grade   pending (why)
    ///  水罚1  水利局        1        否    in time     是    55     不合格  no (veto LEG-02)
    ///  水罚2  水利局        2        否    in time     是    85     合格    no
    ///  水罚3  水利局        2        否    in time     —     85     合格    yes (TSY-01 unknown)
    ///  农罚1  农业农村局    2        否    in time     是    85     合格    no
    ///  农罚2  农业农村局    2        是    in time     是    100    优秀    no
    ///  交罚1  交通运输局    2        否    in time     是    85     合格    no
    ///  交罚2  交通运输局    2        是    in time     是    100    优秀    no
    ///  交罚3  交通运输局    2        是    —           是    100    优秀    yes (PRO-10 unknown)
    ///  交罚4  交通运输局    1        是    in time     —     70     不合格  yes (TSY-01 unknown; veto)
    ///
    /// Means: 水利局 75.0, 交通运输局 88.75, 农业农村局 92.5 — weakest first is 水利局, 交通运输局,
    /// 农业农村局, not the code-point order (交, 农, 水). PRO-03 failed 5 of 9.
    static let cases = """
        案件编号,执法主体,执法类别,程序类型,执法人员人数,听取陈述申辩,决定日期,送达日期,是否公示
        水罚1,水利局,行政处罚,普通程序,1,否,2025-03-03,2025-03-05,是
        水罚2,水利局,行政处罚,普通程序,2,否,2025-03-03,2025-03-05,是
        水罚3,水利局,行政处罚,普通程序,2,否,2025-03-03,2025-03-05,
        农罚1,农业农村局,行政处罚,普通程序,2,否,2025-03-03,2025-03-05,是
        农罚2,农业农村局,行政处罚,普通程序,2,是,2025-03-03,2025-03-05,是
        交罚1,交通运输局,行政处罚,普通程序,2,否,2025-03-03,2025-03-05,是
        交罚2,交通运输局,行政处罚,普通程序,2,是,2025-03-03,2025-03-05,是
        交罚3,交通运输局,行政处罚,普通程序,2,是,2025-03-03,,是
        交罚4,交通运输局,行政处罚,普通程序,1,是,2025-03-03,2025-03-05,

        """

    /// Decides the three pending items.
    static let scoresheet = """
        case_id,rule,outcome,reviewer
        水罚3,TSY-01,pass,李某
        交罚3,PRO-10,pass,李某
        交罚4,TSY-01,pass,李某

        """

    func pingcha(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try CommandRunner.run(args, in: dir)
    }

    func runBatch(_ extra: [String] = []) throws -> (status: Int32, stdout: String, stderr: String) {
        try pingcha(["run", "--quiet", "--input", "cases.csv", "--rubrics", "rules", "--db", "store.sqlite", "--batch", "B",
                     "--out", "out", "--date", "2025-12-01"] + extra)
    }

    func text(_ file: String) throws -> String { try String(contentsOfFile: dir + "/out/" + file, encoding: .utf8) }

    var ranAt: String? { try? DatabaseQueue(path: dir + "/store.sqlite").read { try String.fetchOne($0, sql: "SELECT ran_at FROM batch") } }

    func testAFirstRoundBulletinNamesDecidedCasesOnly() throws {
        let r = try runBatch()
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try text("bulletin.md")
        XCTAssertTrue(md.contains("# 关于B初评情况的通报（征求意见稿）\n"), md)
        XCTAssertTrue(md.contains("目前尚有3件案卷存在须评查人员核实的事项"), md)
        // The pending cases are named nowhere, though 交罚3 is excellent and 交罚4 unqualified.
        for pending in ["水罚3", "交罚3", "交罚4"] { XCTAssertFalse(md.contains(pending), pending) }
        XCTAssertTrue(md.contains("本次评查共有3件案卷评为“优秀”，其中1件的评查结果待核实，暂不列入名单。"), md)
        XCTAssertTrue(md.contains("| 1 | 交通运输局 | 交罚2 |"), md)
        XCTAssertTrue(md.contains("| 2 | 农业农村局 | 农罚2 |"), md)
        XCTAssertTrue(md.contains("本次评查共有2件案卷评为“不合格”或因否决项不合格，其中1件的评查结果待核实，暂不列入名单。"), md)
        XCTAssertTrue(md.contains("| 1 | 水利局 | 水罚1 |"), md)
    }

    /// The examples take turns over the departments, weakest first; the requirement in words,
    /// its denominator stated, no rule id and no scoring note.
    func testProblemsInWordsWithExamplesFromTheWeakestDepartmentsFirst() throws {
        XCTAssertEqual(try runBatch().status, 0)
        let md = try text("bulletin.md")
        XCTAssertTrue(md.contains("### （一）程序方面\n\n共发现问题5项，涉及案卷5件，占评分案卷9件的55.6%。主要表现为：\n\n"
                                  + "1. 充分听取当事人陈述、申辩，不符合要求的5件，占可判断案卷9件的55.6%，如水利局水罚1、交通运输局交罚1、农业农村局农罚1。"), md)
        XCTAssertTrue(md.contains("1. 执法人员不少于两人，不符合要求的2件，占可判断案卷9件的22.2%，如水利局水罚1。"), md)
        XCTAssertTrue(md.contains("行政执法公示：适用案卷9件，已落实7件，未落实0件，材料未载明2件。公示率为100.0%，即已落实的7件占载明落实情况的7件的比例。"), md)
        XCTAssertNil(md.range(of: "[A-Z]{2,4}-[0-9]{2}", options: .regularExpression), "a rule id in the bulletin")
        for note in ["扣15分", "评查员判定", "scores.xlsx"] { XCTAssertFalse(md.contains(note), note) }
        // A census: no interval.
        XCTAssertFalse(md.contains("置信区间"))
    }

    func testFinalIsRefusedWhileCasesArePendingAndWritesNothing() throws {
        XCTAssertEqual(try runBatch().status, 0)
        let bulletin = try text("bulletin.md"), notice = try text("notices/水利局.md")
        let stored = ranAt
        let expected = [
            "--final：还有 3 件案卷的评查结果待核实",
            "\n  交通运输局（2 件）：交罚3、交罚4\n  水利局（1 件）：水罚3\n",
        ]

        let refused = try runBatch(["--final"])
        XCTAssertEqual(refused.status, 1)
        for line in expected { XCTAssertTrue(refused.stderr.contains(line), refused.stderr) }
        XCTAssertTrue(refused.stderr.contains("本次运行不保存任何结果，已有的批次和报告保持不变。"), refused.stderr)
        XCTAssertEqual(ranAt, stored)

        let report = try pingcha(["report", "--db", "store.sqlite", "--batch", "B", "--out", "out", "--final"])
        XCTAssertEqual(report.status, 1)
        for line in expected { XCTAssertTrue(report.stderr.contains(line), report.stderr) }
        XCTAssertTrue(report.stderr.contains("没有写入任何文件，已有的报告保持不变。"), report.stderr)

        XCTAssertEqual(try text("bulletin.md"), bulletin)
        XCTAssertEqual(try text("notices/水利局.md"), notice)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }, [])
        XCTAssertTrue(try pingcha(["batches", "--db", "store.sqlite"]).stdout.contains("\t初评（待核实 3）\t"))
    }

    func testOnceEveryCaseIsDecidedTheFinalBulletinIsWritten() throws {
        try Self.scoresheet.write(toFile: dir + "/sheet.csv", atomically: true, encoding: .utf8)
        let r = try runBatch(["--scoresheet", "sheet.csv", "--final"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try text("bulletin.md")
        XCTAssertTrue(md.contains("# 关于B情况的通报\n"), md)
        for word in ["初评", "征求意见稿", "待核实"] { XCTAssertFalse(md.contains(word), word) }
        XCTAssertTrue(md.contains("| 交通运输局 | 交罚3 |"), md)
        XCTAssertTrue(md.contains("| 交通运输局 | 交罚4 |"), md)
        XCTAssertTrue(try pingcha(["batches", "--db", "store.sqlite"]).stdout.contains("\t已核定\t"))
        XCTAssertEqual(try pingcha(["report", "--db", "store.sqlite", "--batch", "B", "--out", "out", "--final"]).status, 0)
    }

    /// 不符合项 and 待核实事项 apart: an undecided rule (0 points) is never a failure, a manual
    /// rule nobody decided is neither, veto rows are marked, the periods run from receipt.
    func testNoticesKeepFailuresAndItemsToCheckApart() throws {
        XCTAssertEqual(try runBatch().status, 0)
        let notice = try text("notices/水利局.md")
        XCTAssertTrue(notice.contains("你单位共有3件案卷参加评查，平均分75.0分，合格率66.7%。"), notice)
        XCTAssertTrue(notice.contains("经评查，你单位有3件案卷存在不符合评查标准的问题，共4项，其中否决项1项；按处理意见分，责令限期改正4项。"), notice)
        XCTAssertTrue(notice.contains("另有1件案卷的1个事项"), notice)
        XCTAssertTrue(notice.contains("自收到本通知书之日起10个工作日内"), notice)
        XCTAssertFalse(notice.contains("（即"), notice)

        let failures = notice.components(separatedBy: "**表1 不符合项**").last?.components(separatedBy: "### （二）").first ?? ""
        XCTAssertEqual(failures.components(separatedBy: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| 案号") }, [
            "| 水罚1 | 处罚（普通）LEG-02 执法人员不少于两人<br>存在的问题：执法人员人数：1（扣30分） | 责令限期改正<br>否决项 |",
            "| 水罚1 | 处罚（普通）PRO-03 充分听取当事人陈述、申辩<br>存在的问题：听取陈述申辩：否（扣15分） | 责令限期改正 |",
            "| 水罚2 | 处罚（普通）PRO-03 充分听取当事人陈述、申辩<br>存在的问题：听取陈述申辩：否（扣15分） | 责令限期改正 |",
            "| 水罚3 | 处罚（普通）PRO-03 充分听取当事人陈述、申辩<br>存在的问题：听取陈述申辩：否（扣15分） | 责令限期改正 |",
        ])
        XCTAssertTrue(notice.contains("| 水罚3 | 处罚（普通）TSY-01：材料未载明：是否公示 |"), notice)
        XCTAssertTrue(notice.contains("| 处罚（普通）TSY-01 执法决定信息依法向社会公示 | "), notice)
        XCTAssertFalse(notice.contains("PRO-12"), notice)
        XCTAssertTrue(notice.contains("| 处罚（普通）LEG-02 执法人员不少于两人 | 《中华人民共和国行政处罚法》第四十二条 |"), notice)
        // One notice per department with a decided failure.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/out/notices").sorted(),
                       ["交通运输局.docx", "交通运输局.md", "农业农村局.docx", "农业农村局.md", "水利局.docx", "水利局.md"])
    }

    /// A marked typical case must be in the batch and decided: the error names the line.
    /// Two reviewers decide the manual PRO-12 of the same six cases and agree on four:
    /// 李某 says pass 4, fail 2 and so does 王某, so chance agreement is (4·4 + 2·2)/36 = 20/36
    /// and κ = (24/36 − 20/36) / (1 − 20/36) = 0.25. analysis.md gives it, by category too.
    func testTheReviewersAgreementSection() throws {
        var sheet = "case_id,rule,outcome,reviewer\n"
        for (c, a, b) in [("水罚1", "pass", "pass"), ("水罚2", "pass", "fail"), ("农罚1", "fail", "fail"),
                          ("农罚2", "pass", "pass"), ("交罚1", "fail", "pass"), ("交罚2", "符合", "符合")] {
            sheet += "\(c),PRO-12,\(a),李某\n\(c),PRO-12,\(b),王某\n"
        }
        try sheet.write(toFile: dir + "/sheet.csv", atomically: true, encoding: .utf8)
        let r = try runBatch(["--scoresheet", "sheet.csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try text("analysis.md")
        let section = md.components(separatedBy: "\n## 评查人员一致性（双人评查）\n").last ?? ""
        XCTAssertEqual(section, """

            | 类别 | 项数 | 一致 | 一致率 | Cohen's κ |
            |---|---|---|---|---|
            | 全部 | 6 | 4 | 66.7% | 0.250 |
            | 处罚（普通）·执法程序 | 6 | 4 | 66.7% | 0.250 |

            """, md)
        // A case whose two reviewers disagree is not decided: it waits for a third look.
        let bulletin = try text("bulletin.md")
        XCTAssertTrue(bulletin.contains("尚有5件案卷存在须评查人员核实的事项"), bulletin)
    }

    /// The periods the bulletin and notices state are law kept in rubrics/followup/periods.yaml
    /// (the copy built into the program where the folder has none): a bureau whose rules give
    /// 15 working days to correct sees 15 in its documents.
    func testThePeriodsComeFromThePeriodsFile() throws {
        let standard = try String(contentsOfFile: CommandRunner.packageRoot + "/rubrics/followup/periods.yaml", encoding: .utf8)
        let local = standard.replacingOccurrences(of: "  opinion_correct:\n    title: 按《行政执法监督意见书》自行纠正并书面报告\n    length: 10",
                                                  with: "  opinion_correct:\n    title: 按《行政执法监督意见书》自行纠正并书面报告\n    length: 15")
        XCTAssertNotEqual(local, standard)
        try FileManager.default.createDirectory(atPath: dir + "/rubrics/followup", withIntermediateDirectories: true)
        try local.write(toFile: dir + "/rubrics/followup/periods.yaml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try runBatch().status, 0)
        let bulletin = try text("bulletin.md")
        XCTAssertTrue(bulletin.contains("自收到本通报之日起15个工作日内"), bulletin)
        XCTAssertTrue(bulletin.contains("自收到本通报之日起5个工作日内"), bulletin)
        let notice = try text("notices/水利局.md")
        XCTAssertTrue(notice.contains("自收到本通知书之日起15个工作日内"), notice)
    }

    func testTypicalCasesMustBeDecidedCasesOfTheBatch() throws {
        try FileManager.default.createDirectory(atPath: dir + "/mine", withIntermediateDirectories: true)
        let settings = "typical_cases:\n  - 先处罚后立案的做法应予纠正。\n  - { department: 水利局, case: 水罚1, note: 一人执法即作出处罚。 }\n"
        try settings.write(toFile: dir + "/mine/settings.yaml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try runBatch(["--templates", "mine"]).status, 0)
        let md = try text("bulletin.md")
        XCTAssertTrue(md.contains("### （三）典型案例\n\n1. 先处罚后立案的做法应予纠正。\n\n2. 水利局办理的水罚1，评查得分55分，等次为“不合格”，主要问题：不符合“执法人员不少于两人”；不符合“充分听取当事人陈述、申辩”。一人执法即作出处罚。"), md)

        try (settings + "  - { case: 水罚3 }\n").write(toFile: dir + "/mine/settings.yaml", atomically: true, encoding: .utf8)
        let pending = try pingcha(["report", "--db", "store.sqlite", "--batch", "B", "--out", "out", "--templates", "mine"])
        XCTAssertEqual(pending.status, 1)
        XCTAssertTrue(pending.stderr.contains("mine/settings.yaml:4:"), pending.stderr)
        XCTAssertTrue(pending.stderr.contains("水利局 水罚3 的评查结果待核实"), pending.stderr)
        XCTAssertEqual(try text("bulletin.md"), md)
    }
}
