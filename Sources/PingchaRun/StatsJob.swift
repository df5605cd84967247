import Foundation
import GRDB
import PingchaAnalytics
import PingchaIngest
import PingchaDocuments
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore

/// `pingcha stats`: the annual statistical report (Art. 12) for one year, from the cases of
/// a stored batch or straight from exports; beside each figure the previous year's when a
/// batch of an earlier year is stored.
public struct StatsJob {
    public var year: Int
    public var databasePath: String
    public var batchName: String?
    public var inputs: [String] = []
    public var outputDirectory: String
    public var calendar: String?
    /// Templates and issuing details (`--templates`, `--org`, `--date`).
    public var request = ReportRequest()

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
        var current: [StatsCase] = []
        var previous: (year: Int, cases: [StatsCase])?
        if !inputs.isEmpty {
            let files = try InputFiles.expand(inputs)
            let reports = Ingester(catalogue: catalogue).ingest(files: files, handlers: IngestHandlers(onCase: { record in
                current.append(StatsCase(record: record, catalogue: catalogue))
            }))
            if let refused = reports.first(where: { $0.refusal != nil })?.refusal { throw refused }
        } else {
            do {
                let queue = try StoreConnection.open(path: databasePath)
                try queue.read { db in
                    let batches = try StoredBatch.list(db)
                    guard let chosen = try batchName.map({ try StoredBatch.named($0, in: db) }) ?? batches.first(where: { $0.year == year }) else {
                        throw StoreError.noSuchBatch("\(year)年度", known: batches.map(\.name))
                    }
                    current = try Self.cases(chosen, db: db, catalogue: catalogue)
                    // The latest stored batch of an earlier year gives the figures beside.
                    if let earlier = batches.filter({ ($0.year ?? Int.max) < year }).max(by: { ($0.year ?? 0) < ($1.year ?? 0) }),
                       let y = earlier.year {
                        previous = (y, try Self.cases(earlier, db: db, catalogue: catalogue))
                    }
                }
            } catch {
                throw BatchRun.storeError(error, path: databasePath)
            }
        }
        let stats = AnnualStatistics.compute(cases: current, year: year, calendar: cal)
        let before = previous.map { AnnualStatistics.compute(cases: $0.cases, year: $0.year, calendar: cal) }
        let documents = StatsDocuments(stats: stats, previous: before, templates: templates)
        let document = try documents.document(date: templates.settings.date ?? CivilDate.todayInChina)
        let out = try OutputFolder(destination: outputDirectory)
        do throws(PingchaError) {
            try DocumentFiles.write(document, folder: out.staging, name: "stats", formats: [.markdown, .html])
            try documents.writeWorkbook(to: out.path("stats.xlsx"))
        } catch {
            out.discard()
            throw error
        }
        try out.commit()
        return MarkdownWriter.write(document)
    }

    static func cases(_ batch: StoredBatch, db: Database, catalogue: FieldCatalogue) throws -> [StatsCase] {
        var out: [StatsCase] = []
        let layout = batch.valueLayout(catalogue)
        try batch.forEachCase(db) { c in
            let record = CaseRecord(values: c.values(layout), fileIndex: c.inputOrd, line: c.line)
            out.append(StatsCase(record: record, catalogue: catalogue))
        }
        return out
    }
}
