/// How rubric text goes into the standards reference's Markdown. A basis, a quote or a regex
/// written by a supervisor may hold `|`, `*` or `[`: escaped, they cannot split a table cell or
/// turn text bold, and the reference shows them as written. (PingchaDocuments has the same
/// escaping for reports, but the rubric module does not depend on it.)
enum ReferenceMarkdown {
    static let escapable: Set<Character> = ["\\", "|", "*", "#", "<", ">", "_", "`", "["]

    /// Text on one line with Markdown's special characters escaped, for a list item or a cell.
    static func text(_ s: String) -> String {
        var out = ""
        for c in oneLine(s) {
            if escapable.contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// A code span holding `s` as it is: the fence is one backtick longer than any run of
    /// backticks inside (expressions may quote any text).
    static func code(_ s: String) -> String {
        let line = oneLine(s)
        var longest = 0, run = 0
        for c in line {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = line.hasPrefix("`") || line.hasSuffix("`") ? " " : ""
        return fence + pad + line + pad + fence
    }

    /// A table: a header row, the separator, the rows. Cells are Markdown already (escaped
    /// with ``text(_:)``, or a ``code(_:)`` span of a name that holds no `|`).
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        return [row(header), row(header.map { _ in "---" })] + rows.map(row)
    }

    /// Lines of a YAML block scalar joined into one: Chinese lines run on without a space,
    /// other text keeps one.
    static func oneLine(_ s: String) -> String {
        let lines = s.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        var out = ""
        for line in lines {
            if let last = out.unicodeScalars.last, let first = line.unicodeScalars.first, last.isASCII || first.isASCII {
                out += " "
            }
            out += line
        }
        return out
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return s
    }
}
