import PingchaModel

/// The figures of one group of cases — a department, a district, an enforcement type, a
/// rubric, or the whole batch: what a row of the bulletin's tables and an entry of
/// summary.json's `departments` hold.
public struct GroupSummary: Sendable, Hashable {
    /// The group's value (the department's name …); nil for the cases that have no value
    /// (no district; no rubric, i.e. uncovered) and for the whole-batch summary.
    public var key: String?
    /// Every case of the group, covered or not.
    public var cases: Int
    /// Cases no rubric covers (未覆盖): counted, never scored.
    public var uncovered: Int
    /// Cases still waiting for a reviewer's decision on some rule.
    public var needsReview: Int
    /// The scores of the scored cases; ``ScoreStatistics/count`` is the number scored.
    public var score: ScoreStatistics
    /// Cases per grade name.
    public var grades: [String: Int]
    /// Passed (any grade but the lowest) out of graded cases.
    public var pass: Proportion
    /// Excellent (the top grade) out of graded cases.
    public var excellent: Proportion
    /// Cases with a failed veto rule (一票否决).
    public var vetoCases: Int
    /// Cases per disposition; every disposition is present, 0 when none.
    public var dispositions: [Disposition: Int]

    /// The number of scored cases.
    public var scored: Int { score.count }
    public var mean: Double? { score.mean }
    public var median: Double? { score.median }
    public var min: DecimalNumber? { score.min }
    public var max: DecimalNumber? { score.max }
    /// Pass rate (合格率); nil with no graded case.
    public var passRate: Double? { pass.rate }
    /// The pass rate's Wilson 95 % interval.
    public var passInterval: WilsonInterval? { pass.interval }
    /// Excellent rate (优秀率).
    public var excellentRate: Double? { excellent.rate }

    /// Summarises `cases` under `key`. Pass and excellence are read from the cases
    /// (``ScoredCase/isPass``, ``ScoredCase/isExcellent``); a case without them is not
    /// graded and is in neither denominator.
    public init<S: Sequence>(key: String?, cases: S) where S.Element == ScoredCase {
        var tally = Tally()
        for c in cases {
            tally.add(covered: c.isCovered, needsReview: c.needsReview, veto: c.veto, score: c.score, grade: c.grade,
                      isPass: c.isPass, isExcellent: c.isExcellent, disposition: c.disposition)
        }
        self = tally.summary(key: key)
    }

    /// A group's figures gathered one case at a time, so that a report can summarise a
    /// million stored cases in one pass without holding them (``init(key:cases:)`` uses it
    /// too, so both ways give the same figures).
    public struct Tally: Sendable {
        var count = 0, uncovered = 0, needsReview = 0, veto = 0
        var passed = 0, graded = 0, excellentCount = 0, excellentGraded = 0
        /// How many times each score occurs (for the median, without keeping every score).
        var scores: [DecimalNumber: Int] = [:]
        /// By the grade's bytes (``UTF8Key``): five tallies count every case's grade.
        var grades: [UTF8Key: Int] = [:]
        /// By ``Disposition/severity``: an array, not a dictionary, on the hot path.
        var dispositions = [Int](repeating: 0, count: Disposition.allCases.count)

        public init() {}

        public mutating func add(covered: Bool, needsReview: Bool, veto: Bool, score: DecimalNumber?, grade: String?,
                                 isPass: Bool?, isExcellent: Bool?, disposition: Disposition) {
            count += 1
            if !covered { uncovered += 1 }
            if needsReview { self.needsReview += 1 }
            if veto { self.veto += 1 }
            if let score { scores[score, default: 0] += 1 }
            if let grade { grades[UTF8Key(grade), default: 0] += 1 }
            if let isPass {
                graded += 1
                if isPass { passed += 1 }
            }
            if let isExcellent {
                excellentGraded += 1
                if isExcellent { excellentCount += 1 }
            }
            dispositions[disposition.severity] += 1
        }

        public func summary(key: String?) -> GroupSummary {
            GroupSummary(key: key, cases: count, uncovered: uncovered, needsReview: needsReview,
                         score: ScoreStatistics(counts: scores), grades: Dictionary(grades.map { ($0.key.text, $0.value) }, uniquingKeysWith: +),
                         pass: Proportion(successes: passed, trials: graded),
                         excellent: Proportion(successes: excellentCount, trials: excellentGraded), vetoCases: veto,
                         dispositions: Dictionary(uniqueKeysWithValues: Disposition.allCases.map { ($0, dispositions[$0.severity]) }))
        }
    }

    /// Every figure given (see ``Tally``).
    public init(key: String?, cases: Int, uncovered: Int, needsReview: Int, score: ScoreStatistics, grades: [String: Int],
                pass: Proportion, excellent: Proportion, vetoCases: Int, dispositions: [Disposition: Int]) {
        self.key = key
        self.cases = cases
        self.uncovered = uncovered
        self.needsReview = needsReview
        self.score = score
        self.grades = grades
        self.pass = pass
        self.excellent = excellent
        self.vetoCases = vetoCases
        self.dispositions = dispositions
    }
}

extension Analytics {
    /// One ``GroupSummary`` per value of `key`, in order of first appearance in `cases`;
    /// the cases with no value (nil) form one group with key nil.
    ///
    ///     Analytics.summarise(cases, by: \.department)
    ///     Analytics.summarise(cases, by: \.district)         // nil = 未注明区县
    ///     Analytics.summarise(cases, by: \.enforcementType)
    ///     Analytics.summarise(cases, by: \.rubricId)         // nil = uncovered
    public static func summarise(_ cases: [ScoredCase], by key: (ScoredCase) -> String?) -> [GroupSummary] {
        groupedIndices(cases, by: key).map { g in GroupSummary(key: g.key, cases: g.indices.lazy.map { cases[$0] }) }
    }

    /// The whole batch as one group (key nil): summary.json's `cases`, `grades`, `score`
    /// and `dispositions`.
    public static func summariseAll(_ cases: [ScoredCase]) -> GroupSummary {
        BatchFold.figures(of: cases).all
    }
}
