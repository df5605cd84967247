internal import GRDB

/// Which results of a batch are decided (评查结果已确定) and which still wait for a reviewer.
///
/// A case is pending when its stored result says it needs review (`result.needs_review`: an
/// automated rule the export could not decide, or reviewers who disagree — manual rules no
/// scoresheet decided yet do not count, see `CaseResult.needsAttention`) or when a screen's
/// suspicion (`finding.suspect`, `on_fail: review`) is still undecided. The scorer already counts
/// the latter as needing review; the second test keeps the definition whole should that change.
/// Documents name decided cases only, and a final bulletin needs every case decided.
extension StoredBatch {
    /// An SQL condition true when the result row aliased `result` is decided.
    public static func decided(result r: String) -> String {
        """
        (\(r).needs_review = 0 AND NOT EXISTS (SELECT 1 FROM finding s WHERE s.batch_id = \(r).batch_id \
        AND s.case_no = \(r).case_no AND s.suspect = 1 AND s.outcome = 'unknown'))
        """
    }

    /// The same test for a reader that has the case's result and every one of its findings
    /// in hand (the report's pass, ``caseRows(_:)``): decided when the result does not need
    /// review and no finding is an open suspicion (``isOpenSuspicion(outcome:suspect:)``).
    public static func isDecided(needsReview: Bool, hasOpenSuspicion: Bool) -> Bool {
        !needsReview && !hasOpenSuspicion
    }

    /// A finding row (``FindingColumn``) that keeps its case pending: a suspicion still
    /// undecided.
    public static func isOpenSuspicion(outcome: UnsafeBufferPointer<UInt8>, suspect: Bool) -> Bool {
        suspect && outcome.elementsEqual("unknown".utf8)
    }

    /// A case whose result is not decided yet.
    public struct PendingCase: Sendable, Equatable {
        public var caseNo: Int
        public var department: String
        public var caseId: String
    }

    /// Every pending case, by department (text order), then in case order.
    public func pendingCases(_ session: StoreSession) throws -> [PendingCase] {
        let db = session.db
        return try Row.fetchAll(db, sql: """
            SELECT c.case_no, c.department, c.case_id FROM result r
            JOIN "case" c ON c.batch_id = r.batch_id AND c.case_no = r.case_no
            WHERE r.batch_id = ? AND NOT \(Self.decided(result: "r"))
            ORDER BY c.department, c.case_no
            """, arguments: [id]).map { PendingCase(caseNo: $0["case_no"], department: $0["department"], caseId: $0["case_id"]) }
    }
}
