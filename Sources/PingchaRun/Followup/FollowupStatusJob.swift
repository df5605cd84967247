import Foundation
import PingchaCalendar
import PingchaModel
import PingchaPublish
import PingchaReports
import PingchaRubric
import PingchaStore

/// `pingcha followup status [--as-of DATE]`: the register on a day, as a terminal table, as
/// `followup.xlsx` (整改台账, 逾期清单, 部门汇总) and as `followup.html` (``FollowupStatusHTML``)
/// in the output folder. Reads only: a batch
/// whose register was never opened shows the items it would hold, all 已登记.
public struct FollowupStatusJob {
    public var databasePath: String
    public var batchName: String?
    public var asOf: CivilDate?
    public var outputDirectory: String?
    public var periodsPath: String = FollowupPeriods.defaultPath
    public var calendarPath: String?
    /// `--templates`, `--org` (the HTML's wording and signature).
    public var request = ReportRequest()

    public init(databasePath: String, batchName: String?, asOf: CivilDate?, outputDirectory: String?) {
        self.databasePath = databasePath
        self.batchName = batchName
        self.asOf = asOf
        self.outputDirectory = outputDirectory
    }

    public struct Result {
        public var status: FollowupStatus
        /// Rule labels (“处罚（普通）PRO-10 …”) by `rubric/rule`.
        public var labels: [String: String]
        public var outputDirectory: String
        /// Said when due dates were counted in years the calendar does not cover.
        public var calendarNotice: String?
    }

    public func run() throws(PingchaError) -> Result {
        let periods = try FollowupPeriods.load(path: periodsPath)
        let calendar = try WorkingDayCalendar.load(optionalPath: calendarPath)
        let templates = try request.loadTemplates()
        let day = asOf ?? CivilDate.todayInChina
        let documents: FollowupStatusDocuments
        do {
            let store = try Store(path: databasePath)
            documents = try store.read { s in
                try FollowupStatusDocuments.read(s, batch: try StoredBatch.name(batchName, orNewestIn: s), asOf: day,
                                                 periods: periods, calendar: calendar)
            }
        } catch {
            throw Store.userError(error, path: databasePath)
        }
        let result = documents.status
        let folder = outputDirectory ?? "reports/followup-\(result.batch)/status"
        let out = try OutputFolder(destination: folder)
        do throws(PingchaError) {
            try documents.writeWorkbook(to: out.path("followup.xlsx"), calendar: calendar)
            let document = try documents.document(periods: periods, templates: templates)
            try DocumentFiles.write(document, folder: out.staging, name: "followup", formats: [.html])
        } catch {
            throw out.discard(after: error)
        }
        try out.commit()
        return Result(status: result, labels: documents.labels, outputDirectory: folder, calendarNotice: calendar.fallbackNotice)
    }
}
