import PingchaModel
import PingchaRubric

/// The per-case object of `pingcha score --format jsonl` (product.md), with stable keys.
public enum ResultJSON {
    public static func line(_ result: CaseResult, case record: CaseRecord, scorer: Scorer, catalogue: FieldCatalogue) -> String {
        let caseId = record.values[catalogue.index(of: "case_id")!]?.text ?? ""
        let department = record.values[catalogue.index(of: "department")!]?.text ?? ""
        var out = "{\"case_id\":" + JSONText.quoted(caseId) + ",\"department\":" + JSONText.quoted(department)
        guard let r = result.rubric, let score = result.score, let grade = result.grade else {
            return out + ",\"rubric\":null,\"score\":null,\"grade\":null,\"veto\":false,\"disposition\":\"none\",\"category_scores\":{},\"needs_review\":[],\"findings\":[]}"
        }
        let rubric = scorer.rubrics[r]
        out += ",\"rubric\":" + JSONText.quoted(rubric.id)
        out += ",\"score\":" + score.description
        out += ",\"grade\":" + JSONText.quoted(rubric.grades[grade].name)
        out += ",\"veto\":" + (result.veto ? "true" : "false")
        if let p = result.profile { out += ",\"profile\":" + JSONText.quoted(scorer.profiles[p].id) }
        out += ",\"disposition\":" + JSONText.quoted(result.disposition.rawValue)
        out += ",\"category_scores\":{" + zip(rubric.categories, result.categoryScores)
            .map { JSONText.quoted($0.0.id) + ":" + $0.1.description }.joined(separator: ",") + "}"
        out += ",\"needs_review\":[" + result.needsReview.map { JSONText.quoted(rubric.rules[$0].id) }.joined(separator: ",") + "]"
        out += ",\"findings\":[" + result.findings.map { finding($0, record: record, rubric: rubric, catalogue: catalogue) }.joined(separator: ",") + "]}"
        return out
    }

    static func finding(_ f: Finding, record: CaseRecord, rubric: Rubric, catalogue: FieldCatalogue) -> String {
        let rule = rubric.rules[f.rule]
        var out = "{\"rule\":" + JSONText.quoted(rule.id)
        out += ",\"category\":" + JSONText.quoted(rubric.categories[rule.category].id)
        out += ",\"outcome\":" + JSONText.quoted(f.outcome.rawValue)
        out += ",\"deduct\":" + f.deduct.description
        if f.suspect { out += ",\"suspect\":true" }
        out += ",\"values\":{" + f.values(in: record, rubric: rubric).map { JSONText.quoted(catalogue[$0.field].id) + ":" + ($0.value.map(JSONText.value) ?? "null") }
            .joined(separator: ",") + "}"
        if let automated = f.automated {
            out += ",\"automated\":" + JSONText.quoted(automated.rawValue)
            out += ",\"review\":[" + f.decisions.map { d in
                "{\"outcome\":" + JSONText.quoted(d.verdict.rawValue)
                    + (d.deduct.map { ",\"deduct\":" + $0.description } ?? "")
                    + (d.reviewer.map { ",\"reviewer\":" + JSONText.quoted($0) } ?? "")
                    + (d.note.map { ",\"note\":" + JSONText.quoted($0) } ?? "")
                    + ",\"source\":" + JSONText.quoted("\(d.file):\(d.line)") + "}"
            }.joined(separator: ",") + "]"
            if f.conflict { out += ",\"conflict\":true" }
        }
        return out + "}"
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
