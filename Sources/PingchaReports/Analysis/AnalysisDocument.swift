import Foundation
import PingchaModel

/// `analysis.md`: the figures of ``AnalysisFacts`` formatted (one decimal, percentages as the
/// documents write them) and laid out by `analysis.md.mustache`. A working file for the
/// reviewers, not an official document: it is written as the template renders it.
public enum AnalysisDocument {
    /// Values are escaped for Markdown (`tsy\_publicity`), so that a `|` or `*` in a name never
    /// breaks a table; the blank line a first-line template comment leaves is dropped.
    public static func markdown(_ facts: AnalysisFacts, templates: ReportTemplates) -> String {
        String(templates.render("analysis", view(facts)).drop { $0 == "\n" })
    }

    static func view(_ facts: AnalysisFacts) -> [String: Any] {
        [
            "batchName": facts.batchName,
            "minimumCasesForRank": String(facts.minimumCasesForRank),
            "groupTables": facts.groupTables.map { table -> [String: Any] in
                ["title": table.title, "ranked": table.ranked, "groups": table.groups.map { group(table.ranked, $0) }]
            },
            "categories": facts.categories.map { c -> [String: Any] in
                ["title": c.title, "id": c.id, "cases": String(c.cases), "pointsPossible": c.pointsPossible.description,
                 "pointsLost": c.pointsLost.description, "lossShare": c.lossShare.map(Figures.percent) ?? "—",
                 "failedFindings": String(c.failedFindings)]
            },
            "problems": facts.problems.map { p -> [String: Any] in
                ["problem": p.problem, "failedFindings": String(p.failedFindings), "cases": String(p.cases),
                 "shareOfCases": p.shareOfCases.map(Figures.percent) ?? "—", "examples": p.examples.joined(separator: "；")]
            },
            "rules": facts.rules.map { r -> [String: Any] in
                ["standard": r.standard, "rule": r.rule, "title": r.title, "applicable": r.applicable.map(String.init) ?? "—",
                 "failed": String(r.failed), "failureRate": r.failureRate.map(Figures.percent) ?? "—", "unknown": String(r.unknown)]
            },
            "threeSystems": facts.threeSystems.map { t -> [String: Any] in
                ["name": t.name, "applicable": String(t.applicable), "met": String(t.met), "notMet": String(t.notMet),
                 "unknown": String(t.unknown), "rate": t.rate.map(Figures.percent) ?? "—"]
            },
            "hasAgreement": !facts.agreement.isEmpty,
            "agreement": facts.agreement.map { a -> [String: Any] in
                ["category": a.category ?? "全部", "items": String(a.items), "agreed": String(a.agreed),
                 "percentAgreement": a.percentAgreement.map(Figures.percent) ?? "—",
                 "kappa": a.kappa.map { String(format: "%.3f", $0) } ?? "—"]
            },
        ]
    }

    static func group(_ ranked: Bool, _ g: AnalysisFacts.Group) -> [String: Any] {
        [
            "rank": ranked ? (g.rank.map(String.init) ?? "不排名") : false,
            "name": g.name ?? "（未填写）",
            "cases": String(g.cases),
            "scored": String(g.scored),
            "mean": Figures.oneDecimal(g.mean),
            "median": Figures.oneDecimal(g.median),
            "passRate": g.passRate.map(Figures.percent) ?? "—",
            "interval": g.passInterval.map { "（\(Figures.percent($0.lower))–\(Figures.percent($0.upper))）" } ?? "",
            "excellentRate": g.excellentRate.map(Figures.percent) ?? "—",
            "vetoCases": String(g.vetoCases),
            "needsReview": String(g.needsReview),
            "grades": g.grades.map { "\($0.grade) \($0.count)" }.joined(separator: "，"),
            "dispositions": g.dispositions.map { "\($0.name) \($0.count)" }.joined(separator: "，"),
        ]
    }
}
