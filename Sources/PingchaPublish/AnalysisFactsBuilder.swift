import Foundation
import PingchaAnalytics
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore

/// The figures of `analysis.md` (``AnalysisFacts``) from the batch's figures: by district,
/// enforcement type, rubric, category and rule; the main problems; the three-systems rates;
/// and, where two reviewers decided the same rules of the same cases, their agreement.
/// Reports formats and lays them out (`analysis.md.mustache`).
struct AnalysisFactsBuilder {
    let batchName: String
    let figures: BatchFigures
    let rubrics: [RubricInfo]
    let decisions: [(caseId: String, department: String?, rule: String, outcome: String, reviewer: String?)]
    let minimumCasesForRank: Int

    init(batchName: String, figures: BatchFigures, rubrics: [RubricInfo],
         decisions: [(caseId: String, department: String?, rule: String, outcome: String, reviewer: String?)],
         minimumCasesForRank: Int) {
        self.batchName = batchName
        self.figures = figures
        self.rubrics = rubrics
        self.decisions = decisions
        self.minimumCasesForRank = minimumCasesForRank
    }

    /// From cases held in memory (the analytics functions compute the figures).
    init(stored: StoredCases, tallies: [StoredBatch.RuleTally],
         decisions: [(caseId: String, department: String?, rule: String, outcome: String, reviewer: String?)],
         minimumCasesForRank: Int) {
        self.init(batchName: stored.batch.name,
                  figures: BatchFigures(stored: stored, applicable: Self.applicable(tallies), decidedCaseIds: Set(decisions.map(\.caseId))),
                  rubrics: stored.rubrics, decisions: decisions, minimumCasesForRank: minimumCasesForRank)
    }

    /// The scorer's applicable count of each rule.
    static func applicable(_ tallies: [StoredBatch.RuleTally]) -> [RuleKey: Int] {
        var applicable: [RuleKey: Int] = [:]
        for t in tallies { applicable[RuleKey(rubricId: t.rubricId, ruleId: t.ruleId)] = t.applicable }
        return applicable
    }

    var facts: AnalysisFacts {
        AnalysisFacts(
            batchName: batchName, minimumCasesForRank: minimumCasesForRank,
            groupTables: [
                table("按执法主体", Analytics.rank(figures.departments, minimumCases: minimumCasesForRank), ranked: true),
                table("按执法类别", Analytics.rank(figures.enforcementTypes, minimumCases: minimumCasesForRank), ranked: false),
                table("按区县", figures.districts.map { RankedGroup(summary: $0, rank: nil) }, ranked: false),
                table("按评查标准", figures.rubricGroups.map { RankedGroup(summary: $0, rank: nil) }, ranked: false),
            ],
            categories: figures.categories.map {
                AnalysisFacts.Category(title: $0.title, id: $0.categoryId, cases: $0.cases, pointsPossible: $0.pointsPossible,
                                       pointsLost: $0.pointsLost, lossShare: $0.lossShare, failedFindings: $0.failedFindings)
            },
            problems: figures.problems.map {
                AnalysisFacts.Problem(problem: $0.problem, failedFindings: $0.failedFindings, cases: $0.cases, shareOfCases: $0.shareOfCases,
                                      examples: $0.examples.map { "\($0.department) \($0.caseId)" })
            },
            rules: figures.rules.map {
                AnalysisFacts.Rule(standard: $0.key.rubricId, rule: $0.key.ruleId, title: $0.title, applicable: $0.applicable,
                                   failed: $0.failed, failureRate: $0.failure?.rate, unknown: $0.unknown)
            },
            threeSystems: figures.threeSystems.map {
                AnalysisFacts.ThreeSystems(name: $0.system.rateName, applicable: $0.applicable, met: $0.met, notMet: $0.notMet,
                                           unknown: $0.unknown, rate: $0.rate.rate)
            },
            agreement: agreement())
    }

    func table(_ title: String, _ groups: [RankedGroup], ranked: Bool) -> AnalysisFacts.GroupTable {
        AnalysisFacts.GroupTable(title: title, ranked: ranked, groups: groups.map { g in
            let s = g.summary
            return AnalysisFacts.Group(
                name: s.key, rank: g.rank, cases: s.cases, scored: s.scored, mean: s.mean, median: s.median, passRate: s.passRate,
                passInterval: s.passInterval.map { ($0.lower, $0.upper) }, excellentRate: s.excellentRate, vetoCases: s.vetoCases,
                needsReview: s.needsReview, grades: s.grades.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                dispositions: Disposition.gravestFirst.compactMap { d in s.dispositions[d].map { (d.chineseName, $0) } })
        })
    }

    /// Agreement between the first two reviewers who decided the same rules of the same cases.
    func agreement() -> [AnalysisFacts.Agreement] {
        var byItem: [String: [(reviewer: String, outcome: String)]] = [:]
        for d in decisions {
            guard let reviewer = d.reviewer else { continue }
            byItem[d.caseId + "\u{1F}" + (d.department ?? "") + "\u{1F}" + d.rule, default: []].append((reviewer, d.outcome))
        }
        var items: [ReviewerPairItem] = []
        for (key, list) in byItem.sorted(by: { $0.key < $1.key }) {
            var seen: [String: String] = [:]
            for e in list where seen[e.reviewer] == nil { seen[e.reviewer] = e.outcome }
            guard seen.count >= 2 else { continue }
            let names = seen.keys.sorted()
            let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            guard let c = figures.decidedCases[parts[0]], let first = ReviewerVerdict(rawValue: seen[names[0]]!),
                  let second = ReviewerVerdict(rawValue: seen[names[1]]!) else { continue }
            // A category is one standard's: 程序 of 行政强制 is not 程序 of 简易程序 (their
            // titles differ, and a rule of one does not count for the other).
            let category = c.findingCategories[parts[2]]
                ?? rubrics.first { $0.id == c.rubricId }?.rule(parts[2])?.categoryId ?? ""
            items.append(ReviewerPairItem(caseReference: c.reference, ruleId: parts[2], categoryId: (c.rubricId ?? "") + "\u{1F}" + category,
                                          first: first, second: second))
        }
        guard !items.isEmpty else { return [] }
        let a = Analytics.agreement(items)
        return ([a.overall] + a.byCategory).map { f in
            AnalysisFacts.Agreement(category: f.categoryId.map(categoryTitle), items: f.items, agreed: f.agreed,
                                    percentAgreement: f.percentAgreement, kappa: f.kappa)
        }
    }

    /// A category (`rubric␟category`) as its rubric titles it, after the standard's short
    /// name: "强制·实施程序与期限", not by its id, nor by another standard's title for the same id.
    func categoryTitle(_ key: String) -> String {
        let parts = key.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let rubric = rubrics.first(where: { $0.id == parts[0] }) else { return parts.last ?? key }
        let title = rubric.categories.first { $0.id == parts[1] }?.title ?? parts[1]
        return RuleWording.standardShortName(title: rubric.title, id: rubric.id) + "·" + title
    }
}
