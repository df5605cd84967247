import Foundation
import PingchaIngest
import PingchaModel
import PingchaPublish
import PingchaRubric
import PingchaSampling
import PingchaStore
import PingchaCatalogue

/// `pingcha sample`: must-review cases plus a seeded, stratified draw per department from a
/// stored batch, with the draw record written beside the sample.
public struct SampleJob {
    public var databasePath: String
    public var batchName: String
    public var must: String?
    public var plan: SamplingPlan
    public var outputDirectory: String

    public init(databasePath: String, batchName: String, must: String?, plan: SamplingPlan, outputDirectory: String) {
        self.databasePath = databasePath
        self.batchName = batchName
        self.must = must
        self.plan = plan
        self.outputDirectory = outputDirectory
    }

    /// Fields a `--must` expression may use besides the case's own: the batch's results.
    public static let resultFields: [FieldDefinition] = [
        FieldDefinition(id: "veto", type: .bool, name: "一票否决"),
        FieldDefinition(id: "score", type: .number, name: "得分"),
        FieldDefinition(id: "grade", type: .text, name: "等次"),
        FieldDefinition(id: "rubric", type: .text, name: "评查标准"),
        FieldDefinition(id: "disposition", type: .enumeration, name: "处理方式",
                        values: ["invalid", "illegal", "correct", "improve", "none"].map { AllowedValue(value: $0) }),
        FieldDefinition(id: "needs_review", type: .bool, name: "需人工评查"),
        FieldDefinition(id: "failed_rules", type: .list, name: "不符合的细则"),
        FieldDefinition(id: "failed_count", type: .number, name: "不符合的细则数"),
    ]

    /// The case fields plus ``resultFields``: what `--must` and the candidate list read.
    static var catalogue: FieldCatalogue {
        let base = FieldCatalogue.builtIn()
        return FieldCatalogue(fields: base.fields + resultFields, source: base.source)
    }

    public func run() throws(PingchaError) -> SampleDraw {
        let catalogue = Self.catalogue
        let predicate: PingchaRubric.Predicate?
        do {
            predicate = try must.map { source throws(ExpressionError) in
                try ExpressionCompiler(catalogue: catalogue, calendar: .builtIn()).predicate(source)
            }
        } catch {
            throw .invalidOption("--must 表达式第 \(error.offset + 1) 个字符处：\(error.message)")
        }
        let draw: SampleDraw
        var population = ""
        do {
            let store = try Store(path: databasePath)
            let (candidates, batch) = try store.read { db in
                (try ReviewSample.candidates(batchName, db: db, catalogue: catalogue, must: predicate), try StoredBatch.named(batchName, in: db))
            }
            draw = try Sampler.draw(candidates, plan: plan)
            // The record says whose cases these are and which of them could not be drawn: a
            // total of 1,436 beside the bulletin's 1,500 read as cases lost.
            population = "\n批次：\(batch.name)。该批次共有案卷\(batch.casesTotal)件"
                + (batch.casesUncovered > 0 ? "，其中\(batch.casesUncovered)件没有适用的评查标准、未评分，不参加抽取；本记录中的案卷总数为其余\(batch.casesTotal - batch.casesUncovered)件" : "")
                + "。\n"
        } catch let e as SamplingError {
            throw .invalidOption(e.message)
        } catch {
            throw Store.userError(error, path: databasePath)
        }
        let out = try OutputFolder(destination: outputDirectory)
        try out.write("sample.csv", String(decoding: draw.sampleCSV(), as: UTF8.self))
        try out.write("draw-record.md", draw.drawRecordMarkdown() + population + (must.map { "\n必查条件（--must）：`\($0)`\n" } ?? ""))
        try out.commitAdding()
        return draw
    }
}

/// `pingcha assign`: the sampled cases to reviewers, with recusal and balanced loads; one
/// blank scoresheet per reviewer, in the format `run --scoresheet` reads back.
public struct AssignJob {
    public var databasePath: String
    public var batchName: String
    public var samplePath: String
    public var reviewersPath: String
    public var perCase: Int
    public var seed: UInt64
    public var outputDirectory: String

    public init(databasePath: String, batchName: String, samplePath: String, reviewersPath: String, perCase: Int, seed: UInt64,
                outputDirectory: String) {
        self.databasePath = databasePath
        self.batchName = batchName
        self.samplePath = samplePath
        self.reviewersPath = reviewersPath
        self.perCase = perCase
        self.seed = seed
        self.outputDirectory = outputDirectory
    }

