import Foundation
import GRDB
import PingchaAnalytics
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore
import PingchaXlsx

/// `scores.xlsx`: the sheets of product.md, filled row by row from the store (a pass of its
/// own: cases, then findings with their case's number and department). Internal: personal
/// data is masked only with `--mask-all`.
final class ScoresWorkbook {
    private let book: Workbook
    private let cases: Sheet
    private let findings: Sheet
    private let review: Sheet
    private let audience: Audience

    private let batch: StoredBatch
    var batchId: Int64 { batch.id }
    var ranAt: String { batch.ranAt }
    var batchName: String { batch.name }

    init(path: String, batch: StoredBatch, audience: Audience) throws(PingchaError) {
        self.batch = batch
        book = try Workbook(path: path, title: "\(batch.name)评查结果")
        self.audience = audience
        cases = try book.addSheet("案卷得分", columns: [
            Column("序号", .integer), Column("案号"), Column("行政执法主体", repeats: true), Column("区县", repeats: true), Column("执法类别", repeats: true), Column("决定日期", .date),
            Column("评查标准", repeats: true), Column("得分", .decimal(places: 1)), Column("等次", repeats: true), Column("合格", repeats: true), Column("否决项", repeats: true), Column("处理方式", repeats: true),
            Column("需人工评查", repeats: true), Column("来源文件", repeats: true), Column("行号", .integer),
        ])
        findings = try book.addSheet("不符合项", columns: [
            Column("序号", .integer), Column("案号"), Column("行政执法主体", repeats: true), Column("评查标准", repeats: true), Column("细则", repeats: true), Column("细则名称", repeats: true),
            Column("类别", repeats: true), Column("问题", repeats: true), Column("结果", repeats: true), Column("扣分", .decimal(places: 1)), Column("读取的数据"), Column("依据", repeats: true),
            Column("处理方式", repeats: true),
        ])
        review = try book.addSheet("需人工评查", columns: [
            Column("序号", .integer), Column("案号"), Column("行政执法主体", repeats: true), Column("评查标准", repeats: true), Column("得分", .decimal(places: 1)),
            Column("待核实的细则", repeats: true),
        ])
    }


    private func addCase(_ c: StoredBatch.CaseRow, file: String) throws(PingchaError) {
        try cases.append([
            .integer(c.caseNo), .text(c.caseId), .text(c.department), .text(c.district), .text(c.enforcementType),
            c.decisionDate.flatMap { CivilDate(iso: $0) }.map(Cell.date) ?? .empty, .text(c.rubricId),
            c.score.map(Cell.decimal) ?? .empty, .text(c.grade), c.pass.map(Cell.bool) ?? .empty, .bool(c.veto),
            .text((Disposition(rawValue: c.disposition) ?? .none).chineseName), .bool(c.needsReview), .text(file), .integer(c.line),
        ])
    }

    /// A row of the findings query: the finding's columns plus its case's id and department.
    private func addFinding(_ r: Row, rule: RubricDefinition.Rule?) throws(PingchaError) {
        let caseNo: Int = r["case_no"], ruleId: String = r["rule_id"], outcome: String = r["outcome"]
        let shown = switch outcome {
        case "fail": "不符合"
        case "unknown": "无法判断"
        default: outcome
        }
        try findings.append([
            .integer(caseNo), .text(r["case_ref"] as String?), .text(r["case_department"] as String?), .text(r["rubric_id"] as String?),
            .text(ruleId), .text(rule?.title), .text(r["category_id"] as String?), .text(r["problem"] as String?), .text(shown),
            .decimal(r["deduct"] as String? ?? ""), .text(audience.text(r["fields_read"] as String? ?? "")), .text(rule?.basis),
            .text((Disposition(rawValue: rule?.disposition ?? "none") ?? .none).chineseName),
        ])
    }

    /// The case rows and the cases needing review.
    func writeCaseRows(_ db: Database, files: [String]) throws {
        try batch.forEachCase(db) { c in try addCase(c, file: files[safe: c.inputOrd] ?? "") }
        try writeReviewRows(db)
    }

