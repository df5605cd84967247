/// Blank scoresheets (评查表), one per reviewer, in the format `run --scoresheet` reads back
/// (rubric-format.md, "Scoresheets"): one row per case and rule to decide, the reviewer fills
/// in `outcome` (pass/fail/na or 符合/不符合/不适用), optionally `deduct` and `note`.
extension Assignment {
    public static let scoresheetHeader = ["case_id", "department", "rule", "outcome", "deduct", "reviewer", "note"]

    /// The reviewer's blank scoresheet: UTF-8 with BOM, CRLF, header
    /// `case_id,department,rule,outcome,deduct,reviewer,note`, their cases in the draw's order,
    /// each case's rules in the given order (repeats dropped). `department` is filled in
    /// because the same case id can exist in two departments. A case with no rules to review
    /// has no rows. Cells are neutralised like every CSV the tool writes.
    public func scoresheetCSV(for reviewer: Reviewer) throws(SamplingError) -> [UInt8] {
        guard let work = workload(of: reviewer) else { throw .unknownReviewer(name: reviewer.name) }
        var rows: [[String]] = []
        for c in work.cases {
            var seen = Set<String>()
            for rule in c.rulesToReview where seen.insert(rule).inserted {
                rows.append([c.caseId, c.department, rule, "", "", reviewer.name, ""])
            }
        }
        return TextFormatting.csv(header: Self.scoresheetHeader, rows: rows)
    }

    /// A file name for the reviewer's scoresheet, `评查表_<name>.csv`, with the characters that
    /// Windows or Unix forbid in file names (`/ \ : * ? " < > |`, control characters) as `_`.
    public static func scoresheetFileName(for reviewer: Reviewer) -> String {
        let forbidden: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
        let safe = String(reviewer.name.map { ch -> Character in
            forbidden.contains(ch) || ch.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? "_" : ch
        })
        return "评查表_\(safe).csv"
    }
}
