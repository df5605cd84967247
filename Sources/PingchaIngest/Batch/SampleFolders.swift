import PingchaModel

/// The bundled sample's layout: one folder per review year under `data/sample`.
public enum SampleFolders {
    public static let root = "data/sample"

    /// The year folders under `root`, oldest first.
    public static func years(root: String = SampleFolders.root) -> [(year: Int, path: String)] {
        (Directory.entries(root) ?? [])
            .compactMap { e in e.kind == .folder && e.name.count == 4 ? Int(e.name).map { ($0, e.path) } : nil }
            .sorted { $0.0 < $1.0 }
    }

    /// The latest year's folder: what `run` and `inspect` read when given no `--input`.
    public static func latest(root: String = SampleFolders.root) throws(PingchaError) -> (year: Int, path: String) {
        guard let last = years(root: root).last else {
            throw .invalidOption("没有指定 --input，且在 \(root) 下找不到年度文件夹（如 \(root)/2025）")
        }
        return last
    }
}
