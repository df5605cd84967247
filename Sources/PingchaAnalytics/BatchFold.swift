import PingchaModel

/// Every figure of a batch gathered one case at a time (the report's pass over a million
/// stored cases holds none of them), and the one implementation behind the in-memory
/// analytics functions (``Analytics/mainProblems(_:examplesPerProblem:)`` and the others call
/// it), so that a figure has one definition whichever way the cases arrive.
///
/// Cases are added in batch order (``ScoredCase/caseNo`` ascending): examples are the first
/// cases met, and groups are listed in order of first appearance.
public struct BatchFold: Sendable {
    public let rubrics: [RubricInfo]
    let applicable: [RuleKey: Int]
    let decidedCaseIds: Set<String>
    let examplesPerProblem: Int
    let examplesPerRule: Int

    private var all = GroupSummary.Tally()
    private var departments = Groups(), types = Groups(), districts = Groups(), rubricGroups = Groups()
    /// The first rubric of each id (a later one of the same id is never matched).
    private let rubricIndex: [String: Int]
    /// Per rubric and category (rubric order): scored cases with a score for the category, and
    /// the units they lost.
    private var counted: [[Int]]
    private var lost: [[Int64]]
    private var failedByCategory: [String: Int] = [:]
    private var rules: [RuleSummary] = []
    private var ruleIndex: [RuleKey: Int] = [:]
    private var strays: [RuleSummary] = []
    private var strayIndex: [RuleKey: Int] = [:]
    private var problems: [ProblemTally] = []
    private var problemIndex: [UTF8Key: Int] = [:]
    private var failedFindings = 0
    private var scored = 0
    private var threeSystems = ThreeSystem.allCases.map { ThreeSystemRate(system: $0) }
    private var decided: [String: BatchFigures.DecidedCase] = [:]
    private var pendingCases = 0
    private var excellentCases: NamedCasesTally
    private var unqualifiedCases: NamedCasesTally
    /// Per rule slot and department group (``exampleKey(slot:department:)``), the first decided
    /// cases failing it (``BatchFigures/failureExamples``): one integer key per failure, where a
    /// rule's and a department's names would be hashed for each of millions.
    private var failureExamples: [Int: [CaseReference]] = [:]
    /// By department group (``Groups``): failed and pending cases, and per rule slot (an index
    /// into `rules`, or past it into `strays`) the findings.
    private var departmentFindings: [(failedCases: Int, pendingCases: Int, rules: [Int: RuleFindings])] = []
    /// By department group: each failed case's score (in units; nil lowest) and number, for
    /// the notices' lists.
    private var failedCaseScores: [[(score: Int64, caseNo: Int)]] = []
    /// Per profile id, the department groups whose cases it tailored.
    private var profileDepartments: [String: Set<Int>] = [:]
    let noticeCaseLimit: Int
    /// How many decided cases per rule and department ``BatchFigures/failureExamples`` keeps.
    public static let failureExamplesPerDepartment = 3

