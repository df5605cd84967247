import Foundation
import PingchaAnalytics
import PingchaIngest
import PingchaDocuments
import PingchaModel
import PingchaPublish
import PingchaReports
import PingchaRubric
import PingchaScoring
import PingchaStore
import PingchaCalendar
import PingchaCatalogue

/// `pingcha stats`: the annual statistical report (Art. 12) for one year, from the cases of
/// a stored batch or straight from exports; beside each figure the previous year's when a
/// batch of an earlier year is stored.
///
/// Timeliness and the three systems are what the review's rules said (their `measures:`):
/// a stored batch keeps each case's measures (schema 4 on) and they are read back; exports
/// (`--input`) and batches stored before schema 4 are scored here with ``rubrics`` to get them.
public struct StatsJob {
    public var year: Int
    public var databasePath: String
    public var batchName: String?
    public var inputs: [String] = []
    public var outputDirectory: String
    /// The rubrics scoring the cases that carry no stored measures (`--rubrics`); loaded only then.
    public var rubrics: [String] = ["rubrics"]
    public var calendar: String?
    /// Templates and issuing details (`--templates`, `--org`, `--date`).
    public var request = ReportRequest()
    /// `--roster`: staff rosters (执法人员名册) giving 持证率 and the Art. 18 training check.
    public var rosters: [String] = []
    /// `--inspections`: inspection registers (检查台账) giving 检查次数.
    public var inspectionRegisters: [String] = []
    /// The yearly training minimum (law data; read only with a roster).
    public var trainingPath = TrainingRequirement.defaultPath
    /// Told once, for stderr, when stored cases had to be scored again for their measures.
    public var onNote: (String) -> Void = { _ in }

    public init(year: Int, databasePath: String, outputDirectory: String) {
        self.year = year
        self.databasePath = databasePath
        self.outputDirectory = outputDirectory
    }

