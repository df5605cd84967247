import Foundation
import PingchaAnalytics
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore

/// `analysis.md`: the batch's figures by district, enforcement type, rubric, category and
/// rule; the main problems; the three-systems rates; and, where two reviewers decided the
/// same rules of the same cases, their agreement.
struct AnalysisMarkdown {
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

    func render() -> String {
        var o = "# \(batchName)：统计分析\n\n"
        o += "合格 = 评查标准最低等次以外的等次；区间为 Wilson 95% 置信区间。案件少于 \(minimumCasesForRank) 件的单位列出但不排名。\n\n"
        o += table("按执法主体", Analytics.rank(figures.departments, minimumCases: minimumCasesForRank), ranked: true)
        o += table("按执法类别", Analytics.rank(figures.enforcementTypes, minimumCases: minimumCasesForRank), ranked: false)
        o += table("按区县", figures.districts.map { RankedGroup(summary: $0, rank: nil) }, ranked: false)
        o += table("按评查标准", figures.rubricGroups.map { RankedGroup(summary: $0, rank: nil) }, ranked: false)

        o += "## 各类别失分\n\n| 类别 | 案件数 | 应得分 | 失分 | 失分占比 | 不符合细则次数 |\n|---|---|---|---|---|---|\n"
        for c in figures.categories {
            let share = c.lossShare.map(pct) ?? "—"
            o += "| \(c.title)（\(c.categoryId)） | \(c.cases) | \(c.pointsPossible) | \(c.pointsLost) | \(share) | \(c.failedFindings) |\n"
        }
        o += "\n## 主要问题\n\n| 问题 | 不符合次数 | 涉及案件 | 占已评分案件 | 例 |\n|---|---|---|---|---|\n"
        for p in figures.problems {
            o += "| \(p.problem) | \(p.failedFindings) | \(p.cases) | \(p.shareOfCases.map(pct) ?? "—") | "
            o += p.examples.map { "\($0.department) \($0.caseId)" }.joined(separator: "；") + " |\n"
        }
        o += "\n## 各细则\n\n| 评查标准 | 细则 | 标题 | 适用 | 不符合 | 不符合率 | 无法判断 |\n|---|---|---|---|---|---|---|\n"
        for r in figures.rules {
            o += "| \(r.key.rubricId) | \(r.key.ruleId) | \(r.title) | \(r.applicable.map(String.init) ?? "—") | \(r.failed) | "
            o += "\(r.failure?.rate.map(pct) ?? "—") | \(r.unknown) |\n"
        }
        o += "\n## 三项制度\n\n| 制度 | 适用案件 | 符合 | 不符合 | 未载明 | 比率 |\n|---|---|---|---|---|---|\n"
        for r in figures.threeSystems {
            o += "| \(r.system.rateName) | \(r.applicable) | \(r.met) | \(r.notMet) | \(r.unknown) | \(r.rate.rate.map(pct) ?? "—") |\n"
        }
        o += agreement()
        return o
    }

    func table(_ title: String, _ groups: [RankedGroup], ranked: Bool) -> String {
        var o = "## \(title)\n\n| \(ranked ? "名次 | " : "")分组 | 案件 | 已评分 | 平均分 | 中位数 | 合格率（95%区间） | 优秀率 | 否决 | 需人工评查 | 等次 | 处理方式 |\n"
        o += "|" + String(repeating: "---|", count: ranked ? 12 : 11) + "\n"
        for g in groups {
            let s = g.summary
            let ci = s.passInterval.map { "（\(pct($0.lower))–\(pct($0.upper))）" } ?? ""
            o += "| " + (ranked ? "\(g.rank.map(String.init) ?? "不排名") | " : "")
            o += "\(s.key ?? "（未填写）") | \(s.cases) | \(s.scored) | \(num(s.mean)) | \(num(s.median)) | "
            o += "\(s.passRate.map(pct) ?? "—")\(ci) | \(s.excellentRate.map(pct) ?? "—") | \(s.vetoCases) | \(s.needsReview) | "
            o += s.grades.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "，") + " | "
            o += Disposition.gravestFirst.compactMap { d in s.dispositions[d].map { "\(d.chineseName) \($0)" } }.joined(separator: "，") + " |\n"
        }
        return o + "\n"
    }

    /// Agreement between the first two reviewers who decided the same rules of the same cases.
    func agreement() -> String {
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
            let category = c.findingCategories[parts[2]]
                ?? rubrics.first { $0.id == c.rubricId }?.rule(parts[2])?.categoryId ?? ""
            items.append(ReviewerPairItem(caseReference: c.reference, ruleId: parts[2], categoryId: category, first: first, second: second))
        }
        guard !items.isEmpty else { return "" }
        let a = Analytics.agreement(items)
        var o = "\n## 评查人员一致性（双人评查）\n\n| 类别 | 项数 | 一致 | 一致率 | Cohen's κ |\n|---|---|---|---|---|\n"
        for f in [a.overall] + a.byCategory {
            o += "| \(f.categoryId.map(categoryTitle) ?? "全部") | \(f.items) | \(f.agreed) | \(f.percentAgreement.map(pct) ?? "—") | \(f.kappa.map { String(format: "%.3f", $0) } ?? "—") |\n"
        }
        return o
    }

    /// A category as its rubric titles it (执法程序), not by its id.
    func categoryTitle(_ id: String) -> String {
        rubrics.lazy.compactMap { $0.categories.first { $0.id == id }?.title }.first ?? id
    }

    func num(_ v: Double?) -> String { Figures.oneDecimal(v) }
    func pct(_ v: Double) -> String { Figures.percent(v) }
}
