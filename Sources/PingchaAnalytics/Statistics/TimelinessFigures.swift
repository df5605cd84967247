import PingchaModel

/// How many cases met one statutory period, over the cases where it can be judged.
public struct DeadlineTally: Sendable, Hashable {
    public var onTime: Int
    public var late: Int
    /// The period applies but could not be judged (the rule's outcome is unknown: a date or
    /// 延期批准 missing): outside the rate, printed beside it, so a rate over few judgeable
    /// cases is visibly so.
    public var undetermined: Int

    public init(onTime: Int = 0, late: Int = 0, undetermined: Int = 0) {
        self.onTime = onTime
        self.late = late
        self.undetermined = undetermined
    }

    /// onTime / (onTime + late): the denominator is the cases judged.
    public var rate: Proportion { Proportion(successes: onTime, trials: onTime + late) }

    /// Cases the period applies to (judged or not).
    public var applicable: Int { onTime + late + undetermined }

    /// Counts one case by its measure's outcome: `pass` on time, `fail` late, `unknown`
    /// undetermined; `not_applicable` or no rule measuring the period (nil): not counted.
    mutating func add(_ outcome: Outcome?) {
        switch outcome {
        case .notApplicable?, nil: break
        case .pass?: onTime += 1
        case .fail?: late += 1
        case .unknown?: undetermined += 1
        }
    }
}

/// The three timeliness rates of the 年报, each read from the outcomes of the rules that
/// measure it (`measures:` in the rubrics): the periods are the rubrics', stated once there.
public struct TimelinessFigures: Sendable, Hashable {
    /// 按期作出决定: the `decision_on_time` measure.
    public var decision: DeadlineTally
    /// 按期送达: the `service_on_time` measure.
    public var service: DeadlineTally
    /// 按期公示: the `publication_on_time` measure.
    public var publication: DeadlineTally

    public init(decision: DeadlineTally = DeadlineTally(), service: DeadlineTally = DeadlineTally(),
                publication: DeadlineTally = DeadlineTally()) {
        self.decision = decision
        self.service = service
        self.publication = publication
    }

    /// Counts one case's measures.
    mutating func add(_ measures: [Measure: Outcome]) {
        decision.add(measures[.decisionOnTime])
        service.add(measures[.serviceOnTime])
        publication.add(measures[.publicationOnTime])
    }
}
