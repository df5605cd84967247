import ArgumentParser
import PingchaModel
import PingchaRun

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "年度行政执法统计（《克拉玛依市行政执法监督办法》第十二条）：按执法主体和合计统计执法类别、处罚种类、罚没金额、听证、法制审核、复议诉讼、办理时限和三项制度。",
        discussion: "办理时限和三项制度取自评查结果：由评查标准中带 measures 的细则判定（名称见 rubrics/README.md），修改评查标准，统计随之改变。"
            + "批次保存了各案件的这些结果时直接读取；直接统计导出文件（--input），或批次保存于数据库结构版本 4 之前时，按 --rubrics 的评查标准逐案评查后统计。")

    @Option(name: .long, help: "统计年度（按决定日期）。")
    var year: Int

    @OptionGroup var store: StoreOptions
    @OptionGroup var reportOptions: ReportOptions
    var db: String { store.db }

    @Option(name: .long, help: ArgumentHelp("使用的批次。默认：该年度的批次。", valueName: "NAME"))
    var batch: String?

    @Option(name: .long, help: ArgumentHelp("直接统计导出文件（不读数据库）。", valueName: "PATH"))
    var input: [String] = []

    /// `--rubrics` (used for exports and for batches that keep no measures) and `--calendar`.
    @OptionGroup var rubricOptions: RubricOptions

    @Option(name: .long, help: ArgumentHelp("执法人员名册（CSV 或工作簿，可重复）：列出持证率和年度培训学时达标情况。", valueName: "FILE"))
    var roster: [String] = []

    @Option(name: .long, help: ArgumentHelp("检查台账（CSV 或工作簿，可重复）：按检查对象和日期计算检查次数。", valueName: "FILE"))
    var inspections: [String] = []

    @Option(name: .long, help: ArgumentHelp("输出文件夹。默认：reports/stats-<年度>。", valueName: "DIR"))
    var out: String?

    func run() throws {
        try reporting { () throws(PingchaError) in
            var job = StatsJob(year: year, databasePath: db, outputDirectory: out ?? "reports/stats-\(year)")
            job.batchName = batch
            job.inputs = input
            job.rubrics = rubricOptions.rubrics
            job.calendar = rubricOptions.calendar
            job.onNote = { printError("注意：" + $0) }
            job.request = reportOptions.request
            job.rosters = roster
            job.inspectionRegisters = inspections
            _ = try job.run()
            print("年度统计已写入 \(PathText.asFolder(job.outputDirectory))（stats.md、stats.html、stats.xlsx）")
        }
    }
}
