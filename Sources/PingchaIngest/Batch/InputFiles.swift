import PingchaModel

/// Expands `--input` paths: a file stands for itself; a folder for every export under it
/// (`.csv`, `.txt`, `.tsv`, `.xlsx`, `.xlsm`, `.xls`, any depth), in path order so that "the
/// later of two duplicates" means the same thing on every machine. Excel's lock files
/// (`~$名单.xlsx`, present while a workbook is open) are not exports and are left out.
public enum InputFiles {
    public static func expand(_ paths: [String]) throws(PingchaError) -> [String] {
        var out: [String] = []
        for path in paths {
            guard Directory.exists(path) else { throw PathText.notFound(path) }
            if Directory.kind(path) == .folder {
                var found: [String] = []
                walk(path, into: &found)
                if found.isEmpty { throw .noCSVFiles(path) }
                out += found.sorted()
            } else {
                out.append(path)
            }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    private static func walk(_ dir: String, into found: inout [String]) {
        for entry in Directory.entries(dir) ?? [] {
            switch entry.kind {
            case .folder: walk(entry.path, into: &found)
            case .file where isExport(entry.name): found.append(entry.path)
            default: break
            }
        }
    }

    static let exportExtensions = ["csv", "txt", "tsv", "xlsx", "xlsm", "xls"]

    static func isExport(_ name: String) -> Bool {
        guard !name.hasPrefix("~$"), !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return false }
        return exportExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// Files in the given folders that are not exports but that people put beside them (a
    /// Word notice, a scanned PDF, a zip of the exports), each with what to do: the commands
    /// print one line per file and read the rest of the folder.
    public static func others(in paths: [String]) -> [(path: String, advice: String)] {
        var out: [(String, String)] = []
        func walk(_ dir: String) {
            for entry in Directory.entries(dir) ?? [] {
                switch entry.kind {
                case .folder: walk(entry.path)
                case .file:
                    guard !entry.name.hasPrefix("~$"), !entry.name.hasPrefix("."), let dot = entry.name.lastIndex(of: ".") else { continue }
                    if let advice = advice[entry.name[entry.name.index(after: dot)...].lowercased()] { out.append((entry.path, advice)) }
                default: break
                }
            }
        }
        for path in paths where Directory.kind(path) == .folder { walk(path) }
        return out.sorted { $0.0 < $1.0 }
    }

    static let advice: [String: String] = [
        "docx": "Word 文档，不是案件清单，已跳过",
        "doc": "Word 文档，不是案件清单，已跳过",
        "wps": "WPS 文字文档，不是案件清单，已跳过",
        "pdf": "PDF 文件无法读取表格，已跳过；请向执法部门索取 Excel 或 CSV 格式的导出文件",
        "zip": "压缩包，已跳过；请先解压，再导入其中的 .xlsx、.xls 或 .csv 文件",
        "rar": "压缩包，已跳过；请先解压，再导入其中的 .xlsx、.xls 或 .csv 文件",
        "7z": "压缩包，已跳过；请先解压，再导入其中的 .xlsx、.xls 或 .csv 文件",
        "et": "WPS 表格文件，已跳过；请在 WPS 中另存为 .xlsx 后再导入",
        "ods": "OpenDocument 表格，已跳过；请在 WPS 或 LibreOffice 中另存为 .xlsx 后再导入",
        "numbers": "Numbers 表格，已跳过；请在 Numbers 中导出为 Excel（.xlsx）后再导入",
    ]
}
