/// Every figure of the 年报 for one department, or for all of them (the total): one table of
/// the Markdown report.
public struct AnnualFigures: Sendable, Hashable {
    /// 执法部门; nil for the total. Cases without a department are gathered under
    /// ``AnnualStatistics/unnamedDepartment``.
    public var department: String?
    /// Cases decided in the year (决定日期 within it): the base of every figure below.
    public var cases: Int
    /// Cases with no 决定日期 (无决定日期). They cannot be placed in a year, so they are in no
    /// figure of any year; every year's statistics print how many there are.
    public var undated: Int
    /// Decided cases per 执法类别 (text as recorded; absent types have no key).
    public var byEnforcementType: [String: Int]
    /// Decided cases with no 执法类别 (it is required, so only hand-made inputs lack it).
    public var withoutEnforcementType: Int
    public var penalties: PenaltyFigures
    /// 听证: decided cases with a 听证日期 or 申请听证 = 是.
    public var hearings: Int
    /// Of ``hearings``, those with a 听证日期 (held, as far as the file shows).
    public var hearingsDated: Int
    /// 复议 and 诉讼 filed or closed in the year, whatever year the decision challenged was
    /// made in (``RemedyOutcomes``; counted by ``addChallenges(_:year:)``).
    public var reconsideration: RemedyOutcomes
    public var litigation: RemedyOutcomes
    public var timeliness: TimelinessFigures
    public var licences: LicenceFigures
    public var coercion: CoercionFigures
    /// 立案/结案 (by their own dates), 不予/减轻, 移送, 执行情况.
    public var penaltyProcedure: PenaltyProcedureFigures
    public var majorDecisions: MajorDecisionFigures
    /// 公示率, 全过程记录率, 法制审核率, in ``ThreeSystem`` order, each over the cases the rules
    /// measuring the system apply to (``StatsCase/threeSystems``). The legal-review entry is
    /// also the 年报's "法制审核" figure: applicable = decisions the rules say needed a review,
    /// met = reviewed.
    public var threeSystems: [ThreeSystemRate]

    public init(department: String?) {
        self.department = department
        cases = 0
        undated = 0
        byEnforcementType = [:]
        withoutEnforcementType = 0
        penalties = PenaltyFigures()
        hearings = 0
        hearingsDated = 0
        reconsideration = RemedyOutcomes(remedy: .reconsideration)
        litigation = RemedyOutcomes(remedy: .litigation)
        timeliness = TimelinessFigures()
        licences = LicenceFigures()
        coercion = CoercionFigures()
        penaltyProcedure = PenaltyProcedureFigures()
        majorDecisions = MajorDecisionFigures()
        threeSystems = ThreeSystem.allCases.map { ThreeSystemRate(system: $0) }
    }

    /// The rate of one system.
    public func rate(_ system: ThreeSystem) -> ThreeSystemRate {
        threeSystems.first { $0.system == system } ?? ThreeSystemRate(system: system)
    }

    /// The 执法类别 rows: the catalogue's types in its order (zero included, so two years'
    /// tables line up), then any other recorded type in text order.
    public var enforcementTypeRows: [(type: String, cases: Int)] {
        let known = Self.enforcementTypes
        let extra = byEnforcementType.keys.filter { !known.contains($0) }.sorted()
        return (known + extra).map { ($0, byEnforcementType[$0, default: 0]) }
    }

    /// 执法类别 as fields.md lists them (行政征用 … 行政奖励 since issue 16). Fixed here rather than read from the catalogue: the
    /// 年报's rows are a form, which should not change shape when the catalogue grows (a new
    /// type still appears, after these).
    public static let enforcementTypes = ["行政许可", "行政处罚", "行政强制", "行政检查", "行政征收", "行政征用", "行政确认",
                                          "行政给付", "行政裁决", "行政奖励", "其他"]

    /// Counts a case's 复议 and 诉讼 in `year`'s figures by their own dates.
    mutating func addChallenges(_ c: StatsCase, year: Int) {
        if let r = c.challenge(.reconsideration) { reconsideration.add(r, year: year) }
        if let l = c.challenge(.litigation) { litigation.add(l, year: year) }
    }

    /// The figures of one remedy.
    public func remedy(_ remedy: Remedy) -> RemedyOutcomes {
        remedy == .reconsideration ? reconsideration : litigation
    }

    /// Counts one case decided in the year.
    mutating func add(_ c: StatsCase) {
        cases += 1
        if let type = c.enforcementType { byEnforcementType[type, default: 0] += 1 } else { withoutEnforcementType += 1 }
        penalties.add(c)
        if c.isPenalty { penaltyProcedure.addDecision(c) }
        if c.isLicence { licences.add(c) }
        coercion.add(c)
        majorDecisions.add(c)
        if c.hadHearing {
            hearings += 1
            if c.hearingDate != nil { hearingsDated += 1 }
        }
        timeliness.add(c.measures)
        for i in threeSystems.indices {
            switch ThreeSystemStatus(c.measures[threeSystems[i].system.measure]) {
            case .notApplicable: continue
            case .met: threeSystems[i].met += 1
            case .notMet: threeSystems[i].notMet += 1
            case .unknown: threeSystems[i].unknown += 1
            }
            threeSystems[i].applicable += 1
        }
    }
}
