import ArgumentParser
import PingchaIngest
import PingchaModel
import PingchaRun
#if canImport(Glibc)
import Glibc
#endif

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "评查主流程：导入、打分、保存到数据库，并生成全部报告（通报、明细表、summary.json）。"
    )

    @OptionGroup var inputs: InputOptions
    @OptionGroup var rubricOptions: RubricOptions

    @OptionGroup var store: StoreOptions
    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var issuing: IssuingOptions
    var db: String { store.db }

    @Option(name: .long, help: ArgumentHelp("批次名称。默认：“<年度>年度行政执法案卷评查”。", valueName: "NAME"))
    var batch: String?

    @Option(name: .long, help: ArgumentHelp("评查年度。默认：输入文件夹名是年份时取该年份。", valueName: "YYYY"))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp("评查人员填写的评查表（CSV，可重复）。", valueName: "CSV"))
    var scoresheet: [String] = []

    @Option(name: .long, help: ArgumentHelp("报告输出文件夹。默认：reports/<批次名称>。", valueName: "DIR"))
    var out: String?

    @Option(name: .long, help: "案件少于此数的执法主体列出但不排名。")
    var minCases = 10

    @Flag(name: .long, help: "有任何退回的行就中止，不保存任何结果。")
    var strict = false

    @Flag(name: .long, help: "生成正式通报：还有待核实的案卷时拒绝运行（列出这些案卷），不保存任何结果。不加此项时，有待核实的案卷则生成初评通报。")
    var final = false

    @Flag(name: .long, help: "不显示进度和汇总。")
    var quiet = false

    @Flag(name: .long, help: "输出各阶段用时（导入、评分和保存；生成报告）。")
    var timings = false

    func run() throws {
        try reporting { () throws(PingchaError) in
            var inputPaths = inputs.input
            var year = self.year
            if inputPaths.isEmpty {
                let latest = try SampleFolders.latest()
                inputPaths = [latest.path]
                year = year ?? latest.year
            } else if year == nil, inputPaths.count == 1, let last = inputPaths[0].split(separator: "/").last,
                      last.count == 4, let y = Int(last) {
                year = y
            }
            // A mistake in the templates stops the run before anything is stored or written.
            let templates = try reportOptions.request(issuing: issuing).loadTemplates()
            // So does an --out that cannot be the reports' folder.
            if let out, let problem = PathText.folderProblem(out, replacing: true) { throw PathText.error(out, problem) }
            inputs.noteOtherFiles(in: inputPaths)
            var options = RunOptions(inputs: inputPaths)
            options.rubrics = rubricOptions.rubrics
            options.calendar = rubricOptions.calendar
            options.database = db
            options.batchName = batch
            options.year = year
            options.scoresheets = scoresheet
            options.mapping = inputs.mapping
            options.encoding = inputs.encoding
            options.sheet = inputs.sheet
            options.headerRow = try inputs.validHeaderRow()
            options.fields = inputs.fields
            options.strict = strict
            options.final = final
            options.toolVersion = PingchaVersion.current
            let progress = ProgressLine(enabled: !quiet && isatty(2) != 0)
            let started = Clock.now
            let outcome = try BatchRun(options: options).execute(
                progress: { stage, done, _ in progress.show("\(stage)：\(done)") },
                waiting: { message in if !quiet { printError(message) } })
            progress.clear()
            let stored = Clock.now
            let folder = out ?? "reports/" + outcome.batchName
            var writer = ReportWriter(databasePath: db, batchName: outcome.batchName, outputDirectory: folder)
            writer.minimumCasesForRank = minCases
            writer.request = reportOptions.request(issuing: issuing)
            writer.templates = templates
            writer.calendarPath = rubricOptions.calendar
            writer.final = final
            let hints = try writer.write()
            outcome.waitForStore()
            if timings {
                let done = Clock.now
                printError(String(format: "用时：导入、评分并保存 %.2f 秒；生成报告 %.2f 秒；合计 %.2f 秒",
                                  stored - started, done - stored, done - started))
            }
            if let notice = outcome.calendarNotice { printError(notice) }
            if !quiet {
                let rows = outcome.reports.reduce(0) { $0 + $1.rows }
                let skipped = outcome.reports.reduce(0) { $0 + $1.skippedRows }
                print("批次“\(outcome.batchName)”：\(outcome.reports.count) 个文件，记录 \(rows) 行 = 接受 \(outcome.cases) + 退回 \(outcome.rejected)"
                      + (skipped > 0 ? " + 跳过 \(skipped)（合计、说明等非案件行）" : "") + "；"
                      + "打分 \(outcome.scored) 件，无适用标准 \(outcome.uncovered) 件，需人工评查 \(outcome.needsReview) 件")
                print("已保存到 \(db)，报告在 \(PathText.asFolder(folder))")
                for hint in hints { printError("提示：" + hint) }
            }
        }
    }
}

/// Seconds on the monotonic clock.
enum Clock {
    static var now: Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

/// One status line on a terminal, rewritten in place.
final class ProgressLine: @unchecked Sendable {
    let enabled: Bool
    init(enabled: Bool) { self.enabled = enabled }
    func show(_ text: String) {
        guard enabled else { return }
        printErrorRaw("\r\u{1B}[K" + text)
    }
    func clear() { if enabled { printErrorRaw("\r\u{1B}[K") } }
}

/// Writes to standard error as is (no newline added).
func printErrorRaw(_ text: String) {
    text.utf8CString.withUnsafeBufferPointer { buf in _ = write(2, buf.baseAddress, buf.count - 1) }
}
