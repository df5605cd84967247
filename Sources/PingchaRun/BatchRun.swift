import Foundation
import PingchaIngest
import PingchaAnalytics
import PingchaModel
import PingchaRubric
import PingchaScoring
import PingchaStore
import PingchaCalendar
import PingchaCatalogue

/// The main job (评查批次): ingest every export, score every case, store the batch in one
/// transaction. A bad rubric, a refused input, a wrong scoresheet or (with `strict`) any
/// rejected row rolls everything back: the previous batch of the same name stays as it was.
public struct BatchRun {
    public struct Outcome: Sendable {
        public var batchName: String
        public var batchId: Int64
        public var reports: [FileReport]
        public var cases = 0
        public var scored = 0
        public var uncovered = 0
        public var needsReview = 0
        public var rejected = 0
        /// The calendar's warning about years it does not cover, when the batch needed them.
        public var calendarNotice: String?
        /// Copying the committed batch into the database file, still running when the run
        /// returns (reports can be read meanwhile): ``waitForStore()`` before exiting.
        public var checkpoint: BackgroundCheckpoint?

        /// Waits until the stored batch is in the database file itself.
        public func waitForStore() { checkpoint?.wait() }
    }

    /// Progress for a terminal: stage name and counts.
    public typealias Progress = @Sendable (_ stage: String, _ done: Int, _ total: Int?) -> Void

    public let options: RunOptions

    public init(options: RunOptions) { self.options = options }

    /// - Parameters:
    ///   - waiting: told once when another run holds the store and this one waits.
    /// How many refused rows a `--strict` refusal names.
    static let rejectsNamedWhenStrict = 5