    /// `applicable`: the scorer's count of cases each rule applied to (findings carry only
    /// `fail` and `unknown`, so they cannot give it). `decidedCaseIds`: the case ids reviewers
    /// decided rules of.
    /// `namedCasesLimit`: how many excellent and unqualified cases a bulletin lists (settings'
    /// `list_limit`); `noticeCaseLimit`: how many failed cases a department's notice lists
    /// (settings' `notice_case_limit`, 0: all).
    public init(rubrics: [RubricInfo], applicable: [RuleKey: Int] = [:], decidedCaseIds: Set<String> = [],
                examplesPerProblem: Int = BatchFigures.examplesPerProblem, examplesPerRule: Int = BatchFigures.examplesPerRule,
                namedCasesLimit: Int = NamedCases.defaultLimit, noticeCaseLimit: Int = DepartmentFindings.defaultListLimit) {
        self.noticeCaseLimit = Swift.max(0, noticeCaseLimit)
        excellentCases = NamedCasesTally(limit: namedCasesLimit, bestFirst: true)
        unqualifiedCases = NamedCasesTally(limit: namedCasesLimit, bestFirst: false)
        self.rubrics = rubrics
        self.applicable = applicable
        self.decidedCaseIds = decidedCaseIds
        self.examplesPerProblem = Swift.max(0, examplesPerProblem)
        self.examplesPerRule = Swift.max(0, examplesPerRule)
        rubricIndex = Dictionary(rubrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        counted = rubrics.map { [Int](repeating: 0, count: $0.categories.count) }
        lost = rubrics.map { [Int64](repeating: 0, count: $0.categories.count) }
        // Every rule of the rubrics, in order, nobody's failures yet.
        for rubric in rubrics {
            for rule in rubric.rules {
                let key = RuleKey(rubricId: rubric.id, ruleId: rule.id)
                guard ruleIndex[key] == nil else { continue }
                ruleIndex[key] = rules.count
                rules.append(RuleSummary(key: key, title: rule.title, categoryId: rule.categoryId, problem: rubric.problem(of: rule),
                                         applicable: applicable[key], failed: 0, unknown: 0, examples: []))
            }
        }
    }

    /// Adds one case with its findings.
    public mutating func add(_ c: ScoredCase) {
        func tally(_ t: inout GroupSummary.Tally) {
            t.add(covered: c.isCovered, needsReview: c.needsReview, veto: c.veto, score: c.score, grade: c.grade,
                  isPass: c.isPass, isExcellent: c.isExcellent, disposition: c.disposition)
        }
        tally(&all)
        let department = departments.add(c.department, tally)
        if department == departmentFindings.count {
            departmentFindings.append((0, 0, [:]))
            failedCaseScores.append([])
        }
        if !c.isDecided { departmentFindings[department].pendingCases += 1 }
        if let profile = c.profileId { profileDepartments[profile, default: []].insert(department) }
        types.add(c.enforcementType, tally)
        districts.add(c.district, tally)
        rubricGroups.add(c.rubricId, tally)
        if c.score != nil { scored += 1 }
        if !c.isDecided { pendingCases += 1 }
        if c.isExcellent == true { excellentCases.add(c) }
        if c.isPass == false { unqualifiedCases.add(c) }

        // Category points: scored cases of a rubric given, for the categories the case has a
        // score for (a missing one is left out, not guessed at).
        let rubric = c.score != nil ? c.rubricId.flatMap { rubricIndex[$0] } : nil
        if let r = rubric {
            for (j, category) in rubrics[r].categories.enumerated() {
                guard let kept = c.categoryScores[category.id] else { continue }
                counted[r][j] += 1
                lost[r][j] += category.points.units - kept.units
            }
        }

        for (i, system) in ThreeSystem.allCases.enumerated() {
            switch c.threeSystems[system] {
            case .notApplicable: continue
            case .met: threeSystems[i].met += 1
            case .notMet: threeSystems[i].notMet += 1
            case .unknown: threeSystems[i].unknown += 1
            }
            threeSystems[i].applicable += 1
        }

        let decidedHere = !decidedCaseIds.isEmpty && decidedCaseIds.contains(c.caseId) && decided[c.caseId] == nil
        if decidedHere {
            var categories: [String: String] = [:]
            for f in c.findings where categories[f.ruleId] == nil { categories[f.ruleId] = f.categoryId }
            decided[c.caseId] = BatchFigures.DecidedCase(reference: c.reference, rubricId: c.rubricId, findingCategories: categories)
        }

        var reference: CaseReference?
        for f in c.findings {
            let failed = f.outcome == .fail
            if failed && reference == nil { reference = c.reference }
            let slot = count(f, failed: failed, in: reference)
            departmentFindings[department].rules[slot, default: RuleFindings()].add(f)
            guard failed else { continue }
            if c.isDecided { addFailureExample(slot: slot, department: department, c) }
            if rubric != nil { failedByCategory[f.categoryId, default: 0] += 1 }
            failedFindings += 1
            let p: Int
            if let known = problemIndex[UTF8Key(f.problem)] {
                p = known
            } else {
                p = problems.count
                problemIndex[UTF8Key(f.problem)] = p
                problems.append(ProblemTally(problem: f.problem))
            }
            problems[p].add(f, slot: slot, caseNo: c.caseNo, reference: reference!, examples: examplesPerProblem)
        }
        if reference != nil {
            departmentFindings[department].failedCases += 1
            failedCaseScores[department].append((c.score?.units ?? .min, c.caseNo))
        }
    }

    private static func exampleKey(slot: Int, department: Int) -> Int { slot << 32 | department }

    private mutating func addFailureExample(slot: Int, department: Int, _ c: ScoredCase) {
        let limit = Self.failureExamplesPerDepartment
        let key = Self.exampleKey(slot: slot, department: department)
        if failureExamples[key]?.count ?? 0 < limit { failureExamples[key, default: []].append(c.reference) }
    }

    /// The rule of a slot: an index into `rules`, or past it into `strays`.
    private func ruleKey(slot: Int) -> RuleKey { slot < rules.count ? rules[slot].key : strays[slot - rules.count].key }

    private var failureExamplesByName: [RuleKey: [String: [CaseReference]]] {
        let names = departments.keys
        var out: [RuleKey: [String: [CaseReference]]] = [:]
        for (key, examples) in failureExamples {
            out[ruleKey(slot: key >> 32), default: [:]][names[key & 0xFFFF_FFFF] ?? ""] = examples
        }
        return out
    }

    /// A finding in the rule table (rules of no rubric given are listed apart, sorted); its
    /// rule's slot (an index into `rules`, or `rules.count` + an index into `strays`).
    private mutating func count(_ f: FailedRule, failed: Bool, in reference: CaseReference?) -> Int {
        let key = f.key
        let limit = examplesPerRule
        func update(_ s: inout RuleSummary) {
            if failed {
                s.failed += 1
                if s.examples.count < limit, let reference { s.examples.append(reference) }
            } else {
                s.unknown += 1
            }
        }
        if let i = ruleIndex[key] {
            update(&rules[i])
            return i
        }
        if strayIndex[key] == nil {
            strayIndex[key] = strays.count
            strays.append(RuleSummary(key: key, title: "", categoryId: f.categoryId, problem: f.problem,
                                      applicable: applicable[key], failed: 0, unknown: 0, examples: []))
        }
        let stray = strayIndex[key]!
        update(&strays[stray])
        return rules.count + stray
    }

    /// The figures of the cases added so far.
    public var figures: BatchFigures {
        BatchFigures(all: all.summary(key: nil), departments: departments.summaries, enforcementTypes: types.summaries,
                     districts: districts.summaries, rubricGroups: rubricGroups.summaries, categories: categorySummaries,
                     problems: problemSummaries, rules: rules + strays.sorted { $0.key < $1.key }, threeSystems: threeSystems,
                     decidedCases: decided, pendingCases: pendingCases, excellentCases: excellentCases.named,
                     unqualifiedCases: unqualifiedCases.named, failureExamples: failureExamplesByName,
                     departmentFindings: departmentFindingsByName, profileDepartments: profileDepartmentNames)
    }

    private var profileDepartmentNames: [String: [String]] {
        let names = departments.keys
        return profileDepartments.mapValues { groups in
            groups.map { names[$0] ?? "" }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }

    private var departmentFindingsByName: [String: DepartmentFindings] {
        var out: [String: DepartmentFindings] = [:]
        for (i, (name, d)) in zip(departments.keys, departmentFindings).enumerated() {
            var rulesByKey: [RuleKey: RuleFindings] = [:]
            for (slot, counts) in d.rules {
                rulesByKey[ruleKey(slot: slot)] = counts
            }
            // Lowest score first, then case order.
            let listed = failedCaseScores[i].sorted { $0.score != $1.score ? $0.score < $1.score : $0.caseNo < $1.caseNo }.map(\.caseNo)
            out[name ?? ""] = DepartmentFindings(failedCases: d.failedCases, pendingCases: d.pendingCases, rules: rulesByKey,
                                                 listedCases: noticeCaseLimit > 0 ? Array(listed.prefix(noticeCaseLimit)) : listed)
        }
        return out
    }

    /// One per category id across rubrics, in order of first appearance in ``rubrics``. A
    /// category the rubrics title differently is named by all its titles ("当场处罚程序／执法程序"):
    /// the first rubric's title alone named the procedure of every standard 当场处罚程序.
    private var categorySummaries: [CategorySummary] {
        var order: [String] = []
        var titles: [String: [String]] = [:]
        var cases: [String: Int] = [:], possible: [String: Int64] = [:], lostUnits: [String: Int64] = [:]
        for (r, rubric) in rubrics.enumerated() {
            for (j, category) in rubric.categories.enumerated() {
                if titles[category.id] == nil { order.append(category.id) }
                if titles[category.id]?.contains(category.title) != true { titles[category.id, default: []].append(category.title) }
                guard rubricIndex[rubric.id] == r else { continue }
                cases[category.id, default: 0] += counted[r][j]
                possible[category.id, default: 0] += Int64(counted[r][j]) * category.points.units
                lostUnits[category.id, default: 0] += lost[r][j]
            }
        }
        return order.map { id in
            CategorySummary(categoryId: id, title: titles[id]?.joined(separator: "／") ?? id, cases: cases[id] ?? 0,
                            pointsPossible: DecimalNumber(units: possible[id] ?? 0), pointsLost: DecimalNumber(units: lostUnits[id] ?? 0),
                            failedFindings: failedByCategory[id] ?? 0)
        }
    }

    /// Most frequent first: failed findings, then cases, descending; then the label.
    private var problemSummaries: [ProblemSummary] {
        problems.map { t in
            ProblemSummary(problem: t.problem, failedFindings: t.findings, cases: t.cases,
                           shareOfCases: scored > 0 ? Double(t.cases) / Double(scored) : nil,
                           shareOfFindings: failedFindings > 0 ? Double(t.findings) / Double(failedFindings) : nil,
                           rules: t.ruleSlots.map(ruleKey).sorted(), categoryIds: t.categories, examples: t.examples)
        }.sorted { ($1.failedFindings, $1.cases, $0.problem) < ($0.failedFindings, $0.cases, $1.problem) }
    }
}

extension BatchFold {
    /// The figures of cases held in memory, added in batch order whatever order they come in.
    public static func figures(of cases: some Sequence<ScoredCase>, rubrics: [RubricInfo] = [], applicable: [RuleKey: Int] = [:],
                               decidedCaseIds: Set<String> = [], examplesPerProblem: Int = BatchFigures.examplesPerProblem,
                               examplesPerRule: Int = BatchFigures.examplesPerRule,
                               namedCasesLimit: Int = NamedCases.defaultLimit,
                               noticeCaseLimit: Int = DepartmentFindings.defaultListLimit) -> BatchFigures {
        var fold = BatchFold(rubrics: rubrics, applicable: applicable, decidedCaseIds: decidedCaseIds,
                             examplesPerProblem: examplesPerProblem, examplesPerRule: examplesPerRule, namedCasesLimit: namedCasesLimit,
                             noticeCaseLimit: noticeCaseLimit)
        for c in cases.sorted(by: { $0.caseNo < $1.caseNo }) { fold.add(c) }
        return fold.figures
    }

    /// Cases grouped by one value, in order of first appearance; nil gathers the cases without
    /// a value. Values are told apart by their bytes, as the store's GROUP BY does
    /// (``UTF8Key``: a `String` key normalises every Chinese name it hashes).
    struct Groups: Sendable {
        private var index: [UTF8Key?: Int] = [:]
        private var groups: [(key: String?, tally: GroupSummary.Tally)] = []

        /// The group's index (in order of first appearance).
        @discardableResult
        mutating func add(_ key: String?, _ body: (inout GroupSummary.Tally) -> Void) -> Int {
            let i: Int
            let byteKey = key.map(UTF8Key.init)
            if let known = index[byteKey] {
                i = known
            } else {
                i = groups.count
                index[byteKey] = i
                groups.append((key, GroupSummary.Tally()))
            }
            body(&groups[i].tally)
            return i
        }

        var keys: [String?] { groups.map(\.key) }
        var summaries: [GroupSummary] { groups.map { $0.tally.summary(key: $0.key) } }
    }

    /// One main problem's failures so far.
    struct ProblemTally: Sendable {
        var problem: String
        var findings = 0
        var cases = 0
        var lastCase: Int?
        /// The rules' slots (see ``BatchFold/ruleKey(slot:)``).
        var ruleSlots: Set<Int> = []
        var categories: [String] = []
        var examples: [CaseReference] = []

        init(problem: String) { self.problem = problem }

        mutating func add(_ f: FailedRule, slot: Int, caseNo: Int, reference: CaseReference, examples limit: Int) {
            findings += 1
            ruleSlots.insert(slot)
            if !categories.contains(f.categoryId) { categories.append(f.categoryId) }
            guard lastCase != caseNo else { return }
            lastCase = caseNo
            cases += 1
            if examples.count < limit { examples.append(reference) }
        }
    }
}
