import PingchaModel
import PingchaRubric
import PingchaSampling
import PingchaStore
import PingchaCatalogue

/// The stored batch as `sample` and `assign` see it: every scored case a candidate for the
/// draw, and what a reviewer's scoresheet and workbook say of the cases drawn.
public enum ReviewSample {
    /// Every scored case of the batch as a candidate, with its must-review flag, its risk
    /// (failed automated rules) and the rules a reviewer has to decide. `catalogue` holds the
    /// case fields and the results a `--must` expression reads (`veto`, `score`, `grade`,
    /// `rubric`, `disposition`, `needs_review`, `failed_rules`, `failed_count`).
    public static func candidates(_ name: String, db: StoreSession, catalogue: FieldCatalogue,
                           must: PingchaRubric.Predicate?) throws -> [SamplingCandidate] {
        let batch = try StoredBatch.named(name, in: db)
        var failed: [Int: [String]] = [:], unknown: [Int: [String]] = [:]
        try batch.forEachFinding(db) { f in
            if f.outcome == "fail" { failed[f.caseNo, default: []].append(f.ruleId) } else { unknown[f.caseNo, default: []].append(f.ruleId) }
        }
        let index = { (id: String) in catalogue.index(of: id)! }
        var out: [SamplingCandidate] = []
        let layout = batch.valueLayout(catalogue)
        try batch.forEachCase(db) { c in
            guard let rubricId = c.rubricId else { return }
            var values = c.values(layout)
            values[index("veto")] = .bool(c.veto)
            values[index("score")] = c.score.flatMap { DecimalNumber($0) }.map(FieldValue.number)
            values[index("grade")] = c.grade.map(FieldValue.text)
            values[index("rubric")] = .text(rubricId)
            values[index("disposition")] = .text(c.disposition)
            values[index("needs_review")] = .bool(c.needsReview)
            values[index("failed_rules")] = .list(failed[c.caseNo] ?? [])
            values[index("failed_count")] = .number(DecimalNumber(failed[c.caseNo]?.count ?? 0))
            let record = CaseRecord(values: values, fileIndex: c.inputOrd, line: c.line)
            // What a reviewer decides: the rules still open for the case (a manual rule that
            // applies is stored open until judged) and those it failed. A manual rule whose
            // condition does not hold for the case is no question (such rows were asked, and
            // two reviewers' differing answers made the case pending again).
            var rules = unknown[c.caseNo] ?? []
            for r in failed[c.caseNo] ?? [] where !rules.contains(r) { rules.append(r) }
            out.append(SamplingCandidate(caseNo: c.caseNo, caseId: c.caseId, department: c.department,
                                         mustReview: must.map { $0.evaluate(record) == .yes } ?? false,
                                         risk: Double(failed[c.caseNo]?.count ?? 0), rulesToReview: rules))
        }
        return out
    }

    /// Case facts a reviewer needs to find the file and read it against the rules (the
    /// workbook's 案件信息 sheet), in this order; personal identifiers (证件号码, 电话) are not
    /// among them, a reviewer holds the file.
    static let factFields = ["enforcement_type", "procedure", "cause", "party_name", "decision_date", "fine_amount"]

    /// What the scoresheets say about the sampled cases: each rule to decide with its title,
    /// maximum deduction, basis and automated outcome (from the batch's stored rubrics and
    /// findings, so that old batches need no rubric files), the case facts and findings.
    public static func details(_ name: String, cases: [SampledCase], db: StoreSession) throws -> ReviewDetails {
        let batch = try StoredBatch.named(name, in: db)
        let sampled = Set(cases.map(\.caseNo))
        let catalogue = FieldCatalogue.builtIn()
        let definitions = try batch.rubrics(db).map(\.structure)
        func rule(_ rubric: String?, _ id: String) -> StoredRubric.Rule? {
            definitions.first { $0.id == rubric }?.rules.first { $0.id == id }
        }
        var rubricOf: [Int: String] = [:]
        let factNames: [String] = factFields.map { id in catalogue.index(of: id).map { catalogue[$0].name } ?? id }
        var details = ReviewDetails(factTitles: ["评查标准", "得分", "等次"] + factNames)
        let layout = batch.valueLayout(catalogue)
        try batch.forEachCase(db) { c in
            guard sampled.contains(c.caseNo) else { return }
            rubricOf[c.caseNo] = c.rubricId
            let values = c.values(layout)
            var standard = ""
            if let id = c.rubricId, let d = definitions.first(where: { $0.id == id }) { standard = "\(d.title)（\(id)）" }
            var row: [String] = [standard, c.score ?? "", c.grade ?? ""]
            for id in factFields {
                let value: FieldValue? = catalogue.index(of: id).flatMap { i in i < values.count ? values[i] : nil }
                row.append(value?.displayText ?? "")
            }
            details.facts[c.caseNo] = row
        }
        var automated: [Int: [String: String]] = [:]
        try batch.forEachFinding(db) { f in
            guard sampled.contains(f.caseNo) else { return }
            // The automated outcome, before any reviewer's decision (`automated` keeps it when
            // a scoresheet overrode the finding).
            let outcome = f.automated ?? f.outcome
            let manual = rule(f.rubricId, f.ruleId)?.manual ?? false
            let words: String
            switch outcome {
            case "unknown": words = manual ? "人工评查项" : "无法判断"
            case "fail": words = "不符合"
            case "pass": words = "符合"
            default: words = "不适用"
            }
            automated[f.caseNo, default: [:]][f.ruleId] = words
            let title = rule(f.rubricId, f.ruleId)?.title ?? ""
            details.findings[f.caseNo, default: []].append("\(f.ruleId) \(title)：\(words)")
        }
        for c in cases {
            var rules: [String: RuleToDecide] = [:]
            for id in c.rulesToReview {
                let r = rule(rubricOf[c.caseNo], id)
                rules[id] = RuleToDecide(id: id, title: r?.title ?? "", maxDeduct: r.map { $0.max ?? $0.deduct },
                                         basis: r?.basis ?? "",
                                         automated: automated[c.caseNo]?[id] ?? (r?.manual == true ? "人工评查项" : ""))
            }
            details.rules[c.caseNo] = rules
        }
        return details
    }
}
