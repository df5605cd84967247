/// How figures and names from the store are put into Markdown templates, and read back.
///
/// Values are escaped so that a case number with a `|` cannot split a table cell and a cause
/// with `**` cannot turn bold; line breaks become spaces so a value stays on its line.
public enum MarkdownText {
    static let escapable: Set<Character> = ["\\", "|", "*", "#", "<", ">", "_", "`", "["]

    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            if escapable.contains(ch) {
                out.append("\\")
                out.append(ch)
            } else if ch == "\n" || ch == "\r" || ch == "\r\n" {
                out.append(" ")
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Turns `**bold**` into strong runs and `<br>` into a line break, and drops the backslash of
    /// escaped characters.
    static func runs(_ text: Substring) -> [Run] {
        var runs: [Run] = []
        var current = ""
        var strong = false
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            let next = text.index(after: i)
            if ch == "\\", next < text.endIndex, escapable.contains(text[next]) {
                current.append(text[next])
                i = text.index(after: next)
            } else if ch == "<", let length = ["<br>", "<br/>", "<br />"].first(where: { text[i...].hasPrefix($0) })?.count {
                // A line break inside a table cell or paragraph (Markdown has no other way).
                current.append("\n")
                i = text.index(i, offsetBy: length)
            } else if ch == "*", next < text.endIndex, text[next] == "*" {
                if !current.isEmpty { runs.append(Run(current, strong: strong)) }
                current = ""
                strong.toggle()
                i = text.index(after: next)
            } else {
                current.append(ch)
                i = next
            }
        }
        if !current.isEmpty { runs.append(Run(current, strong: strong)) }
        return runs
    }

    /// Text for a table cell: escaped, its line breaks written as `<br>`.
    static func cell(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>")
    }

    static func plain(_ text: Substring) -> String {
        runs(text).map(\.text).joined()
    }
}
