import PingchaModel

/// Expands `--input` paths: a file stands for itself; a folder for every `.csv` under it
/// (any depth), in path order so that "the later of two duplicates" means the same thing on
/// every machine.
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
            case .file where entry.name.lowercased().hasSuffix(".csv"): found.append(entry.path)
            default: break
            }
        }
    }
}
