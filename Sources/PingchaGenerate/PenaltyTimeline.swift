import PingchaModel

/// 行政处罚 cases: the penalty, and a file history built backwards from the decision date so
/// that the decision falls in the requested year.
///
/// Periods used (APL 2021): decision within 90 days of filing (art. 60; +30 days with approval,
/// as market regulation allows); hearing requested within 5 working days of the notice and
/// notified 7 working days ahead (art. 64); service within 7 working days (art. 61); payment
/// within 15 days of service (art. 67); summary procedure only up to 200 yuan for a natural
/// person and 3,000 yuan for an organisation (art. 51).
enum PenaltyTimeline {
    /// Fines from which a hearing must be offered (较大数额). Provinces set these; the
    /// generator assumes 5,000 yuan for a natural person and 50,000 for an organisation.
    static let largeFinePerson = 5_000
    static let largeFineOrganisation = 50_000
    static let summaryLimitPerson = 200
    static let summaryLimitOrganisation = 3_000

    static func build(_ c: inout SyntheticCase, _ body: EnforcementBody, _ decision: CivilDate,
                      _ rng: inout CaseRandom) {
        let onTheSpot = !body.summaryMatterIndices.isEmpty && rng.chance(body.summaryShare)
        if onTheSpot {
            c.matter = rng.pick(body.summaryMatterIndices)
        } else {
            c.matter = rng.below(body.penaltyMatters.count)
        }
        let matter = body.penaltyMatters[c.matter]
        CaseFactory.pickParty(&c, personShare: matter.personShare ?? body.personShare, &rng)
        c.citesBasis = true
        c.decisionDate = decision
        if onTheSpot {
            summary(&c, matter, body.quality, decision, &rng)
        } else {
            let expedited = rng.chance(body.expeditedShare)
            ordinary(&c, matter, body.quality, decision, expedited: expedited, &rng)
        }
    }

    // MARK: 简易程序

    private static func summary(_ c: inout SyntheticCase, _ matter: PenaltyMatter, _ q: QualityProfile,
                                _ decision: CivilDate, _ rng: inout CaseRandom) {
        c.procedure = .summary
        let person = c.party.kind == .naturalPerson
        let limit = person ? summaryLimitPerson : summaryLimitOrganisation
        let unit = person ? 10 : 100
        if rng.chance(0.12) {
            c.penaltyKinds = [.warning]
        } else {
            c.penaltyKinds = [.fine]
            if rng.chance(q.summaryMisuse) {
                // Above the art. 51 limit: the on-the-spot decision should not have been used.
                c.fineAmount = rng.int((limit / unit + 1)...(limit * 5 / unit)) * unit
            } else {
                let upper = min(matter.fine.upperBound, limit)
                let lower = min(max(matter.fine.lowerBound, unit), upper)
                c.fineAmount = max(unit, rng.int(lower...upper) / unit * unit)
            }
        }
        // Decided, written and handed over on the spot.
        c.violationDate = decision
        c.discoveredDate = decision
        c.statementHeard = !rng.chance(0.02)
        c.hearingNotified = false
        c.hearingRequested = false
        c.majorDecision = false
        c.legalReviewDone = false
        c.collectiveDiscussion = false
        c.extensionApproved = false
        c.serviceMethod = .inPerson
        c.servedDate = decision
        c.publicized = false
        if let fine = c.fineAmount, !rng.chance(0.04) {
            // Up to 100 yuan may be collected on the spot (art. 68).
            c.paymentDate = fine <= 100 && rng.chance(0.4) ? decision : decision.adding(days: rng.int(0...15))
            c.executedDate = c.paymentDate
        }
        var evidence: EvidenceKinds = [.onSiteRecord]
        if rng.chance(0.5) { evidence.insert(.audioVisual) }
        if rng.chance(0.3) { evidence.insert(.partyStatement) }
        c.evidence = evidence
        c.evidenceCount = rng.int(1...3)
        c.avRequired = true
        c.avRecorded = !rng.chance(0.05)
        CaseFactory.reviewOutcomes(&c, reconsideration: 0.003, litigation: 0.001, &rng)
    }

    // MARK: 普通程序 and 快速办理

