import ArgumentParser
import PingchaIngest
import PingchaModel
import PingchaStore
import PingchaCatalogue

extension EncodingChoice: ExpressibleByArgument {}

/// The input flags shared by `inspect`, `score` and `run`.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("输入文件或文件夹（可重复；文件可以是 .csv/.txt 文本或 .xlsx/.xls 工作簿，文件夹读取其中全部这些文件）。默认：data/sample 下最新年度的文件夹。", valueName: "PATH"))
    var input: [String] = []

    @Option(name: .long, help: ArgumentHelp("表头别名和取值同义词的映射文件（YAML）。", valueName: "FILE"))
    var mapping: String?

    @Option(name: .long, help: "文本文件的编码：auto（自动识别）、utf8、gb18030、utf16（无 BOM 的 UTF-16LE）。")
    var encoding: EncodingChoice = .auto

    @Option(name: .long, help: ArgumentHelp("只读取工作簿中这个名称的工作表。默认：读取表头含有必需字段的全部工作表。", valueName: "NAME"))
    var sheet: String?

    @Option(name: .long, help: ArgumentHelp("表头所在的行号（从 1 开始）。默认：在前 20 行中自动查找。", valueName: "N"))
    var headerRow: Int?

    @Option(name: .long, help: ArgumentHelp("字段目录文件。默认：内置的 rubrics/fields.yaml。", valueName: "FILE"))
    var fields: String?

    /// The field catalogue (`--fields` or the built-in one), refused at once when it lacks a
    /// field every case is keyed by (案件编号, 执法主体, 执法类别): nothing is read or stored.
    func catalogue() throws(PingchaError) -> FieldCatalogue {
        let catalogue = try FieldCatalogueLoader.load(optionalPath: fields)
        try CaseKeyFields.check(catalogue)
        return catalogue
    }

    func ingestOptions(catalogue: FieldCatalogue) throws(PingchaError) -> IngestOptions {
        let m = try mapping.map { p throws(PingchaError) in try ExportMapping.load(path: p, catalogue: catalogue) }
        var options = IngestOptions(encoding: encoding, mapping: m)
        options.sheet = sheet
        options.headerRow = try validHeaderRow()
        return options
    }

    func validHeaderRow() throws(PingchaError) -> Int? {
        if let headerRow, headerRow < 1 { throw .invalidOption("--header-row 应为从 1 开始的行号") }
        return headerRow
    }

    func inputFiles() throws(PingchaError) -> [String] {
        let paths = input.isEmpty ? [try SampleFolders.latest().path] : input
        let files = try InputFiles.expand(paths)
        noteOtherFiles(in: paths)
        return files
    }

    /// One line per file in the input folders that is no export (a Word notice, a PDF, a zip).
    func noteOtherFiles(in paths: [String]) {
        for other in InputFiles.others(in: paths) { printError("注意：\(other.path)：\(other.advice)") }
    }
}
