import PingchaAnalytics
import PingchaModel
import PingchaRubric
import PingchaStore

extension StoredBatch {
    /// The batch's cases as the statistics count them, each with what the rules said of its
    /// measures: `measures` gives them by case number and record (the ones the store keeps,
    /// or the case scored again; none for a case no rubric covered).
    public func statsCases(_ db: StoreSession, catalogue: FieldCatalogue,
                           measures: (_ caseNo: Int, _ record: CaseRecord) -> [Measure: Outcome]) throws -> [StatsCase] {
        var out: [StatsCase] = []
        out.reserveCapacity(casesTotal)
        let layout = valueLayout(catalogue)
        try forEachCase(db) { c in
            let record = CaseRecord(values: c.values(layout), fileIndex: c.inputOrd, line: c.line)
            out.append(StatsCase(record: record, catalogue: catalogue, measures: measures(c.caseNo, record)))
        }
        return out
    }
}

extension StatsDocuments {
    /// The staff roster's table of every body, and what the 情况说明 says of it: 持证率, the
    /// bodies with uncertified officers, 培训达标率 and the bodies below the training file's
    /// `low_rate_percent`.
    public mutating func addStaff(_ roster: [StaffMember], training: TrainingRequirement) {
        extraTables.append(.staff(roster, bodies: departmentNames, minimumHours: training.minimumHours, basis: training.basis))
        let (byBody, total) = StaffFigures.tally(roster, minimumHours: training.minimumHours)
        staffSummary = .init(listed: total.listed, certified: total.certified,
                             certificationRate: total.certificationRate.shortText,
                             minimumHours: training.minimumHours.description, trained: total.trained,
                             trainingRate: total.trainingRate.shortText,
                             uncertifiedBodies: byBody.filter { $0.value.uncertified > 0 }.keys.sorted(),
                             lowTrainingPercent: training.lowRatePercent.description,
                             lowTraining: byBody.filter { $0.value.trainingRate(below: training.lowRatePercent) }
                                 .sorted { $0.key < $1.key }
                                 .map { .init(body: $0.key, rate: $0.value.trainingRate.shortText) })
    }

    /// The inspection register's table (检查次数 within the period) and its line of the 情况说明.
    public mutating func addInspections(_ register: [InspectionRecord], period: StatsPeriod) {
        extraTables.append(.inspections(register, bodies: departmentNames, period: period))
        let total = InspectionFigures.tally(register, period: period).total
        inspectionSummary = .init(count: total.inspections, incomplete: total.incomplete, outsidePeriod: total.outsidePeriod)
    }
}
