internal import GRDB

/// The queries behind scores.xlsx's detail sheets, read on threads of their own while the
/// report's pass runs.
extension StoredBatch {
    /// A finding with the case it belongs to.
    public struct FindingOfCase: Sendable {
        public var finding: FindingRow
        public var caseId: String
        public var department: String
    }

    /// Every finding of the batch's stored cases, in case and rule order.
    public func forEachFindingOfCase(_ session: StoreSession, _ body: (FindingOfCase) throws -> Void) throws {
        let rows = try RawQuery(session.db, sql: """
            SELECT \(Self.findingColumns), c.case_id, c.department
            FROM finding f JOIN "case" c ON c.batch_id = f.batch_id AND c.case_no = f.case_no
            WHERE f.batch_id = ? ORDER BY f.case_no, f.seq
            """, arguments: [id])
        while try rows.next() { try body(Self.findingOfCase(rows)) }
    }

    /// The finding and its case on `q`'s current row: ``findingColumns``, then the case's id and department.
    private static func findingOfCase(_ q: RawQuery) -> FindingOfCase {
        FindingOfCase(finding: findingRow(q), caseId: q.string(findingColumnCount) ?? "", department: q.string(findingColumnCount + 1) ?? "")
    }

    /// A case needing review, with the rules still to decide (undecided or disputed).
    public struct CaseToReview: Sendable {
        public var caseNo: Int
        public var caseId: String
        public var department: String
        public var rubricId: String?
        public var score: String?
        public var ruleIds: [String]
    }

    /// The cases needing review, in case order (the first `limit`, when given).
    public func forEachCaseToReview(_ session: StoreSession, limit: Int? = nil, _ body: (CaseToReview) throws -> Void) throws {
        let rows = try RawQuery(session.db, sql: """
            SELECT r.case_no, c.case_id, c.department, r.rubric_id, r.score,
                   (SELECT group_concat(f.rule_id, ',') FROM finding f
                    WHERE f.batch_id = r.batch_id AND f.case_no = r.case_no AND (f.outcome != 'fail' OR f.conflict)) AS rules
            FROM result r JOIN "case" c ON c.batch_id = r.batch_id AND c.case_no = r.case_no
            WHERE r.batch_id = ? AND r.needs_review ORDER BY r.case_no LIMIT ?
            """, arguments: [id, Int64(limit ?? -1)])
        while try rows.next() {
            try body(CaseToReview(caseNo: rows.int(0), caseId: rows.string(1) ?? "", department: rows.string(2) ?? "",
                                  rubricId: rows.string(3), score: rows.string(4),
                                  ruleIds: rows.bytes(5).split(separator: UInt8(ascii: ",")).map { String(decoding: $0, as: UTF8.self) }))
        }
    }

    /// The batch is still the one read earlier: a run that replaced it in between gave the
    /// name another id or another run time.
    public func isStillStored(_ session: StoreSession) throws -> Bool {
        try String.fetchOne(session.db, sql: "SELECT ran_at FROM batch WHERE id = ?", arguments: [id]) == ranAt
    }
}

/// The rows that matter first, for a sheet that cannot hold every case: vetoed, then
/// unqualified, then needing review, then the lowest scores; cases no standard scored last.
extension StoredBatch {
    /// How many findings the batch stored.
    public func findingCount(_ session: StoreSession) throws -> Int {
        try Int.fetchOne(session.db, sql: "SELECT COUNT(*) FROM finding WHERE batch_id = ?", arguments: [id]) ?? 0
    }

    /// A case's place in the attention order: vetoed first; then unqualified, qualified, and
    /// not graded; then needing review; then scored before not scored, lowest score first; then
    /// case order.
    struct AttentionKey: Comparable {
        var flags: UInt8
        /// The score's bits, flipped so that unsigned order is the numbers' order.
        var score: UInt64
        var caseNo: Int

        init(caseNo: Int, veto: Bool, pass: Bool?, needsReview: Bool, score: Double?) {
            let grade: UInt8 = pass == false ? 0 : pass == true ? 1 : 2
            flags = (veto ? 0 : 1) << 4 | grade << 2 | (needsReview ? 0 : 1) << 1 | (score == nil ? 1 : 0)
            let bits = (score ?? 0).bitPattern
            self.score = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
            self.caseNo = caseNo
        }

