import PingchaModel
import PingchaRubric

/// The per-case object of `pingcha score --format jsonl` (product.md), with stable keys.
///
/// Everything a line repeats from case to case — rubric, grade, category and rule ids, field
/// keys — is quoted once, when the writer is made; a line is then bytes appended to one buffer.
/// (A million lines built from concatenated strings took most of `score`'s time.)
public struct ResultJSON: Sendable {
    /// One rubric's texts, ready to append. A class: a line takes it with one reference count
    /// (a struct of six arrays, or the rubric itself, cost six, and a rule one per field of it).
    final class RubricTexts: Sendable {
        let rubric: [UInt8]
        let grades: [[UInt8]]
        /// `"category":` per category.
        let categoryKeys: [[UInt8]]
        /// Quoted rule ids.
        let ruleIds: [[UInt8]]
        /// `{"rule":"…","category":"…","outcome":` per rule.
        let findingHeads: [[UInt8]]

        init(_ r: Rubric, quote q: (String) -> [UInt8]) {
            rubric = q(r.id)
            grades = r.grades.map { q($0.name) }
            categoryKeys = r.categories.map { q($0.id) + [UInt8(ascii: ":")] }
            ruleIds = r.rules.map { q($0.id) }
            findingHeads = r.rules.map { rule in
                Array("{\"rule\":".utf8) + q(rule.id) + Array(",\"category\":".utf8)
                    + q(r.categories[rule.category].id) + Array(",\"outcome\":".utf8)
            }
        }
    }

    private let rubrics: [RubricTexts]
    private let profiles: [[UInt8]]
    /// `"field":` per catalogue field.
    private let fieldKeys: [[UInt8]]
    private let caseIdIndex: Int?, departmentIndex: Int?
    private let scorer: Scorer

    public init(scorer: Scorer, catalogue: FieldCatalogue) {
        func q(_ s: String) -> [UInt8] { Array(JSONText.quoted(s).utf8) }
        self.scorer = scorer
        rubrics = scorer.rubrics.map { RubricTexts($0, quote: q) }
        profiles = scorer.profiles.map { q($0.id) }
        fieldKeys = (0..<catalogue.count).map { q(catalogue[$0].id) + [UInt8(ascii: ":")] }
        caseIdIndex = catalogue.index(of: "case_id")
        departmentIndex = catalogue.index(of: "department")
    }

    /// One case's line, without its newline.
    public func line(_ result: CaseResult, case record: CaseRecord) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        append(result, case: record, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public func append(_ result: CaseResult, case record: CaseRecord, to out: inout [UInt8]) {
        func text(_ s: StaticString) { out.appendLiteral(s) }
        text("{\"case_id\":")
        JSONText.append(quoted: caseIdIndex.flatMap { record.values[$0]?.text } ?? "", to: &out)
        text(",\"department\":")
        JSONText.append(quoted: departmentIndex.flatMap { record.values[$0]?.text } ?? "", to: &out)
        guard let r = result.rubric, let score = result.score, let grade = result.grade else {
            text(",\"rubric\":null,\"score\":null,\"grade\":null,\"veto\":false,\"disposition\":\"none\",\"category_scores\":{},\"needs_review\":[],\"findings\":[]}")
            return
        }
        let t = rubrics[r]
        text(",\"rubric\":"); out.append(contentsOf: t.rubric)
        text(",\"score\":"); score.appendText(to: &out)
        text(",\"grade\":"); out.append(contentsOf: t.grades[grade])
        if result.veto { text(",\"veto\":true") } else { text(",\"veto\":false") }
        if let p = result.profile { text(",\"profile\":"); out.append(contentsOf: profiles[p]) }
        text(",\"disposition\":\""); out.appendUTF8(result.disposition.rawValue); text("\"")
        text(",\"category_scores\":{")
        for (i, points) in result.categoryScores.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: t.categoryKeys[i])
            points.appendText(to: &out)
        }
        text("},\"needs_review\":[")
        for (i, rule) in result.needsReview.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: t.ruleIds[rule])
        }
        text("],\"findings\":[")
        for (i, f) in result.findings.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendFinding(f, record: record, fields: scorer.fieldsShown(f, of: result, for: record), texts: t, to: &out)
        }
        text("]}")
    }

    private func appendFinding(_ f: Finding, record: CaseRecord, fields: [Int], texts t: RubricTexts, to out: inout [UInt8]) {
        func text(_ s: StaticString) { out.appendLiteral(s) }
        out.append(contentsOf: t.findingHeads[f.rule])
        text("\""); out.appendUTF8(f.outcome.rawValue); text("\"")
        text(",\"deduct\":"); f.deduct.appendText(to: &out)
        if f.suspect { text(",\"suspect\":true") }
        text(",\"values\":{")
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: fieldKeys[field])
            if let v = record.values[field] { JSONText.append(value: v, to: &out) } else { text("null") }
        }
        text("}")
        if let automated = f.automated {
            text(",\"automated\":\""); out.appendUTF8(automated.rawValue); text("\"")
            text(",\"review\":[")
            for (i, d) in f.decisions.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                text("{\"outcome\":"); JSONText.append(quoted: d.verdict.rawValue, to: &out)
                if let deduct = d.deduct { text(",\"deduct\":"); deduct.appendText(to: &out) }
                if let reviewer = d.reviewer { text(",\"reviewer\":"); JSONText.append(quoted: reviewer, to: &out) }
                if let note = d.note { text(",\"note\":"); JSONText.append(quoted: note, to: &out) }
                text(",\"source\":"); JSONText.append(quoted: "\(d.file):\(d.line)", to: &out)
                text("}")
            }
            text("]")
            if f.conflict { text(",\"conflict\":true") }
        }
        text("}")
    }
}

/// The per-case rows of `pingcha score --format csv`.
public enum ResultCSV {
    public static let header = ["case_id", "department", "rubric", "score", "grade", "veto", "disposition",
                                "failed_rules", "needs_review", "line", "file"]

    public static func row(_ result: CaseResult, case record: CaseRecord, file: String, scorer: Scorer,
                           catalogue: FieldCatalogue) -> [String] {
        let caseId = record.values[catalogue.index(of: "case_id")!]?.text ?? ""
        let department = record.values[catalogue.index(of: "department")!]?.text ?? ""
        guard let r = result.rubric, let score = result.score, let grade = result.grade else {
            return [caseId, department, "", "", "", "", "", "", "", String(record.line), file]
        }
        let rubric = scorer.rubrics[r]
        let failed = result.findings.filter { $0.outcome == .fail }.map { rubric.rules[$0.rule].id }
        return [caseId, department, rubric.id, score.description, rubric.grades[grade].name, result.veto ? "是" : "否",
                result.disposition.rawValue, failed.joined(separator: ";"),
                result.needsReview.map { rubric.rules[$0].id }.joined(separator: ";"), String(record.line), file]
    }
}
