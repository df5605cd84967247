import ArgumentParser
import PingchaGenerate
import PingchaModel
#if canImport(Glibc)
import Glibc
#endif

/// `pingcha generate`: realistic synthetic case exports for demos, tests and benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "生成逼真的模拟执法案件导出文件（CSV），用于演示、测试和性能测试。",
        discussion: """
        同一组参数（案件数、年份、种子、部门、--messy）在任何机器上生成完全相同的字节。
        普通模式：英文字段标识作表头，规范取值（日期 YYYY-MM-DD，是/否，金额为整数元）。
        --messy：模拟各部门平台导出的差异：中文表头（含别名和单位括号）、多种日期/是否/金额写法、
        部分可选列缺失，并有意写入约千分之三的错误行（缺案件编号、执法类别无效、重复案件、
        列数多一或少一，导入时应退回）和约千分之二的无效可选值（如 2024-13-01，导入时应警告）。
        生成结束后在标准错误输出行数统计（--quiet 不输出）。

        部门：\(SyntheticExport.departmentNames.joined(separator: "、"))。
        """
    )

    @Option(name: .long, help: ArgumentHelp("正常案件行数（--messy 时另加错误行）。", valueName: "N"))
    var cases: Int = 1000

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("决定日期所在年份：逗号分隔或可重复，也可写区间，如 2023,2025 或 2023-2025。默认 2025。",
                               valueName: "YEARS"))
    var years: [String] = []

    @Option(name: .long, help: ArgumentHelp("随机种子（非负整数）：同一种子生成相同的数据。", valueName: "S"))
    var seed: UInt64 = 1

    @Option(name: .long, help: "输出编码：utf8 或 gb18030。")
    var encoding: OutputEncoding = .utf8

    @Option(name: .long, help: ArgumentHelp("输出文件；省略时写到标准输出。", valueName: "FILE"))
    var out: String?

    @Flag(name: .long, help: "模拟真实导出的杂乱格式和少量错误行。")
    var messy = false

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("只生成这些部门（逗号分隔或可重复）；默认全部部门。", valueName: "A,B"))
    var departments: [String] = []

    @Option(name: .customLong("split-dir"),
            help: ArgumentHelp("按部门分别写文件到此文件夹，每个部门一个“<部门>.csv”（没有案件的部门不写文件）。",
                               valueName: "DIR"))
    var splitDir: String?

    @Flag(name: .long, help: "UTF-8 输出时在文件开头写入 BOM（Excel 据此识别 UTF-8）。")
    var bom = false

    @Flag(name: .long, help: "不在标准错误输出统计。")
    var quiet = false

    enum OutputEncoding: String, ExpressibleByArgument, CaseIterable {
        case utf8, gb18030
    }

    func validate() throws {
        guard cases >= 0 else { throw ValidationError("--cases 不能为负数：\(cases)") }
        _ = try parsedYears()
        if out != nil && splitDir != nil {
            throw ValidationError("--out 和 --split-dir 只能选一个：前者写一个文件，后者按部门写多个文件")
        }
        if bom && encoding == .gb18030 {
            throw ValidationError("--bom 只适用于 utf8 编码，GB18030 文件不写 BOM")
        }
        for name in parsedDepartments() ?? [] where !SyntheticExport.departmentNames.contains(name) {
            throw ValidationError(GeneratorError.unknownDepartment(
                name, suggestion: SyntheticExport.nearestDepartment(name), known: SyntheticExport.departmentNames).message)
        }
    }

    /// `2023,2025`, `2023-2025`, repeated `--years`; default 2025.
    func parsedYears() throws -> [Int] {
        var result: [Int] = []
        for item in years.flatMap({ $0.split(whereSeparator: { $0 == "," || $0 == "，" }) }) {
            let text = Self.trimmed(item)
            let bounds = text.split(separator: "-", maxSplits: 1).map { Int(Self.trimmed($0)) }
            guard !bounds.isEmpty, bounds.allSatisfy({ $0 != nil }) else {
                throw ValidationError("--years 的值“\(text)”不是年份（例：2025、2023,2025、2023-2025）")
            }
            let low = bounds[0]!, high = bounds.count == 2 ? bounds[1]! : bounds[0]!
            guard low <= high, high - low < 100 else {
                throw ValidationError("--years 的区间“\(text)”无效：起始年份应不大于结束年份")
            }
            result.append(contentsOf: low...high)
        }
        if result.isEmpty { result = [2025] }
        let range = GeneratorOptions.yearRange
        for y in result where !range.contains(y) {
            throw ValidationError("--years 的年份 \(y) 超出范围（\(range.lowerBound)–\(range.upperBound)）")
        }
        return result
    }

    func parsedDepartments() -> [String]? {
        let names = departments
            .flatMap { $0.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }) }
            .map { Self.trimmed($0) }
            .filter { !$0.isEmpty }
        return names.isEmpty ? nil : names
    }

    func run() throws {
        let options = GeneratorOptions(cases: cases, years: try parsedYears(), seed: seed, messy: messy,
                                       departments: parsedDepartments())
        let fileEncoding: ExportEncoding = encoding == .gb18030 ? .gb18030 : (bom ? .utf8BOM : .utf8)
        let summary: GenerationSummary
        do throws(GeneratorError) {
            let export = try SyntheticExport(options: options)
            if let splitDir {
                summary = try export.writeSplit(directory: splitDir, encoding: fileEncoding)
            } else if let out {
                summary = try export.writeFile(atPath: out, encoding: fileEncoding)
            } else {
                var failure: Int32 = 0
                summary = try export.write(encoding: fileEncoding) { bytes in
                    if failure == 0 { failure = Self.writeAll(bytes, fd: 1) }
                }
                if failure != 0 {
                    throw GeneratorError.cannotWrite(path: "标准输出", detail: SystemErrorText.text(failure))
                }
            }
        } catch {
            Self.printToStandardError("错误：\(error.message)\n")
            throw ExitCode(1)
        }
        if !quiet { Self.printToStandardError(Self.describe(summary)) }
    }

    /// The run in one or two Chinese lines: cases, broken rows by kind, invalid values, files.
    static func describe(_ s: GenerationSummary) -> String {
        var text = "已生成 \(s.cases) 件案件"
        if s.totalBadRows > 0 {
            let names: [BadRowKind: String] = [
                .missingCaseId: "缺案件编号", .invalidEnforcementType: "执法类别无效", .duplicateCase: "重复案件",
                .extraField: "列数多一", .missingField: "列数少一",
            ]
            let parts = BadRowKind.allCases.compactMap { k in s.badRows[k].map { "\(names[k]!) \($0)" } }
            text += "，另有错误行 \(s.totalBadRows) 行（\(parts.joined(separator: "，"))）"
        }
        if s.invalidValues > 0 { text += "，无效可选值 \(s.invalidValues) 个" }
        let files = s.files.compactMap(\.path)
        text += files.isEmpty ? "，共 \(s.bytes) 字节。\n" : "，写入 \(files.count) 个文件，共 \(s.bytes) 字节。\n"
        return text
    }

    static func trimmed(_ s: Substring) -> String {
        var t = s
        while t.first == " " { t = t.dropFirst() }
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }

    /// Writes all of `bytes` to `fd` (write(2) may write less than asked); 0 or the errno.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, fd: Int32) -> Int32 {
        guard let base = bytes.baseAddress else { return 0 }
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }

    static func printToStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { writeAll(UnsafeRawBufferPointer($0), fd: 2) }
    }
}
