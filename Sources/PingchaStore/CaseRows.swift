import PingchaModel
import PingchaRubric
import PingchaScoring

/// Everything one case puts in the store, as the texts and numbers to bind: built from the
/// case and its result on any thread (JSON and formatting are most of the cost of storing),
/// inserted later in order by ``BatchWriter``.
public struct CaseRows: Sendable {
    public struct Result: Sendable {
        var rubricId: String
        var score: String
        var scoreValue: Double
        var grade: String
        var gradeRank: Int
        var pass: Bool
        var excellent: Bool
        var veto: Bool
        var disposition: String
        var needsReview: Bool
        var categoryScores: String
    }

    public struct FindingRow: Sendable {
        var ruleId, categoryId, problem, outcome, deduct: String
        var deductValue: Double
        var fieldsRead: String
        var automated: String?
        var review: String?
        var conflict: Bool
    }

    var fileIndex: Int
    var line: Int
    /// Index of the rubric that scored the case; nil when none covers it.
    public private(set) var rubric: Int?
    /// The three-systems letters given when the rows were built.
    public private(set) var threeSystems: String?
    /// Whether the case needs someone to look at it (see `CaseResult.needsAttention`).
    public var needsReview: Bool { result?.needsReview ?? false }
    var caseId: String
    var department: String
    var district: String?
    var enforcementType: String
    var decisionDate: String?
    var fields: String
    var outcomes: [Outcome]
    var result: Result?
    var findings: [FindingRow]

    /// Where the case's key fields sit in the catalogue, found once per run.
    public struct Columns: Sendable {
        let caseId, department, district, enforcementType, decisionDate: Int?
        public init(_ catalogue: FieldCatalogue) {
            caseId = catalogue.index(of: "case_id")
            department = catalogue.index(of: "department")
            district = catalogue.index(of: "district")
            enforcementType = catalogue.index(of: "enforcement_type")
            decisionDate = catalogue.index(of: "decision_date")
        }
    }

    public init(_ record: CaseRecord, result: CaseResult, scorer: Scorer, catalogue: FieldCatalogue, threeSystems: String?,
                columns: Columns? = nil) {
        let v = record.values
        let c = columns ?? Columns(catalogue)
        func text(_ i: Int?) -> String? { i.flatMap { v[$0]?.text } }
        fileIndex = record.fileIndex
        line = record.line
        caseId = text(c.caseId) ?? ""
        department = text(c.department) ?? ""
        district = text(c.district)
        enforcementType = text(c.enforcementType) ?? ""
        decisionDate = c.decisionDate.flatMap { v[$0]?.date?.description }
        fields = JSONText.caseObject(record, catalogue: catalogue)
        self.threeSystems = threeSystems
        rubric = result.rubric
        outcomes = result.outcomes
        findings = []
        guard let r = result.rubric, let score = result.score, let grade = result.grade else {
            self.result = nil
            return
        }
        let rubric = scorer.rubrics[r]
        let categories = "{" + zip(rubric.categories, result.categoryScores).map { JSONText.quoted($0.0.id) + ":" + $0.1.description }
            .joined(separator: ",") + "}"
        self.result = Result(rubricId: rubric.id, score: score.description, scoreValue: score.doubleValue, grade: rubric.grades[grade].name,
                             gradeRank: grade, pass: grade != rubric.lowestGrade, excellent: grade == 0, veto: result.veto,
                             disposition: result.disposition.rawValue, needsReview: result.needsAttention(rubric),
                             categoryScores: categories)
        for f in result.findings {
            let rule = rubric.rules[f.rule]
            let read = "{" + f.values(in: record, rubric: rubric).map { JSONText.quoted(catalogue[$0.field].id) + ":" + ($0.value.map(JSONText.value) ?? "null") }
                .joined(separator: ",") + "}"
            let review = f.decisions.isEmpty ? nil : "[" + f.decisions.map { d in
                "{\"outcome\":" + JSONText.quoted(d.verdict.rawValue) + (d.deduct.map { ",\"deduct\":" + $0.description } ?? "")
                    + (d.reviewer.map { ",\"reviewer\":" + JSONText.quoted($0) } ?? "") + (d.note.map { ",\"note\":" + JSONText.quoted($0) } ?? "")
                    + ",\"source\":" + JSONText.quoted("\\(d.file):\\(d.line)") + "}"
            }.joined(separator: ",") + "]"
            findings.append(FindingRow(ruleId: rule.id, categoryId: rubric.categories[rule.category].id, problem: rule.problem,
                                       outcome: f.outcome.rawValue, deduct: f.deduct.description, deductValue: f.deduct.doubleValue,
                                       fieldsRead: read, automated: f.automated?.rawValue, review: review, conflict: f.conflict))
        }
    }
}
