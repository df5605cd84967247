import PingchaModel

/// Every figure the bulletin prints, taken from the store by the caller (nothing here is
/// computed twice or typed by hand). Plain values, so a test can write one out by hand.
public struct BulletinFacts: Sendable, Equatable {
    public var batchName: String
    /// The day the batch ran: the bulletin's date unless the settings give one.
    public var ranOn: CivilDate
    public var inputFiles: Int
    public var rowsRead: Int
    public var rowsRejected: Int
    public var casesTotal: Int
    public var casesScored: Int
    public var casesUncovered: Int
    /// Cases whose result is not decided yet (a rule the export could not decide, a screen's
    /// suspicion, reviewers who disagree): while there are any the bulletin is a first-round
    /// result (初评) and names none of them.
    public var needsReview: Int
    /// Cases at least one reviewer's scoresheet decided.
    public var reviewedByHand: Int
    public var rubrics: [RubricLine]
    /// The profiles that tailored the standards for some departments (评查依据).
    public var profiles: [ProfileLine] = []
    /// Cases by enforcement type, in the catalogue's order of types.
    public var byType: [Count]
    /// Grades from the top band down, with their case counts.
    public var grades: [Count]
    public var mean: Double?
    public var median: Double?
    public var departments: [DepartmentLine]
    public var minimumCasesForRank: Int
    public var excellentTotal: Int
    /// Excellent cases whose result is decided (the ones the list may name).
    public var excellentDecided: Int
    /// The best-scored decided excellent cases, best first (at most the settings' list limit).
    public var excellentCases: [ListedCase]
    public var unqualifiedTotal: Int
    /// Failed cases whose result is decided.
    public var unqualifiedDecided: Int
    /// The lowest-scored decided failed cases, lowest first.
    public var unqualifiedCases: [ListedCase]
    /// Points lost by rubric category, most lost first (the chart of points lost).
    public var categories: [CategoryLine]
    /// The main problems: failures grouped by the rules' `problem` label, most frequent first,
    /// each with the rules failed most often.
    public var problems: [ProblemLine]
    public var threeSystems: [RateLine]
    /// Dispositions other than "none", gravest first.
    public var dispositions: [Count]
    /// The cases settings.yaml marks as typical (典型案例), with their facts; written paragraphs
    /// come from the settings themselves.
    public var typicalCases: [TypicalCaseLine] = []
    /// How the items of the previous review's rectification register ended (上次评查问题整改情况,
    /// `pingcha followup`), when that review has a register.
    public var previousRectification: PreviousRectification?

    public init(batchName: String, ranOn: CivilDate, inputFiles: Int = 0, rowsRead: Int = 0, rowsRejected: Int = 0,
                casesTotal: Int = 0, casesScored: Int = 0, casesUncovered: Int = 0, needsReview: Int = 0, reviewedByHand: Int = 0,
                rubrics: [RubricLine] = [], profiles: [ProfileLine] = [], byType: [Count] = [], grades: [Count] = [], mean: Double? = nil, median: Double? = nil,
                departments: [DepartmentLine] = [], minimumCasesForRank: Int = 10, excellentTotal: Int = 0, excellentDecided: Int? = nil,
                excellentCases: [ListedCase] = [], unqualifiedTotal: Int = 0, unqualifiedDecided: Int? = nil, unqualifiedCases: [ListedCase] = [],
                categories: [CategoryLine] = [], problems: [ProblemLine] = [], threeSystems: [RateLine] = [], dispositions: [Count] = [],
                typicalCases: [TypicalCaseLine] = []) {
        self.batchName = batchName
        self.ranOn = ranOn
        self.inputFiles = inputFiles
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.casesTotal = casesTotal
        self.casesScored = casesScored
        self.casesUncovered = casesUncovered
        self.needsReview = needsReview
        self.reviewedByHand = reviewedByHand
        self.rubrics = rubrics
        self.profiles = profiles
        self.byType = byType
        self.grades = grades
        self.mean = mean
        self.median = median
        self.departments = departments
        self.minimumCasesForRank = minimumCasesForRank
        self.excellentTotal = excellentTotal
        self.excellentDecided = excellentDecided ?? excellentTotal
        self.excellentCases = excellentCases
        self.unqualifiedTotal = unqualifiedTotal
        self.unqualifiedDecided = unqualifiedDecided ?? unqualifiedTotal
        self.unqualifiedCases = unqualifiedCases
        self.categories = categories
        self.problems = problems
        self.threeSystems = threeSystems
        self.dispositions = dispositions
        self.typicalCases = typicalCases
    }

