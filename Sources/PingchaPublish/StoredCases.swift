import Foundation
import PingchaAnalytics
import PingchaModel
import PingchaRubric
import PingchaStore

/// A stored batch turned into the analytics inputs: every case with its findings, and the
/// structure of the rubrics it was scored with.
public struct StoredCases {
    var batch: StoredBatch
    var cases: [ScoredCase]
    var rubrics: [RubricInfo]
    var definitions: [StoredRubric]
    /// Position in ``cases`` of each case number.
    var index: [Int: Int]

    static func load(_ batch: StoredBatch, db: StoreSession) throws -> StoredCases {
        let records = try batch.rubrics(db)
        let definitions = records.map(\.structure)
        let rubrics = rubricInfos(definitions)
        var cases: [ScoredCase] = []
        cases.reserveCapacity(batch.casesTotal)
        var index: [Int: Int] = [:]
        index.reserveCapacity(batch.casesTotal)
        // A batch repeats a few dozen departments, types, grades, rules and category ids a
        // million times: sharing one copy of each keeps a large batch in memory at a fraction
        // of the cost (every string read from SQLite is otherwise a new allocation).
        var pool: [String: String] = [:]
        func shared(_ s: String) -> String {
            if let known = pool[s] { return known }
            pool[s] = s
            return s
        }
        func shared(_ s: String?) -> String? { s.map { shared($0) } }
        try batch.forEachCase(db) { c in
            index[c.caseNo] = cases.count
            let facts = ThreeSystemsFacts(outcomes: MeasureCode.threeSystems(stored: c.threeSystems, covered: c.rubricId != nil))
            var categories: [String: DecimalNumber] = [:]
            for (k, v) in StoredCategoryScores.decode(c.categoryScores) { categories[shared(k)] = v }
            cases.append(ScoredCase(caseNo: c.caseNo, caseId: c.caseId, department: shared(c.department), district: shared(c.district),
                                    enforcementType: shared(c.enforcementType), rubricId: shared(c.rubricId),
                                    score: c.score.flatMap { DecimalNumber($0) }, grade: shared(c.grade), isPass: c.pass,
                                    isExcellent: c.excellent, veto: c.veto,
                                    disposition: Disposition(rawValue: c.disposition) ?? .none, needsReview: c.needsReview,
                                    categoryScores: categories,
                                    threeSystems: facts, isDecided: c.decided))
        }
        try batch.forEachFinding(db) { f in
            guard let i = index[f.caseNo] else { return }
            cases[i].findings.append(FailedRule(rubricId: shared(f.rubricId), ruleId: shared(f.ruleId), categoryId: shared(f.categoryId),
                                                problem: shared(f.problem),
                                                outcome: f.outcome == "fail" ? .fail : .unknown,
                                                deduct: DecimalNumber(f.deduct) ?? .zero, conflict: f.conflict, suspect: f.suspect))
        }
        return StoredCases(batch: batch, cases: cases, rubrics: rubrics, definitions: definitions, index: index)
    }

    /// What analytics needs to know of each stored rubric.
    public static func rubricInfos(_ definitions: [StoredRubric]) -> [RubricInfo] {
        definitions.map { d in
            RubricInfo(id: d.id, version: d.version, title: d.title,
                       categories: d.categories.map { RubricInfo.Category(id: $0.id, title: $0.title, points: $0.points) },
                       rules: d.rules.map { RubricInfo.Rule(id: $0.id, title: $0.title, categoryId: $0.category, problem: $0.problem) },
                       grades: d.gradeNames)
        }
    }
}
