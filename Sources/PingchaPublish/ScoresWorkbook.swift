import Foundation
import PingchaAnalytics
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore
import PingchaDocuments
import PingchaXlsx

/// `scores.xlsx`: the sheets of product.md, filled row by row from the store (a pass of its
/// own: cases, then findings with their case's number and department). Internal: personal
/// data is masked only with `--mask-all`, and the 退回记录 sheet says which it holds.
///
/// Everything is named in Chinese: standards by their short name ("处罚（普通）"), categories
/// by title, rule ids qualified by their standard and followed by the rule's title
/// (``StandardNames``). Long text wraps; the department and problem summaries have charts
/// under them (图1–图3).
public final class ScoresWorkbook {
    private let book: Workbook
    private let cases: Sheet
    private let findings: Sheet
    private let review: Sheet
    private let audience: Audience
    /// Set from the batch's rubrics by ``ScoresWorkbookJob`` before any row is written.
    var names = StandardNames(definitions: [])

    /// The values each finding read, in words (only the findings thread uses it).
    private var wordedValues = WordedValues()

    let batch: StoredBatch
    var batchName: String { batch.name }
    /// At most this many rows a detail sheet (nil: every row): see ``DetailLimit``.
    private let limit: Int?

    /// `detailLimit`: settings' `xlsx_detail_limit` (0: none); `findingsTotal`: the batch's
    /// stored findings, for the note over a sheet that cannot hold them all.
    public init(path: String, batch: StoredBatch, audience: Audience, detailLimit: Int = 0, findingsTotal: Int = 0) throws(PingchaError) {
        self.batch = batch
        book = try Workbook(path: path, title: "\(batch.name)评查结果")
        self.audience = audience
        let limit = detailLimit > 0 && max(batch.casesTotal, findingsTotal) > detailLimit ? detailLimit : nil
        self.limit = limit
        func options(total: Int, _ note: (Int) -> String) -> SheetOptions {
            guard let limit, total > limit else { return SheetOptions(keyColumns: 2) }
            return SheetOptions(note: note(limit), keyColumns: 2)
        }
        // Case numbers and department names run to 20-odd characters: wrapped at about ten
        // Chinese characters, so that the lists fit a landscape page at a readable size.
        let caseNumber = Column("案号", width: 18, wraps: true)
        let department = Column("行政执法主体", width: 14, repeats: true, wraps: true)
        cases = try book.addSheet("案卷得分", columns: [
            Column("序号", .integer), caseNumber, department, Column("区县", repeats: true), Column("执法类别", repeats: true), Column("决定日期", .date),
            Column("评查标准", repeats: true), Column("得分", .decimal(places: 1)), Column("等次", repeats: true), Column("合格", repeats: true), Column("否决项", repeats: true), Column("处理方式", repeats: true),
            Column("需人工评查", repeats: true), Column("来源文件", width: 24, repeats: true, wraps: true), Column("行号", .integer),
        ], options: options(total: batch.casesTotal) { n in
            "本批次共\(batch.casesTotal)件案卷，超过本表的\(n)行：本表先列否决、不合格和需人工评查的案卷，再按得分从低到高列出前\(n)件。全部案卷见 cases.csv 和数据库（pingcha report 可重新生成本表）。"
        })
        // Failures and the items still open, both: the sheet says so in its name (it was 不符合项,
        // and most of its rows were not failures).
        findings = try book.addSheet("不符合及待核实项", columns: [
            Column("序号", .integer), caseNumber, department, Column("评查标准", repeats: true), Column("细则", repeats: true),
            Column("细则名称", width: 22, repeats: true, wraps: true), Column("类别", width: 12, repeats: true, wraps: true), Column("问题", repeats: true),
            Column("结果", repeats: true), Column("扣分", .decimal(places: 1)), Column("读取的数据", width: 22, wraps: true),
            Column("依据", width: 22, repeats: true, wraps: true), Column("处理方式", repeats: true),
        ], options: options(total: findingsTotal) { n in
            "本批次共\(findingsTotal)条评查结果（不符合和无法判断），超过本表的\(n)行：本表按“案卷得分”表的顺序逐案列出前\(n)条。全部评查结果见 findings.csv 和数据库。"
        })
        review = try book.addSheet("需人工评查", columns: [
            Column("序号", .integer), caseNumber, department, Column("评查标准", repeats: true), Column("得分", .decimal(places: 1)),
            Column("待核实的细则", width: 56, wraps: true),
        ], options: options(total: batch.needsReview) { n in
            "本批次共\(batch.needsReview)件案卷需人工评查，超过本表的\(n)行：本表按案卷顺序列出前\(n)件。全部见 cases.csv（needs_review 列）和数据库。"
        })
    }


