/// How many cases met one statutory period, over the cases where it can be judged.
public struct DeadlineTally: Sendable, Hashable {
    public var onTime: Int
    public var late: Int
    /// The period applies but could not be judged (a date or 延期批准 missing): outside the
    /// rate, printed beside it, so a rate over few judgeable cases is visibly so.
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

    mutating func add(_ verdict: DeadlineVerdict) {
        switch verdict {
        case .notApplicable: break
        case .onTime: onTime += 1
        case .late: late += 1
        case .undetermined: undetermined += 1
        }
    }
}

/// The three timeliness rates of the 年报 (see ``StatutoryDeadlines``).
public struct TimelinessFigures: Sendable, Hashable {
    /// 按期作出决定: penalties within 90 days of 立案, licences within 20 (30) working days.
    public var decision: DeadlineTally
    /// 按期送达: within 7 (penalty) / 10 (licence) working days of the decision.
    public var service: DeadlineTally
    /// 按期公示: published decisions within 7 working days.
    public var publication: DeadlineTally

    public init(decision: DeadlineTally = DeadlineTally(), service: DeadlineTally = DeadlineTally(),
                publication: DeadlineTally = DeadlineTally()) {
        self.decision = decision
        self.service = service
        self.publication = publication
    }
}

/// One case's verdicts, worked out once and added to its department and to the total.
struct CaseVerdicts {
    var decision: DeadlineVerdict
    var service: DeadlineVerdict
    var publication: DeadlineVerdict
}

extension TimelinessFigures {
    mutating func add(_ v: CaseVerdicts) {
        decision.add(v.decision)
        service.add(v.service)
        publication.add(v.publication)
    }
}
