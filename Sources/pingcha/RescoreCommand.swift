import ArgumentParser
import PingchaModel
import PingchaRun

struct RescoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescore",
        abstract: "按其他评查标准重新评分已保存批次的案件，另存为新批次（不需要原始导出文件）。")

    @OptionGroup var store: StoreOptions
    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var issuing: IssuingOptions
    var db: String { store.db }

    @Option(name: .long, help: ArgumentHelp("原批次名称。", valueName: "NAME"))
    var batch: String

    @Option(name: .customLong("as"), help: ArgumentHelp("新批次名称。默认：原名称加“（按新标准）”。", valueName: "NAME"))
    var newName: String?

    @OptionGroup var rubricOptions: RubricOptions

    @Option(name: .long, help: ArgumentHelp("报告输出文件夹。默认：reports/<新批次名称>。", valueName: "DIR"))
    var out: String?

    func run() throws {
        try reporting { () throws(PingchaError) in
            let name = newName ?? batch + "（按新标准）"
            var job = RescoreJob(databasePath: db, sourceBatch: batch, newBatch: name, rubrics: rubricOptions.rubrics)
            job.calendar = rubricOptions.calendar
            job.toolVersion = PingchaVersion.current
            let counts = try job.run()
            let folder = out ?? "reports/" + name
            var writer = ReportWriter(databasePath: db, batchName: name, outputDirectory: folder)
            writer.request = reportOptions.request(issuing: issuing)
            writer.calendarPath = rubricOptions.calendar
            let hints = try writer.write()
            print("已按新标准重新评分：\(counts.cases) 件（打分 \(counts.scored) 件），保存为批次“\(name)”，报告在 \(PathText.asFolder(folder))")
            if counts.decisions > 0 { print("原批次评查人员的判定 \(counts.decisions) 条已按新标准重新采用") }
            if !counts.notApplied.isEmpty {
                printError("注意：原批次评查人员的判定有 \(counts.notApplied.count) 条不适合新标准，未采用：")
                for m in counts.notApplied.prefix(20) { printError("  " + m) }
                if counts.notApplied.count > 20 { printError("  ……另有 \(counts.notApplied.count - 20) 条") }
            }
            for hint in hints { printError("提示：" + hint) }
        }
    }
}
