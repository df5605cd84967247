import Foundation
import PingchaAnalytics
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore
import PingchaCatalogue

/// Gathers the bulletin's figures from the store and the batch's analyses (the same ones
/// summary.json prints, so the two never disagree). Only decided cases are named: the lists,
/// the examples and the typical cases leave out every case still waiting for a reviewer.
struct BulletinFactsBuilder {
    let batch: StoredBatch
    let summary: SummaryJSON
    let figures: BatchFigures
    let definitions: [StoredRubric]
    let minimumCasesForRank: Int
    /// The settings' typical cases (the marked ones are looked up in the batch).
    var typicalCases: [BulletinContent.TypicalCase] = []
    let rulesPerProblem = 5
    let examplesPerRule = BatchFold.failureExamplesPerDepartment

    func facts(_ db: StoreSession) throws -> BulletinFacts {
        let catalogue = FieldCatalogue.builtIn()
        // The lists' length is the pass's (``ReportPass/namedCasesLimit``, settings' `list_limit`).
        let excellent = figures.excellentCases, unqualified = figures.unqualifiedCases
        let all = summary.all
        var facts = BulletinFacts(
            batchName: batch.name, ranOn: batch.ranOn, inputFiles: summary.inputs.count, rowsRead: batch.rowsRead,
            rowsRejected: batch.rowsRejected, casesTotal: batch.casesTotal, casesScored: batch.casesScored,
            casesUncovered: batch.casesUncovered, needsReview: figures.pendingCases, reviewedByHand: try batch.casesReviewedByHand(db),
            rubrics: summary.rubrics.map { .init(id: $0.id, title: $0.title, version: $0.version) },
            profiles: summary.profiles.map { p in
                .init(title: p.title, departments: summary.profileDepartments[p.id] ?? [],
                      changes: p.params.map { "\($0.title ?? $0.name)按\($0.value)" }
                          + p.disabled.map { "“\($0.title.map(RuleWording.plainTitle) ?? $0.rule)”不适用（\($0.reason)）" })
            },
            byType: Self.byType(figures.enforcementTypes, catalogue: catalogue),
            grades: summary.gradeOrder.map { .init($0, all.grades[$0] ?? 0) },
            mean: all.mean, median: all.median,
            departments: summary.departments.map { d in
                let s = d.summary
                var line = BulletinFacts.DepartmentLine(rank: d.rank, name: s.key ?? "", cases: s.cases, scored: s.scored, mean: s.mean,
                                                        meanInterval: s.score.meanInterval, passRate: s.passRate,
                                                        passInterval: s.passInterval.map { $0.lower...$0.upper }, excellentRate: s.excellentRate,
                                                        vetoCases: s.vetoCases)
                line.pending = figures.departmentFindings[s.key ?? ""]?.pendingCases ?? 0
                return line
            },
            minimumCasesForRank: minimumCasesForRank,
            excellentTotal: excellent.total, excellentDecided: excellent.decided,
            excellentCases: try batch.listedCases(db, caseNos: excellent.caseNos, catalogue: catalogue),
            unqualifiedTotal: unqualified.total, unqualifiedDecided: unqualified.decided,
            unqualifiedCases: try batch.listedCases(db, caseNos: unqualified.caseNos, catalogue: catalogue, titles: requirement(rubric:rule:)),
            categories: categories(),
            problems: try problems(db),
            threeSystems: figures.threeSystems.map {
                .init(name: $0.system.rateName, title: $0.system.title, applicable: $0.applicable, met: $0.met, unknown: $0.unknown,
                      rate: $0.rate.rate)
            },
            dispositions: Disposition.gravestFirst.filter { $0 != .none }.compactMap { d in
                all.dispositions[d].flatMap { $0 > 0 ? .init(d.chineseName, $0) : nil }
            },
            typicalCases: try markedCases(db, catalogue: catalogue))
        facts.previousRectification = try FollowupOutcomes.previous(to: batch, db)
        return facts
    }

    /// A failed rule as a problem of the case: the requirement it did not meet, said as not
    /// met (不符合“执法人员不少于两人”). The title alone states the requirement, and read as the
    /// case's problem it said the opposite ("未被复议机关或人民法院撤销" for a case revoked).
    func requirement(rubric: String, rule: String) -> String? {
        definitions.first { $0.id == rubric }?.rule(rule).map { "不符合“\(RuleWording.plainTitle($0.title))”" }
    }

