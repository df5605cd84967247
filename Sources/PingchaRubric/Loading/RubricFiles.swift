#if canImport(Glibc)
import Glibc
#endif
import PingchaModel

/// Which files are rubrics: `--rubrics DIR` (and `rubric check DIR`) loads every `*.yaml`
/// directly in DIR, not its subfolders (fragments live there), except `fields.yaml`.
public enum RubricFiles {
    public static func expand(_ paths: [String]) throws(PingchaError) -> [String] {
        var out: [String] = []
        for path in paths {
            var st = stat()
            guard stat(path, &st) == 0 else { throw .fileNotFound(path) }
            guard (st.st_mode & S_IFMT) == S_IFDIR else { out.append(path); continue }
            guard let d = opendir(path) else { throw .unreadable(path, detail: String(cString: strerror(errno))) }
            var found: [String] = []
            while let entry = readdir(d) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"), name != "fields.yaml", !name.hasPrefix(".") else { continue }
                let full = path.hasSuffix("/") ? path + name : path + "/" + name
                var fst = stat()
                if stat(full, &fst) == 0, (fst.st_mode & S_IFMT) == S_IFREG { found.append(full) }
            }
            closedir(d)
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