    private func addCase(_ c: StoredBatch.CaseLine, file: String) throws(PingchaError) {
        try cases.append([
            .integer(c.caseNo), .text(c.caseId), .text(c.department), .text(c.district), .text(c.enforcementType),
            c.decisionDate.flatMap { CivilDate(iso: $0) }.map(Cell.date) ?? .empty, .text(names.standard(c.rubricId)),
            c.score.map(Cell.decimal) ?? .empty, .text(c.grade), c.pass.map(Cell.bool) ?? .empty, .bool(c.veto),
            // A case no standard covers was not reviewed: it has no disposition, not 无需处理.
            .text(c.rubricId == nil ? "未评查（无适用的评查标准）" : (Disposition(rawValue: c.disposition) ?? .none).chineseName),
            .bool(c.needsReview), .text(file), .integer(c.line),
        ])
    }

    /// A row of the findings query: the finding's columns plus its case's id and department.
    private func addFinding(_ r: StoredBatch.FindingOfCase, rule: StoredRubric.Rule?) throws(PingchaError) {
        let f = r.finding
        // An open item says why it is open: a screen's suspicion, reviewers who disagree, a
        // manual rule not judged yet, or values the export left out.
        let shown = switch f.outcome {
        case "fail": "不符合"
        case "unknown" where f.suspect: "疑似，待人工判定"
        case "unknown" where f.conflict: "评查人员意见不一致"
        case "unknown" where rule?.manual == true: "待评查人员判定"
        case "unknown": "无法判断，待核实"
        default: f.outcome
        }
        try findings.append([
            .integer(f.caseNo), .text(r.caseId), .text(r.department), .text(names.standard(f.rubricId)),
            .text(names.rule(f.ruleId, standard: f.rubricId)), .text(rule?.title), .text(names.category(f.categoryId, standard: f.rubricId)),
            .text(f.problem), .text(shown),
            .decimal(f.deduct), .text(audience.text(wordedValues.text(f.fieldsRead))), .text(rule?.basis),
            // A disposition is a verdict's consequence: an unknown finding (not decided yet) has none.
            f.outcome == "fail" ? .text((rule?.disposition ?? .none).chineseName) : .empty,
        ])
    }

    /// The batch's case numbers in attention order, worked out once for both detail sheets
    /// (only when they are limited).
    private var attentionOrder: [Int] = []

    /// The case rows and the cases needing review.
    func writeCaseRows(_ db: StoreSession, files: [String]) throws {
        if let limit {
            attentionOrder = try batch.caseNumbersByAttention(db)
            try batch.forEachCaseLine(db, numbered: attentionOrder.prefix(limit)) { c in try addCase(c, file: files[safe: c.inputOrd] ?? "") }
        } else {
            try batch.forEachCaseLine(db) { c in try addCase(c, file: files[safe: c.inputOrd] ?? "") }
        }
        try writeReviewRows(db)
    }

    /// The finding rows (a sheet of their own).
    func writeFindingRows(_ db: StoreSession, definitions: [StoredRubric]) throws {
        let add = { [self] (r: StoredBatch.FindingOfCase) throws in
            try addFinding(r, rule: definitions.first { $0.id == r.finding.rubricId }?.rule(r.finding.ruleId))
        }
        if let limit {
            if attentionOrder.isEmpty { attentionOrder = try batch.caseNumbersByAttention(db) }
            try batch.forEachFindingOfCase(db, numbered: attentionOrder, limit: limit, add)
        } else {
            try batch.forEachFindingOfCase(db, add)
        }
    }

    private func writeReviewRows(_ db: StoreSession) throws {
        // Cases needing review, with the rules still to decide (undecided or disputed), one
        // a line: "处罚（普通）PRO-01 执法人员不少于两人".
        try batch.forEachCaseToReview(db, limit: limit) { r in
            let rubricId = r.rubricId ?? ""
            let rules = r.ruleIds.map { names.ruleWithTitle($0, standard: rubricId) }
            try self.review.append([.integer(r.caseNo), .text(r.caseId), .text(r.department),
                                    .text(names.standard(rubricId)), r.score.map(Cell.decimal) ?? .empty,
                                    .text(rules.joined(separator: "\n"))])
        }
    }

    /// Adds the summary sheets and the review list, and writes the file.
    func finish(departments: [RankedGroup], problems: [ProblemSummary], examples: [String: [String]], rejects: [StoredBatch.RejectRow],
                files: [String]) throws(PingchaError) {
        try addDepartments(departments)
        try addProblems(problems, examples: examples)
        try addRejects(rejects, files: files)
        try book.close()
    }