    /// While some result is pending the bulletin reports a first round (初评).
    public var isPreliminary: Bool { needsReview > 0 }

    public struct Count: Sendable, Equatable {
        public var name: String
        public var count: Int
        public init(_ name: String, _ count: Int) {
            self.name = name
            self.count = count
        }
    }

    public struct RubricLine: Sendable, Equatable {
        public var id, title, version: String
        public init(id: String, title: String, version: String) {
            self.id = id
            self.title = title
            self.version = version
        }
    }

    /// A profile in force: whose cases it tailored and how, in words.
    public struct ProfileLine: Sendable, Equatable {
        public var title: String
        /// The batch's departments it applied to.
        public var departments: [String]
        /// Each change in words: "较大数额罚款（自然人）按2000元", "“执法人员不少于两人”不适用（依据…）".
        public var changes: [String]
        public init(title: String, departments: [String], changes: [String]) {
            self.title = title
            self.departments = departments
            self.changes = changes
        }
    }

    public struct DepartmentLine: Sendable, Equatable {
        public var rank: Int?
        public var name: String
        public var cases: Int
        public var scored: Int
        public var mean: Double?
        /// The 95 % interval of the mean score (normal approximation), when there are scores.
        public var meanInterval: ClosedRange<Double>?
        public var passRate: Double?
        public var passInterval: ClosedRange<Double>?
        public var excellentRate: Double?
        public var vetoCases: Int
        /// Scored cases still waiting for a reviewer (not decided).
        public var pending: Int = 0

        /// Every scored case still waits for a reviewer: the row is wholly a first assessment
        /// (an export without a column the standards need leaves every case of it undecided).
        public var allPending: Bool { scored > 0 && pending >= scored }

        public init(rank: Int?, name: String, cases: Int, scored: Int, mean: Double?, meanInterval: ClosedRange<Double>? = nil,
                    passRate: Double?, passInterval: ClosedRange<Double>?, excellentRate: Double?, vetoCases: Int) {
            self.rank = rank
            self.name = name
            self.cases = cases
            self.scored = scored
            self.mean = mean
            self.meanInterval = meanInterval
            self.passRate = passRate
            self.passInterval = passInterval
            self.excellentRate = excellentRate
            self.vetoCases = vetoCases
        }
    }

    public struct CategoryLine: Sendable, Equatable {
        public var title: String
        public var pointsLost: DecimalNumber
        /// Share of all points lost.
        public var share: Double?
        public init(title: String, pointsLost: DecimalNumber, share: Double?) {
            self.title = title
            self.pointsLost = pointsLost
            self.share = share
        }
    }

    public struct ProblemLine: Sendable, Equatable {
        public var problem: String
        /// Failed findings under the label (a case failing two of its rules counts twice).
        public var findings: Int
        public var cases: Int
        /// ``cases`` over the scored cases.
        public var shareOfCases: Double?
        public var rules: [RuleLine]
        public init(problem: String, findings: Int, cases: Int, shareOfCases: Double?, rules: [RuleLine]) {
            self.problem = problem
            self.findings = findings
            self.cases = cases
            self.shareOfCases = shareOfCases
            self.rules = rules
        }
    }

    /// One requirement under a problem: the rules of every standard that state it in the same
    /// words, merged ("立卷归档规范" of the penalty, licensing and inspection standards is one line).
    public struct RuleLine: Sendable, Equatable {
        /// The requirement in words: the rule's title without the notes for scorers
        /// (``RuleWording/plainTitle(_:)``).
        public var requirement: String
        /// Cases that failed it.
        public var failed: Int
        /// Cases it applied to; nil when unknown.
        public var applicable: Int?
        /// Of those, cases it could not be judged for yet (材料未载明, a reviewer's rule not
        /// judged): they are neither failures nor passes, and stay out of the rate.
        public var undecided: Int
        /// Decided cases that failed it, spread over the departments, weakest first.
        public var examples: [Example]
        public init(requirement: String, failed: Int, applicable: Int?, undecided: Int = 0, examples: [Example]) {
            self.requirement = requirement
            self.failed = failed
            self.applicable = applicable
            self.undecided = undecided
            self.examples = examples
        }

