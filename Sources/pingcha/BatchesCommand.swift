import ArgumentParser
import PingchaModel
import PingchaRun
import PingchaStore

struct BatchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batches", abstract: "列出数据库中保存的批次。")

    @OptionGroup var store: StoreOptions
    var db: String { store.db }

    func run() throws {
        try reporting { () throws(PingchaError) in
            let batches = try BatchCatalogue.list(databasePath: db)
            if batches.isEmpty { print("数据库 \(db) 中还没有批次。"); return }
            for b in batches {
                let stage = b.needsReview > 0 ? "初评（待核实 \(b.needsReview)）" : "已核定"
                print("\(b.name)\t年度 \(b.year.map(String.init) ?? "—")\t案件 \(b.casesTotal)\t打分 \(b.casesScored)\t退回 \(b.rowsRejected)\t\(stage)\t运行于 \(b.ranAt)")
            }
        }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "根据数据库中保存的批次重新生成报告（不重新打分）。")

    @OptionGroup var store: StoreOptions
    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var issuing: IssuingOptions

    @Option(name: .long, help: ArgumentHelp("工作日历文件（整改期限）。默认：内置日历。", valueName: "FILE"))
    var calendar: String?
    var db: String { store.db }

    @Option(name: .long, help: ArgumentHelp("批次名称。", valueName: "NAME"))
    var batch: String

    @Option(name: .long, help: ArgumentHelp("报告输出文件夹。默认：reports/<批次名称>。", valueName: "DIR"))
    var out: String?

    @Option(name: .long, help: "案件少于此数的执法主体列出但不排名。")
    var minCases = 10

    @Flag(name: .long, help: "生成正式通报：还有待核实的案卷时拒绝生成（列出这些案卷），不写入任何文件。")
    var final = false

    func run() throws {
        try reporting { () throws(PingchaError) in
            let folder = out ?? "reports/" + batch
            var writer = ReportWriter(databasePath: db, batchName: batch, outputDirectory: folder)
            writer.minimumCasesForRank = minCases
            writer.request = reportOptions.request(issuing: issuing)
            writer.calendarPath = calendar
            writer.final = final
            let hints = try writer.write()
            print("报告已生成：\(PathText.asFolder(folder))")
            for hint in hints { printError("提示：" + hint) }
        }
    }
}
