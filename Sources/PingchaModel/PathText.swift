/// The paths users type, handled in one place: split, joined, and checked against what is on
/// disk before a command reads or writes there.
///
/// Foundation's `NSString.deletingLastPathComponent` traps on a one-character relative path
/// (`--out o`, swift-corelibs-foundation on Linux, seen with Swift 6.3), so paths are split
/// and joined here as text instead, and no `NSString` path method is called anywhere.
///
/// The checks name what is wrong in Chinese, because the system's own reasons are English
/// (`Not a directory`) or misleading: a folder given as `--scoresheet` read as an empty file,
/// and a file given as `--out` was silently replaced by the reports.
public enum PathText {
    /// The folder holding `path`: "" for a bare name, "/" for a file at the root; trailing
    /// slashes are ignored (`a/b/` is `b` in `a`).
    public static func parent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// The last component of `path` (`a/b/` → `b`).
    public static func name(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `path` without its trailing slashes (`o/` → `o`); `/` stays `/`.
    public static func trimmingTrailingSlashes(_ path: String) -> String {
        var s = Substring(path)
        while s.count > 1, s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }

    /// A folder as a message names it: one `/` at the end, however many the user typed
    /// (`o//` read wrong in "报告在 o//").
    public static func asFolder(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }

    /// `name` inside `folder`, with one `/` between them: `name` alone when `folder` is "",
    /// and `folder` may end in `/` (`reports/` + `bulletin` → `reports/bulletin`).
    public static func joined(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        let base = trimmingTrailingSlashes(folder)
        return base == "/" ? "/" + name : base + "/" + name
    }
}

// MARK: - Checks against the disk

extension PathText {
    /// Why no folder can be written at `path` (`--out DIR`, `generate --split-dir DIR`), or
    /// nil. Missing parent folders are not a problem: those commands create them.
    /// `replacing`: the command swaps the whole folder for a new one (reports), so the current
    /// folder, its parent and the root are refused, where the swap could only fail halfway.
    public static func folderProblem(_ path: String, replacing: Bool) -> String? {
        let trimmed = trimmingTrailingSlashes(path)
        if replacing, trimmed == "/" || name(trimmed) == "." || name(trimmed) == ".." {
            return "输出文件夹会被整个替换，不能是当前文件夹、上级文件夹或根文件夹；请写一个新的子文件夹，如 reports/输出"
        }
        if Directory.exists(trimmed), Directory.kind(trimmed) != .folder {
            return "这是一个文件，这里需要的是文件夹；请换一个名称，或先移走这个文件"
        }
        return fileInTheWay(of: trimmed).map { "\($0) 是文件，不是文件夹" }
    }

    /// Why no file can be written at `path` (`--db FILE`, `generate --out FILE`), or nil.
    /// `createsParents`: the command creates missing parent folders (the store does); when
    /// false, a missing parent is named.
    public static func fileProblem(_ path: String, createsParents: Bool) -> String? {
        if path.hasSuffix("/") {
            return "这里需要的是文件，末尾的 / 表示文件夹；请去掉末尾的 /"
        }
        if Directory.kind(path) == .folder {
            return "这是一个文件夹，这里需要的是文件；请在后面写上文件名"
        }
        if let file = fileInTheWay(of: path) { return "\(file) 是文件，不是文件夹" }
        let folder = parent(path)
        if !createsParents, !folder.isEmpty, !Directory.exists(folder) { return "文件夹 \(folder) 不存在" }
        return nil
    }

    /// The error for a path to read that cannot be found: ``PingchaError/fileNotFound(_:)``,
    /// unless the path says why (a file written with a trailing `/`, a file where one of its
    /// folders should be), which stat(2) reports only as "Not a directory".
    public static func notFound(_ path: String) -> PingchaError {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed != path, Directory.kind(trimmed) == .file {
            return .unreadable(path, detail: "这是文件，不是文件夹；请去掉末尾的 /")
        }
        if let file = fileInTheWay(of: trimmed) { return .unreadable(path, detail: "\(file) 是文件，不是文件夹") }
        return .fileNotFound(path)
    }

    /// A folder given where a file is read (`--scoresheet`, `--mapping`, `--calendar` …).
    public static func folderNotFile(_ path: String) -> PingchaError {
        .unreadable(path, detail: "这是一个文件夹，这里需要的是文件")
    }

    /// A problem found by ``folderProblem(_:replacing:)`` or ``fileProblem(_:createsParents:)``,
    /// as the error the command stops with: `path: problem`.
    public static func error(_ path: String, _ problem: String) -> PingchaError {
        .located(SourceLocation(file: path), problem)
    }

    /// The nearest existing folder on the way to `path` that is a file instead (`a.csv` in
    /// `a.csv/x`), or nil.
    static func fileInTheWay(of path: String) -> String? {
        var folder = parent(path)
        while !folder.isEmpty {
            if Directory.kind(folder) == .folder { return nil }
            if Directory.exists(folder) { return folder }
            if folder == "/" { return nil }
            folder = parent(folder)
        }
        return nil
    }
}