    /// Cases by enforcement type in the catalogue's order of types (行政许可, 行政处罚, …), then
    /// any other type, then the cases without one: the same order every year.
    static func byType(_ groups: [GroupSummary], catalogue: FieldCatalogue) -> [BulletinFacts.Count] {
        var counts: [String: Int] = [:]
        for g in groups { counts[g.key ?? "未注明", default: 0] += g.cases }
        let known = catalogue["enforcement_type"]?.values.map(\.value) ?? []
        let others = counts.keys.filter { !known.contains($0) && $0 != "未注明" }.sorted()
        return (known + others + ["未注明"]).compactMap { name in counts[name].map { .init(name, $0) } }
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

    /// The main problems (failures grouped by the rules' problem label), each with the
    /// requirements failed most often. Rules of several standards that state the same
    /// requirement are one line, their counts and denominators added — those nobody failed
    /// too, so that a requirement's denominator is every case it applied to, as in the
    /// three-systems paragraph.
    func problems(_ db: StoreSession) throws -> [BulletinFacts.ProblemLine] {
        struct Line {
            var requirement: String
            var failed = 0
            var applicable: Int? = 0
            var undecided = 0
            var rules: [RuleKey] = []
        }
        var lines: [String: [Line]] = [:]  // by problem label
        for r in figures.rules {
            let requirement = RuleWording.plainTitle(r.title.isEmpty ? r.key.ruleId : r.title)
            var mine = lines[r.problem] ?? []
            let i = mine.firstIndex { $0.requirement == requirement } ?? {
                mine.append(Line(requirement: requirement))
                return mine.count - 1
            }()
            mine[i].failed += r.failed
            mine[i].undecided += r.unknown
            mine[i].applicable = mine[i].applicable.flatMap { a in r.applicable.map { a + $0 } }
            mine[i].rules.append(r.key)
            lines[r.problem] = mine
        }
        let candidates = figures.failureExamples
        let order = weakestFirst()
        return figures.problems.map { p in
            let mine = (lines[p.problem] ?? []).filter { $0.failed > 0 }
                .sorted { $0.failed != $1.failed ? $0.failed > $1.failed : $0.requirement < $1.requirement }
                .prefix(rulesPerProblem)
            return .init(problem: p.problem, findings: p.failedFindings, cases: p.cases, shareOfCases: p.shareOfCases,
                         rules: mine.map { line in
                             .init(requirement: line.requirement, failed: line.failed, applicable: line.applicable, undecided: line.undecided,
                                   examples: Self.examples(line.rules.map { candidates[$0] ?? [:] }, departments: order, count: examplesPerRule))
                         })
        }
    }

    /// Each problem group's examples ("部门 案号"), picked as the bulletin picks its rules'
    /// examples: decided failures only, in turns over the departments, weakest first.
    func problemExamples(count: Int = BatchFigures.examplesPerProblem) -> [String: [String]] {
        let order = weakestFirst()
        var out: [String: [String]] = [:]
        for p in figures.problems {
            out[p.problem] = Self.examples(p.rules.map { figures.failureExamples[$0] ?? [:] }, departments: order, count: count)
                .map { "\($0.department) \($0.caseId)" }
        }
        return out
    }

    /// The departments, weakest (lowest mean score) first; departments without a score last.
    func weakestFirst() -> [String] {
        summary.departments.map(\.summary)
            .sorted { a, b in
                switch (a.mean, b.mean) {
                case let (x?, y?) where x != y: return x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return (a.key ?? "") < (b.key ?? "")
                }
            }
            .compactMap(\.key)
    }

    /// `count` examples taken in turns over `departments` (each one's first case, then each one's
    /// second …), from the failures of one or more rules (merged per department, in case order).
    static func examples(_ perRule: [[String: [CaseReference]]], departments: [String], count: Int) -> [BulletinFacts.Example] {
        var merged: [String: [CaseReference]] = [:]
        for rule in perRule {
            for (department, cases) in rule { merged[department, default: []] += cases }
        }
        for (department, cases) in merged {
            var seen: Set<Int> = []
            merged[department] = cases.sorted { $0.caseNo < $1.caseNo }.filter { seen.insert($0.caseNo).inserted }
        }
        let order = departments + merged.keys.filter { !departments.contains($0) }.sorted()
        var out: [BulletinFacts.Example] = []
        var turn = 0
        while out.count < count {
            var any = false
            for department in order {
                guard let cases = merged[department], turn < cases.count else { continue }
                any = true
                out.append(.init(department: department, caseId: cases[turn].caseId))
                if out.count == count { break }
            }
            if !any { break }
            turn += 1
        }
        return out
    }

    /// The cases the settings mark as typical, each looked up in the batch. A case the batch
    /// does not have, one the settings leave ambiguous, or one still pending is an error at
    /// its line of settings.yaml: the bulletin names decided cases only.
    func markedCases(_ db: StoreSession, catalogue: FieldCatalogue) throws -> [BulletinFacts.TypicalCaseLine] {
        var lines: [BulletinFacts.TypicalCaseLine] = []
        for item in typicalCases {
            guard let caseId = item.caseId else { continue }
            let found = try batch.cases(db, caseId: caseId, department: item.department)
            let named = item.department.map { "\($0) " } ?? ""
            guard let first = found.first else {
                throw PingchaError.located(item.location, "typical_cases：批次“\(batch.name)”中没有案件 \(named)\(caseId)")
            }
            guard found.count == 1 else {
                throw PingchaError.located(item.location, "typical_cases：\(found.map(\.department).joined(separator: "、"))都有案件 \(caseId)，请用 department 写明部门")
            }
            guard first.decided else {
                throw PingchaError.located(item.location, "typical_cases：\(first.department) \(caseId) 的评查结果待核实，通报只列出评查结果已确定的案卷；请评查人员先作出判定，或从典型案例中删去")
            }
            let listed = try batch.listedCases(db, caseNos: [first.caseNo], catalogue: catalogue, titles: requirement(rubric:rule:))
            if let c = listed.first { lines.append(.init(listed: c, note: item.text)) }
        }
        return lines
    }
}
