#if canImport(Glibc)
import Glibc
#endif

/// Folder listings (input folders, rubric folders, the sample's year folders).
public enum Directory {
    public enum Kind { case file, folder, other }

    /// The entries of a folder, hidden ones left out, with their kind; nil if it cannot be opened.
    public static func entries(_ path: String) -> [(name: String, path: String, kind: Kind)]? {
        guard let d = opendir(path) else { return nil }
        defer { closedir(d) }
        var out: [(String, String, Kind)] = []
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") { continue }
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            out.append((name, full, kind(full)))
        }
        return out
    }

    public static func kind(_ path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .other }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default: return .other
        }
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }
}
