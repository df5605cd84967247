import PingchaModel
import PingchaRubric

/// Whether one case met one statutory period.
public enum DeadlineVerdict: Sendable, Hashable {
    /// The period does not apply to the case (another enforcement type, summary procedure,
    /// service by public notice, not published).
    case notApplicable
    case onTime
    case late
    /// The period applies but the file does not let us decide: a date is missing, or the
    /// decision is late unless an extension was approved and 延期批准 is blank.
    case undetermined
}

/// The statutory periods behind the timeliness rates (law-and-practice.md §2), judged on
/// the working-day calendar exactly as the rubrics judge them, so that a case counted late
/// here is the case the review marked late.
///
/// All three apply only to ``StatsCase/isPublishableDecision`` cases (ordinary-procedure
/// penalties and licences); the start day is never counted.
public enum StatutoryDeadlines {
    /// 行政处罚法第六十条: decide within 90 days of 立案. Ninety days is not one of the
    /// working-day periods of art. 85, so calendar days, with the end moved to the next working
    /// day when it is a rest day (`add_days`, rule PRO-05 of penalty-general.yaml).
    public static let penaltyDecisionDays = 90
    /// 行政许可法第四十二条、第八十二条: 20 working days from 受理, 30 with an approved extension.
    public static let licenceDecisionWorkdays = 20
    public static let licenceExtendedWorkdays = 30
    /// 行政处罚法第六十一条、第八十五条: serve within 7 working days of the decision.
    public static let penaltyServiceWorkdays = 7
    /// 行政许可法第四十四条、第八十二条: issue and serve the licence within 10 working days of
    /// the decision (rule PRO-03 of licensing.yaml). The APL's 7 days do not govern licences.
    public static let licenceServiceWorkdays = 10
    /// 国办发〔2018〕118号: publish 行政处罚 and 行政许可 decisions within 7 working days.
    public static let publicationWorkdays = 7

    /// Decided within the statutory period. A penalty past 90 days is on time when an
    /// extension was approved (the extended limit is set case by case, so the rubric accepts
    /// the approval); a licence past 20 working days is on time with an approved extension up
    /// to 30. Late but 延期批准 blank: undetermined, as the rubric sends it to manual review.
    public static func decision(_ c: StatsCase, calendar: WorkingDayCalendar) -> DeadlineVerdict {
        guard c.isPublishableDecision else { return .notApplicable }
        guard let decided = c.decisionDate else { return .undetermined }
        if c.isPenalty {
            guard let filed = c.filedDate else { return .undetermined }
            if decided <= calendar.addDays(filed, penaltyDecisionDays) { return .onTime }
            return extended(c.extensionApproved)
        }
        guard let accepted = c.acceptedDate else { return .undetermined }
        if decided <= calendar.addWorkdays(accepted, licenceDecisionWorkdays) { return .onTime }
        if decided > calendar.addWorkdays(accepted, licenceExtendedWorkdays) { return .late }
        return extended(c.extensionApproved)
    }

    /// Served within 7 (penalty) or 10 (licence) working days of the decision. Service by
    /// public notice (公告送达) is not judged: it takes effect 30 days after the notice, so its
    /// date says nothing about promptness (rule PRO-10).
    public static func service(_ c: StatsCase, calendar: WorkingDayCalendar) -> DeadlineVerdict {
        guard c.isPublishableDecision, c.serviceMethod != "公告送达" else { return .notApplicable }
        guard let decided = c.decisionDate, let served = c.servedDate else { return .undetermined }
        let limit = c.isPenalty ? penaltyServiceWorkdays : licenceServiceWorkdays
        return served <= calendar.addWorkdays(decided, limit) ? .onTime : .late
    }

    /// Published within 7 working days of the decision. Judged over the published decisions
    /// only: an unpublished one already counts against 公示率, and counting it late again
    /// would charge one omission twice (as rule TSY-02 applies only to published cases).
    /// Marked published without a 公示日期: undetermined.
    public static func publication(_ c: StatsCase, calendar: WorkingDayCalendar) -> DeadlineVerdict {
        guard c.isPublishableDecision, c.publicized == true || c.publicizedDate != nil else { return .notApplicable }
        guard let decided = c.decisionDate, let published = c.publicizedDate else { return .undetermined }
        return published <= calendar.addWorkdays(decided, publicationWorkdays) ? .onTime : .late
    }

    private static func extended(_ approved: Bool?) -> DeadlineVerdict {
        switch approved {
        case true?: .onTime
        case false?: .late
        case nil: .undetermined
        }
    }
}
