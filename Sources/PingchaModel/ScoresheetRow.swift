/// One row of a reviewer's scoresheet (评查表): a decision on one rule of one case.
public struct ScoresheetRow: Sendable, Equatable {
    public enum Verdict: String, Sendable { case pass, fail, na }
    public var caseId: String
    public var department: String?
    public var rule: String
    public var verdict: Verdict
    public var deduct: DecimalNumber?
    public var reviewer: String?
    public var note: String?
    public var file: String
    public var line: Int
    /// The worksheet of a workbook's row (then `line` is the row Excel shows).
    public var sheet: String?
    /// Where each column of the row is (1-based, by field name: `case_id`, `rule`, `deduct` …),
    /// so that a row checked later (against the rubrics and the batch) is told at its cell.
    public var columns: [String: Int] = [:]

    public init(caseId: String, department: String? = nil, rule: String, verdict: Verdict, deduct: DecimalNumber? = nil,
                reviewer: String? = nil, note: String? = nil, file: String = "", line: Int = 0,
                sheet: String? = nil, columns: [String: Int] = [:]) {
        self.caseId = caseId
        self.department = department
        self.rule = rule
        self.verdict = verdict
        self.deduct = deduct
        self.reviewer = reviewer
        self.note = note
        self.file = file
        self.line = line
        self.sheet = sheet
        self.columns = columns
    }
}
