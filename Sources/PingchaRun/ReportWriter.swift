import Foundation
import PingchaAnalytics
import PingchaModel
import PingchaPublish
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
    /// The templates already loaded from ``request`` (`run` loads them before storing anything,
    /// to stop on a mistake in them first): used as they are, not parsed a second time.
    public var templates: ReportTemplates?
    /// `--calendar`: the working-day calendar for the rectification deadlines.
    public var calendarPath: String?
    /// `--final`: the final bulletin; refused, with nothing written, while any case is pending.
    public var final = false

    public init(databasePath: String, batchName: String, outputDirectory: String) {
        self.databasePath = databasePath
        self.batchName = batchName
        self.outputDirectory = outputDirectory
    }

    /// What the bulletin could not say for want of a setting: its 一、基本情况 states the
    /// review's time and team (the contract asks for both), which only the bureau knows.
    public static func hints(_ settings: ReportSettings) -> [String] {
        var missing: [String] = []
        if (settings.content.period ?? "").trimmingSpaces.isEmpty { missing.append("评查时间（review_period）") }
        if (settings.content.team ?? "").trimmingSpaces.isEmpty { missing.append("评查组的组成（review_team）") }
        guard !missing.isEmpty else { return [] }
        return ["通报的“基本情况”没有写\(missing.joined(separator: "和"))：请在 settings.yaml 中填写（用 --templates 指定含 settings.yaml 的文件夹）"]
    }

    /// Writes every report; returns ``hints(_:)`` for the terminal.
    @discardableResult
    public func write() throws(PingchaError) -> [String] {
        // Templates and calendar first: a mistake in them stops before anything is written.
        let templates: ReportTemplates
        if let loaded = self.templates { templates = loaded } else { templates = try request.loadTemplates() }
        let calendar = try WorkingDayCalendar.load(optionalPath: calendarPath)
        if final { try refuseWhilePending() }
        let out = try OutputFolder(destination: outputDirectory)
        var scoresJob: ScoresWorkbookJob?
        var noticesWritten: (() -> Error?)?
        var findingsWritten: (() -> Error?)?
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
                let casesCSV = try BatchCSV.cases(path: out.path("cases.csv"))
                let findingsCSV = try BatchCSV.findings(path: out.path("findings.csv"))
                // One pass over cases and findings writes both files and gathers every figure:
                // the batch is never held in memory.
                // findings.csv, the largest file, on a connection of its own beside the pass.
                findingsWritten = FindingsFile.start(databasePath: databasePath, batch: batch, definitions: definitions, to: findingsCSV)
                var pass = ReportPass(batch: batch, files: files, rubrics: rubricInfos,
                                      tallies: tallies, decidedCaseIds: Set(decisions.map(\.caseId)))
                pass.namedCasesLimit = templates.settings.listLimit
                pass.noticeCaseLimit = templates.settings.noticeCaseLimit
                let figures = try pass.run(db, casesCSV: casesCSV)
                let findingsError = findingsWritten?()
                findingsWritten = nil
                if let findingsError { throw findingsError }
                for csv in [casesCSV, findingsCSV] { try csv.close() }
                let rejects = try batch.rejects(db)
                try BatchCSV.writeRejects(rejects, files: files, path: out.path("rejects.csv"))
                try BatchCSV.writeWarnings(batch, db, files: files, path: out.path("warnings.csv"))
                let publication = try BatchPublication(db, batch: batch, inputs: inputs, rubrics: rubrics, figures: figures, tallies: tallies,
                                                       minimumCasesForRank: minimumCasesForRank)
                try out.write("summary.json", publication.summaryJSON)
                let periods = try RectificationPeriods.load()
                let notices = out.path("notices")
                try FileManager.default.createDirectory(atPath: notices, withIntermediateDirectories: true)
                // The notices on a read connection of their own while the bulletin is written:
                // each spends most of its time in queries of its own.
                noticesWritten = publication.startNotices(databasePath: databasePath, templates: templates, calendar: calendar,
                                                              periods: periods, into: notices)
                let facts = try publication.bulletinFacts(db, typicalCases: templates.settings.content.typicalCases)
                try DocumentFiles.write(try BulletinDocument.make(facts, templates: templates, calendar: calendar, periods: periods),
                                        folder: out.staging, name: "bulletin")
                let analysis = publication.analysisFacts(rubrics: rubricInfos, decisions: decisions)
                try out.write("analysis.md", AnalysisDocument.markdown(analysis, templates: templates))
                let noticesError = noticesWritten?()
                noticesWritten = nil
                if let noticesError { throw noticesError }
                scoresJob = nil
                try job.finish(departments: publication.departments, problems: figures.problems, examples: publication.problemExamples,
                               rejects: rejects)
            }
        } catch {
            // Nothing may still be writing into the folder about to be discarded.
            _ = noticesWritten?()
            _ = findingsWritten?()
            scoresJob?.abandon()
            throw out.discard(after: Store.userError(error, path: databasePath))
        }
        try out.commit()
        return Self.hints(templates.settings)
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