        /// The cases judged: the denominator printed beside the rate, as the three-systems
        /// rates count them (the same rule's share read 4.5 % there and 6.2 % here).
        public var judged: Int? { applicable.map { $0 - undecided } }

        /// failed / judged.
        public var rate: Double? {
            judged.flatMap { $0 > 0 ? Double(failed) / Double($0) : nil }
        }
    }

    /// A case named as an example of a problem.
    public struct Example: Sendable, Equatable {
        public var department: String
        public var caseId: String
        public init(department: String, caseId: String) {
            self.department = department
            self.caseId = caseId
        }
    }

    /// A case the review group marked as typical, with the facts the bulletin prints.
    public struct TypicalCaseLine: Sendable, Equatable {
        public var listed: ListedCase
        /// The review group's note.
        public var note: String?
        public init(listed: ListedCase, note: String?) {
            self.listed = listed
            self.note = note
        }
    }

    /// One of the three systems: whom it applies to and how many met it.
    public struct RateLine: Sendable, Equatable {
        /// The rate's name (公示率 …).
        public var name: String
        /// The system's name (行政执法公示 …).
        public var title: String
        public var applicable, met, unknown: Int
        /// met / (met + not met): the cases whose files say either way.
        public var rate: Double?
        public init(name: String, title: String = "", applicable: Int, met: Int, unknown: Int, rate: Double?) {
            self.name = name
            self.title = title.isEmpty ? name : title
            self.applicable = applicable
            self.met = met
            self.unknown = unknown
            self.rate = rate
        }

        /// Applicable, recorded and not met.
        public var notMet: Int { max(0, applicable - met - unknown) }
        /// The rate's denominator: applicable cases whose files say whether it was met.
        public var known: Int { applicable - unknown }
    }
    /// The previous review's register, per department, by the stage recorded last.
    public struct PreviousRectification: Sendable, Equatable {
        public var batchName: String
        public var rows: [Row]

        public struct Row: Sendable, Equatable {
            public var department: String
            public var items, corrected, partly, notCorrected, reexamination, revoked, open: Int
            /// What this review's cases say of the same rules (compare's 新出现/已整改/持续存在,
            /// counted in rules); nil when the department has no case in this review.
            public var problems: ProblemCounts?

            public struct ProblemCounts: Sendable, Equatable {
                public var fixed, persisting, new: Int
                public init(fixed: Int, persisting: Int, new: Int) {
                    self.fixed = fixed
                    self.persisting = persisting
                    self.new = new
                }
            }

            public init(department: String, items: Int, corrected: Int, partly: Int, notCorrected: Int, reexamination: Int,
                        revoked: Int, open: Int) {
                self.department = department
                self.items = items
                self.corrected = corrected
                self.partly = partly
                self.notCorrected = notCorrected
                self.reexamination = reexamination
                self.revoked = revoked
                self.open = open
            }
        }

        public init(batchName: String, rows: [Row]) {
            self.batchName = batchName
            self.rows = rows
        }
    }
}

/// A case named in a bulletin list or a notice, with its personal data still as exported:
/// the document builders decide what to mask.
public struct ListedCase: Sendable, Equatable {
    public var department: String
    public var caseId: String
    public var cause: String?
    public var partyName: String?
    public var partyType: String?
    public var score: DecimalNumber?
    public var grade: String?
    public var veto: Bool
    /// The case's disposition label (e.g. 责令改正).
    public var disposition: String
    /// Main reasons (problems of its failed rules), gravest first.
    public var reasons: [String]

    public init(department: String, caseId: String, cause: String? = nil, partyName: String? = nil, partyType: String? = nil,
                score: DecimalNumber?, grade: String?, veto: Bool = false, disposition: String = "", reasons: [String] = []) {
        self.department = department
        self.caseId = caseId
        self.cause = cause
        self.partyName = partyName
        self.partyType = partyType
        self.score = score
        self.grade = grade
        self.veto = veto
        self.disposition = disposition
        self.reasons = reasons
    }
}
