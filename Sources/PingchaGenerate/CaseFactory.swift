import PingchaModel

/// Makes cases: picks the body, kind, matter and party, then builds a dated file history that
/// respects the statutory periods except at the body's defect rates.
///
/// A case's content depends only on the seed and its index (each index has its own random
/// generator), so the same case comes out whether it is written to one file or to its
/// department's file. Case numbers are the one thing that depends on order: each body's
/// series is numbered 1, 2, 3 … per year as cases are made.
struct CaseFactory {
    let bodies: [EnforcementBody]
    /// Body indices the run writes (all, or those named by `--departments`).
    let selected: [Int]
    let years: [Int]
    let seed: UInt64
    private let bodyChoice: WeightedChoice
    private var numbers: [Int]

    init(bodies: [EnforcementBody], selected: [Int], years: [Int], seed: UInt64) {
        self.bodies = bodies
        self.selected = selected
        self.years = years
        self.seed = seed
        bodyChoice = WeightedChoice(selected.map { bodies[$0].weight })
        numbers = [Int](repeating: 0, count: bodies.count * CaseNumberSlot.allCases.count * years.count)
    }

    /// The case at `index` of `stream` (cases use `.caseContent`; broken extra rows `.defects`),
    /// optionally forced into one body. It has no number yet: see ``assignNumber(_:)``.
    /// `laterValues: false` leaves out ``LaterCatalogueValues`` (the case as generated before
    /// them; tests compare the two).
    func make(index: Int, stream: CaseRandom.Stream = .caseContent, body forcedBody: Int? = nil,
              laterValues: Bool = true) -> SyntheticCase {
        var rng = CaseRandom(seed: seed, stream: stream, index: UInt64(index))
        var c = SyntheticCase()
        let drawnBody = selected[bodyChoice.pick(&rng)]
        c.body = forcedBody ?? drawnBody
        let body = bodies[c.body]
        c.kind = EnforcementKind(rawValue: body.kinds.pick(&rng))!
        let yearIndex = rng.below(years.count)
        c.numberYear = years[yearIndex]
        let decision = CaseFactory.workingDay(in: years[yearIndex], &rng)
        c.district = District.weights.pick(&rng)
        fillCommon(&c, body.quality, &rng)
        switch c.kind {
        case .penalty: PenaltyTimeline.build(&c, body, decision, &rng)
        case .licensing: buildLicensing(&c, body, decision, &rng)
        case .coercion: buildCoercion(&c, body, decision, &rng)
        case .inspection: buildInspection(&c, body, decision, &rng)
        case .levy, .confirmation, .other, .requisition, .benefit, .adjudication, .reward:
            buildOtherAct(&c, body, decision, &rng)
        }
        CaseFactory.close(&c, &rng)
        if rng.chance(body.quality.missingValues) {
            for _ in 0..<rng.int(1...3) { c.blank(rng.pick(SyntheticCase.blankable)) }
        }
        // Last, from a generator of their own: nothing drawn above depends on them.
        var facts = CaseRandom(seed: seed, stream: .annualFacts,
                               index: UInt64(index) | (stream == .caseContent ? 0 : stream.rawValue << 48))
        c.annual = AnnualFacts.make(for: c, quality: body.quality, &facts)
        // After every annual fact, from the same generator: those stay as they were.
        if laterValues { LaterCatalogueValues.record(&c, body: body, &facts) }
        return c
    }

    /// Gives the case the next number in its body's series for its year.
    mutating func assignNumber(_ c: inout SyntheticCase) {
        c.numberSlot = CaseFactory.slot(c.kind, c.procedure)
        let yearIndex = years.firstIndex(of: c.numberYear)!
        let i = (c.body * CaseNumberSlot.allCases.count + c.numberSlot.rawValue) * years.count + yearIndex
        numbers[i] += 1
        c.number = numbers[i]
    }

