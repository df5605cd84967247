import Foundation
import PingchaAnalytics
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore
import PingchaCalendar

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
    /// `--final`: the final bulletin; refused, with nothing written, while any case is pending.
    public var final = false

    public init(databasePath: String, batchName: String, outputDirectory: String) {
        self.databasePath = databasePath
        self.batchName = batchName
        self.outputDirectory = outputDirectory
    }

    public func write() throws(PingchaError) {
        // Templates and calendar first: a mistake in them stops before anything is written.
        let templates = try request.loadTemplates()
        let calendar = try WorkingDayCalendar.load(optionalPath: calendarPath)
        if final { try refuseWhilePending() }
        let out = try OutputFolder(destination: outputDirectory)
        var scoresJob: ScoresWorkbookJob?
        do {
            let store = try Store(path: databasePath)
            try store.read { db in
                let batch = try StoredBatch.named(batchName, in: db)
                let inputs = try batch.inputs(db)
                let rubrics = try batch.rubrics(db)
                let definitions = rubrics.map(\.structure)
                let files = inputs.map(\.path)
                let workbook = try ScoresWorkbook(path: out.path("scores.xlsx"), batch: batch, audience: Audience(internalWith: templates.settings),
                                                  detailLimit: templates.settings.xlsxDetailLimit, findingsTotal: try batch.findingCount(db))
                let job = ScoresWorkbookJob(workbook: workbook,
                                            databasePath: databasePath, files: files, definitions: definitions)
                job.start()
                scoresJob = job

                let rubricInfos = StoredCases.rubricInfos(definitions)
                let tallies = try batch.ruleTallies(db)
                let decisions = try batch.decisions(db)
                let casesCSV = try CSVDocument(path: out.path("cases.csv"), header: ["case_no", "case_id", "department", "district", "enforcement_type", "decision_date",
                                                    "rubric", "score", "grade", "pass", "veto", "disposition", "needs_review", "file", "line"])
                let findingsCSV = try CSVDocument(path: out.path("findings.csv"), header: ["case_no", "case_id", "department", "rubric", "rule", "title", "category", "problem",
                                                       "outcome", "deduct", "values", "basis", "disposition", "automated", "review", "suspect"])
                // One pass over cases and findings writes both files and gathers every figure:
                // the batch is never held in memory.
                let figures = try ReportPass(batch: batch, files: files, rubrics: rubricInfos, definitions: definitions,
                                             applicable: AnalysisFactsBuilder.applicable(tallies), decidedCaseIds: Set(decisions.map(\.caseId)))
                    .run(db, casesCSV: casesCSV, findingsCSV: findingsCSV)
                // `sheet` last, so the columns earlier files had keep their places; empty for a CSV.
                let rejectsCSV = try CSVDocument(path: out.path("rejects.csv"), header: ["file", "line", "end_line", "kinds", "reason", "raw", "sheet"])
                let rejects = try batch.rejects(db)
                for r in rejects {
                    rejectsCSV.row([files[safe: r.inputOrd] ?? "", String(r.line), String(r.endLine), r.kinds, r.reason, r.raw, r.sheet ?? ""])
                }
                let warningsCSV = try CSVDocument(path: out.path("warnings.csv"), header: ["file", "line", "column", "kind", "header", "field", "raw", "detail", "sheet"])
                try batch.forEachWarning(db) { w in
                    warningsCSV.row([files[safe: w.inputOrd] ?? "", w.line.map(String.init) ?? "", w.column.map(String.init) ?? "",
                                     w.kind, w.header ?? "", w.field ?? "", w.raw ?? "", w.detail, w.sheet ?? ""])
                }
                var summary = SummaryJSON(batch: batch, inputs: inputs, rubrics: rubrics, definitions: definitions, all: figures.all,
                                          departments: figures.departments, tallies: tallies, minimumCasesForRank: minimumCasesForRank)
                summary.profiles = try batch.profiles(db)
                summary.profileDepartments = try batch.profileDepartments(db)
                for csv in [casesCSV, findingsCSV, rejectsCSV, warningsCSV] { try csv.close() }
                try out.write("summary.json", summary.render())
                let facts = try BulletinFactsBuilder(batch: batch, summary: summary, figures: figures, definitions: definitions,
                                                     listLimit: templates.settings.listLimit, minimumCasesForRank: minimumCasesForRank,
                                                     typicalCases: templates.settings.content.typicalCases).facts(db)
                let periods = try RectificationPeriods.load()
                try DocumentFiles.write(try BulletinDocument.make(facts, templates: templates, calendar: calendar, periods: periods),
                                        folder: out.staging, name: "bulletin")
                let notices = out.path("notices")
                try FileManager.default.createDirectory(atPath: notices, withIntermediateDirectories: true)
                try NoticeWriter(batch: batch, summary: summary, definitions: definitions, templates: templates, calendar: calendar,
                                 periods: periods)
                    .write(db, into: notices)
                let analysis = AnalysisFactsBuilder(batchName: batch.name, figures: figures, rubrics: rubricInfos,
                                                    decisions: decisions, minimumCasesForRank: minimumCasesForRank).facts
                try out.write("analysis.md", AnalysisDocument.markdown(analysis, templates: templates))
                scoresJob = nil
                try job.finish(departments: summary.departments, problems: figures.problems, rejects: rejects)
            }
        } catch {
            scoresJob?.abandon()
            out.discard()
            throw Store.userError(error, path: databasePath)
        }
        try out.commit()
    }

    /// With `--final`: the refusal listing every pending case, before any file is touched.
    func refuseWhilePending() throws(PingchaError) {
        let pending: [StoredBatch.PendingCase]
        do {
            let store = try Store(path: databasePath)
            pending = try store.read { db in try StoredBatch.named(batchName, in: db).pendingCases(db) }
        } catch {
            throw Store.userError(error, path: databasePath)
        }
        if !pending.isEmpty { throw FinalBulletin.refusal(pending.map { ($0.department, $0.caseId) }, storing: false) }
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
