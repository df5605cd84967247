import PingchaModel
import PingchaRubric
import PingchaScoring

/// Everything one case puts in the store, built from the case and its result on any thread
/// (formatting is most of the cost of storing), inserted later in order by ``BatchWriter``.
///
/// Every text of the case's rows sits in one byte buffer, and the rows hold spans of it:
/// the inserting thread — the one serial part of a run — binds them in place, with no
/// string to retain or release and no copy by SQLite.
public struct CaseRows: Sendable {
    /// A text in ``bytes``; `count` -1 is NULL.
    struct Span: Sendable {
        var start: Int32
        var count: Int32
        static let null = Span(start: 0, count: -1)
    }

    struct Result: Sendable {
        var rubricId, score, grade, disposition, categoryScores, profile: Span
        var scoreValue: Double
        var gradeRank: Int
        var pass: Bool
        var excellent: Bool
        var veto: Bool
        var needsReview: Bool
    }

    struct FindingRow: Sendable {
        var ruleId, categoryId, problem, outcome, deduct, fieldsRead, automated, review: Span
        var deductValue: Double
        var conflict: Bool
        var suspect: Bool
    }

    var bytes: [UInt8] = []
    var fileIndex: Int
    var line: Int
    /// Index of the rubric that scored the case; nil when none covers it.
    public private(set) var rubric: Int?
    /// The case's measures (see ``MeasureCode``); nil for a case no rubric covers.
    public private(set) var measures: String?
    /// The three-systems letters (the first three measures).
    public var threeSystems: String? { measures.map(MeasureCode.threeSystems) }
    /// Whether the case needs someone to look at it (see `CaseResult.needsAttention`).
    public var needsReview: Bool { result?.needsReview ?? false }
    var caseId = Span.null, department = Span.null, district = Span.null, enforcementType = Span.null
    var decisionDate = Span.null, fields = Span.null, threeSystemsText = Span.null, measuresText = Span.null
    var outcomes: [Outcome]
    var result: Result?
    var findings: [FindingRow] = []

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

    public init(_ record: CaseRecord, result: CaseResult, scorer: Scorer, catalogue: FieldCatalogue, columns: Columns? = nil) {
        let v = record.values
        let c = columns ?? Columns(catalogue)
        func text(_ i: Int?) -> String? { i.flatMap { v[$0]?.text } }
        fileIndex = record.fileIndex
        line = record.line
        rubric = result.rubric
        outcomes = result.outcomes
        measures = result.rubric == nil ? nil : MeasureCode.encode(scorer.measures(of: result))
        bytes.reserveCapacity(2048)  // a case's texts are about 1 KB; growing would copy them
        caseId = add(text(c.caseId) ?? "")
        department = add(text(c.department) ?? "")
        district = add(text(c.district))
        enforcementType = add(text(c.enforcementType) ?? "")
        if let date = c.decisionDate.flatMap({ v[$0]?.date }) { decisionDate = span { date.appendText(to: &$0) } }
        threeSystemsText = add(threeSystems)
        measuresText = add(measures)
        fields = span { StoredValues.encode(record.values, into: &$0) }
        guard let r = result.rubric, let score = result.score, let grade = result.grade else {
            self.result = nil
            return
        }
        let rubric = scorer.rubrics[r]
        let categories = span { out in
            out.append(UInt8(ascii: "{"))
            for (i, (category, kept)) in zip(rubric.categories, result.categoryScores).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.append(quoted: category.id, to: &out)
                out.append(UInt8(ascii: ":"))
                kept.appendText(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        let scoreText = span { score.appendText(to: &$0) }
        self.result = Result(rubricId: add(rubric.id), score: scoreText, grade: add(rubric.grades[grade].name),
                             disposition: add(result.disposition.rawValue), categoryScores: categories,
                             profile: add(result.profile.map { scorer.profiles[$0].id }),
                             scoreValue: score.doubleValue, gradeRank: grade, pass: grade != rubric.lowestGrade,
                             excellent: grade == 0, veto: result.veto, needsReview: result.needsAttention(rubric))
        findings.reserveCapacity(result.findings.count)
        for f in result.findings {
            let rule = rubric.rules[f.rule]
            let read = span { out in
                out.append(UInt8(ascii: "{"))
                let (shown, conditions) = scorer.fieldsShownAndConditions(f, of: result, for: record)
                for (i, field) in shown.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    // A field only the rule's condition read is marked (StoredFieldsRead).
                    JSONText.append(quoted: (conditions.contains(field) ? StoredFieldsRead.conditionMark : "") + catalogue[field].id, to: &out)
                    out.append(UInt8(ascii: ":"))
                    if let value = v[field] { JSONText.append(value: value, to: &out) } else { out.append(contentsOf: "null".utf8) }
                }
                out.append(UInt8(ascii: "}"))
            }
            let review = f.decisions.isEmpty ? nil : "[" + f.decisions.map { d in
                "{\"outcome\":" + JSONText.quoted(d.verdict.rawValue) + (d.deduct.map { ",\"deduct\":" + $0.description } ?? "")
                    + (d.reviewer.map { ",\"reviewer\":" + JSONText.quoted($0) } ?? "") + (d.note.map { ",\"note\":" + JSONText.quoted($0) } ?? "")
                    + ",\"source\":" + JSONText.quoted("\(d.file):\(d.line)") + "}"
            }.joined(separator: ",") + "]"
            findings.append(FindingRow(ruleId: add(rule.id), categoryId: add(rubric.categories[rule.category].id), problem: add(rule.problem),
                                       outcome: add(f.outcome.rawValue), deduct: span { f.deduct.appendText(to: &$0) }, fieldsRead: read,
                                       automated: add(f.automated?.rawValue), review: add(review),
                                       deductValue: f.deduct.doubleValue, conflict: f.conflict, suspect: f.suspect))
        }
    }

    private mutating func add(_ s: String?) -> Span {
        guard let s else { return .null }
        return span { $0.append(contentsOf: s.utf8) }
    }

    private mutating func span(_ write: (inout [UInt8]) -> Void) -> Span {
        let start = bytes.count
        write(&bytes)
        return Span(start: Int32(start), count: Int32(bytes.count - start))
    }
}
