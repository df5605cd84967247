import PingchaModel

/// Blank scoresheets (评查表), one per reviewer, in the format `run --scoresheet` reads back
/// (rubric-format.md, "Scoresheets"): one row per case and rule to decide, the reviewer fills
/// in `outcome` (pass/fail/na or 符合/不符合/不适用), optionally `deduct` and `note`.
extension Assignment {
    /// The contract's columns, in its order; reading back looks at these only.
    public static let scoresheetHeader = ["case_id", "department", "rule", "outcome", "deduct", "reviewer", "note"]
    /// Columns after the contract's, for the reviewer's eyes (reading back ignores them): the
    /// rule's title, its maximum deduction, its basis and the automated outcome.
    public static let scoresheetExtraHeader = ["rule_title", "max_deduct", "basis", "automated"]

    /// The rows of the reviewer's scoresheet: their cases in the draw's order, each case's
    /// rules in the given order (repeats dropped). A case with no rules to review has none.
    public func scoresheetLines(for reviewer: Reviewer, details: ReviewDetails = ReviewDetails()) throws(SamplingError) -> [ScoresheetLine] {
        guard let work = workload(of: reviewer) else { throw .unknownReviewer(name: reviewer.name) }
        var lines: [ScoresheetLine] = []
        for c in work.cases {
            var seen = Set<String>()
            for rule in c.rulesToReview where seen.insert(rule).inserted {
                lines.append(ScoresheetLine(sampledCase: c, rule: details.rule(rule, of: c)))
            }
        }
        return lines
    }

    /// The reviewer's blank scoresheet: UTF-8 with BOM, CRLF, header
    /// `case_id,department,rule,outcome,deduct,reviewer,note,rule_title,max_deduct,basis,automated`,
    /// the rows of ``scoresheetLines(for:details:)``. `department` is filled in because the
    /// same case id can exist in two departments. Cells are neutralised like every CSV the
    /// tool writes.
    public func scoresheetCSV(for reviewer: Reviewer, details: ReviewDetails = ReviewDetails()) throws(SamplingError) -> [UInt8] {
        let rows = try scoresheetLines(for: reviewer, details: details).map { line in
            [line.sampledCase.caseId, line.sampledCase.department, line.rule.id, "", "", reviewer.name, "",
             line.rule.title, line.rule.maxDeduct?.description ?? "", line.rule.basis, line.rule.automated]
        }
        return TextFormatting.csv(header: Self.scoresheetHeader + Self.scoresheetExtraHeader, rows: rows)
    }

    /// A file name for the reviewer's scoresheet, `评查表_<name>.csv`, with the characters that
    /// Windows or Unix forbid in file names (`/ \ : * ? " < > |`, control characters) as `_`.
    public static func scoresheetFileName(for reviewer: Reviewer) -> String {
        "评查表_\(safeFileName(reviewer.name)).csv"
    }

    /// The reviewer's workbook beside it, `评查表_<name>.xlsx`.
    public static func workbookFileName(for reviewer: Reviewer) -> String {
        "评查表_\(safeFileName(reviewer.name)).xlsx"
    }

    private static func safeFileName(_ name: String) -> String {
        let forbidden: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
        return String(name.map { ch -> Character in
            forbidden.contains(ch) || ch.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? "_" : ch
        })
    }
}
