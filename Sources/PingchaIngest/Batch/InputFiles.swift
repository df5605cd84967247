#if canImport(Glibc)
import Glibc
#endif
import PingchaModel

/// Expands `--input` paths: a file stands for itself; a folder for every `.csv` under it
/// (any depth), in path order so that "the later of two duplicates" means the same thing on
/// every machine.
public enum InputFiles {
    public static func expand(_ paths: [String]) throws(PingchaError) -> [String] {
        var out: [String] = []
        for path in paths {
            var st = stat()
            guard stat(path, &st) == 0 else { throw .fileNotFound(path) }
            if (st.st_mode & S_IFMT) == S_IFDIR {
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
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") { continue }
            let full = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            var st = stat()
            guard stat(full, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR { walk(full, into: &found) }
            else if name.lowercased().hasSuffix(".csv") { found.append(full) }
        }
    }
}
