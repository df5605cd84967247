import Foundation
import GRDB
import PingchaAnalytics
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore

/// Writes a stored batch's reports (`run` and `report`): every figure comes from the store,
/// so regenerating reports gives the same files.
public struct ReportWriter {
    public let databasePath: String
    public let batchName: String
    public let outputDirectory: String
    /// Departments with fewer cases are listed but not ranked.
    public var minimumCasesForRank = 10
    /// Templates and the settings the command line overrides.
    public var request = ReportRequest()
    /// `--calendar`: the working-day calendar for the rectification deadlines.
    public var calendarPath: String?

    public init(databasePath: String, batchName: String, outputDirectory: String) {
        self.databasePath = databasePath
        self.batchName = batchName
        self.outputDirectory = outputDirectory
    }

    public func write() throws(PingchaError) {
        // Templates and calendar first: a mistake in them stops before anything is written.
        let templates = try request.loadTemplates()
        let calendar = try WorkingDayCalendar.load(optionalPath: calendarPath)
        let out = try OutputFolder(destination: outputDirectory)
        do {
            let queue = try StoreConnection.open(path: databasePath)
            try queue.read { db in
                let batch = try StoredBatch.named(batchName, in: db)
                let inputs = try batch.inputs(db)
                let rubrics = try batch.rubrics(db)
                let definitions = rubrics.map { RubricDefinition(json: $0.definition) }
                let files = inputs.map(\.path)

                let casesCSV = try CSVDocument(path: out.path("cases.csv"), header: ["case_no", "case_id", "department", "district", "enforcement_type", "decision_date",
                                                    "rubric", "score", "grade", "pass", "veto", "disposition", "needs_review", "file", "line"])
                let stored = try StoredCases.load(batch, db: db)
                let scores = try ScoresWorkbook(path: out.path("scores.xlsx"), batchName: batch.name,
                                                audience: Audience(internalWith: templates.settings))
                try batch.forEachCase(db) { c in
                    try scores.addCase(c, file: files[safe: c.inputOrd] ?? "")
                    casesCSV.row([String(c.caseNo), c.caseId, c.department, c.district ?? "", c.enforcementType, c.decisionDate ?? "",
                                  c.rubricId ?? "", c.score ?? "", c.grade ?? "", c.pass.map { $0 ? "是" : "否" } ?? "",
                                  c.veto ? "是" : "否", c.disposition, c.needsReview ? "是" : "否",
                                  files[safe: c.inputOrd] ?? "", String(c.line)])
                }
                let findingsCSV = try CSVDocument(path: out.path("findings.csv"), header: ["case_no", "case_id", "department", "rubric", "rule", "title", "category", "problem",
                                                       "outcome", "deduct", "values", "basis", "disposition", "automated", "review"])
                try batch.forEachFinding(db) { f in
                    let rule = definitions.first { $0.id == f.rubricId }?.rules[f.ruleId]
                    let ref = stored.index[f.caseNo].map { stored.cases[$0] }
                    try scores.addFinding(f, caseId: ref?.caseId ?? "", department: ref?.department ?? "", rule: rule)
                    findingsCSV.row([String(f.caseNo), ref?.caseId ?? "", ref?.department ?? "", f.rubricId, f.ruleId, rule?.title ?? "",
                                     f.categoryId, f.problem, f.outcome, f.deduct, f.fieldsRead, rule?.basis ?? "",
                                     rule?.disposition ?? "", f.automated ?? "", f.review ?? ""])
                }
                let rejectsCSV = try CSVDocument(path: out.path("rejects.csv"), header: ["file", "line", "end_line", "kinds", "reason", "raw"])
                let rejects = try batch.rejects(db)
                for r in rejects {
                    rejectsCSV.row([files[safe: r.inputOrd] ?? "", String(r.line), String(r.endLine), r.kinds, r.reason, r.raw])
                }
                let warningsCSV = try CSVDocument(path: out.path("warnings.csv"), header: ["file", "line", "column", "kind", "header", "field", "raw", "detail"])
                try batch.forEachWarning(db) { w in
                    warningsCSV.row([files[safe: w.inputOrd] ?? "", w.line.map(String.init) ?? "", w.column.map(String.init) ?? "",
                                     w.kind, w.header ?? "", w.field ?? "", w.raw ?? "", w.detail])
                }
                let summary = SummaryJSON(batch: batch, inputs: inputs, rubrics: rubrics, definitions: definitions, cases: stored.cases,
                                          tallies: try batch.ruleTallies(db), minimumCasesForRank: minimumCasesForRank)
                for csv in [casesCSV, findingsCSV, rejectsCSV, warningsCSV] { try csv.close() }
                try scores.finish(departments: summary.departments, problems: Analytics.mainProblems(stored.cases, examplesPerProblem: 3),
                                  rejects: rejects, files: files)
                try out.write("summary.json", summary.render())
                let facts = try BulletinFactsBuilder(batch: batch, summary: summary, stored: stored, listLimit: templates.settings.listLimit,
                                                     minimumCasesForRank: minimumCasesForRank).facts(db)
                try DocumentFiles.write(try BulletinDocument.make(facts, templates: templates, calendar: calendar),
                                        folder: out.staging, name: "bulletin")
                let notices = out.path("notices")
                try FileManager.default.createDirectory(atPath: notices, withIntermediateDirectories: true)
                try NoticeWriter(batch: batch, summary: summary, definitions: definitions, templates: templates, calendar: calendar)
                    .write(db, into: notices)
                try out.write("analysis.md", AnalysisMarkdown(stored: stored, tallies: try batch.ruleTallies(db),
                                                              decisions: try batch.decisions(db),
                                                              minimumCasesForRank: minimumCasesForRank).render())
            }
        } catch {
            out.discard()
            throw BatchRun.storeError(error, path: databasePath)
        }
        try out.commit()
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