    public func execute(progress: Progress? = nil, waiting: ((String) -> Void)? = nil) throws(PingchaError) -> Outcome {
        let catalogue = try FieldCatalogueLoader.load(optionalPath: options.fields)
        try CaseKeyFields.check(catalogue)
        let calendar = try WorkingDayCalendar.load(optionalPath: options.calendar)
        let rubricSet = try RubricLoader(catalogue: catalogue, calendar: calendar).loadChecked(paths: options.rubrics)
        let rubrics = rubricSet.rubrics
        let digests = try rubrics.map { (r) throws(PingchaError) -> String in try StoredRubric.digest(r) }
        let profileDigests = try rubricSet.profiles.map { (p) throws(PingchaError) -> String in try ProfileJSON.digest(p) }
        let mapping = try options.mapping.map { p throws(PingchaError) in try ExportMapping.load(path: p, catalogue: catalogue) }
        let files = try InputFiles.expand(options.inputs)
        let scorer = Scorer(rubricSet)

        var sheetRows: [ScoresheetRow] = []
        var sheetErrors: [PingchaError] = []
        for path in options.scoresheets {
            let (rows, errors) = try ScoresheetReader.read(path: path)
            sheetRows += rows
            sheetErrors += errors
        }
        let book = ReviewBook(rows: sheetRows, scorer: scorer)

        let batchName = options.batchName ?? RunOptions.defaultBatchName(year: options.year)
        let header = BatchHeader(name: batchName, year: options.year, ranAt: Self.testRanAt ?? ISO8601DateFormatter().string(from: Date()),
                                 toolVersion: options.toolVersion, calendarVersion: calendar.version,
                                 catalogueSHA256: SHA256Digest.hex(of: catalogue.source == "rubrics/fields.yaml" ? EmbeddedDefaults.fieldsYAML : (try TextFile.read(catalogue.source))))
        let store: Store
        let lock: WriterLock
        // A run that stores nothing leaves no store behind where there was none: a refused
        // export left an empty database (every table, no batch) at `--db`.
        // (The `.lock` file stays: another run may be waiting on it.)
        let fm = FileManager.default
        let isNewStore = !fm.fileExists(atPath: options.database)
        var stored = false
        defer {
            if !stored && isNewStore {
                for file in [options.database, options.database + "-wal", options.database + "-shm"] { try? fm.removeItem(atPath: file) }
            }
        }
        do {
            lock = try WriterLock(databasePath: options.database, timeout: options.waitForOtherRun) {
                waiting?("另一个 pingcha 正在写入 \(options.database)，等待它结束……")
            }
            store = try Store(path: options.database, creating: true)
        } catch {
            throw Store.userError(error, path: options.database)
        }
        defer { withExtendedLifetime(lock) {} }

        var outcome = Outcome(batchName: batchName, batchId: 0, reports: [])
        var firstRejects: [Reject] = []
        var failure: PingchaError?
        // With --final, the cases whose result is pending (they block the final bulletin).
        var pending: [(department: String, caseId: String)] = []
        do {
            try store.write(deferringCheckpoints: true) { db in
                let writer = try BatchWriter(db, header: header, scorer: scorer, catalogue: catalogue)
                outcome.batchId = writer.batchId
                try writer.addRubrics(rubrics, digests: digests)
                try writer.addProfiles(rubricSet.profiles, digests: profileDigests)
                var storeError: Error?
                let caseIdIndex = catalogue.index(of: "case_id")!, departmentIndex = catalogue.index(of: "department")!
                let handlers = IngestHandlers<CaseRows>(
                    onPreparedCase: { record, prepared in
                        guard storeError == nil else { return }
                        outcome.cases += 1
                        var rows = prepared
                        if !book.isEmpty {
                            // Reviewers' decisions apply here, in case order: score such a case again with them.
                            let decisions = book.decisions(caseId: record.values[caseIdIndex]?.text ?? "",
                                                           department: record.values[departmentIndex]?.text ?? "", rubric: rows.rubric)
                            if !decisions.isEmpty, let r = rows.rubric {
                                var result = CaseResult.uncovered
                                scorer.score(record, rubric: r, decisions: decisions, into: &result)
                                rows = CaseRows(record, result: result, scorer: scorer, catalogue: catalogue)
                            }
                        }
                        if rows.rubric == nil { outcome.uncovered += 1 } else { outcome.scored += 1 }
                        if rows.needsReview {
                            outcome.needsReview += 1
                            if options.final {
                                pending.append((record.values[departmentIndex]?.text ?? "", record.values[caseIdIndex]?.text ?? ""))
                            }
                        }
                        do { try writer.add(rows, caseNo: outcome.cases) } catch { storeError = error }
                        if outcome.cases == Self.testPauseAfterCases { Self.pauseForTest() }
                        if outcome.cases % 10_000 == 0 { progress?("评分并写入", outcome.cases, nil) }
                    },
                    onReject: { r in
                        outcome.rejected += 1
                        if firstRejects.count < Self.rejectsNamedWhenStrict { firstRejects.append(r) }
                        do { try writer.addReject(r, inputOrd: files.firstIndex(of: r.file) ?? 0) } catch { storeError = error }
                    },
                    onWarning: { w in
                        do { try writer.addWarning(w, inputOrd: files.firstIndex(of: w.file) ?? 0) } catch { storeError = error }
                    },
                    onFileDone: { report in progress?("导入 \(report.path)", report.rows, nil) }
                )
                var ingestOptions = IngestOptions(encoding: options.encoding, mapping: mapping)
                ingestOptions.sheet = options.sheet
                ingestOptions.headerRow = options.headerRow
                // Scoring and building the store rows run on the ingest workers, in parallel;
                // only the inserts stay on this thread.
                let columns = CaseRows.Columns(catalogue)
                let ingester = Ingester(catalogue: catalogue, options: ingestOptions) { record in
                    var result = CaseResult.uncovered
                    if let r = scorer.rubricIndex(for: record) { scorer.score(record, rubric: r, into: &result) }
                    return CaseRows(record, result: result, scorer: scorer, catalogue: catalogue, columns: columns)
                }
                let reports = ingester.ingest(files: files, handlers: handlers)
                outcome.reports = reports
                if let storeError { throw storeError }
                if let refused = reports.first(where: { $0.refusal != nil })?.refusal { failure = refused; return .rollback }
                book.finish()
                let errors = sheetErrors + book.errors
                if !errors.isEmpty {
                    failure = .several(errors, summary: "评查表有 \(errors.count) 处错误，本次运行不保存任何结果")
                    return .rollback
                }
                if options.strict && outcome.rejected > 0 {
                    // The first rows refused, where they are and why: the user should not need
                    // another command to learn what to fix.
                    let named = firstRejects.map { "  \($0.file) \($0.position)：\($0.reasonText)" }
                    let more = outcome.rejected > named.count ? ["  ……另有 \(outcome.rejected - named.count) 行（全部退回原因见 pingcha inspect）"] : []
                    failure = .invalidOption((["--strict：有 \(outcome.rejected) 行被退回，本次运行不保存任何结果："] + named + more).joined(separator: "\n"))
                    return .rollback
                }
                if options.final && !pending.isEmpty {
                    failure = FinalBulletin.refusal(pending, storing: true)
                    return .rollback
                }
                try writer.addDecisions(sheetRows)
                try writer.finish(inputs: reports, cases: outcome.cases, scored: outcome.scored,
                                  uncovered: outcome.uncovered, needsReview: outcome.needsReview)
                return .commit
            }
        } catch {
            throw Store.userError(error, path: options.database)
        }
        if let failure { throw failure }
        // Opened while the writer is still open, so that closing the writer leaves the copy
        // to this thread (a failure to open it only means the copy happens at close).
        outcome.checkpoint = try? BackgroundCheckpoint(path: options.database)
        outcome.calendarNotice = calendar.fallbackNotice
        stored = true
        return outcome
    }

    /// For the tests of the statistics' cut-off (the day a batch was stored): with
    /// `PINGCHA_TEST_RAN_AT=2025-12-10T02:00:00Z` the batch records that instant instead of now.
    static let testRanAt = ProcessInfo.processInfo.environment["PINGCHA_TEST_RAN_AT"]

    /// For the test that kills a run inside its transaction: with
    /// `PINGCHA_TEST_PAUSE_AFTER_CASES=N` the run says `PINGCHA_PAUSED` on stderr after storing
    /// its Nth case, uncommitted, and waits a minute, so the test knows where the kill lands.
    static let testPauseAfterCases = ProcessInfo.processInfo.environment["PINGCHA_TEST_PAUSE_AFTER_CASES"].flatMap { Int($0) }

    static func pauseForTest() {
        FileHandle.standardError.write(Data("PINGCHA_PAUSED\n".utf8))
        Thread.sleep(forTimeInterval: 60)
    }
}
