import PingchaModel

/// Which files are rubrics: `--rubrics DIR` (and `rubric check DIR`) loads every `*.yaml`
/// directly in DIR, not its subfolders (fragments live there), except `fields.yaml`.
public enum RubricFiles {
    public static func expand(_ paths: [String]) throws(PingchaError) -> [String] {
        var out: [String] = []
        for path in paths {
            guard Directory.exists(path) else { throw PathText.notFound(path) }
            guard Directory.kind(path) == .folder else { out.append(path); continue }
            guard let entries = Directory.entries(path) else { throw .unreadable(path, detail: "无法打开文件夹") }
            let found = entries.filter { e in
                e.kind == .file && (e.name.hasSuffix(".yaml") || e.name.hasSuffix(".yml")) && e.name != "fields.yaml"
            }.map(\.path)
            if found.isEmpty { throw .invalidOption("文件夹 \(path) 中没有评查标准文件（*.yaml）") }
            out += found.sorted()
        }
        return out
    }

    /// `dir/../x.yaml` style paths, made canonical for "included twice" checks.
    static func resolve(_ relative: String, from file: String) -> String {
        let base = relative.hasPrefix("/") ? "" : (file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/"))
        let joined = base.isEmpty ? relative : base + "/" + relative
        var parts: [Substring] = []
        for p in joined.split(separator: "/", omittingEmptySubsequences: false) {
            if p == "." { continue }
            if p == "..", let last = parts.last, last != "..", !last.isEmpty { parts.removeLast(); continue }
            parts.append(p)
        }
        return parts.joined(separator: "/")
    }
}
