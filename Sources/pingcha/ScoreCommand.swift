import ArgumentParser
import PingchaIngest
import PingchaModel
import PingchaRubric
import PingchaRun
import PingchaScoring
#if canImport(Glibc)
import Glibc
#endif

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "导入并按评查标准打分，不保存；每个案件的结果输出到标准输出（jsonl 或 csv）。"
    )

    enum Format: String, ExpressibleByArgument { case jsonl, csv }

    @OptionGroup var inputs: InputOptions
    @OptionGroup var rubricOptions: RubricOptions

    @Option(name: .long, help: ArgumentHelp("评查人员填写的评查表（CSV，可重复）。", valueName: "CSV"))
    var scoresheet: [String] = []

    @Option(name: .long, help: "输出格式：jsonl 或 csv。")
    var format: Format = .jsonl

    @Flag(name: .long, help: "不输出汇总信息。")
    var quiet = false

    func run() throws {
        try reporting { () throws(PingchaError) in
            let catalogue = try inputs.catalogue()
            let calendar = try rubricOptions.loadCalendar()
            let rubrics = try loadRubrics(rubricOptions.rubrics, catalogue: catalogue, calendar: calendar)
            let options = try inputs.ingestOptions(catalogue: catalogue)
            let files = try inputs.inputFiles()
            let scorer = Scorer(rubrics)

            var rows: [ScoresheetRow] = []
            var sheetErrors: [PingchaError] = []
            for path in scoresheet {
                let (r, e) = try ScoresheetReader.read(path: path)
                rows += r
                sheetErrors += e
            }
            let book = ReviewBook(rows: rows, scorer: scorer)
            // With scoresheets, unknown cases are only known at the end: hold the output back
            // so that nothing is written when a scoresheet is wrong.
            let output = scoresheet.isEmpty ? BufferedOutput(fd: 1) : BufferedOutput(fd: try temporaryFile(), name: "临时文件（/tmp）")
            let job = ScoreJob(files: files, catalogue: catalogue, ingestOptions: options, scorer: scorer,
                               format: format == .csv ? .csv : .jsonl)
            output.write(bytes: job.preamble)
            let (counts, reports) = job.run(book: book, write: output.write(bytes:))
            output.flush()
            try output.check()
            book.finish()
            let errors = sheetErrors + book.errors
            if !errors.isEmpty {
                for e in errors { printError(e.message) }
                throw .invalidOption("评查表有 \(errors.count) 处错误，未输出结果")
            }
            if let refused = reports.first(where: { $0.refusal != nil })?.refusal { throw refused }
            if !scoresheet.isEmpty {
                output.copyToStandardOutput()
                try output.check()
            }
            reportCalendarFallback(calendar)
            if !quiet {
                printError("已评分：案件 \(counts.cases) 件（打分 \(counts.scored)，无适用标准 \(counts.uncovered)），退回 \(counts.rejects) 行")
            }
        }
    }
}

/// An unlinked temporary file for output held back until the run is known to be good.
func temporaryFile() throws(PingchaError) -> Int32 {
    var template = Array("/tmp/pingcha-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw .unwritable("/tmp", detail: "无法创建临时文件：\(SystemErrorText.current)") }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    return fd
}
