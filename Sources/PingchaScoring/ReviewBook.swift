import PingchaModel
import PingchaRubric

/// Reviewers' scoresheets, merged and checked (评查表汇总).
///
/// Rows are matched to cases by `case_id` (and `department` when given). Rows naming a rule
/// no rubric has, a case the batch does not have, a rule outside the case's rubric, or a
/// deduction above the rule's maximum are errors with their file and line.
public final class ReviewBook {
    private var byCase: [String: [(row: ScoresheetRow, used: Bool)]] = [:]
    public private(set) var errors: [PingchaError] = []
    private let scorer: Scorer

    public init(rows: [ScoresheetRow], scorer: Scorer) {
        self.scorer = scorer
        let known = Set(scorer.rubrics.flatMap { $0.rules.map(\.id) })
        // One reviewer, one verdict per rule of a case: two different ones are a slip in the
        // sheet, not two reviewers disagreeing (which is what they were taken for).
        var verdicts: [String: ScoresheetRow] = [:]
        for row in rows {
            guard known.contains(row.rule) else {
                let near = Suggestion.nearest(to: row.rule, among: Array(known).sorted())
                error(row, at: "rule", "没有编号为 \(row.rule) 的细则" + (near.map { "，是否为 \($0)？" } ?? ""))
                continue
            }
            let key = [row.caseId, row.department ?? "", row.rule, row.reviewer ?? "\u{1F}" + row.file].joined(separator: "\u{1F}")
            if let earlier = verdicts[key], earlier.verdict != row.verdict {
                error(row, at: "outcome", (row.reviewer.map { "评查人员\($0)" } ?? "同一评查表") + "对案件 \(row.caseId) 的细则 \(row.rule) 已在"
                      + (earlier.file == row.file ? "" : earlier.file) + "第\(earlier.line)行作出不同的结论；请只保留一个")
                continue
            }
            verdicts[key] = row
            byCase[row.caseId, default: []].append((row, false))
        }
    }

    public var isEmpty: Bool { byCase.isEmpty }

    /// An error at the cell of `column` in the row (its line alone when the row came without columns).
    private func error(_ row: ScoresheetRow, at column: String, _ message: String) {
        errors.append(.located(SourceLocation(file: row.file, line: row.line, column: row.columns[column], sheet: row.sheet), message))
    }

    /// The decisions for one case by rule id, checked against the rubric that scores it.
    public func decisions(caseId: String, department: String, rubric: Int?) -> [String: [ReviewDecision]] {
        guard var entries = byCase[caseId] else { return [:] }
        var out: [String: [ReviewDecision]] = [:]
        for i in entries.indices {
            let row = entries[i].row
            if let d = row.department, d != department { continue }
            if entries[i].used && row.department == nil {
                error(row, at: "case_id", "案件编号 \(caseId) 在多个执法主体中都有，请填写 department（执法主体）列")
                continue
            }
            entries[i].used = true
            guard let r = rubric, let ruleIndex = scorer.rubrics[r].ruleIndex(row.rule) else {
                error(row, at: rubric == nil ? "case_id" : "rule", rubric == nil ? "案件 \(caseId) 没有适用的评查标准，不能评查细则 \(row.rule)"
                                         : "细则 \(row.rule) 不属于案件 \(caseId) 所用的评查标准 \(scorer.rubrics[rubric!].id)")
                continue
            }
            let rule = scorer.rubrics[r].rules[ruleIndex]
            if let d = row.deduct, d > rule.fullDeduction {
                error(row, at: "deduct", "扣分 \(d) 超过细则 \(row.rule) 的最高扣分 \(rule.fullDeduction)")
                continue
            }
            out[row.rule, default: []].append(ReviewDecision(
                verdict: row.verdict, deduct: row.deduct,
                reviewer: row.reviewer, note: row.note, file: row.file, line: row.line))
        }
        byCase[caseId] = entries
        return out
    }

    /// After every case was scored: rows that matched no case are errors.
    public func finish() {
        for (_, entries) in byCase {
            for e in entries where !e.used {
                error(e.row, at: "case_id", "批次中没有案件 \(e.row.caseId)" + (e.row.department.map { "（执法主体：\($0)）" } ?? ""))
            }
        }
        errors.sort { ($0.location?.file ?? "", $0.location?.line ?? 0) < ($1.location?.file ?? "", $1.location?.line ?? 0) }
    }
}
