import PingchaAnalytics
import PingchaReports
import PingchaRubric
import PingchaStore

// The initialisers the jobs of PingchaRun call, apart from the types they make (whose
// memberwise initialisers are internal): the adapters' files stay as they were written.

extension ReportPass {
    /// `tallies`: the scorer's counts of each rule (its applicable count is the rule's
    /// denominator); `decidedCaseIds`: the cases a reviewer decided rules of.
    public init(batch: StoredBatch, files: [String], rubrics: [RubricInfo],
                tallies: [StoredBatch.RuleTally], decidedCaseIds: Set<String>) {
        self.batch = batch
        self.files = files
        self.rubrics = rubrics
        self.applicable = AnalysisFactsBuilder.applicable(tallies)
        self.decidedCaseIds = decidedCaseIds
    }
}

extension StatsDocuments {
    public init(stats: AnnualStatistics, previous: AnnualStatistics?, templates: ReportTemplates) {
        self.stats = stats
        self.previous = previous
        self.templates = templates
    }
}
