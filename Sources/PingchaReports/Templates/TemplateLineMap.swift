import PingchaModel

/// Which template line each line of a rendered document came from, so that a mistake the
/// Markdown reader finds in the rendered text (a table row without its bars, a `Table:` caption
/// with no table, an unknown chart) is reported at the template line a bureau edits — not at
/// the rendered line, which moves whenever a section above it repeats or disappears.
///
/// Found only when a mistake is reported: the template is rendered a second time with a marker
/// at the start of each of its lines (the view is the same, so the same sections repeat), and
/// each rendered line takes the number of the first marker on it, or of the line before when it
/// has none (a value with line breaks of its own). A line that holds a single section, comment
/// or partial tag is left unmarked: Mustache removes such a "standalone" line from the output,
/// and a marker would make it print an empty line, shifting every line under it.
enum TemplateLineMap {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    /// `text` with each line that prints something prefixed by its 1-based number between the
    /// markers. Lines that begin inside a tag left open on an earlier line stay unmarked.
    static func marked(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var insideTag = false
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { out += "\n" }
            if !insideTag && !isStandaloneTag(line) { out += "\(open)\(i + 1)\(close)" }
            out += line
            insideTag = endsInsideTag(line, startingInside: insideTag)
        }
        return out
    }

    /// For each line of a marked rendering (0-based), its template line; nil before the first marker.
    static func templateLines(ofRendered rendered: String) -> [Int?] {
        var current: Int?
        return rendered.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if let start = line.firstIndex(of: open), let end = line[start...].firstIndex(of: close),
               let n = Int(line[line.index(after: start)..<end]) {
                current = n
            }
            return current
        }
    }

    /// One tag of a kind Mustache drops whole lines for (`{{#x}}`, `{{^x}}`, `{{/x}}`, `{{! …}}`,
    /// `{{> x}}`, `{{= … =}}`, `{{% …}}`), alone but for spaces.
    static func isStandaloneTag(_ line: Substring) -> Bool {
        let t = String(line).trimmingSpaces
        guard t.hasPrefix("{{"), t.hasSuffix("}}"), let sigil = t.dropFirst(2).first, "#^/!>=%".contains(sigil) else { return false }
        // Exactly one tag: no second opening after the first.
        return !t.dropFirst(2).contains("{{")
    }

    /// Whether a `{{` on `line` is still open at its end.
    static func endsInsideTag(_ line: Substring, startingInside: Bool) -> Bool {
        var inside = startingInside
        var previous: Character = " "
        for ch in line {
            if !inside && previous == "{" && ch == "{" { inside = true; previous = " "; continue }
            if inside && previous == "}" && ch == "}" { inside = false; previous = " "; continue }
            previous = ch
        }
        return inside
    }
}
