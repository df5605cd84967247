import PingchaModel

/// What `analysis.md` reports of a batch, as plain figures: the statistical tables behind the
/// bulletin (by department, type, district and standard; categories, problems, rules, the three
/// systems) and the reviewers' agreement. Run fills it from the analytics; ``AnalysisDocument``
/// formats the figures and lays them out through `analysis.md.mustache`.
public struct AnalysisFacts: Sendable {
    public struct Group: Sendable {
        /// nil: the field was empty (printed 未填写).
        public var name: String?
        /// nil: not ranked (too few scored cases), in a ranked table.
        public var rank: Int?
        public var cases: Int
        public var scored: Int
        public var mean: Double?
        public var median: Double?
        public var passRate: Double?
        public var passInterval: (lower: Double, upper: Double)?
        public var excellentRate: Double?
        public var vetoCases: Int
        public var needsReview: Int
        /// By grade name, in the order to print.
        public var grades: [(grade: String, count: Int)]
        /// By 处理意见 in words, gravest first.
        public var dispositions: [(name: String, count: Int)]

        public init(name: String?, rank: Int?, cases: Int, scored: Int, mean: Double?, median: Double?, passRate: Double?,
                    passInterval: (lower: Double, upper: Double)?, excellentRate: Double?, vetoCases: Int, needsReview: Int,
                    grades: [(grade: String, count: Int)], dispositions: [(name: String, count: Int)]) {
            self.name = name
            self.rank = rank
            self.cases = cases
            self.scored = scored
            self.mean = mean
            self.median = median
            self.passRate = passRate
            self.passInterval = passInterval
            self.excellentRate = excellentRate
            self.vetoCases = vetoCases
            self.needsReview = needsReview
            self.grades = grades
            self.dispositions = dispositions
        }
    }

    public struct GroupTable: Sendable {
        public var title: String
        /// Whether the table has a 名次 column.
        public var ranked: Bool
        public var groups: [Group]

        public init(title: String, ranked: Bool, groups: [Group]) {
            self.title = title
            self.ranked = ranked
            self.groups = groups
        }
    }

    public struct Category: Sendable {
        public var title: String
        public var id: String
        public var cases: Int
        public var pointsPossible: DecimalNumber
        public var pointsLost: DecimalNumber
        public var lossShare: Double?
        public var failedFindings: Int

        public init(title: String, id: String, cases: Int, pointsPossible: DecimalNumber, pointsLost: DecimalNumber,
                    lossShare: Double?, failedFindings: Int) {
            self.title = title
            self.id = id
            self.cases = cases
            self.pointsPossible = pointsPossible
            self.pointsLost = pointsLost
            self.lossShare = lossShare
            self.failedFindings = failedFindings
        }
    }

    public struct Problem: Sendable {
        public var problem: String
        public var failedFindings: Int
        public var cases: Int
        public var shareOfCases: Double?
        /// "部门 案号" each.
        public var examples: [String]

        public init(problem: String, failedFindings: Int, cases: Int, shareOfCases: Double?, examples: [String]) {
            self.problem = problem
            self.failedFindings = failedFindings
            self.cases = cases
            self.shareOfCases = shareOfCases
            self.examples = examples
        }
    }

    public struct Rule: Sendable {
        public var standard: String
        public var rule: String
        public var title: String
        public var applicable: Int?
        public var failed: Int
        public var failureRate: Double?
        public var unknown: Int

        public init(standard: String, rule: String, title: String, applicable: Int?, failed: Int, failureRate: Double?, unknown: Int) {
            self.standard = standard
            self.rule = rule
            self.title = title
            self.applicable = applicable
            self.failed = failed
            self.failureRate = failureRate
            self.unknown = unknown
        }
    }

    public struct ThreeSystems: Sendable {
        public var name: String
        public var applicable: Int
        public var met: Int
        public var notMet: Int
        public var unknown: Int
        public var rate: Double?

        public init(name: String, applicable: Int, met: Int, notMet: Int, unknown: Int, rate: Double?) {
            self.name = name
            self.applicable = applicable
            self.met = met
            self.notMet = notMet
            self.unknown = unknown
            self.rate = rate
        }
    }

    /// Two reviewers' agreement over all items (category nil) or one category.
    public struct Agreement: Sendable {
        public var category: String?
        public var items: Int
        public var agreed: Int
        public var percentAgreement: Double?
        public var kappa: Double?

        public init(category: String?, items: Int, agreed: Int, percentAgreement: Double?, kappa: Double?) {
            self.category = category
            self.items = items
            self.agreed = agreed
            self.percentAgreement = percentAgreement
            self.kappa = kappa
        }
    }

    public var batchName: String
    public var minimumCasesForRank: Int
    public var groupTables: [GroupTable]
    public var categories: [Category]
    public var problems: [Problem]
    public var rules: [Rule]
    public var threeSystems: [ThreeSystems]
    /// Empty when no two reviewers decided the same items.
    public var agreement: [Agreement]

    public init(batchName: String, minimumCasesForRank: Int, groupTables: [GroupTable], categories: [Category], problems: [Problem],
                rules: [Rule], threeSystems: [ThreeSystems], agreement: [Agreement]) {
        self.batchName = batchName
        self.minimumCasesForRank = minimumCasesForRank
        self.groupTables = groupTables
        self.categories = categories
        self.problems = problems
        self.rules = rules
        self.threeSystems = threeSystems
        self.agreement = agreement
    }
}
