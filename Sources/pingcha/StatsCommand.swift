import ArgumentParser
import PingchaModel
import PingchaRun

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "年度行政执法统计（《克拉玛依市行政执法监督办法》第十二条）：按执法主体和合计统计执法类别、处罚种类、罚没金额、听证、法制审核、复议诉讼、办理时限和三项制度。")

    @Option(name: .long, help: "统计年度（按决定日期）。")
    var year: Int

    @OptionGroup var store: StoreOptions
    @OptionGroup var reportOptions: ReportOptions
    var db: String { store.db }

    @Option(name: .long, help: ArgumentHelp("使用的批次。默认：该年度的批次。", valueName: "NAME"))
    var batch: String?

    @Option(name: .long, help: ArgumentHelp("直接统计导出文件（不读数据库）。", valueName: "PATH"))
    var input: [String] = []

    @Option(name: .long, help: ArgumentHelp("工作日日历文件。", valueName: "FILE"))
    var calendar: String?

    @Option(name: .long, help: ArgumentHelp("输出文件夹。默认：reports/stats-<年度>。", valueName: "DIR"))
    var out: String?

    func run() throws {
        try reporting { () throws(PingchaError) in
            var job = StatsJob(year: year, databasePath: db, outputDirectory: out ?? "reports/stats-\(year)")
            job.batchName = batch
            job.inputs = input
            job.calendar = calendar
            job.request = reportOptions.request
            _ = try job.run()
            print("年度统计已写入 \(job.outputDirectory)/（stats.md、stats.html、stats.xlsx）")
        }
    }
}
