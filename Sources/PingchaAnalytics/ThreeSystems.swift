import PingchaModel

/// The "three systems" (三项制度, 监督办法 Art. 9(6), 13–15; 国办发〔2018〕118号).
public enum ThreeSystem: String, CaseIterable, Sendable, Hashable {
    /// 行政执法公示: the decision is published.
    case publicity
    /// 执法全过程记录: the steps that must be recorded on audio-video were.
    case recording
    /// 重大执法决定法制审核: a major decision was legally reviewed before it was made.
    case legalReview

    /// The system's name (行政执法公示 …).
    public var title: String {
        switch self {
        case .publicity: "行政执法公示"
        case .recording: "执法全过程记录"
        case .legalReview: "重大执法决定法制审核"
        }
    }

    /// The measure whose rules judge the system (`measures:` in a rubric).
    public var measure: Measure {
        switch self {
        case .publicity: .publicity
        case .recording: .recording
        case .legalReview: .legalReview
        }
    }

    /// The rate's name in the statistics (公示率, 全过程记录率, 法制审核率).
    public var rateName: String {
        switch self {
        case .publicity: "公示率"
        case .recording: "全过程记录率"
        case .legalReview: "法制审核率"
        }
    }
}

/// Whether one system applies to a case and, if so, whether the case meets it.
///
/// The rules that measure the system decide (``init(_:)``): analytics never restates them.
public enum ThreeSystemStatus: Sendable, Hashable {
    /// The system does not apply (an on-the-spot penalty is not published; a minor
    /// decision needs no legal review). Outside every denominator.
    case notApplicable
    case met
    case notMet
    /// It applies but the export does not say whether it was met. Counted apart, not in
    /// the rate: treating a blank cell as a failure (or a success) would print a rate
    /// the files do not support.
    case unknown

    /// The status a measure's outcome gives: `pass` met, `fail` not met, `unknown` unknown;
    /// `not_applicable`, or no rule measuring the system (nil), not applicable.
    public init(_ outcome: Outcome?) {
        switch outcome {
        case .pass?: self = .met
        case .fail?: self = .notMet
        case .unknown?: self = .unknown
        case .notApplicable?, nil: self = .notApplicable
        }
    }
}

/// A case's status under each of the three systems; ``ThreeSystemStatus/notApplicable``
/// unless set.
public struct ThreeSystemsFacts: Sendable, Hashable {
    public var publicity: ThreeSystemStatus
    public var recording: ThreeSystemStatus
    public var legalReview: ThreeSystemStatus

    public init(publicity: ThreeSystemStatus = .notApplicable, recording: ThreeSystemStatus = .notApplicable,
                legalReview: ThreeSystemStatus = .notApplicable) {
        self.publicity = publicity
        self.recording = recording
        self.legalReview = legalReview
    }

    /// The facts a case's measure outcomes give (see ``ThreeSystemStatus/init(_:)``).
    public init(measures: [Measure: Outcome]) {
        self.init(publicity: ThreeSystemStatus(measures[.publicity]), recording: ThreeSystemStatus(measures[.recording]),
                  legalReview: ThreeSystemStatus(measures[.legalReview]))
    }

    /// The facts of a case's stored three-systems outcomes.
    public init(outcomes o: ThreeSystemOutcomes) {
        self.init(publicity: ThreeSystemStatus(o.publicity), recording: ThreeSystemStatus(o.recording),
                  legalReview: ThreeSystemStatus(o.legalReview))
    }

    public subscript(system: ThreeSystem) -> ThreeSystemStatus {
        get {
            switch system {
            case .publicity: publicity
            case .recording: recording
            case .legalReview: legalReview
            }
        }
        set {
            switch system {
            case .publicity: publicity = newValue
            case .recording: recording = newValue
            case .legalReview: legalReview = newValue
            }
        }
    }
}

/// One three-systems rate (公示率 …) over a set of cases.
public struct ThreeSystemRate: Sendable, Hashable {
    public var system: ThreeSystem
    /// Cases the system applies to (met + not met + unknown).
    public var applicable: Int
    public var met: Int
    public var notMet: Int
    /// Applicable, but whether it was met is not recorded.
    public var unknown: Int

    public init(system: ThreeSystem, applicable: Int = 0, met: Int = 0, notMet: Int = 0, unknown: Int = 0) {
        self.system = system
        self.applicable = applicable
        self.met = met
        self.notMet = notMet
        self.unknown = unknown
    }

    /// met / (met + notMet), with its Wilson interval: the rate over the applicable cases
    /// whose status is known. ``unknown`` is printed beside it.
    public var rate: Proportion { Proportion(successes: met, trials: met + notMet) }
}

extension Analytics {
    /// 公示率, 全过程记录率 and 法制审核率 over `cases`, in ``ThreeSystem`` order; each rate's
    /// denominator is the cases its system applies to (non-applicable cases are left out,
    /// unknown ones are counted apart — see ``ThreeSystemRate/rate``).
    public static func threeSystemsRates<S: Sequence>(_ cases: S) -> [ThreeSystemRate]
    where S.Element == ScoredCase {
        BatchFold.figures(of: cases).threeSystems
    }

    /// The three-systems rates per group (per department: `by: { $0.department }`), groups
    /// in order of first appearance; a nil key gathers the cases without a value.
    public static func threeSystemsRates(
        _ cases: [ScoredCase], by key: (ScoredCase) -> String?
    ) -> [(key: String?, rates: [ThreeSystemRate])] {
        groupedIndices(cases, by: key).map { g in (g.key, threeSystemsRates(g.indices.lazy.map { cases[$0] })) }
    }
}