    static func slot(_ kind: EnforcementKind, _ procedure: ProcedureKind?) -> CaseNumberSlot {
        switch kind {
        case .penalty:
            switch procedure {
            case .summary: return .penaltySummary
            case .expedited: return .penaltyExpedited
            default: return .penaltyOrdinary
            }
        case .licensing: return .licensing
        case .coercion: return .coercion
        case .inspection: return .inspection
        case .levy: return .levy
        case .confirmation: return .confirmation
        case .other: return .other
        case .requisition: return .requisition
        case .benefit: return .benefit
        case .adjudication: return .adjudication
        case .reward: return .reward
        }
    }

    /// A Monday-to-Friday date of the year (decisions are made on working days).
    static func workingDay(in year: Int, _ rng: inout CaseRandom) -> CivilDate {
        let start = CivilDate(year: year, month: 1, day: 1)!
        let days = CivilDate.isLeap(year) ? 366 : 365
        while true {
            let d = start.adding(days: rng.below(days))
            if d.isWorkingDay { return d }
        }
    }

    // MARK: Parts every kind shares

    private func fillCommon(_ c: inout SyntheticCase, _ q: QualityProfile, _ rng: inout CaseRandom) {
        c.subjectQualified = !rng.chance(0.001)
        c.entrusted = rng.chance(0.015)
        if c.entrusted == true { c.entrustmentFiled = !rng.chance(0.15) }
        c.officersCount = rng.chance(q.singleOfficer) ? 1 : CaseFactory.officerCounts.pick(&rng) + 2
        c.officersCertified = !rng.chance(0.003 + q.singleOfficer / 2)
        c.credentialsShown = !rng.chance(0.01 + q.singleOfficer)
        c.documentSealed = !rng.chance(q.missingSeal)
        c.decisionEnforceable = !rng.chance(0.004)
        c.documentsComplete = !rng.chance(q.thinEvidence * 0.6)
        c.archiveComplete = !rng.chance(q.missingValues + q.missingSeal)
        c.reconsidered = false
        c.litigated = false
    }

    /// 2 officers mostly, sometimes 3 or 4.
    private static let officerCounts = WeightedChoice([75, 18, 7])

    /// 结案 and 归档 after everything else in the file: results of the other steps decide them.
    static func close(_ c: inout SyntheticCase, _ rng: inout CaseRandom) {
        guard let decision = c.decisionDate else { return }
        let unpaid = c.penaltyKinds.contains(.fine) && c.paymentDate == nil
        if unpaid && c.kind == .penalty { return }  // still being enforced: not closed
        let last = CivilDate.latest(CivilDate.latest(CivilDate.latest(CivilDate.latest(
            decision, c.servedDate), c.paymentDate), c.executedDate), c.coerciveEndDate)
        let closed = last.adding(days: rng.int(0...10))
        c.closedDate = closed
        c.archivedDate = CivilDate.latest(closed, c.publicizedDate).adding(days: rng.int(1...30))
    }

    static func pickParty(_ c: inout SyntheticCase, personShare: Double, _ rng: inout CaseRandom) {
        let kind: PartyKind
        if rng.chance(personShare) { kind = .naturalPerson }
        else { kind = rng.chance(0.78) ? .legalPerson : .otherOrganisation }
        c.party = Party.make(kind: kind, district: c.district, rng: &rng)
    }

    static func reviewOutcomes(_ c: inout SyntheticCase, reconsideration: Double, litigation: Double,
                               _ rng: inout CaseRandom) {
        if rng.chance(reconsideration) {
            c.reconsidered = true
            c.reconsiderationResult = ReconsiderationResult(rawValue: reconsiderationResults.pick(&rng))
        }
        if rng.chance(litigation) {
            c.litigated = true
            c.litigationResult = LitigationResult(rawValue: litigationResults.pick(&rng))
        }
    }

    /// Most reviews uphold the decision; a minority revoke, vary or confirm it illegal.
    private static let reconsiderationResults = WeightedChoice([55, 10, 5, 8, 1, 2, 19])
    private static let litigationResults = WeightedChoice([8, 55, 15, 5, 12, 2, 3])