    private static func ordinary(_ c: inout SyntheticCase, _ matter: PenaltyMatter, _ q: QualityProfile,
                                 _ decision: CivilDate, expedited: Bool, _ rng: inout CaseRandom) {
        c.procedure = expedited ? .expedited : .ordinary
        let discretion = DiscretionLevel(rawValue: discretionLevels.pick(&rng))!
        c.discretionLevel = discretion
        c.discretionBenchmarkCited = !rng.chance(0.02 + q.thinEvidence / 2)
        choosePenalty(&c, matter, discretion, &rng)

        let person = c.party.kind == .naturalPerson
        let threshold = person ? largeFinePerson : largeFineOrganisation
        let heavy = !c.penaltyKinds.isDisjoint(with: PenaltyKinds.hearingTriggers)
            || (c.fineAmount ?? 0) >= threshold || (c.confiscatedAmount ?? 0) >= threshold
        c.hearingNotified = heavy ? !rng.chance(q.missingHearingNotice) : false
        let hearing = heavy && c.hearingNotified == true && !expedited && rng.chance(0.2)
        c.hearingRequested = hearing
        c.majorDecision = heavy || rng.chance(0.02)
        c.legalReviewDone = c.majorDecision == true ? !rng.chance(q.missingLegalReview) : rng.chance(0.35)
        c.collectiveDiscussion = c.majorDecision == true ? !rng.chance(0.05) : rng.chance(0.03)
        c.statementHeard = !rng.chance(0.02)

        // Filing to decision (art. 60): within 90 days, +30 with approval, late at the body's rate.
        let late = !expedited && rng.chance(q.lateDecision)
        let period: Int
        if expedited {
            period = rng.int(0...3)
            c.extensionApproved = false
        } else if late {
            let extended = rng.chance(0.3)
            c.extensionApproved = extended
            period = extended ? rng.int(121...220) : rng.int(91...200)
        } else if rng.chance(0.03) {
            c.extensionApproved = true
            period = rng.int(91...120)
        } else {
            c.extensionApproved = false
            period = hearing ? rng.int(50...88) : rng.int(8...40) + rng.int(0...45)
        }
        var filed = decision.adding(days: -period)

        // Notice of the intended decision (art. 44), and the hearing steps between it and the decision.
        var notice: CivilDate
        var hearingDate: CivilDate?
        if hearing {
            let held = decision.subtractingWorkingDays(rng.int(3...10))
            let notified = held.subtractingWorkingDays(rng.int(7...9))
            let requested = notified.subtractingWorkingDays(rng.int(1...3))
            notice = requested.subtractingWorkingDays(rng.int(1...5))
            c.hearingDate = held
            c.hearingNoticeDate = notified
            c.hearingRequestDate = requested
            hearingDate = held
            if filed > notice { filed = notice }
        } else if expedited {
            notice = filed
        } else {
            notice = decision.subtractingWorkingDays(rng.int(3...12))
            if notice < filed { notice = filed }
        }
        c.filedDate = filed
        c.noticeDate = notice
        c.discoveredDate = filed.subtractingWorkingDays(expedited ? 0 : rng.int(0...10))
        c.violationDate = rng.chance(0.3) ? c.discoveredDate : c.discoveredDate!.adding(days: -rng.int(1...60))
        if c.legalReviewDone == true {
            let review = decision.subtractingWorkingDays(rng.int(1...5))
            c.legalReviewDate = CivilDate.latest(review, hearingDate ?? notice)
        }

        // A seizure during the investigation (ACL art. 25: 30 days, +30 approved).
        if matter.confiscation ? rng.chance(0.15) : rng.chance(0.03) {
            c.coerciveMeasure = rng.chance(0.7) ? .seizure : .sealing
            let start = min(filed.adding(days: rng.int(0...5)), decision)
            c.coerciveStartDate = start
            let overrun = rng.chance(q.coercionOverrun)
            c.coerciveEndDate = start.adding(days: overrun ? rng.int(31...50) : rng.int(5...30))
        }

        let method = expedited ? ServiceMethod.inPerson : ServiceMethod(rawValue: serviceMethods.pick(&rng))!
        CaseFactory.service(&c, method: method, late: !expedited && rng.chance(q.lateService), limit: 7, &rng)
        CaseFactory.publicize(&c, q, &rng)
        let served = c.servedDate!
        if c.penaltyKinds.contains(.fine), !rng.chance(0.05) {
            c.paymentDate = served.adding(days: rng.chance(0.05) ? rng.int(16...60) : rng.int(0...15))
            c.executedDate = c.paymentDate
        } else if !c.penaltyKinds.isDisjoint(with: [.detention, .suspendLicence, .revokeLicence, .suspendBusiness]) {
            c.executedDate = c.penaltyKinds.contains(.detention) ? served : served.adding(days: rng.int(0...10))
        }

        chooseEvidence(&c, q, expedited: expedited, &rng)
        c.avRequired = heavy || c.coerciveMeasure != nil || rng.chance(0.3)
        c.avRecorded = c.avRequired == true ? !rng.chance(0.03 + q.missingPublicity / 3) : rng.chance(0.4)
        CaseFactory.reviewOutcomes(&c, reconsideration: 0.03, litigation: 0.015, &rng)
    }