    /// Writes `stats.md`, `stats.html` and `stats.xlsx`; returns the Markdown.
    public func run() throws(PingchaError) -> String {
        let templates = try request.loadTemplates()
        let catalogue = FieldCatalogue.builtIn()
        let cal = try WorkingDayCalendar.load(optionalPath: calendar)
        var loaded: Scorer?
        func scorer() throws(PingchaError) -> Scorer {
            if let loaded { return loaded }
            let s = Scorer(try RubricLoader(catalogue: catalogue, calendar: cal).loadChecked(paths: rubrics))
            loaded = s
            return s
        }
        var current: (calendarVersion: String, cases: [StatsCase]) = (cal.version, [])
        var previous: (year: Int, calendarVersion: String, cases: [StatsCase], dataDate: CivilDate)?
        // The data's date sets the cut-off (StatsPeriod): exports are read now, a batch was read
        // the day it ran.
        var dataDate = CivilDate.todayInChina
        var dataDateSource = "本次统计读取导出文件之日", source = "读入的导出文件"
        if !inputs.isEmpty {
            let s = try scorer()
            let files = try InputFiles.expand(inputs)
            let reports = Ingester(catalogue: catalogue).ingest(files: files, handlers: IngestHandlers(onCase: { record in
                current.cases.append(StatsCase(record: record, catalogue: catalogue, measures: Self.measures(record, scorer: s)))
            }))
            if let refused = reports.first(where: { $0.refusal != nil })?.refusal { throw refused }
        } else {
            var rescored: [String] = []
            do {
                let store = try Store(path: databasePath)
                try store.read { db in
                    let batches = try StoredBatch.list(db)
                    // Several batches of the year (one per department, or a re-scored copy):
                    // taking one of them silently dropped the others' cases from the year.
                    let ofYear = batches.filter { $0.year == year }
                    if batchName == nil, ofYear.count > 1 {
                        throw PingchaError.invalidOption("数据库中有 \(ofYear.count) 个 \(year) 年的批次："
                            + ofYear.map { "“\($0.name)”" }.joined(separator: "、")
                            + "；年度统计只统计一个批次，请用 --batch 指定（各单位分批导入的，请合为一个批次导入：pingcha run 可以一次读入多个文件或文件夹）")
                    }
                    guard let chosen = try batchName.map({ try StoredBatch.named($0, in: db) }) ?? batches.first(where: { $0.year == year }) else {
                        // No batch is named 2024年度: the year is what was asked for.
                        throw PingchaError.invalidOption("数据库中没有 \(year) 年的批次"
                            + (batches.isEmpty ? "" : "（已有：" + batches.map { "“\($0.name)”" + ($0.year.map { "（\($0)年）" } ?? "") }.joined(separator: "、") + "）")
                            + "；请用 --batch 指定批次，或用 --input 直接统计导出文件")
                    }
                    /// The batch's cases with their measures: stored, or scored now for a
                    /// batch that keeps none (with the calendar they were then judged on).
                    func cases(_ batch: StoredBatch) throws -> (String, [StatsCase]) {
                        if try batch.hasMeasures(db) {
                            let stored = try batch.measures(db)
                            return (batch.calendarVersion, try batch.statsCases(db, catalogue: catalogue) { caseNo, _ in
                                stored[caseNo]?.byMeasure ?? [:]
                            })
                        }
                        rescored.append(batch.name)
                        let s = try scorer()
                        return (cal.version, try batch.statsCases(db, catalogue: catalogue) { _, record in Self.measures(record, scorer: s) })
                    }
                    current = try cases(chosen)
                    dataDate = chosen.ranOn
                    dataDateSource = "批次“\(chosen.name)”导入数据之日"
                    source = "批次“\(chosen.name)”"
                    // The latest stored batch of an earlier year gives the figures beside.
                    if let earlier = batches.filter({ ($0.year ?? Int.max) < year }).max(by: { ($0.year ?? 0) < ($1.year ?? 0) }),
                       let y = earlier.year {
                        let (version, cases) = try cases(earlier)
                        previous = (y, version, cases, earlier.ranOn)
                    }
                }
            } catch {
                throw Store.userError(error, path: databasePath)
            }
            if !rescored.isEmpty {
                onNote("批次" + rescored.map { "“\($0)”" }.joined(separator: "、")
                       + "保存于数据库结构版本 4 之前，没有保存各案件执法时效和三项制度的评查结果；"
                       + "已按评查标准 \(rubrics.joined(separator: "、")) 重新评查这些案件后统计（工作日历 \(cal.version)）")
            }
        }
        // A report of the year before leaves its decisions after its cut-off to this one.
        let period = StatsPeriod.of(year: year, dataDate: dataDate,
                                    previousDataDate: previous.flatMap { $0.year == year - 1 ? $0.dataDate : nil })
        let stats = AnnualStatistics.compute(cases: current.cases, year: year, calendarVersion: current.calendarVersion,
                                             period: period)
        // A report of nothing (a batch of another year, a wrong --year) read as a year in which
        // no body decided anything, every figure "下降100.0%".
        guard stats.total.cases > 0 else {
            throw .invalidOption("\(source)中没有决定日期在 \(year) 年的案件"
                                 + "（\(current.cases.count) 件案件的决定日期都不在该年或未填写）；请检查 --year" + (batchName == nil ? "" : " 和 --batch"))
        }
        let before = previous.map {
            AnnualStatistics.compute(cases: $0.cases, year: $0.year, calendarVersion: $0.calendarVersion,
                                     period: StatsPeriod.of(year: $0.year, dataDate: $0.dataDate, previousDataDate: nil))
        }
        var documents = StatsDocuments(stats: stats, previous: before, templates: templates)
        try addInputTables(to: &documents, period: period)
        documents.periodNote = stats.periodNote(dataDate: dataDate, source: dataDateSource)
        let document = try documents.document(date: templates.settings.date ?? CivilDate.todayInChina)
        let out = try OutputFolder(destination: outputDirectory)
        do throws(PingchaError) {
            try DocumentFiles.write(document, folder: out.staging, name: "stats", formats: [.markdown, .html])
            try documents.writeWorkbook(to: out.path("stats.xlsx"))
        } catch {
            throw out.discard(after: error)
        }
        try out.commit()
        return MarkdownWriter.write(document)
    }

    /// The tables of the roster and the register, when given (read whole before anything is
    /// written: a bad line refuses the report).
    func addInputTables(to documents: inout StatsDocuments, period: StatsPeriod) throws(PingchaError) {
        if !rosters.isEmpty {
            let training = try TrainingRequirement.load(
                path: trainingPath == TrainingRequirement.defaultPath ? TrainingRequirement.path(besideRubrics: rubrics) : trainingPath)
            var roster: [StaffMember] = []
            for path in rosters { roster += try StatisticsInputs.readRoster(path: path) }
            documents.addStaff(roster, training: training)
        }
        if !inspectionRegisters.isEmpty {
            var register: [InspectionRecord] = []
            for path in inspectionRegisters { register += try StatisticsInputs.readRegister(path: path) }
            documents.addInspections(register, period: period)
        }
    }

    /// What the rules of the case's rubric say of each measure; none when no rubric covers it.
    static func measures(_ record: CaseRecord, scorer: Scorer) -> [Measure: Outcome] {
        guard let r = scorer.rubricIndex(for: record) else { return [:] }
        return scorer.measures(of: scorer.score(record, rubric: r)).byMeasure
    }
}

extension MeasureOutcomes {
    /// The outcomes as analytics takes them: a measure no rule fed is absent.
    var byMeasure: [Measure: Outcome] {
        var out: [Measure: Outcome] = [:]
        for (measure, outcome) in zip(Measure.allCases, outcomes) {
            if let outcome { out[measure] = outcome }
        }
        return out
    }
}