    /// 公示: decisions published within 7 working days (国办发〔2018〕118号), a few late or never.
    static func publicize(_ c: inout SyntheticCase, _ q: QualityProfile, _ rng: inout CaseRandom) {
        guard let decision = c.decisionDate else { return }
        if rng.chance(q.missingPublicity) {
            c.publicized = false
            return
        }
        c.publicized = true
        let days = rng.chance(q.latePublicity) ? rng.int(8...40) : rng.int(1...7)
        // Published after service in these exports (a late service delays publication too).
        c.publicizedDate = CivilDate.latest(decision.addingWorkingDays(days), c.servedDate)
    }

    static func service(_ c: inout SyntheticCase, method: ServiceMethod, late: Bool, limit: Int,
                        _ rng: inout CaseRandom) {
        guard let decision = c.decisionDate else { return }
        c.serviceMethod = method
        let days: Int
        if late { days = rng.int((limit + 1)...(limit + 18)) }
        else if method == .inPerson { days = rng.chance(0.7) ? 0 : rng.int(1...3) }
        else { days = rng.int(1...limit) }
        c.servedDate = decision.addingWorkingDays(days)
    }

    // MARK: Kinds other than penalties

    /// 行政许可: decision within 20 working days of acceptance, +10 approved (ALL art. 42).
    private func buildLicensing(_ c: inout SyntheticCase, _ body: EnforcementBody, _ decision: CivilDate,
                                _ rng: inout CaseRandom) {
        let q = body.quality
        c.matter = rng.below(body.licensingMatters.count)
        CaseFactory.pickParty(&c, personShare: 0.2, &rng)
        let onTheSpot = rng.chance(0.15)
        c.procedure = onTheSpot ? .summary : .ordinary
        let late = !onTheSpot && rng.chance(q.lateDecision)
        let extended = late ? rng.chance(0.3) : (!onTheSpot && rng.chance(0.05))
        let duration: Int
        if onTheSpot { duration = 0 }
        else if late { duration = extended ? rng.int(31...45) : rng.int(21...40) }
        else if extended { duration = rng.int(21...30) }
        else { duration = rng.chance(0.7) ? rng.int(1...12) : rng.int(13...20) }
        c.extensionApproved = extended
        c.decisionDate = decision
        c.acceptedDate = decision.subtractingWorkingDays(duration)
        c.applicationDate = c.acceptedDate!.subtractingWorkingDays(onTheSpot ? 0 : rng.int(0...5))
        c.majorDecision = rng.chance(0.03)
        if c.majorDecision == true {
            c.legalReviewDone = !rng.chance(q.missingLegalReview)
            c.collectiveDiscussion = !rng.chance(0.1)
        } else {
            c.legalReviewDone = false
            c.collectiveDiscussion = false
        }
        if c.legalReviewDone == true {
            let review = decision.subtractingWorkingDays(rng.int(1...3))
            c.legalReviewDate = CivilDate.latest(review, c.acceptedDate)
        }
        c.hearingNotified = rng.chance(0.02)
        c.hearingRequested = false
        let method = [ServiceMethod.inPerson, .post, .electronic][CaseFactory.licenceDelivery.pick(&rng)]
        // The licence itself is issued within 10 working days of the decision (ALL art. 44).
        CaseFactory.service(&c, method: method, late: rng.chance(q.lateService), limit: 10, &rng)
        CaseFactory.publicize(&c, q, &rng)
        var evidence: EvidenceKinds = [.documentary]
        if rng.chance(0.4) { evidence.insert(.electronic) }
        if rng.chance(0.25) { evidence.insert(.inspectionRecord) }
        if rng.chance(0.2) { evidence.insert(.onSiteRecord) }
        c.evidence = evidence
        c.evidenceCount = rng.int(3...15)
        c.avRequired = false
        c.avRecorded = rng.chance(0.3)
        CaseFactory.reviewOutcomes(&c, reconsideration: 0.005, litigation: 0.002, &rng)
    }

    private static let licenceDelivery = WeightedChoice([65, 15, 20])

