import PingchaModel

/// Expands `--input` paths: a file stands for itself; a folder for every export under it
/// (`.csv`, `.txt`, `.tsv`, `.xlsx`, `.xlsm`, `.xls`, any depth), in path order so that "the
/// later of two duplicates" means the same thing on every machine. Excel's lock files
/// (`~$名单.xlsx`, present while a workbook is open) are not exports and are left out.
public enum InputFiles {
    public static func expand(_ paths: [String]) throws(PingchaError) -> [String] {
        var out: [String] = []
        for path in paths {
            guard Directory.exists(path) else { throw .fileNotFound(path) }
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
}