    /// 部门汇总, with the mean scores and pass rates as charts, each axis around its figures.
    private func addDepartments(_ departments: [RankedGroup]) throws(PingchaError) {
        let summary = try book.addSheet("部门汇总", columns: [
            Column("名次"), Column("行政执法主体", repeats: true), Column("案卷数", .integer), Column("已评分", .integer), Column("平均分", .decimal(places: 1)),
            Column("中位数", .decimal(places: 1)), Column("合格率", .percent(places: 1)), Column("合格率95%下限", .percent(places: 1)),
            Column("合格率95%上限", .percent(places: 1)), Column("优秀率", .percent(places: 1)), Column("否决项案卷", .integer),
            Column("需人工评查", .integer),
        ], options: SheetOptions(keyColumns: 2))
        for d in departments {
            let s = d.summary
            try summary.append([
                d.rank.map(Cell.integer) ?? .text("不排名"), .text(s.key), .integer(s.cases), .integer(s.scored),
                s.mean.map(Cell.number) ?? .empty, s.median.map(Cell.number) ?? .empty, s.passRate.map(Cell.percent) ?? .empty,
                s.passInterval.map { Cell.percent($0.lower) } ?? .empty, s.passInterval.map { Cell.percent($0.upper) } ?? .empty,
                s.excellentRate.map(Cell.percent) ?? .empty, .integer(s.vetoCases), .integer(s.needsReview),
            ])
        }
        guard !departments.isEmpty else { return }
        let labels = departments.map { $0.summary.key ?? "" }
        let means = departments.map(\.summary.mean)
        let meanAxis = ChartSpace.axisRange(around: means.compactMap { $0 }, within: 0...100, step: 5)
        try summary.addChart(ChartSpace(kind: .bars(horizontal: true), title: "各行政执法主体平均分", categories: labels,
                                        series: [.init(name: "平均分", values: means)], numberFormat: "0.0", axisNumberFormat: "0",
                                        axisMinimum: meanAxis.lowerBound, axisMaximum: meanAxis.upperBound, framed: true),
                             categoryColumn: 1, valueColumns: [4])
        let rates = departments.map(\.summary.passRate)
        let rateAxis = ChartSpace.axisRange(around: rates.compactMap { $0 }, within: 0...1, step: 0.05)
        try summary.addChart(ChartSpace(kind: .bars(horizontal: true), title: "各行政执法主体合格率", categories: labels,
                                        series: [.init(name: "合格率", values: rates)], numberFormat: "0.0%", axisNumberFormat: "0%",
                                        axisMinimum: rateAxis.lowerBound, axisMaximum: rateAxis.upperBound, framed: true),
                             categoryColumn: 1, valueColumns: [6])
    }

    /// 问题统计: the problem groups of the bulletin, with their categories, standards and
    /// rules in words, and a chart of how often each was found.
    /// - Parameter examples: each problem's examples as the bulletin picks them (decided cases,
    ///   in turns over the departments); the problem's own (the batch's first cases) otherwise.
    private func addProblems(_ problems: [ProblemSummary], examples: [String: [String]]) throws(PingchaError) {
        let sheet = try book.addSheet("问题统计", columns: [
            Column("问题", repeats: true), Column("类别", width: 24, repeats: true, wraps: true), Column("细则", width: 56, wraps: true),
            Column("不符合次数", .integer), Column("涉及案卷", .integer), Column("占评分案卷", .percent(places: 1)), Column("例", width: 40, wraps: true),
        ])
        for p in problems {
            var categories: [String] = []
            for id in p.categoryIds {
                let title = names.category(id)
                if !categories.contains(title) { categories.append(title) }
            }
            try sheet.append([
                .text(p.problem), .text(categories.joined(separator: "、")),
                .text(p.rules.map { names.ruleWithTitle($0.ruleId, standard: $0.rubricId) }.joined(separator: "\n")),
                .integer(p.failedFindings), .integer(p.cases), p.shareOfCases.map(Cell.percent) ?? .empty,
                .text((examples[p.problem] ?? p.examples.map { "\($0.department) \($0.caseId)" }).joined(separator: "\n")),
            ])
        }
        guard !problems.isEmpty else { return }
        try sheet.addChart(ChartSpace(kind: .bars(horizontal: true), title: "主要问题分布（不符合细则的次数）", categories: problems.map(\.problem),
                                      series: [.init(name: "不符合次数", values: problems.map { Double($0.failedFindings) })],
                                      axisMinimum: 0, framed: true),
                           categoryColumn: 0, valueColumns: [3])
    }