    /// The finding rows (a sheet of their own: another thread may fill the case sheets).
    func writeFindingRows(_ db: Database, definitions: [RubricDefinition]) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT f.*, c.case_id AS case_ref, c.department AS case_department
            FROM finding f JOIN "case" c ON c.batch_id = f.batch_id AND c.case_no = f.case_no
            WHERE f.batch_id = ? ORDER BY f.case_no, f.seq
            """, arguments: [batch.id])
        while let r = try rows.next() {
            let rubricId: String = r["rubric_id"], ruleId: String = r["rule_id"]
            try addFinding(r, rule: definitions.first { $0.id == rubricId }?.rules[ruleId])
        }
    }

    private func writeReviewRows(_ db: Database) throws {
        // Cases needing review, with the rules still to decide (undecided or disputed).
        let review = try Row.fetchCursor(db, sql: """
            SELECT r.case_no, c.case_id, c.department, r.rubric_id, r.score,
                   (SELECT group_concat(f.rule_id, '、') FROM finding f
                    WHERE f.batch_id = r.batch_id AND f.case_no = r.case_no AND (f.outcome != 'fail' OR f.conflict)) AS rules
            FROM result r JOIN "case" c ON c.batch_id = r.batch_id AND c.case_no = r.case_no
            WHERE r.batch_id = ? AND r.needs_review ORDER BY r.case_no
            """, arguments: [batch.id])
        while let r = try review.next() {
            try self.review.append([.integer(r["case_no"]), .text(r["case_id"] as String?), .text(r["department"] as String?),
                                    .text(r["rubric_id"] as String?), (r["score"] as String?).map(Cell.decimal) ?? .empty,
                                    .text(r["rules"] as String?)])
        }
    }

    /// Adds the summary sheets and the review list, and writes the file.
    func finish(departments: [RankedGroup], problems: [ProblemSummary], rejects: [StoredBatch.RejectRow], files: [String]) throws(PingchaError) {
        let summary = try book.addSheet("部门汇总", columns: [
            Column("名次"), Column("行政执法主体", repeats: true), Column("案卷数", .integer), Column("已评分", .integer), Column("平均分", .decimal(places: 1)),
            Column("中位数", .decimal(places: 1)), Column("合格率", .percent(places: 1)), Column("合格率95%下限", .percent(places: 1)),
            Column("合格率95%上限", .percent(places: 1)), Column("优秀率", .percent(places: 1)), Column("否决项案卷", .integer),
            Column("需人工评查", .integer),
        ])
        for d in departments {
            let s = d.summary
            try summary.append([
                d.rank.map(Cell.integer) ?? .text("不排名"), .text(s.key), .integer(s.cases), .integer(s.scored),
                s.mean.map(Cell.number) ?? .empty, s.median.map(Cell.number) ?? .empty, s.passRate.map(Cell.percent) ?? .empty,
                s.passInterval.map { Cell.percent($0.lower) } ?? .empty, s.passInterval.map { Cell.percent($0.upper) } ?? .empty,
                s.excellentRate.map(Cell.percent) ?? .empty, .integer(s.vetoCases), .integer(s.needsReview),
            ])
        }
        let problemSheet = try book.addSheet("问题统计", columns: [
            Column("问题", repeats: true), Column("类别", repeats: true), Column("细则", repeats: true), Column("不符合次数", .integer), Column("涉及案卷", .integer),
            Column("占评分案卷", .percent(places: 1)), Column("例"),
        ])
        for p in problems {
            try problemSheet.append([
                .text(p.problem), .text(p.categoryIds.joined(separator: "、")), .text(p.rules.map { "\($0.rubricId)/\($0.ruleId)" }.joined(separator: "、")),
                .integer(p.failedFindings), .integer(p.cases), p.shareOfCases.map(Cell.percent) ?? .empty,
                .text(p.examples.map { "\($0.department) \($0.caseId)" }.joined(separator: "；")),
            ])
        }
        let rejectSheet = try book.addSheet("退回记录", columns: [
            Column("来源文件", repeats: true), Column("行号", .integer), Column("结束行", .integer), Column("类型"), Column("原因"), Column("原始内容"),
        ])
        for r in rejects {
            try rejectSheet.append([.text(files[safe: r.inputOrd]), .integer(r.line), .integer(r.endLine), .text(r.kinds), .text(r.reason),
                                    .text(audience.text(r.raw))])
        }
        try book.close()
    }
}

/// scores.xlsx written on threads of their own, over read connections of their own, while
/// the report pass runs: its million-row sheets cost more than the rest of the reports
/// together. The case sheets and the finding sheet fill in parallel; the summary sheets wait
/// for the pass's figures (``finish(departments:problems:rejects:)``).
final class ScoresWorkbookJob: @unchecked Sendable {
    private let workbook: ScoresWorkbook
    private let databasePath: String
    private let files: [String]
    private let definitions: [RubricDefinition]
    private let summariesReady = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let rows = DispatchGroup()
    private var summaries: (departments: [RankedGroup], problems: [ProblemSummary], rejects: [StoredBatch.RejectRow])?
    private let failure = FirstFailure()

    init(workbook: ScoresWorkbook, databasePath: String, files: [String], definitions: [RubricDefinition]) {
        self.workbook = workbook
        self.databasePath = databasePath
        self.files = files
        self.definitions = definitions
    }

    func start() {
        let files = files, definitions = definitions
        spawn { db in try self.workbook.writeCaseRows(db, files: files) }
        spawn { db in try self.workbook.writeFindingRows(db, definitions: definitions) }
        let thread = Thread { [self] in
            rows.wait()
            summariesReady.wait()
            if failure.error == nil, let s = summaries {
                do {
                    try workbook.finish(departments: s.departments, problems: s.problems, rejects: s.rejects, files: files)
                } catch {
                    failure.record(error)
                }
            }
            finished.signal()
        }
        thread.start()
    }

    /// Runs `body` on a thread of its own, in a read transaction of its own that must still
    /// see the batch being reported (a run replacing it in between gives it another id).
    private func spawn(_ body: @escaping @Sendable (Database) throws -> Void) {
        rows.enter()
        let thread = Thread { [self] in
            do {
                try StoreConnection.open(path: databasePath).read { db in
                    guard try String.fetchOne(db, sql: "SELECT ran_at FROM batch WHERE id = ?", arguments: [workbook.batchId]) == workbook.ranAt else {
                        throw PingchaError.invalidOption("批次“\(workbook.batchName)”在生成报告期间被另一次运行替换，请重新运行 pingcha report")
                    }
                    try body(db)
                }
            } catch {
                failure.record(error)
            }
            rows.leave()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Hands over the summaries, waits for the file and reports its error, if any.
    func finish(departments: [RankedGroup], problems: [ProblemSummary], rejects: [StoredBatch.RejectRow]) throws {
        summaries = (departments, problems, rejects)
        summariesReady.signal()
        finished.wait()
        if let error = failure.error { throw error }
    }

    /// Stops waiting for summaries (the reports failed); the half-written file is discarded
    /// with the output folder.
    func abandon() {
        summariesReady.signal()
        finished.wait()
    }
}