    /// 不予处罚 2, 减轻 8, 从轻 25, 一般 55, 从重 10.
    private static let discretionLevels = WeightedChoice([2, 8, 25, 55, 10])
    /// 直接 60, 留置 5, 邮寄 20, 电子 10, 委托 3, 公告 2.
    private static let serviceMethods = WeightedChoice([60, 5, 20, 10, 3, 2])

    private static func choosePenalty(_ c: inout SyntheticCase, _ matter: PenaltyMatter,
                                      _ discretion: DiscretionLevel, _ rng: inout CaseRandom) {
        if discretion == .noPenalty { return }
        if rng.chance(0.05) {
            c.penaltyKinds = [.warning]
            return
        }
        var kinds: PenaltyKinds = [.fine]
        c.fineAmount = fine(in: matter.fine, discretion, &rng)
        if rng.chance(0.12) { kinds.insert(.warning) }
        if matter.confiscation && rng.chance(0.45) {
            if rng.chance(0.7) {
                kinds.insert(.confiscateGains)
                c.confiscatedAmount = roundAmount(rng.int(200...max(400, matter.fine.upperBound / 2)))
            } else {
                kinds.insert(.confiscateProperty)
            }
        }
        if !matter.heavier.isEmpty && rng.chance(discretion == .severe ? 0.4 : 0.04) {
            let options = (0..<16).map { PenaltyKinds(rawValue: 1 << $0) }.filter { matter.heavier.contains($0) }
            kinds.insert(rng.pick(options))
        }
        c.penaltyKinds = kinds
    }

    /// A fine placed in the provision's range by discretion level, rounded as decisions round.
    static func fine(in range: ClosedRange<Int>, _ discretion: DiscretionLevel, _ rng: inout CaseRandom) -> Int {
        let lo = range.lowerBound, span = range.upperBound - range.lowerBound
        let raw: Int
        switch discretion {
        case .mitigated: raw = rng.int(max(1, lo / 2)...max(1, lo))
        case .lenient: raw = lo + rng.int(0...(span * 3 / 10))
        case .standard: raw = lo + rng.int((span * 3 / 10)...(span * 7 / 10))
        case .severe, .noPenalty: raw = lo + rng.int((span * 7 / 10)...span)
        }
        return roundAmount(raw)
    }

    static func roundAmount(_ value: Int) -> Int {
        let unit: Int
        switch value {
        case ..<1_000: unit = 10
        case ..<10_000: unit = 100
        case ..<100_000: unit = 500
        default: unit = 1_000
        }
        return max(unit, value / unit * unit)
    }

    private static func chooseEvidence(_ c: inout SyntheticCase, _ q: QualityProfile, expedited: Bool,
                                       _ rng: inout CaseRandom) {
        if rng.chance(q.thinEvidence) {
            // Only one kind of evidence: the party's own statement or a single record.
            c.evidence = [[.partyStatement], [.documentary], [.onSiteRecord]][rng.below(3)]
            c.evidenceCount = rng.int(1...2)
            return
        }
        var evidence: EvidenceKinds = [.partyStatement, .onSiteRecord]
        if expedited {
            if rng.chance(0.6) { evidence.insert(.audioVisual) }
            c.evidence = evidence
            c.evidenceCount = rng.int(2...5)
            return
        }
        evidence.insert(.documentary)
        if rng.chance(0.3) { evidence.insert(.physical) }
        if rng.chance(0.5) { evidence.insert(.audioVisual) }
        if rng.chance(0.3) { evidence.insert(.electronic) }
        if rng.chance(0.2) { evidence.insert(.witness) }
        if rng.chance(0.15) { evidence.insert(.expertOpinion) }
        if rng.chance(0.2) { evidence.insert(.inspectionRecord) }
        c.evidence = evidence
        c.evidenceCount = rng.int(4...40)
    }
}