    /// 退回记录: the raw row as exported only when personal data is not to be masked, and a
    /// note over the header saying which the sheet holds.
    private func addRejects(_ rejects: [StoredBatch.RejectRow], files: [String]) throws(PingchaError) {
        let masks = audience.masksPersonalData
        let note = masks
            ? "“原始内容”已隐去个人信息（--mask-all）：自然人姓名只留姓，证件号码、电话号码只留首尾几位。原样记录见来源文件的对应行。"
            : "注意：“原始内容”是导出文件的原样记录，含当事人姓名、身份证件号码、联系电话等个人信息，仅供内部核对数据，不得公开或外传；需要对外提供时请加 --mask-all 重新生成。"
        let sheet = try book.addSheet("退回记录", columns: [
            Column("来源文件", width: 24, repeats: true, wraps: true), Column("行号", .integer), Column("结束行", .integer), Column("类型", width: 14, wraps: true),
            Column("原因", width: 40, wraps: true),
            Column("原始内容", width: 60, wraps: true),
        ], options: SheetOptions(note: note, keyColumns: 2))
        for r in rejects {
            // A workbook's line numbers are the sheet's: its name goes with the file.
            let source = (files[safe: r.inputOrd] ?? "") + (r.sheet.map { "（工作表“\($0)”）" } ?? "")
            try sheet.append([.text(source), .integer(r.line), .integer(r.endLine), .text(Self.rejectKinds(r.kinds)), .text(audience.text(r.reason)),
                              .text(masks ? RejectRowMask.masked(r.raw) : r.raw)])
        }
    }
}

extension ScoresWorkbook {
    /// The reject kinds stored with a row (`missing_required,invalid_required`) in words.
    static func rejectKinds(_ kinds: String) -> String {
        let words = [
            "field_count": "字段数不符", "missing_required": "缺少必填字段", "invalid_required": "必填字段无效",
            "duplicate": "重复记录", "unterminated_quote": "引号未闭合", "oversized": "记录过大",
        ]
        return kinds.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " })
            .map { words[String($0)] ?? String($0) }.joined(separator: "、")
    }
}

extension Audience {
    /// Names and identifiers are to be masked: published, or internal with `--mask-all`.
    var masksPersonalData: Bool {
        switch self {
        case .published: true
        case .internalUse(let all): all
        }
    }
}

/// scores.xlsx written on threads of their own, over read connections of their own, while
/// the report pass runs: its million-row sheets cost more than the rest of the reports
/// together. The case sheets and the finding sheet fill in parallel; the summary sheets wait
/// for the pass's figures (``finish(departments:problems:rejects:)``).
public final class ScoresWorkbookJob: @unchecked Sendable {
    private let workbook: ScoresWorkbook
    private let databasePath: String
    private let files: [String]
    private let definitions: [StoredRubric]
    private let summariesReady = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var summaries: (departments: [RankedGroup], problems: [ProblemSummary], examples: [String: [String]], rejects: [StoredBatch.RejectRow])?
    private let failure = FirstFailure()

    public init(workbook: ScoresWorkbook, databasePath: String, files: [String], definitions: [StoredRubric]) {
        self.workbook = workbook
        workbook.names = StandardNames(definitions: definitions)
        self.databasePath = databasePath
        self.files = files
        self.definitions = definitions
    }

    public func start() {
        let files = files, definitions = definitions
        // One thread for both detail sheets, one after the other: the workbook's shared
        // strings are numbered in the order texts are first met, and two threads would number
        // them in whatever order they happened to run (a different file every time). The
        // report's own pass runs meanwhile on the other core.
        let rows = BatchReadThread(databasePath: databasePath, batch: workbook.batch) { db in
            try self.workbook.writeCaseRows(db, files: files)
            try self.workbook.writeFindingRows(db, definitions: definitions)
        }
        let thread = Thread { [self] in
            if let error = rows.wait() { failure.record(error) }
            summariesReady.wait()
            if failure.error == nil, let s = summaries {
                do {
                    try workbook.finish(departments: s.departments, problems: s.problems, examples: s.examples, rejects: s.rejects, files: files)
                } catch {
                    failure.record(error)
                }
            }
            finished.signal()
        }
        thread.start()
    }

    /// Hands over the summaries, waits for the file and reports its error, if any.
    public func finish(departments: [RankedGroup], problems: [ProblemSummary], examples: [String: [String]] = [:],
                       rejects: [StoredBatch.RejectRow]) throws {
        summaries = (departments, problems, examples, rejects)
        summariesReady.signal()
        finished.wait()
        if let error = failure.error { throw error }
    }

    /// Stops waiting for summaries (the reports failed); the half-written file is discarded
    /// with the output folder.
    public func abandon() {
        summariesReady.signal()
        finished.wait()
    }
}