    public func run() throws(PingchaError) -> Assignment {
        let reviewers = try Self.reviewers(reviewersPath)
        let sampleRows = try PlainCSV.read(path: samplePath)
        guard let header = sampleRows.first?.cells, let idColumn = header.firstIndex(of: "case_id"),
              let deptColumn = header.firstIndex(of: "department") else {
            throw .located(SourceLocation(file: samplePath, line: 1), "样本文件应有 case_id 和 department 列（pingcha sample 生成的 sample.csv）")
        }
        let reasonColumn = header.firstIndex(of: "reason")
        let candidates: [SamplingCandidate]
        do {
            let store = try Store(path: databasePath)
            candidates = try store.read { db in try ReviewSample.candidates(batchName, db: db, catalogue: SampleJob.catalogue, must: nil) }
        } catch {
            throw Store.userError(error, path: databasePath)
        }
        var byKey: [String: SamplingCandidate] = [:]
        for c in candidates { byKey[c.department + "\u{1F}" + c.caseId] = c }
        var cases: [SampledCase] = []
        for row in sampleRows.dropFirst() where row.cells.count > max(idColumn, deptColumn) {
            let id = row.cells[idColumn].hasPrefix("'") ? String(row.cells[idColumn].dropFirst()) : row.cells[idColumn]
            guard let c = byKey[row.cells[deptColumn] + "\u{1F}" + id] else {
                throw .located(SourceLocation(file: samplePath, line: row.line), "批次“\(batchName)”中没有执法主体“\(row.cells[deptColumn])”的案件 \(id)")
            }
            let reason: SampleReason = reasonColumn.map { row.cells[safe: $0] == "必查" } == true ? .mustReview : .drawn
            cases.append(SampledCase(caseNo: c.caseNo, caseId: c.caseId, department: c.department, reason: reason, risk: c.risk,
                                     rulesToReview: c.rulesToReview))
        }
        let assignment: Assignment
        do {
            assignment = try Assigner.assign(cases: cases, reviewers: reviewers, perCase: perCase, seed: seed)
        } catch {
            throw .invalidOption(error.message)
        }
        let details: ReviewDetails
        do {
            let store = try Store(path: databasePath)
            details = try store.read { db in try ReviewSample.details(batchName, cases: cases, db: db) }
        } catch {
            throw Store.userError(error, path: databasePath)
        }
        let out = try OutputFolder(destination: outputDirectory)
        try out.write("assignment.csv", String(decoding: assignment.assignmentCSV(), as: UTF8.self))
        try out.write("assignment.md", assignment.assignmentMarkdown())
        for w in assignment.workloads {
            let csv: [UInt8]
            let lines: [ScoresheetLine]
            do {
                csv = try assignment.scoresheetCSV(for: w.reviewer, details: details)
                lines = try assignment.scoresheetLines(for: w.reviewer, details: details)
            } catch { throw .invalidOption(error.message) }
            try out.write(Assignment.scoresheetFileName(for: w.reviewer), String(decoding: csv, as: UTF8.self))
            try ReviewerWorkbook.write(to: out.path(Assignment.workbookFileName(for: w.reviewer)), batchName: batchName,
                                       reviewer: w.reviewer, cases: w.cases, lines: lines, details: details)
        }
        try out.commitAdding()
        return assignment
    }

    /// `--reviewers CSV`: columns name/姓名 and department/单位.
    static func reviewers(_ path: String) throws(PingchaError) -> [Reviewer] {
        let rows = try PlainCSV.read(path: path)
        guard let header = rows.first?.cells else { throw .emptyFile(path) }
        let keys = header.map { HeaderKey($0).key }
        guard let name = keys.firstIndex(where: { ["name", "姓名", "评查人员", "评查人员姓名", "评查人", "reviewer"].contains($0) }),
              let dept = keys.firstIndex(where: { ["department", "单位", "所在单位", "工作单位", "部门", "所在部门", "部门名称", "执法主体"].contains($0) })
        else {
            throw .located(SourceLocation(file: path, line: 1), "评查人员名单应有 name（姓名）和 department（单位）两列")
        }
        return rows.dropFirst().compactMap { row in
            guard row.cells.count > max(name, dept), !row.cells[name].isEmpty else { return nil }
            return Reviewer(name: row.cells[name], department: row.cells[dept])
        }
    }
}
