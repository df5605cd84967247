import Foundation
import GRDB
import PingchaAnalytics
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore

/// Gathers the bulletin's figures from the store and the batch's analyses (the same ones
/// summary.json prints, so the two never disagree).
struct BulletinFactsBuilder {
    let batch: StoredBatch
    let summary: SummaryJSON
    let figures: BatchFigures
    let definitions: [RubricDefinition]
    let listLimit: Int
    let minimumCasesForRank: Int
    let rulesPerProblem = 5

    func facts(_ db: Database) throws -> BulletinFacts {
        let catalogue = FieldCatalogue.builtIn()
        let spread = try batch.scoreSpread(db)
        let excellent = try batch.listedCases(db, excellent: true, limit: listLimit)
        let unqualified = try batch.listedCases(db, excellent: false, limit: listLimit)
        let all = summary.all
        var types: [String: Int] = [:]
        for g in figures.enforcementTypes { types[g.key ?? "未注明", default: 0] += g.cases }

        return BulletinFacts(
            batchName: batch.name, ranOn: batch.ranOn, inputFiles: summary.inputs.count, rowsRead: batch.rowsRead,
            rowsRejected: batch.rowsRejected, casesTotal: batch.casesTotal, casesScored: batch.casesScored,
            casesUncovered: batch.casesUncovered, needsReview: batch.needsReview, reviewedByHand: try batch.casesReviewedByHand(db),
            rubrics: summary.rubrics.map { .init(id: $0.id, title: $0.title, version: $0.version) },
            profiles: summary.profiles.map { p in
                .init(title: p.title, departments: summary.profileDepartments[p.id] ?? [],
                      changes: p.params.map { "\($0.title ?? $0.name)按\($0.value)" }
                          + p.disabled.map { "“\($0.title ?? $0.rule)”不适用（\($0.reason)）" })
            },
            byType: types.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { .init($0.key, $0.value) },
            grades: summary.gradeOrder.map { .init($0, all.grades[$0] ?? 0) },
            mean: all.mean, median: all.median,
            departments: summary.departments.map { d in
                let s = d.summary
                return .init(rank: d.rank, name: s.key ?? "", cases: s.cases, scored: s.scored, mean: s.mean,
                             meanInterval: Self.meanInterval(spread[s.key ?? ""]), passRate: s.passRate,
                             passInterval: s.passInterval.map { $0.lower...$0.upper }, excellentRate: s.excellentRate,
                             vetoCases: s.vetoCases)
            },
            minimumCasesForRank: minimumCasesForRank,
            excellentTotal: excellent.total,
            excellentCases: try batch.listedCases(db, caseNos: excellent.caseNos, catalogue: catalogue),
            unqualifiedTotal: unqualified.total,
            unqualifiedCases: try batch.listedCases(db, caseNos: unqualified.caseNos, catalogue: catalogue) { rubric, rule in
                definitions.first { $0.id == rubric }?.rules[rule]?.title
            },
            categories: categories(),
            problems: problems(),
            threeSystems: figures.threeSystems.map {
                .init(name: $0.system.rateName, applicable: $0.applicable, met: $0.met, unknown: $0.unknown, rate: $0.rate.rate)
            },
            dispositions: Disposition.gravestFirst.filter { $0 != .none }.compactMap { d in
                all.dispositions[d].flatMap { $0 > 0 ? .init(d.chineseName, $0) : nil }
            })
    }

    /// Rubric categories by points lost (for the chart), with their share of all points lost.
    func categories() -> [BulletinFacts.CategoryLine] {
        let summaries = figures.categories
            .filter { $0.pointsLost > .zero }
            .sorted { $0.pointsLost != $1.pointsLost ? $0.pointsLost > $1.pointsLost : $0.categoryId < $1.categoryId }
        let totalLost = summaries.reduce(Int64(0)) { $0 + $1.pointsLost.units }
        return summaries.map { c in
            .init(title: c.title, pointsLost: c.pointsLost, share: totalLost > 0 ? Double(c.pointsLost.units) / Double(totalLost) : nil)
        }
    }

    /// The main problems (failures grouped by the rules' problem label), each with the rules
    /// failed most often.
    func problems() -> [BulletinFacts.ProblemLine] {
        // The same rule (id and title) in several rubrics is one line: TSY-02 of the penalty and
        // the licensing standards is one requirement.
        var merged: [String: RuleSummary] = [:]
        var order: [String] = []
        for r in figures.rules where r.failed > 0 {
            let key = r.key.ruleId + "\u{1F}" + r.title
            if var m = merged[key] {
                m.failed += r.failed
                m.unknown += r.unknown
                m.applicable = m.applicable.flatMap { a in r.applicable.map { a + $0 } }
                m.examples = Array((m.examples + r.examples).sorted().prefix(2))
                merged[key] = m
            } else {
                merged[key] = r
                order.append(key)
            }
        }
        let rules = order.compactMap { merged[$0] }
        return figures.problems.map { p in
            let mine = rules.filter { $0.problem == p.problem }
                .sorted { $0.failed != $1.failed ? $0.failed > $1.failed : $0.key.ruleId < $1.key.ruleId }
                .prefix(rulesPerProblem)
            return .init(problem: p.problem, findings: p.failedFindings, cases: p.cases, shareOfCases: p.shareOfCases,
                         rules: mine.map { r in
                             .init(ruleId: r.key.ruleId, title: r.title, failed: r.failed, rate: r.failure?.rate,
                                   examples: r.examples.map { "\($0.department) \($0.caseId)" })
                         })
        }
    }

    /// mean ± 1.96·s/√n (s the sample standard deviation); nil below two scores.
    static func meanInterval(_ s: (count: Int, mean: Double, meanOfSquares: Double)?) -> ClosedRange<Double>? {
        guard let s, s.count >= 2 else { return nil }
        let n = Double(s.count)
        let variance = max(0, (s.meanOfSquares - s.mean * s.mean) * n / (n - 1))
        let half = 1.96 * (variance / n).squareRoot()
        return max(0, s.mean - half)...(s.mean + half)
    }
}
