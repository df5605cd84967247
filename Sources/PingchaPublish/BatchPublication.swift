import PingchaAnalytics
import PingchaCalendar
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore

/// A stored batch's documents once the report's pass (``ReportPass``) has its figures:
/// summary.json, the bulletin's facts, the notices and analysis.md's facts, each from those
/// figures and the store. `report` and `run` call them in order; the builders behind them
/// (``SummaryJSON``, ``BulletinFactsBuilder``, ``NoticeWriter``, ``AnalysisFactsBuilder``)
/// stay inside this module.
public struct BatchPublication {
    let batch: StoredBatch
    let summary: SummaryJSON
    let figures: BatchFigures
    let definitions: [StoredRubric]
    let minimumCasesForRank: Int

    public init(_ db: StoreSession, batch: StoredBatch, inputs: [StoredBatch.Input], rubrics: [StoredBatch.RubricRecord],
                figures: BatchFigures, tallies: [StoredBatch.RuleTally], minimumCasesForRank: Int) throws {
        let definitions = rubrics.map(\.structure)
        var summary = SummaryJSON(batch: batch, inputs: inputs, rubrics: rubrics, definitions: definitions, all: figures.all,
                                  departments: figures.departments, tallies: tallies, minimumCasesForRank: minimumCasesForRank)
        summary.profiles = try batch.profiles(db)
        summary.profileDepartments = figures.profileDepartments
        self.batch = batch
        self.summary = summary
        self.figures = figures
        self.definitions = definitions
        self.minimumCasesForRank = minimumCasesForRank
    }

    /// summary.json as product.md specifies it.
    public var summaryJSON: String { summary.render() }

    /// The departments, ranked (departments with fewer than `minimumCasesForRank` cases unranked).
    public var departments: [RankedGroup] { summary.departments }

    /// The bulletin's facts: only decided cases are named.
    /// The lists of excellent and unqualified cases are the figures' (as long as the pass's
    /// ``ReportPass/namedCasesLimit``).
    /// Each problem group's examples for scores.xlsx's 问题统计, as the bulletin picks them
    /// (decided cases, spread over the departments): it listed the batch's first cases, pending
    /// ones among them, and often all from one department.
    public var problemExamples: [String: [String]] {
        BulletinFactsBuilder(batch: batch, summary: summary, figures: figures, definitions: definitions,
                             minimumCasesForRank: minimumCasesForRank).problemExamples()
    }

    public func bulletinFacts(_ db: StoreSession, typicalCases: [BulletinContent.TypicalCase]) throws -> BulletinFacts {
        try BulletinFactsBuilder(batch: batch, summary: summary, figures: figures, definitions: definitions,
                                 minimumCasesForRank: minimumCasesForRank, typicalCases: typicalCases).facts(db)
    }

    /// Writes `notices/<部门>.md` and `.docx` into `folder`; returns the departments written.
    @discardableResult
    public func writeNotices(_ db: StoreSession, templates: ReportTemplates, calendar: WorkingDayCalendar, periods: RectificationPeriods,
                             into folder: String) throws -> [String] {
        try NoticeWriter(batch: batch, summary: summary, figures: figures, definitions: definitions, templates: templates, calendar: calendar,
                         periods: periods).write(db, into: folder)
    }

    /// Starts writing the notices (as ``writeNotices(_:templates:calendar:periods:into:)``) on a
    /// thread of its own with a read connection of its own (``BatchReadThread``); the function
    /// returned waits for them and gives their error, if any.
    public func startNotices(databasePath: String, templates: ReportTemplates, calendar: WorkingDayCalendar, periods: RectificationPeriods,
                             into folder: String) -> () -> Error? {
        nonisolated(unsafe) let publication = self
        let work = BatchReadThread(databasePath: databasePath, batch: batch) { db in
            try publication.writeNotices(db, templates: templates, calendar: calendar, periods: periods, into: folder)
        }
        return work.wait
    }

    /// analysis.md's facts; `decisions` are the reviewers' (their agreement is counted).
    public func analysisFacts(rubrics: [RubricInfo],
                              decisions: [(caseId: String, department: String?, rule: String, outcome: String, reviewer: String?)]) -> AnalysisFacts {
        AnalysisFactsBuilder(batchName: batch.name, figures: figures, rubrics: rubrics, decisions: decisions,
                             minimumCasesForRank: minimumCasesForRank).facts
    }
}
