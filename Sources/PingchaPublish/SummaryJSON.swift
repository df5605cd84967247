import Foundation
import PingchaAnalytics
import PingchaModel
import PingchaRubric
import PingchaStore

/// `summary.json` exactly as product.md specifies (keys may be added, never renamed).
struct SummaryJSON {
    let batch: StoredBatch
    let inputs: [StoredBatch.Input]
    let rubrics: [StoredBatch.RubricRecord]
    let definitions: [StoredRubric]
    let all: GroupSummary
    let departments: [RankedGroup]
    let tallies: [StoredBatch.RuleTally]
    let gradeOrder: [String]
    /// The profiles in force, with the batch's departments each tailored.
    var profiles: [StoredBatch.ProfileRecord] = []
    var profileDepartments: [String: [String]] = [:]

    init(batch: StoredBatch, inputs: [StoredBatch.Input], rubrics: [StoredBatch.RubricRecord], definitions: [StoredRubric],
         cases: [ScoredCase], tallies: [StoredBatch.RuleTally], minimumCasesForRank: Int) {
        self.init(batch: batch, inputs: inputs, rubrics: rubrics, definitions: definitions, all: Analytics.summariseAll(cases),
                  departments: Analytics.summarise(cases, by: \.department), tallies: tallies, minimumCasesForRank: minimumCasesForRank)
    }

    /// From figures already summarised (``ReportPass``): the whole batch and its
    /// departments in order of first appearance.
    init(batch: StoredBatch, inputs: [StoredBatch.Input], rubrics: [StoredBatch.RubricRecord], definitions: [StoredRubric],
         all: GroupSummary, departments: [GroupSummary], tallies: [StoredBatch.RuleTally], minimumCasesForRank: Int) {
        self.batch = batch
        self.inputs = inputs
        self.rubrics = rubrics
        self.definitions = definitions
        self.tallies = tallies
        self.all = all
        self.departments = Analytics.rank(departments, minimumCases: minimumCasesForRank)
        // Grades in the rubrics' order (highest first), then any others met.
        var order: [String] = []
        for d in definitions { for g in d.gradeNames where !order.contains(g) { order.append(g) } }
        for g in all.grades.keys.sorted() where !order.contains(g) { order.append(g) }
        gradeOrder = order
    }

    func render() -> String {
        var o = "{\n"
        o += "  \"batch\": \(JSONText.quoted(batch.name)), \"year\": \(batch.year.map(String.init) ?? "null"),\n"
        o += "  \"ran_at\": \(JSONText.quoted(batch.ranAt)), \"tool_version\": \(JSONText.quoted(batch.toolVersion)),"
        o += " \"calendar_version\": \(JSONText.quoted(batch.calendarVersion)),\n"
        o += "  \"inputs\": [" + inputs.map { i in
            "\n    {\"path\": \(JSONText.quoted(i.path)), \"sha256\": \(i.sha256.map(JSONText.quoted) ?? "null"), "
                + "\"encoding\": \(i.encoding.map(JSONText.quoted) ?? "null"), \"rows\": \(i.rows), \"accepted\": \(i.accepted), "
                + "\"rejected\": \(i.rejected), \"skipped\": \(i.skipped), \"warnings\": \(i.warnings)}"
        }.joined(separator: ",") + "\n  ],\n"
        o += "  \"rubrics\": [" + rubrics.map {
            "\n    {\"id\": \(JSONText.quoted($0.id)), \"version\": \(JSONText.quoted($0.version)), \"sha256\": \(JSONText.quoted($0.sha256))}"
        }.joined(separator: ",") + "\n  ],\n"
        o += "  \"profiles\": [" + profiles.map(profileJSON).joined(separator: ",") + (profiles.isEmpty ? "],\n" : "\n  ],\n")
        o += "  \"cases\": {\"total\": \(batch.casesTotal), \"scored\": \(batch.casesScored), \"uncovered\": \(batch.casesUncovered), "
        o += "\"needs_review\": \(batch.needsReview)},\n"
        o += "  \"grades\": {" + gradeOrder.map { "\(JSONText.quoted($0)): \(all.grades[$0] ?? 0)" }.joined(separator: ", ") + "},\n"
        o += "  \"score\": {\"mean\": \(number(all.mean)), \"median\": \(number(all.median)), "
        o += "\"min\": \(all.min.map { number($0.doubleValue) } ?? "null"), \"max\": \(all.max.map { number($0.doubleValue) } ?? "null")},\n"
        o += "  \"departments\": [" + departments.map { d in
            let s = d.summary
            return "\n    {\"name\": \(JSONText.quoted(s.key ?? "")), \"cases\": \(s.cases), \"scored\": \(s.scored), "
                + "\"mean_score\": \(number(s.mean)), \"pass_rate\": \(number(s.passRate, places: 4)), "
                + "\"pass_rate_ci\": \(s.passInterval.map { "[\(number($0.lower, places: 4)), \(number($0.upper, places: 4))]" } ?? "null"), "
                + "\"excellent_rate\": \(number(s.excellentRate, places: 4)), \"veto_cases\": \(s.vetoCases), "
                + "\"rank\": \(d.rank.map(String.init) ?? "null")}"
        }.joined(separator: ",") + "\n  ],\n"
        o += "  \"rules\": [" + tallies.map {
            "\n    {\"rubric\": \(JSONText.quoted($0.rubricId)), \"id\": \(JSONText.quoted($0.ruleId)), \"applicable\": \($0.applicable), "
                + "\"failed\": \($0.failed), \"unknown\": \($0.unknown)}"
        }.joined(separator: ",") + "\n  ],\n"
        o += "  \"dispositions\": {" + ["invalid", "illegal", "correct", "improve", "none"].map { key in
            "\(JSONText.quoted(key)): \(all.dispositions[Disposition(rawValue: key)!] ?? 0)"
        }.joined(separator: ", ") + "}\n"
        return o + "}\n"
    }

    /// One profile in force: what it tailors, and the batch's departments it tailored.
    func profileJSON(_ p: StoredBatch.ProfileRecord) -> String {
        let departments: [String] = (profileDepartments[p.id] ?? []).map(JSONText.quoted)
        let params: [String] = p.params.map { JSONText.quoted($0.name) + ": " + JSONText.quoted($0.value) }
        let disabled: [String] = p.disabled.map { JSONText.quoted($0.rule) }
        var s = "\n    {\"id\": " + JSONText.quoted(p.id) + ", \"title\": " + JSONText.quoted(p.title)
        s += ", \"sha256\": " + JSONText.quoted(p.sha256)
        s += ", \"departments\": [" + departments.joined(separator: ", ") + "]"
        s += ", \"params\": {" + params.joined(separator: ", ") + "}"
        return s + ", \"disabled\": [" + disabled.joined(separator: ", ") + "]}"
    }

    /// A number rounded for publication (one decimal for scores, four for rates); exact
    /// figures stay in the store.
    func number(_ value: Double?, places: Int = 1) -> String {
        guard let v = value, v.isFinite else { return "null" }
        let scale = pow(10, Double(places))
        let rounded = (v * scale).rounded() / scale
        var s = String(format: "%.\(places)f", rounded)
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
