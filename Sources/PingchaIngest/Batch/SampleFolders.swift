#if canImport(Glibc)
import Glibc
#endif
import PingchaModel

/// The bundled sample's layout: one folder per review year under `data/sample`.
public enum SampleFolders {
    public static let root = "data/sample"

    /// The year folders under `root`, oldest first.
    public static func years(root: String = SampleFolders.root) -> [(year: Int, path: String)] {
        guard let d = opendir(root) else { return [] }
        defer { closedir(d) }
        var out: [(Int, String)] = []
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name.count == 4, let year = Int(name) { out.append((year, root + "/" + name)) }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// The latest year's folder: what `run` and `inspect` read when given no `--input`.
    public static func latest(root: String = SampleFolders.root) throws(PingchaError) -> (year: Int, path: String) {
        guard let last = years(root: root).last else {
            throw .invalidOption("没有指定 --input，且在 \(root) 下找不到年度文件夹（如 \(root)/2025）")
        }
        return last
    }
}
