internal import GRDB
import PingchaScoring

/// Reading back what each case's rules said of the statistics (`result.measures`, schema 4):
/// `pingcha stats` counts these, never the case's values.
extension StoredBatch {
    /// Whether the batch keeps its cases' measures: every case a rubric scored has a
    /// `result.measures` code. False for a batch stored before schema 4 (all NULL), whose
    /// cases must be scored again for their measures.
    public func hasMeasures(_ session: StoreSession) throws -> Bool {
        let db = session.db
        guard try db.columns(in: "result").contains(where: { $0.name == "measures" }) else { return false }
        let missing = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM result WHERE batch_id = ? AND rubric_id IS NOT NULL AND measures IS NULL)
            """, arguments: [id]) ?? false
        return !missing
    }

    /// Each case's stored measures by case number (``MeasureCode``). Cases no rubric covered
    /// have none and are absent, as are codes of another length (another version's file).
    public func measures(_ session: StoreSession) throws -> [Int: MeasureOutcomes] {
        let db = session.db
        var out: [Int: MeasureOutcomes] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT case_no, measures FROM result WHERE batch_id = ? AND measures IS NOT NULL",
                                       arguments: [id])
        while let row = try rows.next() {
            if let m = MeasureCode.decode(row["measures"] as String) { out[row["case_no"]] = m }
        }
        return out
    }
}
