import Foundation
internal import GRDB
import PingchaIngest
import PingchaModel
import PingchaRubric
import PingchaScoring

/// What a stored batch is (批次), as recorded in the `batch` row.
public struct BatchHeader: Sendable {
    public var name: String
    public var year: Int?
    public var ranAt: String
    public var toolVersion: String
    public var calendarVersion: String
    public var catalogueSHA256: String

    public init(name: String, year: Int?, ranAt: String, toolVersion: String, calendarVersion: String, catalogueSHA256: String) {
        self.name = name
        self.year = year
        self.ranAt = ranAt
        self.toolVersion = toolVersion
        self.calendarVersion = calendarVersion
        self.catalogueSHA256 = catalogueSHA256
    }
}

/// Writes one batch inside the caller's transaction: the previous batch of the same name is
/// deleted first, so committing replaces it atomically and rolling back (or a crash) leaves
/// it as it was.
public final class BatchWriter {
    public let batchId: Int64
    private let catalogue: FieldCatalogue
    private let scorer: Scorer
    private let insertReject, insertWarning: RawInsert
    private var tallies: [[(applicable: Int, failed: Int, unknown: Int)]]
    private let db: Database

    /// Throws ``PingchaError/catalogueLacksKeyFields(_:missing:)`` before writing anything when
    /// the catalogue lacks a field the `case` table requires (``CaseKeyFields``).
    public init(_ session: StoreSession, header: BatchHeader, scorer: Scorer, catalogue: FieldCatalogue) throws {
        try CaseKeyFields.check(catalogue)
        let db = session.db
        self.db = db
        self.catalogue = catalogue
        self.scorer = scorer
        // A batch is one transaction of a million rows and more: SQLite's default 2 MB page
        // cache would spill its pages to the WAL again and again before the commit.
        try db.execute(sql: "PRAGMA cache_size = -262144")
        try db.execute(sql: "DELETE FROM batch WHERE name = ?", arguments: [header.name])
        try db.execute(sql: """
            INSERT INTO batch (name, year, ran_at, tool_version, calendar_version, catalogue_sha256, fields)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [header.name, header.year, header.ranAt, header.toolVersion, header.calendarVersion, header.catalogueSHA256,
                             StoredValues.fieldList(catalogue)])
        batchId = db.lastInsertedRowID
        insertReject = try RawInsert(db, sql: """
            INSERT INTO reject (batch_id, input_ord, sheet, line, end_line, kinds, reason, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertWarning = try RawInsert(db, sql: """
            INSERT INTO warning (batch_id, input_ord, sheet, line, "column", kind, header, field, raw, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        tallies = scorer.rubrics.map { [(Int, Int, Int)](repeating: (0, 0, 0), count: $0.rules.count) }
    }

    public func addRubrics(_ rubrics: [Rubric], digests: [String]) throws {
        for (i, r) in rubrics.enumerated() {
            try db.execute(sql: """
                INSERT INTO rubric (batch_id, ord, id, version, title, sha256, files, definition) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [batchId, i, r.id, r.version, r.title, digests[i],
                                 "[" + r.files.map(JSONText.quoted).joined(separator: ",") + "]", StoredRubric(r).json])
        }
    }

    /// The profiles in force, each with the SHA-256 of its file.
    public func addProfiles(_ profiles: [Profile], digests: [String]) throws {
        let rubrics = scorer.rubrics
        for (i, p) in profiles.enumerated() {
            try db.execute(sql: """
                INSERT INTO profile (batch_id, ord, id, title, sha256, path, definition) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [batchId, i, p.id, p.title, digests[i], p.path, ProfileJSON.definition(p, rubrics: rubrics)])
        }
    }

    /// Stores one case with its result and findings, and counts its rule outcomes.
    public func addCase(_ record: CaseRecord, caseNo: Int, result: CaseResult) throws {
        try add(CaseRows(record, result: result, scorer: scorer, catalogue: catalogue), caseNo: caseNo)
    }

    /// Stores rows built beforehand (on another thread: building them is most of the work).
    /// Rows are inserted a chunk of cases at a time (see ``flush()``).
    public func add(_ rows: CaseRows, caseNo: Int) throws {
        if let r = rows.rubric {
            for (i, outcome) in rows.outcomes.enumerated() {
                switch outcome {
                case .pass: tallies[r][i].applicable += 1
                case .fail: tallies[r][i].applicable += 1; tallies[r][i].failed += 1
                case .unknown: tallies[r][i].applicable += 1; tallies[r][i].unknown += 1
                case .notApplicable: break
                }
            }
        }
        pending.append((rows, caseNo))
        if pending.count == Self.chunk { try flush() }
    }

    /// Cases whose rows wait in ``pending``.
    static let chunk = 64
    /// Findings inserted by one statement at most.
    static let findingChunk = 128
    private var pending: [(rows: CaseRows, caseNo: Int)] = []
    private var arena: [UInt8] = []
    private var caseInserts: [Int: RawInsert] = [:], resultInserts: [Int: RawInsert] = [:], findingInserts: [Int: RawInsert] = [:]

    /// An INSERT of `rows` rows of `width` values each, prepared once per row count.
    private func statement(_ cache: inout [Int: RawInsert], rows: Int, head: String, width: Int) throws -> RawInsert {
        if let s = cache[rows] { return s }
        let one = "(" + [String](repeating: "?", count: width).joined(separator: ",") + ")"
        let s = try RawInsert(db, sql: head + " VALUES " + [String](repeating: one, count: rows).joined(separator: ","))
        cache[rows] = s
        return s
    }

    /// Inserts the pending cases: one multi-row INSERT for their cases, one for their results
    /// and one per ``findingChunk`` findings. Each execution of a statement costs about as
    /// much as binding a whole row, and a run inserts millions of rows.
    func flush() throws {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        let batch = Int(batchId)
        // The texts of all pending cases in one buffer, bound in place (no copies by SQLite).
        arena.removeAll(keepingCapacity: true)
        var bases: [Int] = []
        bases.reserveCapacity(pending.count)
        for p in pending {
            bases.append(arena.count)
            arena.append(contentsOf: p.rows.bytes)
        }
        try arena.withUnsafeBufferPointer { all in
            func texts(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: all[bases[i]...]) }
            let cases = try statement(&caseInserts, rows: pending.count, head: """
                INSERT INTO "case" (batch_id, case_no, input_ord, line, case_id, department, district, enforcement_type, decision_date, fields)
                """, width: 10)
            for (i, p) in pending.enumerated() {
                let rows = p.rows, b = texts(i)
                _ = cases.int(batch).int(p.caseNo).int(rows.fileIndex).int(rows.line).text(rows.caseId, in: b)
                    .text(rows.department, in: b).text(rows.district, in: b).text(rows.enforcementType, in: b)
                    .text(rows.decisionDate, in: b).blob(rows.fields, in: b)
            }
            try cases.run()
            let results = try statement(&resultInserts, rows: pending.count, head: """
                INSERT INTO result (batch_id, case_no, rubric_id, score, score_value, grade, grade_rank, pass, excellent, veto,
                                    disposition, needs_review, category_scores, three_systems, profile, measures)
                """, width: 16)
            for (i, p) in pending.enumerated() {
                let rows = p.rows, b = texts(i)
                if let res = rows.result {
                    _ = results.int(batch).int(p.caseNo).text(res.rubricId, in: b).text(res.score, in: b).double(res.scoreValue)
                        .text(res.grade, in: b).int(res.gradeRank).bool(res.pass).bool(res.excellent).bool(res.veto)
                        .text(res.disposition, in: b).bool(res.needsReview).text(res.categoryScores, in: b)
                        .text(rows.threeSystemsText, in: b).text(res.profile, in: b).text(rows.measuresText, in: b)
                } else {
                    _ = results.int(batch).int(p.caseNo).text(nil).text(nil).double(nil).text(nil).int(nil).bool(nil)
                        .bool(nil).bool(false).text("none").bool(false).text(nil).text(rows.threeSystemsText, in: b)
                        .text(nil).text(nil)
                }
            }
            try results.run()
            // Findings (only scored cases have any), in chunks.
            var remaining = pending.reduce(0) { $0 + $1.rows.findings.count }
            var left = 0
            var findings: RawInsert?
            for (i, p) in pending.enumerated() {
                guard let res = p.rows.result else { continue }
                let b = texts(i)
                for (seq, f) in p.rows.findings.enumerated() {
                    if left == 0 {
                        left = min(Self.findingChunk, remaining)
                        findings = try statement(&findingInserts, rows: left, head: """
                            INSERT INTO finding (batch_id, case_no, seq, rubric_id, rule_id, category_id, problem, outcome, deduct,
                                                 deduct_value, fields_read, automated, review, conflict, suspect)
                            """, width: 15)
                    }
                    _ = findings!.int(batch).int(p.caseNo).int(seq).text(res.rubricId, in: b).text(f.ruleId, in: b)
                        .text(f.categoryId, in: b).text(f.problem, in: b).text(f.outcome, in: b).text(f.deduct, in: b)
                        .double(f.deductValue).text(f.fieldsRead, in: b).text(f.automated, in: b).text(f.review, in: b)
                        .bool(f.conflict).bool(f.suspect)
                    left -= 1
                    remaining -= 1
                    if left == 0 { try findings!.run() }
                }
            }
        }
    }

    public func addReject(_ r: Reject, inputOrd: Int) throws {
        // The sheet in a column of its own: the reason is the reasons alone.
        try insertReject.int(Int(batchId)).int(inputOrd).text(r.sheet).int(r.line).int(r.endLine).text(r.reasons.map(\.kind).joined(separator: ";"))
            .text(r.reasonText).text(r.raw).run()
    }

    public func addWarning(_ w: ValueWarning, inputOrd: Int) throws {
        try insertWarning.int(Int(batchId)).int(inputOrd).text(w.sheet).int(w.line).int(w.column).text(w.kind.rawValue).text(w.header)
            .text(w.field).text(w.raw).text(w.detail).run()
    }

    public func addDecisions(_ rows: [ScoresheetRow]) throws {
        for d in rows {
            try db.execute(sql: """
                INSERT INTO decision (batch_id, case_id, department, rule_id, outcome, deduct, reviewer, note, source, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [batchId, d.caseId, d.department, d.rule, d.verdict.rawValue, d.deduct?.description, d.reviewer,
                                 d.note, d.file, d.line])
        }
    }

    /// Takes over another batch's inputs, rejects, warnings and decisions (a re-scored batch
    /// rests on the same files).
    public func copyIngestion(from source: Int64) throws {
        for table in ["input (batch_id, ord, path, sha256, encoding, rows, accepted, rejected, skipped, warnings, blank_rows, refusal)",
                      "reject (batch_id, input_ord, sheet, line, end_line, kinds, reason, raw)",
                      "warning (batch_id, input_ord, sheet, line, \"column\", kind, header, field, raw, detail)",
                      "decision (batch_id, case_id, department, rule_id, outcome, deduct, reviewer, note, source, line)"] {
            let name = String(table.prefix { $0 != " " })
            let columns = table.drop { $0 != "(" }.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let rest = columns.dropFirst().joined(separator: ", ")
            try db.execute(sql: "INSERT INTO \(name) (batch_id, \(rest)) SELECT ?, \(rest) FROM \(name) WHERE batch_id = ?",
                           arguments: [batchId, source])
        }
    }

    /// Records the inputs, the rule tallies and the batch's counts: the last step before commit.
    public func finish(inputs: [FileReport], cases: Int, scored: Int, uncovered: Int, needsReview: Int) throws {
        try flush()
        for (i, f) in inputs.enumerated() {
            try db.execute(sql: """
                INSERT INTO input (batch_id, ord, path, sha256, encoding, rows, accepted, rejected, skipped, warnings, blank_rows, refusal)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [batchId, i, f.path, f.sha256, f.encoding?.label, f.rows, f.accepted, f.rejected, f.skippedRows, f.warnings,
                                 f.blankRows, f.refusal?.message])
        }
        for (r, rubric) in scorer.rubrics.enumerated() {
            for (i, rule) in rubric.rules.enumerated() {
                let t = tallies[r][i]
                try db.execute(sql: "INSERT INTO rule_tally (batch_id, rubric_id, rule_id, applicable, failed, unknown) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [batchId, rubric.id, rule.id, t.applicable, t.failed, t.unknown])
            }
        }
        try db.execute(sql: """
            UPDATE batch SET cases_total = ?, cases_scored = ?, cases_uncovered = ?, needs_review = ?,
                rows_read = (SELECT coalesce(sum(rows), 0) FROM input WHERE batch_id = ?),
                rows_rejected = (SELECT coalesce(sum(rejected), 0) FROM input WHERE batch_id = ?)
            WHERE id = ?
            """, arguments: [cases, scored, uncovered, needsReview, batchId, batchId, batchId])
    }
}
