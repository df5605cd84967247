import ArgumentParser
import PingchaIngest
import PingchaModel
#if canImport(Glibc)
import Glibc
#endif

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "导入前检查导出文件：编码、表头映射、接受和退回的行及原因、值警告。"
    )

    enum CasesFormat: String, ExpressibleByArgument { case jsonl }

    @OptionGroup var inputs: InputOptions

    @Option(name: .long, help: "把每个接受的案件按规范化后的字段输出到标准输出（jsonl）；检查报告改写到标准错误。")
    var cases: CasesFormat?

    @Option(name: .long, help: "每个文件最多列出的退回行数。")
    var limit: Int = 20

    @Option(name: .long, help: ArgumentHelp("把未对应的表头和未知的取值写成映射文件的草稿（YAML），核对后用 --mapping 传回。", valueName: "FILE"))
    var suggestMapping: String?

    func run() throws {
        var refused = false
        try reporting { () throws(PingchaError) in
            let catalogue = try inputs.catalogue()
            let options = try inputs.ingestOptions(catalogue: catalogue)
            let files = try inputs.inputFiles()
            var report = InspectReport(catalogue: catalogue, rejectLimit: limit)
            var suggestion = MappingSuggestion(catalogue: catalogue)
            let output = BufferedOutput(fd: 1)
            let handlers = IngestHandlers(
                onCase: { record in
                    guard cases != nil else { return }
                    output.write(JSONText.caseObject(record, catalogue: catalogue))
                    output.write("\n")
                },
                onReject: { report.add($0) },
                onWarning: { w in
                    report.add(w)
                    if suggestMapping != nil { suggestion.add(w) }
                }
            )
            let reports = Ingester(catalogue: catalogue, options: options).ingest(files: files, handlers: handlers)
            output.flush()
            try output.check()
            let text = report.render(reports)
            if cases != nil { printError(text) } else { print(text, terminator: "") }
            refused = reports.contains { $0.refusal != nil }
            if let suggestMapping {
                for r in reports { suggestion.add(r) }
                try suggestion.write(to: suggestMapping)
                printError(suggestion.isEmpty ? "映射文件草稿已写入 \(suggestMapping)（没有需要对应的表头或取值）"
                                              : "映射文件草稿已写入 \(suggestMapping)：请核对后用 --mapping \(suggestMapping) 重新运行")
            }
        }
        if refused { throw ExitCode.failure }
    }
}
