import ArgumentParser
import PingchaModel
import PingchaRun

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "比较两个或更多已保存的批次：各执法主体的得分、合格率、名次和问题整改情况。")

    @OptionGroup var store: StoreOptions
    @OptionGroup var reportOptions: ReportOptions
    var db: String { store.db }

    @Option(name: .long, help: ArgumentHelp("要比较的批次（至少两个；按评查年度先后比较，与给出的顺序无关）。", valueName: "NAME"))
    var batch: [String] = []

    @Option(name: .long, help: ArgumentHelp("输出文件夹。默认：reports/compare。", valueName: "DIR"))
    var out = "reports/compare"

    @Option(name: .long, help: "案件少于此数的执法主体列出但不排名。")
    var minCases = 10

    func run() throws {
        try reporting { () throws(PingchaError) in
            var names = batch
            if names.isEmpty {
                // All stored batches (compared in the order of their review years).
                names = try BatchCatalogue.list(databasePath: db).reversed().map(\.name)
            }
            var job = CompareJob(databasePath: db, batchNames: names, outputDirectory: out)
            job.minimumCasesForRank = minCases
            job.request = reportOptions.request
            try job.run()
            print("比较结果已写入 \(PathText.asFolder(out))（compare.md、compare.html、compare.xlsx）")
        }
    }
}