    /// 行政强制措施: seizure and sealing at most 30 days, +30 approved (ACL art. 25).
    private func buildCoercion(_ c: inout SyntheticCase, _ body: EnforcementBody, _ decision: CivilDate,
                               _ rng: inout CaseRandom) {
        let q = body.quality
        c.matter = rng.below(body.coercionMatters.count)
        let measure = body.coercionMeasures[c.matter]
        CaseFactory.pickParty(&c, personShare: measure == .personalRestraint ? 1 : body.personShare, &rng)
        c.coerciveMeasure = measure
        c.discoveredDate = decision.adding(days: -rng.int(0...2))
        c.filedDate = rng.chance(0.5) ? decision : nil
        c.decisionDate = decision
        c.coerciveStartDate = decision
        let duration: Int
        if measure == .personalRestraint {
            duration = rng.int(0...1)
            c.extensionApproved = false
        } else {
            let overrun = rng.chance(q.coercionOverrun)
            let extended = overrun ? rng.chance(0.3) : rng.chance(0.08)
            if overrun { duration = extended ? rng.int(61...90) : rng.int(31...50) }
            else if extended { duration = rng.int(31...60) }
            else { duration = rng.int(3...30) }
            c.extensionApproved = extended
        }
        c.coerciveEndDate = decision.adding(days: duration)
        c.serviceMethod = .inPerson
        c.servedDate = decision
        c.statementHeard = !rng.chance(0.03)
        c.majorDecision = false
        c.legalReviewDone = false
        c.avRequired = true
        c.avRecorded = !rng.chance(0.03 + q.singleOfficer)
        var evidence: EvidenceKinds = [.onSiteRecord]
        if rng.chance(0.7) { evidence.insert(.audioVisual) }
        if rng.chance(0.5) { evidence.insert(.physical) }
        if rng.chance(0.3) { evidence.insert(.documentary) }
        c.evidence = evidence
        c.evidenceCount = rng.int(2...10)
        CaseFactory.reviewOutcomes(&c, reconsideration: 0.01, litigation: 0.004, &rng)
    }

    /// 行政检查: an on-site inspection; its result is notified and the record archived.
    private func buildInspection(_ c: inout SyntheticCase, _ body: EnforcementBody, _ decision: CivilDate,
                                 _ rng: inout CaseRandom) {
        let q = body.quality
        c.matter = rng.below(body.inspectionMatters.count)
        CaseFactory.pickParty(&c, personShare: 0.25, &rng)
        c.inspectionPlanListed = rng.chance(0.8)
        c.decisionDate = decision
        if rng.chance(0.6) {
            CaseFactory.service(&c, method: .inPerson, late: rng.chance(q.lateService), limit: 5, &rng)
        }
        c.avRequired = true
        c.avRecorded = !rng.chance(0.04 + q.singleOfficer)
        var evidence: EvidenceKinds = [.onSiteRecord]
        if rng.chance(0.6) { evidence.insert(.audioVisual) }
        if rng.chance(0.4) { evidence.insert(.documentary) }
        c.evidence = evidence
        c.evidenceCount = rng.int(1...6)
    }

    /// 行政征收, 行政确认, 其他: decided on an application or a notice, served, closed.
    private func buildOtherAct(_ c: inout SyntheticCase, _ body: EnforcementBody, _ decision: CivilDate,
                               _ rng: inout CaseRandom) {
        let q = body.quality
        c.matter = rng.below(body.mattersUTF8[c.kind.rawValue].count)
        CaseFactory.pickParty(&c, personShare: c.kind == .levy ? 0.15 : 0.5, &rng)
        c.decisionDate = decision
        if c.kind == .confirmation {
            c.acceptedDate = decision.subtractingWorkingDays(rng.int(1...20))
            c.applicationDate = c.acceptedDate!.subtractingWorkingDays(rng.int(0...3))
        }
        let method = rng.chance(0.8) ? ServiceMethod.inPerson : .post
        CaseFactory.service(&c, method: method, late: rng.chance(q.lateService), limit: 7, &rng)
        if c.kind == .levy, let served = c.servedDate, !rng.chance(0.05) {
            c.paymentDate = served.adding(days: rng.int(0...30))
        }
        c.evidence = rng.chance(0.3) ? [.documentary, .electronic] : [.documentary]
        c.evidenceCount = rng.int(1...5)
        c.avRequired = false
        c.avRecorded = false
        CaseFactory.reviewOutcomes(&c, reconsideration: 0.005, litigation: 0.002, &rng)
    }
}
