import Foundation
import PingchaIngest
import PingchaAnalytics
import PingchaModel
import PingchaRubric
import PingchaScoring
import PingchaStore
import PingchaCalendar
import PingchaCatalogue

/// `pingcha rescore`: a stored batch's normalised cases scored again under other rubrics, as
/// a new batch, so that years scored under different rubric versions compare on equal terms.
/// Needs no original files: the store keeps every case, and the reviewers' decisions merged
/// into the batch, which apply again wherever the new rubrics still have the rule.
public struct RescoreJob {
    public var databasePath: String
    public var sourceBatch: String
    public var newBatch: String
    public var rubrics: [String]
    public var calendar: String?
    public var toolVersion = "0.1.0"

    public init(databasePath: String, sourceBatch: String, newBatch: String, rubrics: [String]) {
        self.databasePath = databasePath
        self.sourceBatch = sourceBatch
        self.newBatch = newBatch
        self.rubrics = rubrics
    }

    /// The counts, and what became of the reviewers' decisions: how many apply again, and each
    /// one the new rubrics could not take (a rule they no longer have, a deduction above the
    /// new maximum), said where it came from.
    public func run() throws(PingchaError) -> (cases: Int, scored: Int, decisions: Int, notApplied: [String]) {
        guard newBatch != sourceBatch else { throw .invalidOption("新批次名称不能与原批次相同（--as）") }
        let catalogue = FieldCatalogue.builtIn()
        let cal = try WorkingDayCalendar.load(optionalPath: calendar)
        let set = try RubricLoader(catalogue: catalogue, calendar: cal).loadChecked(paths: rubrics)
        let loaded = set.rubrics
        let digests = try loaded.map { (r) throws(PingchaError) -> String in try StoredRubric.digest(r) }
        let scorer = Scorer(set)
        var counts = (cases: 0, scored: 0, uncovered: 0, review: 0)
        var applied = 0, notApplied: [String] = []
        do {
            let lock = try WriterLock(databasePath: databasePath, timeout: 600, creating: false) {}
            defer { withExtendedLifetime(lock) {} }
            let store = try Store(path: databasePath)
            try store.write { db in
                let source = try StoredBatch.named(sourceBatch, in: db)
                let header = BatchHeader(name: newBatch, year: source.year, ranAt: ISO8601DateFormatter().string(from: Date()),
                                         toolVersion: toolVersion, calendarVersion: cal.version, catalogueSHA256: source.catalogueSHA256)
                let writer = try BatchWriter(db, header: header, scorer: scorer, catalogue: catalogue)
                try writer.addRubrics(loaded, digests: digests)
                try writer.addProfiles(set.profiles, digests: try set.profiles.map { (p) throws(PingchaError) -> String in try ProfileJSON.digest(p) })
                var result = CaseResult.uncovered
                let layout = source.valueLayout(catalogue)
                // The decisions were checked when they were merged; against other rubrics some
                // may no longer fit, and those are said, not applied (the batch still stands).
                let book = ReviewBook(rows: try source.scoresheetRows(db), scorer: scorer)
                let caseIdIndex = catalogue.index(of: "case_id"), departmentIndex = catalogue.index(of: "department")
                try source.forEachCase(db) { c in
                    let record = CaseRecord(values: c.values(layout), fileIndex: c.inputOrd, line: c.line)
                    counts.cases += 1
                    if let r = scorer.rubricIndex(for: record) {
                        let decisions = book.isEmpty ? [:] : book.decisions(
                            caseId: caseIdIndex.flatMap { record.values[$0]?.text } ?? "",
                            department: departmentIndex.flatMap { record.values[$0]?.text } ?? "", rubric: r)
                        applied += decisions.values.reduce(0) { $0 + $1.count }
                        scorer.score(record, rubric: r, decisions: decisions, into: &result)
                        counts.scored += 1
                        if result.needsAttention(loaded[r]) { counts.review += 1 }
                    } else {
                        result = .uncovered
                        counts.uncovered += 1
                    }
                    try writer.addCase(record, caseNo: c.caseNo, result: result)
                }
                notApplied = book.errors.map(\.message)
                try writer.copyIngestion(from: source.id)
                try writer.finish(inputs: [], cases: counts.cases, scored: counts.scored, uncovered: counts.uncovered,
                                  needsReview: counts.review)
                return .commit
            }
        } catch {
            throw Store.userError(error, path: databasePath)
        }
        return (counts.cases, counts.scored, applied, notApplied)
    }
}
