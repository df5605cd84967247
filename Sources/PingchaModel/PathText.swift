/// The folder and the name of a path, split on its last `/`.
///
/// Foundation's `NSString.deletingLastPathComponent` traps on a one-character relative path
/// (`--out o`, swift-corelibs-foundation on Linux, seen with Swift 6.3), so paths the user
/// types are split here instead.
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

    static func trimmingTrailingSlashes(_ path: String) -> String {
        var s = Substring(path)
        while s.count > 1, s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }
}