        static func < (a: Self, b: Self) -> Bool {
            (a.flags, a.score, a.caseNo) < (b.flags, b.score, b.caseNo)
        }
    }

    /// Every case number of the batch in attention order (``AttentionKey``). Only the numbers
    /// are sorted, and in Swift: SQLite's sorter spent 1.6 s on a million cases' six-term
    /// ORDER BY, reading the five columns and sorting packed keys takes a quarter of that; a
    /// sort that carried each case's stored values (or each of four million findings) took
    /// longer than the sheets took to write.
    public func caseNumbersByAttention(_ session: StoreSession) throws -> [Int] {
        let rows = try RawQuery(session.db, sql: """
            SELECT case_no, veto, pass, needs_review, score_value FROM result WHERE batch_id = ?
            """, arguments: [id])
        var keys: [AttentionKey] = []
        keys.reserveCapacity(casesTotal)
        while try rows.next() {
            keys.append(AttentionKey(caseNo: rows.int(0), veto: rows.int(1) != 0, pass: rows.isNull(2) ? nil : rows.int(2) != 0,
                                     needsReview: rows.int(3) != 0, score: rows.isNull(4) ? nil : rows.double(4)))
        }
        keys.sort()
        return keys.map(\.caseNo)
    }

    private static let caseLineColumns = """
        c.case_no, c.input_ord, c.line, c.case_id, c.department, c.district, c.enforcement_type, c.decision_date,
        r.rubric_id, r.score, r.grade, r.pass, r.veto, r.disposition, r.needs_review
        FROM "case" c JOIN result r ON r.batch_id = c.batch_id AND r.case_no = c.case_no WHERE c.batch_id = ?
        """

    private static func caseLine(_ q: RawQuery) -> CaseLine {
        CaseLine(caseNo: q.int(0), inputOrd: q.int(1), line: q.int(2), caseId: q.string(3) ?? "", department: q.string(4) ?? "",
                 district: q.string(5), enforcementType: q.string(6) ?? "", decisionDate: q.string(7), rubricId: q.string(8),
                 score: q.string(9), grade: q.string(10), pass: q.isNull(11) ? nil : q.int(11) != 0, veto: q.int(12) != 0,
                 disposition: q.string(13) ?? "", needsReview: q.int(14) != 0)
    }

    /// Every case with its result as a ``CaseLine``, in case order.
    public func forEachCaseLine(_ session: StoreSession, _ body: (CaseLine) throws -> Void) throws {
        let rows = try RawQuery(session.db, sql: "SELECT \(Self.caseLineColumns) ORDER BY c.case_no", arguments: [id])
        while try rows.next() { try body(Self.caseLine(rows)) }
    }

    /// The cases numbered `caseNumbers`, in that order, as ``CaseLine``s (one lookup each by
    /// primary key, through one prepared statement).
    public func forEachCaseLine(_ session: StoreSession, numbered caseNumbers: some Sequence<Int>, _ body: (CaseLine) throws -> Void) throws {
        let lookup = try RawQuery(session.db, sql: "SELECT \(Self.caseLineColumns) AND c.case_no = ?", arguments: [id, 0])
        for caseNo in caseNumbers {
            lookup.rerun(with: [id, Int64(caseNo)])
            if try lookup.next() { try body(Self.caseLine(lookup)) }
        }
    }

    /// The findings of the cases numbered `caseNumbers`, case by case in that order and in
    /// rule order within a case, up to `limit` findings.
    public func forEachFindingOfCase(_ session: StoreSession, numbered caseNumbers: some Sequence<Int>, limit: Int,
                                     _ body: (FindingOfCase) throws -> Void) throws {
        let lookup = try RawQuery(session.db, sql: """
            SELECT \(Self.findingColumns), c.case_id, c.department
            FROM "case" c JOIN finding f ON f.batch_id = c.batch_id AND f.case_no = c.case_no
            WHERE c.batch_id = ? AND c.case_no = ? ORDER BY f.seq
            """, arguments: [id, 0])
        var written = 0
        for caseNo in caseNumbers {
            guard written < limit else { return }
            lookup.rerun(with: [id, Int64(caseNo)])
            while written < limit, try lookup.next() {
                try body(Self.findingOfCase(lookup))
                written += 1
            }
        }
    }
}
